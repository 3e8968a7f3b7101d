import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyse,
  attribution,
  dominates,
  frontier,
  morris,
  OUTCOME_BETTER,
  robustness,
  secondOrderBands,
  spread,
  tornado,
  type Run,
} from '../../src/experiment/analysis.ts';
import type { Design, Experiment, ExperimentPoint, OutcomeGoal, PointRecord, PointRole } from '../../src/experiment/types.ts';
import { HEADLINE_METRICS, type HeadlineMetric } from '../../src/sim/comparison.ts';
import { quantile } from '../../src/sim/stats.ts';
import { smallWorld } from '../support/small-world.ts';

// Synthetic points and records: the analyses read roles and window means only,
// so every point shares one small scenario.
const SCENARIO = smallWorld('cli');
const RANGES = { inputs: 'all', ranges: {} } as const;
const DESIGNS = {
  grid: { type: 'grid', axes: [] },
  list: { type: 'list', points: [] },
  'monte-carlo': { type: 'monte-carlo', draws: 3, sampling: 'latin-hypercube', ...RANGES },
  'one-at-a-time': { type: 'one-at-a-time', ...RANGES },
  morris: { type: 'morris', trajectories: 2, levels: 4, ...RANGES },
  attribution: { type: 'attribution', package: { label: 'p', set: {} } },
  robustness: { type: 'robustness', packages: [], draws: 4, sampling: 'random', ...RANGES },
} as const satisfies Record<Design['type'], Design>;

function experiment(type: Design['type'], over: Partial<Experiment> = {}): Experiment {
  return {
    name: 'synthetic',
    scenario: SCENARIO,
    seed: 5,
    replicates: 2,
    weeks: 3,
    outcomes: ['reports'],
    slots: ['total'],
    series: 'outcomes',
    design: DESIGNS[type],
    ...over,
  };
}

const point = (index: number, role: PointRole, values: Record<string, unknown> = {}): ExperimentPoint => ({ index, role, values, scenario: SCENARIO });

/** A record whose total window means are `byOutcome[outcome]` (one per replicate), with optional weekly series. */
function record(index: number, byOutcome: Partial<Record<HeadlineMetric, number[]>>, weekly?: Partial<Record<HeadlineMetric, number[][]>>): PointRecord {
  const outcomes: Record<string, Record<string, number[]>> = {};
  for (const [o, v] of Object.entries(byOutcome)) outcomes[o] = { total: v };
  const weeklyOut = weekly && Object.fromEntries(Object.entries(weekly).map(([o, v]) => [o, { total: v }]));
  const replicates = Object.values(byOutcome)[0]?.length ?? 0;
  return { index, scenarioHash: 'h', seed: 5, replicates, weeks: 3, outcomes, ...(weeklyOut ? { weekly: weeklyOut } : {}) };
}

/** Points and records paired by index, as the analyses take them. */
const runsOf = (pairs: readonly [PointRole, Partial<Record<HeadlineMetric, number[]>>, Record<string, unknown>?][]): Run[] =>
  pairs.map(([role, values, set], i) => ({ point: point(i, role, set ?? {}), record: record(i, values) }));

describe('OUTCOME_BETTER', () => {
  it('gives a direction for every headline metric: reports and identifications up, the rest down', () => {
    expect(Object.keys(OUTCOME_BETTER).sort()).toEqual([...HEADLINE_METRICS].sort());
    const higher = HEADLINE_METRICS.filter((m) => OUTCOME_BETTER[m] === 'higher');
    expect(higher.sort()).toEqual(['reports', 'victimsIdentified']);
  });
});

describe('spread', () => {
  it('is the mean and type-7 5th/95th percentiles of the finite values', () => {
    const values = Array.from({ length: 21 }, (_, i) => 21 - i); // 21..1, unsorted on purpose
    expect(spread([...values, Number.NaN])).toEqual({ mean: 11, p05: 2, p95: 20 });
    expect(spread([0, 10])).toEqual({ mean: 5, p05: 0.5, p95: 9.5 });
  });
  it('is NaN throughout for no finite values', () => {
    expect(spread([Number.NaN])).toEqual({ mean: Number.NaN, p05: Number.NaN, p95: Number.NaN });
  });
});

