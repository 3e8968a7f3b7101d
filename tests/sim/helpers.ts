import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateScenario } from '../../src/scenario/load.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/engine.ts';
import type { Metric, Slot } from '../../src/sim/metrics.ts';
import { metricSeries } from '../../src/sim/series.ts';

export const SCENARIO_DIR = join(import.meta.dirname, '../../scenarios');

/** Every preset in scenarios/ as [file, parsed input]. */
export function presets(): [string, ScenarioInput][] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(SCENARIO_DIR, f), 'utf8')) as ScenarioInput]);
}

export { scenario } from '../support/small-world.ts';

/** Mean of each metric over weeks [from, to) and over seeds. */
export function meanOver(s: Scenario, metrics: readonly Metric[], opts: { seeds: readonly number[]; from: number; to?: number; slot?: Slot }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of metrics) out[m] = 0;
  const to = opts.to ?? s.weeks;
  for (const seed of opts.seeds) {
    const r = simulate(s, { seed, run: 0 });
    for (const m of metrics) {
      const x = metricSeries(r, m, opts.slot ?? 'total');
      let t = 0;
      for (let w = opts.from; w < to; w++) t += x[w];
      out[m] += t / (to - opts.from) / opts.seeds.length;
    }
  }
  return out;
}

/** Relative drop of b against a (positive when b is lower). */
export const drop = (a: number, b: number): number => (a - b) / a;

const CAP = 400;
const WEEKS = 20;

/** A random scenario made small: at most CAP agents of each kind and WEEKS weeks, nothing else changed. */
function capPopulations(input: Record<string, unknown>): Record<string, unknown> {
  const doc = structuredClone(input) as { weeks?: number; assumptions?: { population?: Record<string, number>; sectors?: Record<string, Record<string, number>> } };
  doc.weeks = Math.min(doc.weeks ?? WEEKS, WEEKS);
  const p = doc.assumptions?.population;
  if (p) for (const k of ['consumers', 'clients', 'corporateBuyersPerSector']) if (typeof p[k] === 'number') p[k] = Math.min(p[k], CAP);
  for (const sector of Object.values(doc.assumptions?.sectors ?? {})) {
    for (const k of ['employers', 'recruiters', 'workers']) if (typeof sector[k] === 'number') sector[k] = Math.min(sector[k], CAP);
  }
  return doc as Record<string, unknown>;
}

/** A random valid scenario input, made small and loaded; a rejection is a test failure. */
export function smallScenario(input: Record<string, unknown>): Scenario {
  const loaded = validateScenario(capPopulations(input));
  if (!loaded.ok) throw new Error(`a valid scenario was rejected: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.scenario;
}
