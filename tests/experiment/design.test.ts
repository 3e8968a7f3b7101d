import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyChanges, designInputs, expandDesign, expandDesignInSteps, ExperimentError, morrisTrajectories, pointCount } from '../../src/experiment/design.ts';
import { validateExperiment, type ExperimentOptions } from '../../src/experiment/schema.ts';
import type { Experiment, ExperimentPoint } from '../../src/experiment/types.ts';
import { getAtPath } from '../../src/scenario/path.ts';
import { smallWorld } from '../support/small-world.ts';

const world = smallWorld('cli');
const options: ExperimentOptions = { readScenario: () => ({ ok: true, scenario: world }) };

function experiment(design: unknown, extra: Record<string, unknown> = {}): Experiment {
  const r = validateExperiment({ format: 'dsw-experiment', version: 1, name: 't', scenario: 'w.json', replicates: 2, design, ...extra }, options);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.experiment;
}
const at = (p: ExperimentPoint, path: string) => getAtPath(p.scenario, path.split('.'));
const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';
const SANCTION = 'interventions.labourInspection.sanction';
const STOP = 'assumptions.clients.stopRate';
const CLIENTS = 'assumptions.population.clients';
const REPORT = 'assumptions.clients.reportRate';

describe('every point', () => {
  test('runs the experiment\'s weeks and seed, and is numbered in design order', () => {
    const points = expandDesign(experiment({ type: 'grid', axes: [{ path: INSPECTORS, values: [1, 2] }] }, { weeks: 7, seed: 99 }));
    expect(points.map((p) => p.index)).toEqual([0, 1]);
    for (const p of points) expect([p.scenario.weeks, p.scenario.seed, p.scenario.name]).toEqual([7, 99, world.name]);
  });

  test('leaves the base scenario untouched', () => {
    const e = experiment({ type: 'monte-carlo', draws: 3, inputs: [STOP, CLIENTS] });
    const before = JSON.stringify(e.scenario);
    expandDesign(e);
    expect(JSON.stringify(e.scenario)).toBe(before);
  });
});

describe('in steps (the app)', () => {
  test('builds the same points as at once, pausing between batches', async () => {
    const e = experiment({ type: 'morris', trajectories: 3, levels: 4, inputs: [STOP, CLIENTS, REPORT] });
    let pauses = 0;
    const points = await expandDesignInSteps(e, async () => void pauses++, 5);
    expect(points).toEqual(expandDesign(e));
    expect(points).toHaveLength(12);
    expect(pauses).toBe(Math.floor(12 / 5));
  });

  test('rejects with every problem, as expandDesign throws', async () => {
    const valid = experiment({ type: 'morris', trajectories: 2, levels: 4, inputs: [STOP] });
    // Made by hand, not by the schema: a design with nothing to vary.
    const e = { ...valid, design: { ...valid.design, inputs: [] } } as Experiment;
    expect(() => expandDesign(e)).toThrow(ExperimentError);
    await expect(expandDesignInSteps(e, async () => {})).rejects.toBeInstanceOf(ExperimentError);
  });
});

describe('grid and list', () => {
  test('a grid is every combination, first axis slowest', () => {
    const points = expandDesign(experiment({ type: 'grid', axes: [{ path: INSPECTORS, values: [1, 2] }, { path: SANCTION, values: [10, 20, 30] }] }));
    expect(points.map((p) => p.values)).toEqual([
      { [INSPECTORS]: 1, [SANCTION]: 10 }, { [INSPECTORS]: 1, [SANCTION]: 20 }, { [INSPECTORS]: 1, [SANCTION]: 30 },
      { [INSPECTORS]: 2, [SANCTION]: 10 }, { [INSPECTORS]: 2, [SANCTION]: 20 }, { [INSPECTORS]: 2, [SANCTION]: 30 },
    ]);
    for (const p of points) {
      expect(p.role).toEqual({ kind: 'grid' });
      expect([at(p, INSPECTORS), at(p, SANCTION)]).toEqual([p.values[INSPECTORS], p.values[SANCTION]]);
    }
  });

  test('a list is one point per package, labelled', () => {
    const points = expandDesign(experiment({ type: 'list', points: [{ label: 'none', set: {} }, { label: 'two', set: { [INSPECTORS]: 2, 'interventions.awareness.clients': { reach: 0.1, fromWeek: 3 } } }] }));
    expect(points.map((p) => p.role)).toEqual([{ kind: 'list', label: 'none' }, { kind: 'list', label: 'two' }]);
    expect(points[0].scenario).toEqual({ ...world, weeks: world.weeks, seed: world.seed });
    expect(at(points[1], INSPECTORS)).toBe(2);
    expect(at(points[1], 'interventions.awareness.clients')).toEqual({ reach: 0.1, fromWeek: 3 });
  });
});