describe('secondOrderBands', () => {
  const draws = (perDraw: number[][]) => runsOf(perDraw.map((reps, d) => [{ kind: 'draw', draw: d }, { reports: reps }]));

  it('puts the variance between draws on the assumptions when replicates agree', () => {
    const [b] = secondOrderBands(experiment('monte-carlo'), draws([[1, 1], [5, 5], [9, 9]]));
    expect(b.varianceShare.assumptions).toBeCloseTo(1, 12);
    expect(b.varianceShare.chance).toBeCloseTo(0, 12);
  });
  it('puts it on chance when the draws agree and replicates do not', () => {
    const [b] = secondOrderBands(experiment('monte-carlo'), draws([[1, 9], [1, 9], [1, 9]]));
    expect(b.varianceShare).toEqual({ assumptions: 0, chance: 1 });
  });
  it('splits by the law of total variance (shares sum to 1), and gives 0/0 for no variance', () => {
    // Draw means 2 and 6 (between 4), within-draw variances 1 and 1: total 5 = variance of [1, 3, 5, 7].
    const [b] = secondOrderBands(experiment('monte-carlo'), draws([[1, 3], [5, 7]]));
    expect(b.varianceShare.assumptions).toBeCloseTo(0.8, 12);
    expect(b.varianceShare.chance).toBeCloseTo(0.2, 12);
    const [flat] = secondOrderBands(experiment('monte-carlo'), draws([[4, 4], [4, 4]]));
    expect(flat.varianceShare).toEqual({ assumptions: 0, chance: 0 });
  });
  it('leaves the weekly arrays empty without weekly records', () => {
    const [b] = secondOrderBands(experiment('monte-carlo'), draws([[1, 3], [5, 7]]));
    expect(b.mean).toEqual([]);
    expect(b.total).toEqual({ p05: [], p95: [] });
  });
  it('gives per-week bands: assumptions over draw means, chance around the overall mean, total over every run', () => {
    // Three draws, two replicates, three weeks. Week 0: draws differ, replicates agree; week 1: the reverse.
    const weekly = [
      [[0, 4, 1], [0, 6, 2]],
      [[10, 4, 3], [10, 6, 4]],
      [[20, 4, 5], [20, 6, 60]],
    ];
    const runs = weekly.map((reps, d) => ({ point: point(d, { kind: 'draw', draw: d }), record: record(d, { reports: [1, 2] }, { reports: reps }) }));
    const [b] = secondOrderBands(experiment('monte-carlo'), runs);
    expect(b.mean[0]).toBeCloseTo(10, 12);
    expect(b.assumptions.p05[0]).toBeCloseTo(quantile([0, 10, 20], 0.05), 12);
    expect(b.assumptions.p95[0]).toBeCloseTo(quantile([0, 10, 20], 0.95), 12);
    expect(b.chance.p05[0]).toBeCloseTo(10, 12); // no chance spread in week 0
    expect(b.chance.p95[0]).toBeCloseTo(10, 12);
    expect(b.assumptions.p05[1]).toBeCloseTo(5, 12); // no assumptions spread in week 1
    expect(b.assumptions.p95[1]).toBeCloseTo(5, 12);
    expect(b.chance.p05[1]).toBeCloseTo(5 + quantile([-1, -1, -1, 1, 1, 1], 0.05), 12);
    const all2 = [1, 2, 3, 4, 5, 60].sort((x, y) => x - y);
    expect(b.total.p05[2]).toBeCloseTo(quantile(all2, 0.05), 12);
    expect(b.total.p95[2]).toBeCloseTo(quantile(all2, 0.95), 12);
    expect(b.mean).toHaveLength(3);
  });
});

