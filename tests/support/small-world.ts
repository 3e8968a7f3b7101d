import { mergeLayers } from '../../src/scenario/path.ts';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../src/scenario/schema.ts';

/**
 * The small worlds of the tests, in one table. Each is the world some tests
 * were written against, and their figures depend on it, so the sizes are named
 * by use rather than scaled from one another. Every other field keeps its default.
 */
export const WORLDS = {
  /** A run takes milliseconds: the command line and its runners. */
  cli: {
    name: 'small test scenario',
    weeks: 20,
    seed: 3,
    assumptions: {
      population: { consumers: 300, clients: 60, corporateBuyersPerSector: 3 },
      sectors: {
        sexual: { employers: 10, recruiters: 4, workers: 60 },
        agriculture: { employers: 10, recruiters: 4, workers: 80 },
        manufacturing: { enabled: false },
      },
    },
  },
  /** The actor flows of a short run. */
  flows: { name: 'flows', weeks: 30, assumptions: { population: { consumers: 2000, clients: 300 } } },
  /** The reference engine runs every agent as an xstate actor: the differential tests. */
  reference: {
    weeks: 60,
    assumptions: {
      population: { consumers: 600, clients: 300, corporateBuyersPerSector: 6 },
      sectors: {
        sexual: { employers: 30, workers: 150, recruiters: 10 },
        agriculture: { employers: 30, workers: 250, recruiters: 10 },
        manufacturing: { employers: 30, workers: 250, recruiters: 10 },
      },
    },
  },
  /** Long enough and large enough to compare bytes of many metrics: the determinism tests. */
  determinism: {
    weeks: 80,
    assumptions: {
      population: { consumers: 3000, clients: 600 },
      sectors: { sexual: { employers: 60, workers: 400 }, agriculture: { employers: 80, workers: 1200 }, manufacturing: { employers: 80, workers: 1200 } },
    },
  },
  /** Enough agents for the model's properties to show through noise. */
  properties: {
    weeks: 208,
    assumptions: {
      population: { consumers: 8000, clients: 1500, corporateBuyersPerSector: 20 },
      sectors: {
        sexual: { employers: 150, workers: 900, recruiters: 40 },
        agriculture: { employers: 200, workers: 3000, recruiters: 40 },
        manufacturing: { employers: 200, workers: 3000, recruiters: 40 },
      },
    },
  },
} as const satisfies Record<string, Partial<ScenarioInput>>;

export type WorldSize = keyof typeof WORLDS;

/** A scenario input from layered partial inputs (later layers win), named `test` unless a layer names it. */
export function scenarioInput(...layers: object[]): ScenarioInput {
  return layers.reduce<unknown>((acc, l) => mergeLayers(acc, l), { name: 'test' }) as ScenarioInput;
}

/** A scenario from layered partial inputs, validated and with every default filled in. */
export function scenario(...layers: object[]): Scenario {
  return scenarioSchema.parse(scenarioInput(...layers));
}

/** A small world as a scenario file would say it, with overrides layered on. */
export const smallWorldInput = (size: WorldSize, ...overrides: object[]): ScenarioInput => scenarioInput(WORLDS[size], ...overrides);

/** A small world, validated, with overrides layered on. */
export const smallWorld = (size: WorldSize, ...overrides: object[]): Scenario => scenario(WORLDS[size], ...overrides);