describe('monte-carlo', () => {
  const e = experiment({ type: 'monte-carlo', draws: 25, inputs: [STOP, CLIENTS], ranges: { [STOP]: { min: 0.02, max: 0.3 } } });
  const points = expandDesign(e);

  test('draws each input inside its range, integers whole, one value per Latin-hypercube stratum', () => {
    expect(points.map((p) => p.role)).toEqual(points.map((_, draw) => ({ kind: 'draw', draw })));
    const stops = points.map((p) => p.values[STOP] as number);
    for (const p of points) {
      expect(Object.keys(p.values)).toEqual([STOP, CLIENTS]);
      expect(at(p, STOP)).toBe(p.values[STOP]);
      expect(Number.isInteger(p.values[CLIENTS])).toBe(true);
      expect(p.values[CLIENTS] as number).toBeGreaterThanOrEqual(30);
      expect(p.values[CLIENTS] as number).toBeLessThanOrEqual(90);
    }
    expect(new Set(stops.map((v) => Math.floor(((v - 0.02) / 0.28) * 25))).size).toBe(25);
  });

  test('is the same for the same seed and differs for another', () => {
    expect(expandDesign(e).map((p) => p.values)).toEqual(points.map((p) => p.values));
    expect(expandDesign({ ...e, seed: e.seed + 1 }).map((p) => p.values)).not.toEqual(points.map((p) => p.values));
  });

  test('simple random sampling is another design from the same seed', () => {
    const random = expandDesign({ ...e, design: { ...e.design, sampling: 'random' } as Experiment['design'] });
    expect(random).toHaveLength(25);
    expect(random.map((p) => p.values)).not.toEqual(points.map((p) => p.values));
  });
});

describe('one-at-a-time', () => {
  test('the base first, then each input at its low and high end, the others at the base', () => {
    const e = experiment({ type: 'one-at-a-time', inputs: [STOP, CLIENTS], ranges: { [STOP]: { min: 0.05, max: 0.4 } } });
    const points = expandDesign(e);
    expect(points.map((p) => [p.role, p.values])).toEqual([
      [{ kind: 'oat-base' }, {}],
      [{ kind: 'oat', path: STOP, end: 'low' }, { [STOP]: 0.05 }],
      [{ kind: 'oat', path: STOP, end: 'high' }, { [STOP]: 0.4 }],
      [{ kind: 'oat', path: CLIENTS, end: 'low' }, { [CLIENTS]: 30 }],
      [{ kind: 'oat', path: CLIENTS, end: 'high' }, { [CLIENTS]: 90 }],
    ]);
    expect(at(points[3], STOP)).toBe(at(points[0], STOP));
    expect(pointCount(e)).toBe(5);
  });
});

