import { describe, expect, it } from 'vitest';
import { expandDesign } from '../../src/experiment/design.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { RunRequest, SimRunner } from '../../src/sim/runner.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { summaryJSON } from '../../src/experiment/results.ts';
import { SCREENING, SCREENING_RANKING } from '../../src/experiment/screening.ts';
import { DEFAULT_INPUT_COUNT, Explore, packageOf, variableAssumptions, type ExplorePackage, type Screening } from '../../src/ui/workspace/explore.svelte.ts';
import { looksLikeSummary, parseSummary } from '../../src/ui/workspace/summary-file.ts';
import { secondOrderRows } from '../../src/ui/explore/tables.ts';
import { smallWorld, smallWorldInput } from '../support/small-world.ts';

const base = () => smallWorld('cli');
const withMeasures = () =>
  smallWorld('cli', { name: 'package', interventions: { labourInspection: { inspectorsPer10kWorkers: 3 }, supplyChain: { dueDiligenceShare: 0.6 } } });

/** A synchronous runner that counts the requests it is given. */
function counting(): SimRunner & { calls: RunRequest[] } {
  const inner = createSyncRunner();
  const calls: RunRequest[] = [];
  return { calls, run: (req, hooks) => (calls.push(req), inner.run(req, hooks)) };
}

function room(opts: { scenario?: Scenario; pins?: ExplorePackage[]; onYield?: (ex: Explore) => void; screening?: Screening } = {}) {
  const runner = counting();
  let ex!: Explore;
  let t = 0;
  ex = new Explore({
    runner: () => runner,
    scenario: () => opts.scenario ?? base(),
    pins: () => opts.pins ?? [],
    baselinePreset: base,
    now: () => (t += 100),
    yieldToPage: async () => opts.onYield?.(ex),
    inFlight: 2,
    ...(opts.screening ? { screening: opts.screening } : {}),
  });
  ex.init();
  ex.settings.weeks = 8;
  return { ex, runner };
}

