import { describe, expect, test } from 'vitest';
import { loadExperiment } from '../../src/cli/experiment/load.ts';
import { SCREENING, SCREENING_RANKING } from '../../src/experiment/screening.ts';
import { fieldAt } from '../../src/scenario/fields.ts';
import { HEADLINE_METRICS } from '../../src/sim/comparison.ts';
import { ENGINE_VERSION } from '../../src/sim/engine.ts';

/**
 * The screening ranking the app's tornado starts from (src/experiment/screening.ts,
 * written by `npm run screening` from a run of experiments/morris-all.json). Running
 * that design takes about 15 minutes on two cores, so CI checks that the ranking
 * belongs to this engine and this file, not its figures.
 */
describe('the screening ranking', () => {
  test('was made by this engine from experiments/morris-all.json as it is now', () => {
    expect(SCREENING).not.toBeNull();
    expect(SCREENING!.engineVersion, 'the model changed: rerun the Morris design and `npm run screening`').toBe(ENGINE_VERSION);
    const loaded = loadExperiment('experiments/morris-all.json');
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    expect(SCREENING!.experimentHash).toBe(loaded.hash);
    expect(SCREENING!.points).toBe(loaded.points.length);
  });

  test('ranks every varied assumption for every headline outcome, largest μ* first', () => {
    const loaded = loadExperiment('experiments/morris-all.json');
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const varied = new Set(loaded.points.flatMap((p) => Object.keys(p.values)));
    for (const outcome of HEADLINE_METRICS) {
      const entries = SCREENING_RANKING[outcome];
      expect(entries, outcome).toBeDefined();
      expect(new Set(entries.map((e) => e.path))).toEqual(varied);
      for (const e of entries) expect(fieldAt(e.path)?.path).toBe(e.path);
      const mu = entries.map((e) => e.muStar ?? -Infinity);
      expect(mu).toEqual([...mu].sort((a, b) => b - a));
    }
  });
});