describe('Morris', () => {
  test('every trajectory moves each input exactly once, by exactly ±Δ, inside the unit cube', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(2, 4, 6, 8, 10), fc.nat(), (k, r, p, seed) => {
        const delta = p / (2 * (p - 1));
        const levels = Array.from({ length: p }, (_, i) => i / (p - 1));
        const trajectories = morrisTrajectories(k, r, p, seed);
        expect(trajectories).toHaveLength(r);
        for (const t of trajectories) {
          expect(t.points).toHaveLength(k + 1);
          expect([...t.order].sort((a, b) => a - b)).toEqual(Array.from({ length: k }, (_, i) => i));
          for (const x of t.points) {
            for (const u of x) {
              expect(u >= 0 && u <= 1 + 1e-12).toBe(true);
              expect(levels.some((l) => Math.abs(l - u) < 1e-9)).toBe(true);
            }
          }
          for (let s = 1; s <= k; s++) {
            const moved = t.points[s].map((u, i) => u - t.points[s - 1][i]);
            const changed = moved.map((d, i) => (Math.abs(d) > 1e-12 ? i : -1)).filter((i) => i >= 0);
            expect(changed).toEqual([t.order[s - 1]]);
            expect(moved[t.order[s - 1]]).toBeCloseTo(t.directions[t.order[s - 1]] * delta, 9);
          }
        }
      }),
      { seed: 17, numRuns: 60 },
    );
  });

  test('points carry their trajectory, step, moved path and ±Δ; values are on the range, integers whole', () => {
    const e = experiment({ type: 'morris', trajectories: 3, levels: 4, inputs: [STOP, CLIENTS, REPORT] });
    const points = expandDesign(e);
    expect(points).toHaveLength(3 * 4);
    expect(pointCount(e)).toBe(12);
    const inputs = designInputs(e).inputs;
    for (const p of points) {
      if (p.role.kind !== 'morris') throw new Error('not a Morris point');
      expect(p.role.trajectory).toBe(Math.floor(p.index / 4));
      expect(p.role.step).toBe(p.index % 4);
      expect(Object.keys(p.values)).toEqual([STOP, CLIENTS, REPORT]);
      for (const input of inputs) {
        const v = p.values[input.path] as number;
        expect(v >= input.min && v <= input.max).toBe(true);
      }
      expect(Number.isInteger(p.values[CLIENTS])).toBe(true);
      if (p.role.step === 0) expect(p.role.path).toBeUndefined();
      else {
        expect(Math.abs(p.role.delta!)).toBeCloseTo(2 / 3, 12);
        const before = points[p.index - 1].values;
        const moved = p.role.path;
        const changed = Object.keys(p.values).filter((k) => p.values[k] !== before[k]);
        // A rounded integer step could be zero; these ranges are wide enough that none is.
        expect(changed).toEqual([moved]);
        const input = inputs.find((i) => i.path === moved)!;
        const step = ((p.values[input.path] as number) - (before[input.path] as number)) / (input.max - input.min);
        expect(step).toBeCloseTo(p.role.delta!, input.integer ? 1 : 9);
      }
    }
  });
});

describe('attribution', () => {
  const pkg = { label: 'p', set: { [INSPECTORS]: 2, [SANCTION]: 20_000, 'interventions.awareness.clients': 0.02, 'interventions.recruiterLicensing.required': true } };

  test('baseline, package, then each measure alone and without', () => {
    const points = expandDesign(experiment({ type: 'attribution', package: pkg }));
    expect(points.map((p) => p.role)).toEqual([
      { kind: 'attribution', set: 'baseline' },
      { kind: 'attribution', set: 'package' },
      { kind: 'attribution', set: 'alone', measure: 'interventions.labourInspection' },
      { kind: 'attribution', set: 'without', measure: 'interventions.labourInspection' },
      { kind: 'attribution', set: 'alone', measure: 'interventions.awareness' },
      { kind: 'attribution', set: 'without', measure: 'interventions.awareness' },
      { kind: 'attribution', set: 'alone', measure: 'interventions.recruiterLicensing' },
      { kind: 'attribution', set: 'without', measure: 'interventions.recruiterLicensing' },
    ]);
    expect(points[0].values).toEqual({});
    expect(points[1].values).toEqual(pkg.set);
    expect(points[2].values).toEqual({ [INSPECTORS]: 2, [SANCTION]: 20_000 });
    expect(points[3].values).toEqual({ 'interventions.awareness.clients': 0.02, 'interventions.recruiterLicensing.required': true });
    expect(at(points[3], INSPECTORS)).toBe(at(points[0], INSPECTORS));
    expect(at(points[3], 'interventions.recruiterLicensing.required')).toBe(true);
  });

  test('listed measures only; with one measure, alone and package are the same scenario (both kept)', () => {
    const points = expandDesign(experiment({ type: 'attribution', package: { label: 'p', set: { [INSPECTORS]: 2, [SANCTION]: 1 } }, measures: ['interventions.labourInspection'] }));
    expect(points.map((p) => p.role)).toEqual([
      { kind: 'attribution', set: 'baseline' },
      { kind: 'attribution', set: 'package' },
      { kind: 'attribution', set: 'alone', measure: 'interventions.labourInspection' },
      { kind: 'attribution', set: 'without', measure: 'interventions.labourInspection' },
    ]);
    expect(points[2].scenario).toEqual(points[1].scenario);
    expect(points[3].scenario).toEqual(points[0].scenario);
  });
});