describe('Explore: the experiments it builds', () => {
  it('tornado: one at a time over the chosen inputs, with the chosen replicates and weeks, on the current scenario', () => {
    const { ex } = room({ scenario: withMeasures() });
    const inputs = variableAssumptions(withMeasures()).slice(0, 3);
    ex.settings.inputs = inputs;
    ex.settings.tornadoReplicates = 3;
    const e = ex.build('tornado');
    expect(e.design).toMatchObject({ type: 'one-at-a-time', inputs });
    expect(e.replicates).toBe(3);
    expect(e.weeks).toBe(8);
    expect(e.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(3);
    expect(expandDesign(e)).toHaveLength(1 + 2 * inputs.length);
  });

  it('the default inputs are at most 20 assumptions, each with a non-empty plausible range', () => {
    const { ex } = room();
    expect(ex.settings.inputs.length).toBeGreaterThan(0);
    expect(ex.settings.inputs.length).toBeLessThanOrEqual(20);
    for (const p of ex.settings.inputs) expect(p.startsWith('assumptions.')).toBe(true);
    ex.settings.inputs = ex.settings.inputs.slice(0, 2);
    expect(() => expandDesign(ex.build('tornado'))).not.toThrow();
  });

  it('morris: the chosen trajectories, one replicate', () => {
    const { ex } = room();
    ex.settings.inputs = ex.settings.inputs.slice(0, 2);
    ex.settings.trajectories = 3;
    const e = ex.build('morris');
    expect(e.design).toMatchObject({ type: 'morris', trajectories: 3 });
    expect(e.replicates).toBe(1);
    expect(expandDesign(e)).toHaveLength(3 * (2 + 1));
  });

  it('attribution: the baseline as base, the package of measures that differ from it', () => {
    const { ex } = room({ scenario: withMeasures() });
    const e = ex.build('attribution');
    expect(e.scenario.interventions).toEqual(base().interventions);
    if (e.design.type !== 'attribution') throw new Error('not attribution');
    expect(e.design.package.set).toEqual({ 'interventions.labourInspection.inspectorsPer10kWorkers': 3, 'interventions.supplyChain.dueDiligenceShare': 0.6 });
  });

  it('robustness: the current scenario and each distinct pinned package, empty packages left out', () => {
    const pin = smallWorld('cli', { name: 'pin', interventions: { workerProtection: { migrantRights: 0.5 } } });
    const { ex } = room({ scenario: withMeasures(), pins: [{ label: 'pin', scenario: pin }, { label: 'same', scenario: withMeasures() }, { label: 'nothing', scenario: base() }] });
    ex.settings.draws = 3;
    const e = ex.build('robustness');
    if (e.design.type !== 'robustness') throw new Error('not robustness');
    expect(e.design.packages.map((p) => p.label)).toEqual(['package', 'pin']);
    expect(e.design.draws).toBe(3);
    expect(packageOf('x', base(), base()).set).toEqual({});
  });
});

describe('Explore: running', () => {
  it('a tornado runs every point once, progress reaches the total, and the summary is the analysis of its records', async () => {
    const seen: number[] = [];
    const { ex, runner } = room({ onYield: (x) => seen.push(x.tasks.tornado.done) });
    ex.settings.inputs = ex.settings.inputs.slice(0, 2);
    ex.settings.tornadoReplicates = 1;
    const task = await ex.start('tornado');
    expect(task.status).toBe('done');
    expect(task.total).toBe(5);
    expect(task.done).toBe(task.total);
    expect(runner.calls).toHaveLength(5);
    expect(runner.calls.every((c) => c.runs === 1 && c.weeks === 8)).toBe(true);
    // Progress only grows, one point at a time, up to the total.
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const summary = task.summary!;
    expect(summary.points).toBe(5);
    const tornado = summary.tornado!.find((t) => t.outcome === 'derivedDemand')!;
    expect(tornado.bars).toHaveLength(2);
    // The bars are the records' outcomes: each bar's low and high are its points' means.
    for (const bar of tornado.bars) {
      const at = (end: 'low' | 'high') => {
        const point = summary.pointOutcomes.find((p) => Object.keys(p.values)[0] === bar.path && p.values[bar.path] === (end === 'low' ? bar.lowValue : bar.highValue));
        return point!.outcomes.derivedDemand.total.mean;
      };
      expect(bar.low).toBeCloseTo(at('low'), 12);
      expect(bar.high).toBeCloseTo(at('high'), 12);
    }
    expect(ex.running).toBe(false);
  });

  it('cancel stops at once, keeps nothing and says cancelled; a rerun then completes', async () => {
    const { ex, runner } = room({ onYield: (x) => x.cancel('morris') });
    ex.settings.inputs = ex.settings.inputs.slice(0, 2);
    ex.settings.trajectories = 4;
    const task = await ex.start('morris');
    expect(task.status).toBe('cancelled');
    expect(ex.tasks.morris.status).toBe('cancelled');
    expect(ex.tasks.morris.summary).toBeNull();
    // Only the points already in flight ran (two lanes), not the 12 of the design.
    expect(runner.calls.length).toBeLessThanOrEqual(2);
    expect(task.total).toBe(12);

    const again = room();
    again.ex.settings.inputs = again.ex.settings.inputs.slice(0, 2);
    again.ex.settings.trajectories = 2;
    expect((await again.ex.start('morris')).status).toBe('done');
    expect(again.ex.tasks.morris.summary?.morris?.length).toBeGreaterThan(0);
  });

  it('attribution and robustness run to summaries; without measures they say so and run nothing', async () => {
    const { ex, runner } = room({ scenario: withMeasures() });
    ex.settings.robustnessReplicates = 1;
    ex.settings.draws = 2;
    const a = await ex.start('attribution');
    expect(a.status).toBe('done');
    const att = a.summary!.attribution!.find((x) => x.outcome === 'derivedDemand')!;
    expect(att.steps.map((s) => s.measure).sort()).toEqual(['interventions.labourInspection', 'interventions.supplyChain']);
    const r = await ex.start('robustness');
    expect(r.status).toBe('done');
    expect(r.summary!.robustness!.every((row) => row.package === 'package' && row.draws === 2)).toBe(true);
    expect(r.summary!.frontier?.points).toHaveLength(1);

    const empty = room();
    const calls = empty.runner.calls.length;
    const none = await empty.ex.start('attribution');
    expect(none).toMatchObject({ status: 'failed', error: 'no-measures' });
    expect(empty.runner.calls.length).toBe(calls);
    expect(runner.calls.length).toBeGreaterThan(0);
  });

  it('each analysis is a task of its own: cancelling one leaves another running to the end', async () => {
    let ex!: Explore;
    const r = room({ onYield: (x) => x.cancel('morris') });
    ex = r.ex;
    ex.settings.inputs = ex.settings.inputs.slice(0, 1);
    ex.settings.tornadoReplicates = 1;
    const [tornado] = await Promise.all([ex.start('tornado'), ex.start('morris')]);
    expect(tornado.status).toBe('done');
    expect(ex.tasks.morris.status).toBe('cancelled');
  });
});

describe('Explore: experiment files', () => {
  const file = (over: object = {}) =>
    JSON.stringify({
      format: 'dsw-experiment',
      version: 1,
      name: 'small tornado',
      scenario: smallWorldInput('cli'),
      replicates: 1,
      weeks: 6,
      outcomes: ['derivedDemand', 'reports'],
      design: { type: 'one-at-a-time', inputs: ['assumptions.population.consumers'] },
      ...over,
    });

  it('a good file runs and its analysis is shown', async () => {
    const { ex } = room();
    const task = await ex.openFile('small.json', file());
    expect(task.status).toBe('done');
    expect(ex.fileName).toBe('small.json');
    expect(task.summary!.design).toBe('one-at-a-time');
    expect(task.summary!.tornado!.map((t) => t.outcome)).toEqual(['derivedDemand', 'reports']);
    expect(ex.fileNotes).toEqual([]);
  });

  it('a scenario named by path is replaced by the current scenario, and said so', async () => {
    const { ex } = room({ scenario: withMeasures() });
    const task = await ex.openFile('by-path.json', file({ scenario: 'scenarios/other.json' }));
    expect(task.status).toBe('done');
    expect(task.experiment!.scenario.name).toBe('package');
    expect(ex.fileNotes).toContain('path:scenarios/other.json');
  });

  it('a bad file returns its problems with paths and keeps the work on screen', async () => {
    const { ex } = room();
    await ex.openFile('small.json', file());
    const before = ex.tasks.file;
    const bad = await ex.openFile('bad.json', file({ replicates: 0, design: { type: 'one-at-a-time', inputs: ['assumptions.nope'] } }));
    expect(bad.status).toBe('failed');
    expect(bad.error).toBe('bad-file');
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(bad.problems.some((p) => p.path.startsWith('replicates') || p.path.startsWith('design'))).toBe(true);
    expect(ex.tasks.file).toBe(before);
    expect(ex.fileName).toBe('small.json');
  });
});

describe('Explore as a view', () => {
  it('is a view that links and saved workspaces carry', async () => {
    const { VIEWS, isView, encodeShareHash, decodeShareLink } = await import('../../src/ui/workspace/share.ts');
    expect(VIEWS).toContain('explore');
    expect(isView('explore')).toBe(true);
    const link = decodeShareLink(encodeShareHash(base(), 1, { view: 'explore' }));
    expect(link.view).toBe('explore');
  });
});

describe('Explore: second-order bands (deep uncertainty)', () => {
  it('builds a monte-carlo experiment of the chosen draws and replicates, every week of the chosen outcome only', () => {
    const { ex } = room();
    ex.setOutcome('reports');
    ex.settings.secondOrderDraws = 4;
    ex.settings.secondOrderReplicates = 3;
    const e = ex.build('secondOrder');
    expect(e.design).toMatchObject({ type: 'monte-carlo', draws: 4, sampling: 'latin-hypercube', inputs: 'all' });
    expect(e.replicates).toBe(3);
    expect(e.series).toBe('weekly');
    expect(e.outcomes).toEqual(['reports']);
    expect(e.weeks).toBe(8);
    expect(expandDesign(e)).toHaveLength(4);
  });

  it('runs on the tiny world to bands over every week, the assumptions and chance apart, shares summing to 1, and a CSV row per week', async () => {
    const { ex, runner } = room();
    ex.settings.weeks = 6;
    ex.settings.secondOrderDraws = 3;
    ex.settings.secondOrderReplicates = 2;
    const task = await ex.start('secondOrder');
    expect(task.status).toBe('done');
    expect(runner.calls).toHaveLength(3);
    expect(runner.calls.every((c) => c.runs === 2 && c.weeks === 6)).toBe(true);
    const bands = task.summary!.secondOrder!;
    expect(bands.map((b) => b.outcome)).toEqual(['derivedDemand']);
    const b = bands[0];
    expect(b.mean).toHaveLength(6);
    for (const part of [b.assumptions, b.chance, b.total]) {
      expect(part.p05).toHaveLength(6);
      for (let w = 0; w < 6; w++) expect(part.p05[w]).toBeLessThanOrEqual(part.p95[w] + 1e-9);
    }
    const { assumptions, chance } = b.varianceShare;
    expect(assumptions).toBeGreaterThanOrEqual(0);
    expect(chance).toBeGreaterThanOrEqual(0);
    if (assumptions + chance > 0) expect(assumptions + chance).toBeCloseTo(1, 12);
    // The mean is the mean over every run's week: within the total band.
    for (let w = 0; w < 6; w++) expect(b.mean[w]).toBeGreaterThanOrEqual(b.total.p05[w] - 1e-9);
    const rows = secondOrderRows(b);
    expect(rows.map((r) => r.week)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[2]).toMatchObject({ mean: b.mean[2], assumptions_p05: b.assumptions.p05[2], chance_p95: b.chance.p95[2], total_p95: b.total.p95[2] });
  });
});

describe('Explore: results summary.json from the command line', () => {
  /** A real summary: a small tornado run here, written as the CLI writes it. */
  async function cliSummary(): Promise<string> {
    const { ex } = room();
    ex.settings.inputs = ex.settings.inputs.slice(0, 2);
    ex.settings.tornadoReplicates = 1;
    ex.settings.weeks = 4;
    const task = await ex.start('tornado');
    return summaryJSON(task.summary!);
  }

  it('a good summary is shown as computed, nothing run, every analysis kept', async () => {
    const text = await cliSummary();
    const { ex, runner } = room();
    const calls = runner.calls.length;
    const task = await ex.openFile('summary.json', text);
    expect(task.status).toBe('done');
    expect(runner.calls.length).toBe(calls);
    expect(ex.fileKind).toBe('results');
    expect(ex.fileName).toBe('summary.json');
    expect(task.experiment).toBeNull();
    const original = JSON.parse(text);
    expect(task.summary!.name).toBe(original.name);
    expect(task.summary!.points).toBe(original.points);
    expect(task.summary!.tornado!.map((t) => t.outcome)).toEqual(original.tornado.map((t: { outcome: string }) => t.outcome));
    expect(task.summary!.tornado![0].bars).toEqual(original.tornado[0].bars);
    // Written again, the same bytes: nothing was lost or changed on the way in.
    expect(summaryJSON(task.summary!)).toBe(text);
  });

  it('a tampered summary: each wrong type is a problem with its path, expected and got; the file shown before is kept', async () => {
    const text = await cliSummary();
    const { ex } = room();
    await ex.openFile('good.json', text);
    const before = ex.tasks.file;
    const bad = JSON.parse(text);
    bad.tornado[0].bars[1].low = 'lots';
    bad.replicates = -1;
    bad.pointOutcomes[0].outcomes = 7;
    const task = await ex.openFile('tampered.json', JSON.stringify(bad));
    expect(task).toMatchObject({ status: 'failed', error: 'bad-file' });
    const byPath = Object.fromEntries(task.problems.map((p) => [p.path, p]));
    expect(byPath['tornado[0].bars[1].low']).toMatchObject({ expected: 'a number (or null)', got: '"lots"' });
    expect(byPath['replicates']).toMatchObject({ got: '-1' });
    expect(byPath['pointOutcomes[0].outcomes'].expected).toBe('an object');
    expect(task.problems.every((p) => p.message.startsWith(`${p.path}: expected `))).toBe(true);
    expect(ex.tasks.file).toBe(before);
    expect(ex.fileName).toBe('good.json');
  });

  it('a second-order summary whose bands are not the same length as the mean is refused', () => {
    const band = { p05: [1, 2], p95: [3, 4] };
    const summary = {
      name: 'x', experimentHash: 'h', design: 'monte-carlo', points: 2, replicates: 2, weeks: 2, pointOutcomes: [],
      secondOrder: [{ outcome: 'reports', slot: 'total', mean: [1, 2], assumptions: band, chance: { p05: [1], p95: [3, 4] }, total: band, varianceShare: { assumptions: 0.5, chance: 0.5 } }],
    };
    const r = parseSummary(summary);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['secondOrder[0].chance.p05']);
    const fixed = { ...summary, secondOrder: [{ ...summary.secondOrder[0], chance: band, mean: [1, null] }] };
    const ok = parseSummary(fixed);
    expect(ok.ok).toBe(true);
    // JSON's null (a NaN written out) reads back as NaN.
    if (ok.ok) expect(Number.isNaN(ok.summary.secondOrder![0].mean[1])).toBe(true);
  });

  it('foreign JSON is neither: the experiment parser problems, nothing changed', async () => {
    const { ex, runner } = room();
    expect(looksLikeSummary({ hello: 1 })).toBe(false);
    expect(looksLikeSummary({ experimentHash: 'a', design: 'grid', points: 1 })).toBe(true);
    for (const text of ['{"hello": 1}', '[1, 2, 3]', 'not json at all']) {
      const task = await ex.openFile('foreign.json', text);
      expect(task).toMatchObject({ status: 'failed', error: 'bad-file' });
      expect(task.problems.length).toBeGreaterThan(0);
      expect(task.problems.every((p) => typeof p.path === 'string' && p.message.length > 0)).toBe(true);
    }
    expect(ex.tasks.file.status).toBe('idle');
    expect(ex.fileName).toBeNull();
    expect(runner.calls).toHaveLength(0);
  });
});

