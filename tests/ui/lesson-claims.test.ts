import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/engine.ts';
import type { Metric } from '../../src/sim/metrics.ts';
import { COMPARE_ROWS, compareCells, type CompareCell } from '../../src/ui/workspace/compare.ts';
import { DEFAULT_RUNS } from '../../src/ui/workspace/share.ts';
import { sourceOfRuns } from '../../src/ui/workspace/source.ts';
import { presets } from '../sim/helpers.ts';

/**
 * What the built-in lesson tells trainers to watch (src/ui/lesson.ts and its
 * catalogue text) is what the app shows at its defaults: the presets run with
 * the app's default number of runs against the baseline with the same seeds,
 * read through the Compare view's own cells.
 */
const inputs = new Map(presets());
const sourceOf = (file: string) => {
  const s = scenarioSchema.parse(inputs.get(file));
  return sourceOfRuns(Array.from({ length: DEFAULT_RUNS }, (_, run) => simulate(s, { seed: s.seed, run })));
};
const baseline = sourceOf('baseline.json');
const cellsOf = (file: string): Record<Metric, CompareCell> => {
  const cells = compareCells(sourceOf(file), baseline);
  return Object.fromEntries(COMPARE_ROWS.map((row, i) => [row.metric, cells[i]])) as Record<Metric, CompareCell>;
};
const show = (c: CompareCell) => `${(100 * c.change).toFixed(1)} % (${(100 * c.changeLo).toFixed(1)} to ${(100 * c.changeHi).toFixed(1)})`;

describe('the lesson\'s claims hold in the Compare view at the app\'s defaults', () => {
  it('step 2: an awareness campaign cuts consumer demand clearly more than derived demand (¶11-12)', () => {
    const c = cellsOf('awareness-campaign.json');
    const consumer = c.consumerDemand;
    const derived = c.derivedDemand;
    const text = `consumer ${show(consumer)}, derived ${show(derived)}`;
    expect(consumer.resolved, text).toBe(true);
    expect(consumer.change, text).toBeLessThan(0);
    // Clearly more: the two 90 % intervals do not overlap; and, as the preset's
    // description says, about twice as much.
    expect(consumer.changeHi, text).toBeLessThan(derived.changeLo);
    expect(derived.change, text).toBeLessThan(0);
    expect(consumer.change / derived.change, text).toBeGreaterThanOrEqual(1.5);
    expect(consumer.change / derived.change, text).toBeLessThanOrEqual(3);
  });

  it('step 3: due diligence acts on employers: exploiting employers and derived demand fall', () => {
    const c = cellsOf('supply-chain-due-diligence.json');
    for (const m of ['exploitingEmployers', 'derivedDemand'] as const) {
      expect(c[m].resolved, `${m} ${show(c[m])}`).toBe(true);
      expect(c[m].change, `${m} ${show(c[m])}`).toBeLessThan(0);
    }
  });
});
