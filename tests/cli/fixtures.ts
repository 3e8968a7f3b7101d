import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

/** A scenario small enough to run in milliseconds (tests only). */
export const SMALL: ScenarioInput = {
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
};

export const smallScenario = (extra: Partial<ScenarioInput> = {}) => scenarioSchema.parse({ ...SMALL, ...extra });