describe('Explore: screening defaults', () => {
  const META = { experiment: 'morris-all', experimentHash: 'abc', engineVersion: '9.9.9', points: 10, weeks: 260, replicates: 1 };

  it('with a ranking for the outcome: its top 20 candidates by μ*, said so; without one: the drawer order, said so', () => {
    const candidates = variableAssumptions(base());
    expect(candidates.length).toBeGreaterThan(DEFAULT_INPUT_COUNT);
    // Ranked in reverse drawer order, with a path this scenario cannot vary and one without μ*.
    const entries = [...candidates].reverse().map((path, i) => ({ path, muStar: 1000 - i, sigma: 1 }));
    const ranking = { derivedDemand: [{ path: 'assumptions.nope.nothing', muStar: 5000, sigma: 0 }, { path: candidates[0], muStar: null, sigma: null }, ...entries.slice(1)] };
    const { ex } = room({ screening: { meta: META, ranking } });
    expect(ex.settings.outcome).toBe('derivedDemand');
    const expected = [...candidates].reverse().slice(1, 1 + DEFAULT_INPUT_COUNT);
    expect(ex.settings.inputs).toEqual(expected);
    expect(ex.defaultSource()).toEqual({ kind: 'screening', outcome: 'derivedDemand', engineVersion: '9.9.9' });

    // Another outcome without a ranking: the fallback, and it says so.
    ex.setOutcome('reports');
    expect(ex.settings.inputs).toEqual(candidates.slice(0, DEFAULT_INPUT_COUNT));
    expect(ex.defaultSource()).toEqual({ kind: 'fallback' });
    ex.setOutcome('derivedDemand');
    expect(ex.settings.inputs).toEqual(expected);
  });

  it('the module\'s ranking is the default; an empty ranking falls back', () => {
    const { ex } = room({ screening: { meta: null, ranking: {} } });
    expect(ex.settings.inputs).toEqual(variableAssumptions(base()).slice(0, DEFAULT_INPUT_COUNT));
    expect(ex.defaultSource().kind).toBe('fallback');
    // Without a ranking in its env, the room uses the module's (whatever the lead generates into it).
    const plain = room();
    const explicit = room({ screening: { meta: SCREENING, ranking: SCREENING_RANKING } });
    expect(plain.ex.settings.inputs).toEqual(explicit.ex.settings.inputs);
    expect(plain.ex.defaultSource()).toEqual(explicit.ex.defaultSource());
  });

  it('a list the user edited is kept when the outcome changes; "Default list" forgets the edit', () => {
    const candidates = variableAssumptions(base());
    const ranking = { reports: candidates.slice(-3).map((path, i) => ({ path, muStar: 3 - i, sigma: 0 })) };
    const { ex } = room({ screening: { meta: META, ranking } });
    ex.setInputs([candidates[0]]);
    ex.setOutcome('reports');
    expect(ex.settings.inputs).toEqual([candidates[0]]);
    ex.useDefaultInputs();
    expect(ex.settings.inputs).toEqual(candidates.slice(-3));
    ex.setOutcome('derivedDemand');
    expect(ex.settings.inputs).toEqual(candidates.slice(0, DEFAULT_INPUT_COUNT));
  });
});
