import { describe, expect, it } from 'vitest';
import { expandDesign } from '../../src/experiment/design.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { RunRequest, SimRunner } from '../../src/sim/runner.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { Explore, packageOf, variableAssumptions, type ExplorePackage } from '../../src/ui/workspace/explore.svelte.ts';
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

function room(opts: { scenario?: Scenario; pins?: ExplorePackage[]; onYield?: (ex: Explore) => void } = {}) {
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
