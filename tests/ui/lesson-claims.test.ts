import { describe, expect, it } from 'vitest';
import { checkClaim, describeClaim, type ClaimCell } from '../../src/lesson/claims.ts';
import type { StepState } from '../../src/lesson/load.ts';
import { canonicalStringify } from '../../src/scenario/hash.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/engine.ts';
import type { Metric } from '../../src/sim/metrics.ts';
import { COMPARE_ROWS, compareCells, type Stat } from '../../src/ui/workspace/compare.ts';
import { baselineFor } from '../../src/ui/workspace/presets.ts';
import { sourceOfRuns } from '../../src/ui/workspace/source.ts';
import type { MetricSource } from '../../src/ui/workspace/source.ts';
import { lessonFiles, loadLesson, presetMap } from '../lesson/helpers.ts';

/**
 * Every claim a lesson's step makes about its results holds in what the app
 * shows for that step: the step's scenario, runs and seed, run by the same
 * engine, read through the Compare view's own cells (paired with the
 * baseline run with the same assumptions and seeds, or with an earlier
 * step's runs). A claim that does not hold fails here.
 */
const baselinePreset = presetMap().get('baseline')!;
const cache = new Map<string, MetricSource>();
function sourceOf(s: Scenario, runs: number): MetricSource {
  const key = `${runs}:${canonicalStringify(s)}`;
  let src = cache.get(key);
  if (!src) {
    src = sourceOfRuns(Array.from({ length: runs }, (_, run) => simulate(s, { seed: s.seed, run })));
    cache.set(key, src);
  }
  return src;
}
const statOf = (m: Metric): Stat => COMPARE_ROWS.find((r) => r.metric === m)?.stat ?? (m === 'hiddenShare' || m.endsWith('Share') ? 'end' : 'mean');
const cell = (run: MetricSource, base: MetricSource, m: Metric): ClaimCell => compareCells(run, base, [{ metric: m, stat: statOf(m) }])[0];

for (const [file, text] of lessonFiles()) {
  const { lesson, states } = loadLesson(text);
  describe(`${file}: every claim holds`, () => {
    lesson.steps.forEach((step, i) => {
      for (const claim of step.claims) {
        it(`step ${i + 1}: ${describeClaim(claim)}`, () => {
          const state = states[i] as StepState;
          expect(state).not.toBeNull();
          const run = sourceOf(state.scenario, state.runs);
          const base = sourceOf(baselineFor(state.scenario, baselinePreset), state.runs);
          const verdict = checkClaim(claim, {
            baseline: (m) => cell(run, base, m),
            step: (n, m) => {
              const earlier = states[n - 1] as StepState;
              return cell(run, sourceOf(earlier.scenario, earlier.runs), m);
            },
          });
          expect(verdict.holds, verdict.text).toBe(true);
        }, 120_000);
      }
    });
  });
}

describe('the checker fails claims that do not hold', () => {
  const c = (change: number, lo: number, hi: number, resolved: boolean | null): ClaimCell => ({ change, changeLo: lo, changeHi: hi, resolved });
  const ctx = (cells: Partial<Record<Metric, ClaimCell>>) => ({ baseline: (m: Metric) => cells[m]!, step: (_: number, m: Metric) => cells[m]! });
  it('a fall within the noise band is not a fall', () => {
    expect(checkClaim({ kind: 'changes', metric: 'reports', direction: 'down' }, ctx({ reports: c(-0.05, -0.1, 0.01, false) })).holds).toBe(false);
    expect(checkClaim({ kind: 'changes', metric: 'reports', direction: 'up' }, ctx({ reports: c(-0.05, -0.1, -0.01, true) })).holds).toBe(false);
  });
  it('"clearly more" needs intervals that do not overlap', () => {
    const cells = { consumerDemand: c(-0.04, -0.05, -0.03, true), derivedDemand: c(-0.03, -0.035, -0.02, true) };
    const claim = { kind: 'changes-more', metric: 'consumerDemand', than: 'derivedDemand', direction: 'down' } as const;
    expect(checkClaim({ ...claim, clearly: false }, ctx(cells)).holds).toBe(true);
    expect(checkClaim({ ...claim, clearly: true }, ctx(cells)).holds).toBe(false);
  });
  it('no clear change fails on a resolved change', () => {
    expect(checkClaim({ kind: 'no-clear-change', metric: 'reports' }, ctx({ reports: c(0.2, 0.1, 0.3, true) })).holds).toBe(false);
  });
});
