import { describe, expect, it } from 'vitest';
import { windowStats } from '../../src/sim/comparison.ts';
import { simulate } from '../../src/sim/engine.ts';
import type { Metric, Slot } from '../../src/sim/metrics.ts';
import { pairedDifference } from '../../src/sim/paired.ts';
import type { RunSeries } from '../../src/sim/series.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { DEFAULT_RUNS } from '../../src/ui/workspace/share.ts';
import { presets } from './helpers.ts';

/**
 * Issue 8, "Effects that can be read": at the app's default number of runs
 * and the default world, each single-lever preset's effect on its own
 * headline metric stands out from run-to-run noise: the 90 % interval of the
 * paired difference from the baseline (same seeds: common random numbers)
 * excludes 0, in the direction of the lever's mechanism.
 */
interface Row { preset: string; metric: Metric; slot?: Slot; direction: 'up' | 'down' }

const ROWS: Row[] = [
  { preset: 'awareness-campaign.json', metric: 'consumerDemand', direction: 'down' },
  { preset: 'school-education.json', metric: 'awareShare', direction: 'up' },
  { preset: 'labour-inspection.json', metric: 'victimsIdentified', direction: 'up' },
  { preset: 'recruiter-licensing.json', metric: 'exploitativeRecruiters', direction: 'down' },
  { preset: 'supply-chain-due-diligence.json', metric: 'victimsInExploitation', slot: 'manufacturing', direction: 'down' },
  { preset: 'worker-protection.json', metric: 'newlyTrafficked', direction: 'down' },
  { preset: 'model-law-option-a.json', metric: 'reportsByClients', direction: 'down' },
  { preset: 'model-law-option-b.json', metric: 'reportsByClients', direction: 'down' },
  { preset: 'prostitution-criminalise-buying.json', metric: 'marketVolume', slot: 'sexual', direction: 'down' },
  { preset: 'prostitution-regulate.json', metric: 'hiddenShare', slot: 'sexual', direction: 'down' },
  { preset: 'prostitution-decriminalise.json', metric: 'hiddenShare', slot: 'sexual', direction: 'down' },
];

const inputs = new Map(presets());
const runsOf = (file: string): RunSeries[] => {
  const s = scenarioSchema.parse(inputs.get(file));
  return Array.from({ length: DEFAULT_RUNS }, (_, run) => simulate(s, { seed: s.seed, run }));
};

const windowMeans = (runs: readonly RunSeries[], metric: Metric, slot: Slot = 'total'): number[] => windowStats(runs, [metric], slot)[metric];

describe(`single-lever presets: effects resolved at ${DEFAULT_RUNS} runs`, () => {
  const baseline = runsOf('baseline.json');

  it('every single-lever preset is in the table', () => {
    const composite = ['baseline.json', 'combined-package.json', 'greece-323a.json', 'philippines-ra10364.json', 'uganda-2009-s6.json', 'reporting-immunity.json'];
    expect([...inputs.keys()].filter((f) => !composite.includes(f)).sort()).toEqual(ROWS.map((r) => r.preset).sort());
  });

  it.each(ROWS)('$preset moves $metric ($slot) $direction, clear of noise', ({ preset, metric, slot, direction }) => {
    const runs = runsOf(preset);
    const d = pairedDifference(windowMeans(runs, metric, slot), windowMeans(baseline, metric, slot));
    const text = `${metric}: change ${(100 * d.change).toFixed(1)} % (90 % interval ${(100 * d.changeLo).toFixed(1)} to ${(100 * d.changeHi).toFixed(1)})`;
    expect(d.resolved, text).toBe(true);
    expect(Math.sign(d.meanDiff), text).toBe(direction === 'up' ? 1 : -1);
  });
});