describe('tornado', () => {
  it('gives each input its low and high mean, bars widest first', () => {
    const runs = runsOf([
      [{ kind: 'oat-base' }, { reports: [9, 11] }],
      [{ kind: 'oat', path: 'b', end: 'low' }, { reports: [9, 9] }, { b: 1 }],
      [{ kind: 'oat', path: 'b', end: 'high' }, { reports: [10, 12] }, { b: 3 }],
      [{ kind: 'oat', path: 'a', end: 'low' }, { reports: [8, 8] }, { a: 0.1 }],
      [{ kind: 'oat', path: 'a', end: 'high' }, { reports: [13, 15] }, { a: 0.9 }],
    ]);
    const [t] = tornado(experiment('one-at-a-time'), runs);
    expect(t.base).toBe(10);
    expect(t.bars.map((b) => b.path)).toEqual(['a', 'b']);
    expect(t.bars[0]).toEqual({ path: 'a', lowValue: 0.1, highValue: 0.9, low: 8, high: 14, swing: 6 });
    expect(t.bars[1].swing).toBe(2);
  });
});

describe('morris', () => {
  const LEVELS = 4;
  const DELTA = LEVELS / (2 * (LEVELS - 1));

  /** Morris trajectories on unit coordinates: start on the grid, move each input once by ±DELTA in `order`. */
  function trajectories(starts: number[][], orders: number[][], f: (x: number[]) => number): Run[] {
    const runs: Run[] = [];
    starts.forEach((start, t) => {
      const x = start.map((l) => l / (LEVELS - 1));
      const at = (role: PointRole) => {
        const values = Object.fromEntries(x.map((v, i) => [`x${i}`, v]));
        const y = f(x);
        runs.push({ point: point(runs.length, role, values), record: record(runs.length, { reports: [y - 0.5, y + 0.5] }) });
      };
      at({ kind: 'morris', trajectory: t, step: 0 });
      orders[t].forEach((i, s) => {
        const delta = x[i] + DELTA <= 1 + 1e-12 ? DELTA : -DELTA;
        x[i] += delta;
        at({ kind: 'morris', trajectory: t, step: s + 1, path: `x${i}`, delta });
      });
    });
    return runs.reverse(); // the analysis must sort by step, not rely on order
  }

  const design = (k: number, r: number) =>
    fc.record({
      coefficients: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: k, maxLength: k }),
      starts: fc.array(fc.array(fc.integer({ min: 0, max: LEVELS - 1 }), { minLength: k, maxLength: k }), { minLength: r, maxLength: r }),
      orders: fc.array(fc.shuffledSubarray([...Array(k).keys()], { minLength: k, maxLength: k }), { minLength: r, maxLength: r }),
    });

  it('recovers |c_i| as mu* and 0 as sigma for a linear function', () => {
    fc.assert(
      fc.property(design(3, 4), ({ coefficients, starts, orders }) => {
        const f = (x: number[]) => x.reduce((s, v, i) => s + coefficients[i] * v, 0);
        const [m] = morris(experiment('morris'), trajectories(starts, orders, f));
        expect(m.entries).toHaveLength(3);
        for (const e of m.entries) {
          const c = coefficients[Number(e.path.slice(1))];
          expect(e.effects).toBe(4);
          expect(e.muStar).toBeCloseTo(Math.abs(c), 9);
          expect(e.mu).toBeCloseTo(c, 9);
          expect(e.sigma).toBeCloseTo(0, 9);
        }
        for (let i = 1; i < m.entries.length; i++) expect(m.entries[i - 1].muStar).toBeGreaterThanOrEqual(m.entries[i].muStar);
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it('gives an interaction a positive sigma (y = x0 · x1)', () => {
    // x0 moves first in both trajectories, once with x1 = 0 and once with x1 = 1: effects 0 and 1.
    const runs = trajectories([[0, 0], [0, 3]], [[0, 1], [0, 1]], (x) => x[0] * x[1]);
    const [m] = morris(experiment('morris'), runs);
    const x0 = m.entries.find((e) => e.path === 'x0')!;
    expect(x0.sigma).toBeGreaterThan(0);
    expect(x0.sigma).toBeCloseTo(Math.SQRT1_2, 9); // sd of [0, 1]
    expect(x0.muStar).toBeCloseTo(0.5, 9);
  });

  it('skips a step whose values did not change and keeps inputs never measured', () => {
    const runs = runsOf([
      [{ kind: 'morris', trajectory: 0, step: 0 }, { reports: [1, 1] }, { n: 2, m: 0 }],
      [{ kind: 'morris', trajectory: 0, step: 1, path: 'n', delta: 0.1 }, { reports: [3, 3] }, { n: 2, m: 0 }], // rounded back
      [{ kind: 'morris', trajectory: 0, step: 2, path: 'm', delta: -0.5 }, { reports: [2, 2] }, { n: 2, m: 1 }],
    ]);
    const [m] = morris(experiment('morris'), runs);
    expect(m.entries.map((e) => [e.path, e.effects])).toEqual([
      ['m', 1],
      ['n', 0],
    ]);
    expect(m.entries[0]).toMatchObject({ mu: 2, muStar: 2, sigma: 0 }); // (2 − 3) / −0.5
  });
});

describe('attribution', () => {
  /** Baseline, package, and each of two measures alone and without, from per-replicate effects. */
  function sets(base: number[], a: number[], b: number[], synergy: number[]): Run[] {
    const add = (...xs: number[][]) => base.map((_, r) => xs.reduce((s, x) => s + x[r], 0));
    const zero = base.map(() => 0);
    return runsOf([
      [{ kind: 'attribution', set: 'baseline' }, { reports: base }],
      [{ kind: 'attribution', set: 'package' }, { reports: add(base, a, b, synergy) }],
      [{ kind: 'attribution', set: 'alone', measure: 'A' }, { reports: add(base, a, zero) }],
      [{ kind: 'attribution', set: 'without', measure: 'A' }, { reports: add(base, b) }],
      [{ kind: 'attribution', set: 'alone', measure: 'B' }, { reports: add(base, b) }],
      [{ kind: 'attribution', set: 'without', measure: 'B' }, { reports: add(base, a) }],
    ]);
  }
  const reps = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 3 });

  it('finds no interaction in additive effects: Σ alone = total, marginal = alone', () => {
    fc.assert(
      fc.property(reps, reps, reps, (base, a, b) => {
        const [at] = attribution(experiment('attribution', { replicates: 3 }), sets(base, a, b, [0, 0, 0]));
        expect(at.interaction).toEqual({ mean: 0, p05: 0, p95: 0 });
        expect(at.steps[0].alone.mean + at.steps[1].alone.mean).toBeCloseTo(at.total.mean, 9);
        expect(at.steps.map((s) => s.measure)).toEqual(['A', 'B']);
        expect(at.steps[0].marginal).toEqual(at.steps[0].alone);
        expect(at.package - at.baseline).toBeCloseTo(at.total.mean, 9);
      }),
      { seed: 3, numRuns: 50 },
    );
  });

  it('puts a synergy in the interaction', () => {
    const [at] = attribution(experiment('attribution', { replicates: 3 }), sets([10, 20, 30], [1, 2, 3], [-4, -4, -4], [5, 7, 9]));
    expect(at.interaction.mean).toBeCloseTo(7, 12);
    expect(at.interaction.p05).toBeGreaterThan(0);
    expect(at.total.mean).toBeCloseTo(2 - 4 + 7, 12);
  });
});

describe('robustness', () => {
  // Per draw, the baseline and one package; two outcomes: derived demand (lower is better) and reports (higher).
  const runs = runsOf(
    [
      [10, 9, 5, 4],
      [20, 21, 6, 5],
      [30, 28, 7, 6],
      [40, 38, 8, 8.5],
      [50, 50, 9, 9], // a tie is no win
    ].flatMap(([dd0, dd1, rp0, rp1], d): [PointRole, Partial<Record<HeadlineMetric, number[]>>][] => [
      [{ kind: 'robustness', package: null, draw: d }, { derivedDemand: [dd0, dd0], reports: [rp0, rp0] }],
      [{ kind: 'robustness', package: 'P', draw: d }, { derivedDemand: [dd1 - 1, dd1 + 1], reports: [rp1, rp1] }],
    ]),
  );
  const exp = experiment('robustness', { outcomes: ['derivedDemand', 'reports'] });

  it('counts the draws a package wins in, per outcome direction, and flags side effects', () => {
    const [dd, rp] = robustness(exp, runs);
    expect(dd).toMatchObject({ package: 'P', outcome: 'derivedDemand', better: 'lower', draws: 5, wins: 0.6, sideEffect: false });
    expect(dd.difference.mean).toBeCloseTo((-1 + 1 - 2 - 2 + 0) / 5, 12);
    expect(rp).toMatchObject({ outcome: 'reports', better: 'higher', wins: 0.2, sideEffect: true });
  });

  it('places packages on the frontier from their mean differences over draws', () => {
    const goals: [OutcomeGoal, OutcomeGoal] = [
      { outcome: 'derivedDemand', better: 'lower' },
      { outcome: 'reports', better: 'higher' },
    ];
    const summary = analyse({ ...exp, frontier: goals }, runs.map((r) => r.point), runs.map((r) => r.record), 'x');
    expect(summary.frontier?.points).toEqual([{ label: 'P', x: -0.8, y: (-1 - 1 - 1 + 0.5) / 5, dominated: false }]);
  });
});

describe('frontier', () => {
  const goal = fc.constantFrom<'lower' | 'higher'>('lower', 'higher');
  const pts = fc.array(fc.record({ x: fc.integer({ min: -3, max: 3 }), y: fc.integer({ min: -3, max: 3 }) }), { maxLength: 12 });

  it('marks a point dominated exactly when another is as good on both and better on one', () => {
    const f = frontier(
      [
        { outcome: 'derivedDemand', better: 'lower' },
        { outcome: 'reports', better: 'higher' },
      ],
      [
        { label: 'a', x: -2, y: 1 },
        { label: 'b', x: -1, y: 1 }, // a: less demand, as many reports
        { label: 'c', x: 0, y: 3 },
        { label: 'd', x: -2, y: 1 }, // the same as a: neither dominates
      ],
    );
    expect(f.points.map((p) => p.dominated)).toEqual([false, true, false, false]);
  });

  it('non-dominated points do not dominate one another; every dominated point has a non-dominated dominator', () => {
    fc.assert(
      fc.property(goal, goal, pts, (bx, by, xy) => {
        const goals: [OutcomeGoal, OutcomeGoal] = [
          { outcome: 'derivedDemand', better: bx },
          { outcome: 'reports', better: by },
        ];
        const f = frontier(goals, xy.map((p, i) => ({ label: `p${i}`, ...p })));
        const front = f.points.filter((p) => !p.dominated);
        for (const p of front) for (const q of front) expect(dominates(goals, p, q)).toBe(false);
        for (const p of f.points.filter((p) => p.dominated)) expect(front.some((q) => dominates(goals, q, p))).toBe(true);
        if (xy.length > 0) expect(front.length).toBeGreaterThan(0);
        // Independently: flip 'higher' goals to 'lower' and test componentwise.
        const sx = bx === 'lower' ? 1 : -1;
        const sy = by === 'lower' ? 1 : -1;
        f.points.forEach((p, i) => {
          const beaten = xy.some((q, j) => j !== i && sx * q.x <= sx * p.x && sy * q.y <= sy * p.y && (sx * q.x < sx * p.x || sy * q.y < sy * p.y));
          expect(p.dominated).toBe(beaten);
        });
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('analyse', () => {
  it('gives every point its spreads and only the analyses of its design', () => {
    const runs = runsOf([
      [{ kind: 'draw', draw: 0 }, { reports: [1, 3] }],
      [{ kind: 'draw', draw: 1 }, { reports: [5, 7] }],
    ]);
    const s = analyse(experiment('monte-carlo'), runs.map((r) => r.point), runs.map((r) => r.record), 'abc');
    expect(s).toMatchObject({ name: 'synthetic', experimentHash: 'abc', design: 'monte-carlo', points: 2, replicates: 2, weeks: 3 });
    expect(s.pointOutcomes[1].outcomes.reports.total).toEqual({ mean: 6, p05: 5.1, p95: 6.9 });
    expect(s.secondOrder).toHaveLength(1);
    expect([s.tornado, s.morris, s.attribution, s.robustness, s.frontier]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('refuses a missing or misplaced record', () => {
    const runs = runsOf([
      [{ kind: 'grid' }, { reports: [1, 3] }],
      [{ kind: 'grid' }, { reports: [5, 7] }],
    ]);
    const points = runs.map((r) => r.point);
    expect(() => analyse(experiment('grid'), points, [runs[0].record], 'h')).toThrow(/no record for point 1/);
    expect(() => analyse(experiment('grid'), points, [runs[1].record, runs[0].record], 'h')).toThrow(/record 1 given for point 0/);
  });

  it('places list points against the one labelled baseline (paired), grid points against point 0', () => {
    const goals: [OutcomeGoal, OutcomeGoal] = [
      { outcome: 'derivedDemand', better: 'lower' },
      { outcome: 'reports', better: 'higher' },
    ];
    const exp = experiment('list', { outcomes: ['derivedDemand', 'reports'], frontier: goals });
    const list = runsOf([
      [{ kind: 'list', label: 'cheap' }, { derivedDemand: [9, 19], reports: [5, 5] }],
      [{ kind: 'list', label: 'baseline' }, { derivedDemand: [10, 20], reports: [5, 6] }],
      [{ kind: 'list', label: 'strong' }, { derivedDemand: [7, 15], reports: [4, 4] }],
    ]);
    const s = analyse(exp, list.map((r) => r.point), list.map((r) => r.record), 'h');
    expect(s.frontier?.points).toEqual([
      { label: 'cheap', x: -1, y: -0.5, dominated: false },
      { label: 'strong', x: -4, y: -1.5, dominated: false },
    ]);
    const grid = runsOf([
      [{ kind: 'grid' }, { derivedDemand: [10, 10], reports: [5, 5] }, { a: 1 }],
      [{ kind: 'grid' }, { derivedDemand: [12, 12], reports: [4, 4] }, { a: 2 }],
    ]);
    const g = analyse({ ...exp, design: DESIGNS.grid }, grid.map((r) => r.point), grid.map((r) => r.record), 'h');
    expect(g.frontier?.points).toEqual([{ label: 'a=2', x: 2, y: -1, dominated: false }]);
  });

  it('is deterministic: the same records give equal summaries', () => {
    const make = () =>
      runsOf([
        [{ kind: 'oat-base' }, { reports: [0.1, 0.2] }],
        [{ kind: 'oat', path: 'p', end: 'low' }, { reports: [0.3, 0.7] }, { p: 1 }],
        [{ kind: 'oat', path: 'p', end: 'high' }, { reports: [0.11, 0.13] }, { p: 2 }],
      ]);
    const a = make();
    const b = make();
    const sa = analyse(experiment('one-at-a-time'), a.map((r) => r.point), a.map((r) => r.record), 'h');
    const sb = analyse(experiment('one-at-a-time'), b.map((r) => r.point), b.map((r) => r.record), 'h');
    expect(sa).toEqual(sb);
    expect(sa.tornado?.[0].bars[0].swing).toBeCloseTo(0.38, 12);
  });
});