describe('robustness', () => {
  const e = experiment({
    type: 'robustness', draws: 4, inputs: [STOP, CLIENTS],
    packages: [{ label: 'a', set: { [INSPECTORS]: 2 } }, { label: 'b', set: { [STOP]: 0.5 } }],
  });
  const points = expandDesign(e);

  test('the baseline then each package at each draw, adjacent, sharing the draw\'s values', () => {
    expect(points.map((p) => p.role)).toEqual([0, 1, 2, 3].flatMap((draw) => [
      { kind: 'robustness', package: null, draw }, { kind: 'robustness', package: 'a', draw }, { kind: 'robustness', package: 'b', draw },
    ]));
    for (let d = 0; d < 4; d++) {
      const [base, a, b] = points.slice(3 * d, 3 * d + 3);
      expect(a.values).toEqual({ ...base.values, [INSPECTORS]: 2 });
      expect(at(a, CLIENTS)).toBe(base.values[CLIENTS]);
      // A package's own value wins over the draw's.
      expect(at(b, STOP)).toBe(0.5);
      expect(at(b, CLIENTS)).toBe(base.values[CLIENTS]);
    }
  });

  test('draws the same worlds as a monte-carlo design with the same inputs and seed', () => {
    const mc = expandDesign(experiment({ type: 'monte-carlo', draws: 4, inputs: [STOP, CLIENTS] }));
    expect(points.filter((p) => p.role.kind === 'robustness' && p.role.package === null).map((p) => p.values)).toEqual(mc.map((p) => p.values));
  });
});

describe('points that cannot run', () => {
  test('every problem, naming the point where the file writes the value', () => {
    const e = experiment({ type: 'grid', axes: [{ path: INSPECTORS, values: [1] }] });
    const bad = { ...e, design: { type: 'list', points: [{ label: 'ok', set: {} }, { label: 'x', set: { [INSPECTORS]: 80, [SANCTION]: 'high' } }] } } as Experiment;
    let error: unknown;
    try {
      expandDesign(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExperimentError);
    expect((error as ExperimentError).problems.map((p) => p.message)).toEqual([
      `design.points[1].set["${INSPECTORS}"]: expected a number between 0 and 50, got 80`,
      `design.points[1].set["${SANCTION}"]: expected a number between 0 and 10000000, got "high"`,
    ]);
  });

  test('a design too large is refused before it is expanded', () => {
    const e = experiment({ type: 'morris', trajectories: 20, inputs: [STOP] });
    expect(() => expandDesign({ ...e, design: { ...e.design, trajectories: 60_000 } as Experiment['design'] })).toThrow(/expands to 120000 points/);
  });

  test('inputs that are not numbers', () => {
    const e = experiment({ type: 'one-at-a-time', inputs: [STOP] });
    expect(() => expandDesign({ ...e, design: { type: 'one-at-a-time', inputs: ['interventions.criminaliseUse.variant'], ranges: {} } })).toThrow(ExperimentError);
  });
});

describe('applyChanges', () => {
  test('sets each path on a copy, sharing nothing it changed with the base', () => {
    const base = { a: { b: 1, c: { d: 2 } }, e: 3 };
    const out = applyChanges(base, [{ path: 'a.c.d', value: 5 }, { path: 'a.b', value: 6 }, { path: 'f.g', value: 7 }]) as typeof base & { f: { g: number } };
    expect(out).toEqual({ a: { b: 6, c: { d: 5 } }, e: 3, f: { g: 7 } });
    expect(base).toEqual({ a: { b: 1, c: { d: 2 } }, e: 3 });
  });
  test('refuses keys that reach a prototype', () => {
    expect(() => applyChanges({}, [{ path: 'a.__proto__.x', value: 1 }, { path: 'b', value: 2 }])).toThrow(ExperimentError);
  });
});
