import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import type { RunHooks, RunRequest, SimRunner } from '../../src/sim/runner.ts';
import { Workspace } from '../../src/ui/workspace.svelte.ts';
import { DEFAULT_COST, LIVE_COST_LIMIT, LIVE_COST_MULTIPLE, LIVE_MS, runCost } from '../../src/ui/workspace/live.ts';
import { decodeShareHash, DEFAULT_RUNS } from '../../src/ui/workspace/share.ts';
import { defaultScenario } from '../../src/scenario/load.ts';
import { env, INSPECTORS } from './workspace-fixtures.ts';

/** The rooms working together: what spans them (Run, Step, presets) lives in Workspace. */

describe('Workspace editing', () => {
  it('edits the description as part of the scenario: undoable, saved, and the results stay current', async () => {
    const e = env();
    const ws = new Workspace(e);
    await ws.run();
    const before = ws.editor.scenario.description;
    expect(ws.editor.set('description', 'Labour inspection doubled (¶15(d)). <b>not markup</b>')).toEqual([]);
    expect(ws.editor.scenario.description).toBe('Labour inspection doubled (¶15(d)). <b>not markup</b>');
    expect(ws.stale).toBe(false);
    expect(ws.editor.set('description', 'x'.repeat(5001))[0]?.path).toBe('description');
    ws.editor.undo();
    expect(ws.editor.scenario.description).toBe(before);
    ws.editor.redo();
    ws.persistence.persistNow();
    const again = new Workspace({ ...e, location: { getHash: () => '', setHash: () => {} } });
    expect(again.editor.scenario.description).toBe('Labour inspection doubled (¶15(d)). <b>not markup</b>');
  });

  it('loads presets as one undo step', () => {
    const ws = new Workspace(env());
    ws.loadPreset('other');
    expect(ws.editor.scenario.name).toBe('Other');
    expect(ws.editor.scenario.seed).toBe(9);
    ws.editor.undo();
    expect(ws.editor.scenario.name).toBe('Baseline');
  });
});

describe('Workspace runs', () => {
  it('runs the scenario and its baseline, then can pin, compare and export', async () => {
    const ws = new Workspace(env());
    ws.editor.set(INSPECTORS, 5);
    await ws.run();
    expect(ws.sim.status).toBe('done');
    expect(ws.sim.current?.done).toBe(true);
    expect(ws.sim.baseline?.done).toBe(true);
    expect(ws.sim.baseline?.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(0.25);
    expect(ws.sim.baseline?.scenario.seed).toBe(ws.editor.scenario.seed);
    expect(ws.sim.current?.source.knownWeeks).toBe(12);
    expect(ws.playback.shownWeeks).toBe(12);
    expect(ws.sim.csv()?.startsWith('run_stat,sector,metric,week,value')).toBe(true);
    expect(ws.stale).toBe(false);
    expect(ws.pins.pin()).toBe(true);
    expect(ws.pins.list).toHaveLength(1);
    ws.editor.set(INSPECTORS, 1);
    expect(ws.stale).toBe(true);
    expect(ws.pins.pin()).toBe(false);
  });

  it('plays back: reset to week 1, step and replay', async () => {
    const ws = new Workspace(env());
    await ws.run();
    ws.playback.reset();
    expect(ws.playback.shownWeeks).toBe(1);
    ws.step();
    ws.step();
    expect(ws.playback.shownWeeks).toBe(3);
    await ws.run();
    expect(ws.playback.shownWeeks).toBe(12);
  });

  it('stops at once and keeps what it had', async () => {
    const ws = new Workspace(env());
    const running = ws.run();
    ws.stop();
    await running;
    expect(ws.sim.status).toBe('stopped');
    expect(ws.editor.scenario.name).toBe('Baseline');
  });

  it('reports a failing runner and keeps the scenario', async () => {
    const ws = new Workspace(env({ createRunner: () => ({ run: () => Promise.reject(new Error('worker died')) }) }));
    ws.editor.set(INSPECTORS, 2);
    await ws.run();
    expect(ws.sim.status).toBe('failed');
    expect(ws.notices.list.some((n) => n.code === 'run-failed' && n.text.includes('worker died'))).toBe(true);
    expect(ws.editor.get(INSPECTORS)).toBe(2);
  });

  it('shows a failure at once: the other job is cancelled, not awaited, and its results so far are kept', async () => {
    let baselineAborted = false;
    const runner = {
      run: (req: { scenario: Scenario }, hooks: { signal?: AbortSignal; onChunk?: (c: never) => void } = {}) => {
        const isBaseline = req.scenario.interventions.labourInspection.inspectorsPer10kWorkers === 0.25;
        if (!isBaseline) return new Promise((_, reject) => setTimeout(() => reject(new WorkerFault('The simulation worker stopped unexpectedly (Uncaught Error: killed)')), 5));
        // The baseline would never finish by itself; only the abort ends it.
        return new Promise((_, reject) =>
          hooks.signal?.addEventListener('abort', () => {
            baselineAborted = true;
            reject(new DOMException('stopped', 'AbortError'));
          }),
        );
      },
    };
    const ws = new Workspace(env({ createRunner: () => runner as never }));
    ws.editor.set(INSPECTORS, 2);
    const done = ws.run();
    const winner = await Promise.race([done.then(() => 'run ended'), new Promise((r) => setTimeout(() => r('timed out'), 1000))]);
    expect(winner).toBe('run ended');
    expect(baselineAborted).toBe(true);
    expect(ws.sim.status).toBe('failed');
    const failed = ws.notices.list.find((n) => n.code === 'run-failed');
    expect(failed?.text).toBe('The simulation worker stopped unexpectedly (killed). Your scenario and the results so far are kept; press Run to try again.');
    expect(ws.editor.get(INSPECTORS)).toBe(2);
    expect(ws.sim.current?.error).toMatch(/killed/);
  });
});

class WorkerFault extends Error {
  override readonly name = 'WorkerFault';
}

describe('Workspace stepping from scratch', () => {
  it('computes paused on week 1 when Step is pressed before any run: after one step it is week 1', async () => {
    const ws = new Workspace(env());
    ws.step();
    // Wait for the run to end rather than a fixed 200 ms: a cold first run on a busy machine takes longer.
    await vi.waitFor(() => expect(ws.sim.status).not.toBe('running'), { timeout: 10_000 });
    expect(ws.sim.current?.done).toBe(true);
    expect(ws.playback.playing).toBe(false);
    expect(ws.playback.shownWeeks).toBe(1);
    ws.step();
    expect(ws.playback.shownWeeks).toBe(2);
    ws.playback.reset();
    expect(ws.playback.shownWeeks).toBe(1);
  });
});

describe('Workspace limits', () => {
  it('refuses a run that does not fit, saying what fits, and starts nothing', async () => {
    let started = 0;
    const ws = new Workspace(env({ limits: { maxAgents: 100, runBytes: 1024 ** 3 }, createRunner: () => ({ run: () => (started++, Promise.resolve([])) }) }));
    await ws.run();
    expect(started).toBe(0);
    expect(ws.sim.current).toBeNull();
    const n = ws.notices.list.find((x) => x.code === 'run-too-large');
    expect(n?.problems?.[0].path).toBe('assumptions.population');
    expect(n?.problems?.[0].message).toMatch(/at most 100 agents/);
  });
});

describe('Workspace with a box that holds text it could not apply (issue 10)', () => {
  const hold = (ws: Workspace, path: string, label: string, text: string) => ws.editor.drafts.hold({ path, label, text, message: 'Enter a number.' });

  it('refuses Run and Step and says which fields to fix, until they are fixed', async () => {
    const ws = new Workspace(env());
    expect(ws.editor.set(INSPECTORS, 4)).toEqual([]);
    hold(ws, INSPECTORS, 'Inspectors', '-4');
    expect(ws.blockedReason).toBe('Fix 1 field to run or pin: Inspectors.');
    hold(ws, 'weeks', 'Weeks', '-5');
    expect(ws.blockedReason).toBe('Fix 2 fields to run or pin: Inspectors, Weeks.');
    await ws.run();
    ws.step();
    expect(ws.sim.current).toBeNull();
    expect(ws.sim.status).not.toBe('running');
    // Fixing them applies what the boxes show; the run then uses exactly that.
    expect(ws.editor.set(INSPECTORS, 3)).toEqual([]);
    expect(ws.editor.set('weeks', 10)).toEqual([]);
    expect(ws.blockedReason).toBeNull();
    await ws.run();
    expect(ws.sim.current?.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(3);
    expect(ws.sim.current?.scenario.weeks).toBe(10);
  });

  it('refuses Pin while a box holds such text, and pins again once it is reverted', async () => {
    const ws = new Workspace(env());
    await ws.run();
    hold(ws, 'seed', 'Seed', '1.5');
    expect(ws.pin()).toBe(false);
    expect(ws.pins.list).toHaveLength(0);
    ws.editor.drafts.drop('seed');
    expect(ws.pin()).toBe(true);
    expect(ws.pins.list).toHaveLength(1);
  });

  it('never lets such text into the share link or the saved workspace', () => {
    const ws = new Workspace(env());
    hold(ws, 'weeks', 'Weeks', '1e9');
    hold(ws, INSPECTORS, 'Inspectors', '-4');
    const hash = ws.persistence.shareHash();
    const link = decodeShareHash(hash);
    expect(link.kind).toBe('ok');
    if (link.kind !== 'ok') return;
    expect(link.scenario.weeks).toBe(ws.editor.scenario.weeks);
    expect(link.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(0.25);
  });
});

/** A sync runner that records every request it was given (the inspectors lever of each) and every abort. */
function recording() {
  const requests: number[] = [];
  let aborted = 0;
  const inner = createSyncRunner({ chunkWeeks: 4 });
  // While held, requests wait before they compute: a test can see a run in progress however fast the machine.
  let gate: Promise<void> | null = null;
  let open = () => {};
  const runner: SimRunner = {
    run(req: RunRequest, hooks: RunHooks = {}) {
      requests.push(req.scenario.interventions.labourInspection.inspectorsPer10kWorkers);
      hooks.signal?.addEventListener('abort', () => aborted++);
      return gate ? gate.then(() => inner.run(req, hooks)) : inner.run(req, hooks);
    },
  };
  const hold = () => {
    gate = new Promise((r) => (open = r));
  };
  const release = () => {
    gate = null;
    open();
  };
  return { runner, requests, aborted: () => aborted, hold, release };
}

const settled = (ws: Workspace) => vi.waitFor(() => expect(ws.sim.status).not.toBe('running'), { timeout: 10_000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Live mode (issue 10, point 11)', () => {
  it('runs the scenario as the workspace opens, landing on the finished answer', async () => {
    const rec = recording();
    const ws = new Workspace(env({ autoRun: true, createRunner: () => rec.runner }));
    expect(ws.live).toBe(true);
    await vi.waitFor(() => expect(ws.sim.current?.done).toBe(true), { timeout: 10_000 });
    expect(ws.sim.current?.key).toBe(ws.editor.key);
    expect(ws.playback.shownWeeks).toBe(12);
    expect(ws.transportAction).toBe('replay');
    // The default scenario is its own baseline: one request.
    expect(rec.requests).toEqual([0.25]);
    ws.dispose();
  });

  it('without autoRun (tests, and the page before it asks) nothing runs by itself', async () => {
    const rec = recording();
    const ws = new Workspace(env({ createRunner: () => rec.runner }));
    ws.editor.set(INSPECTORS, 2);
    await sleep(LIVE_MS + 50);
    expect(rec.requests).toEqual([]);
    expect(ws.sim.current).toBeNull();
    expect(ws.transportAction).toBe('run');
  });

  it('reruns once the changes rest, for the last values only, cancelling the run for old settings; undo and redo rerun too', async () => {
    const rec = recording();
    const ws = new Workspace(env({ autoRun: true, createRunner: () => rec.runner }));
    await vi.waitFor(() => expect(ws.sim.current?.done).toBe(true), { timeout: 10_000 });
    ws.editor.set(INSPECTORS, 2);
    ws.editor.set(INSPECTORS, 3);
    expect(ws.stale).toBe(true);
    await vi.waitFor(() => expect(ws.sim.finished(ws.editor.key)).toBe(true), { timeout: 10_000 });
    // 2 was never run: the levers had moved on before they rested. The baseline was reused.
    expect(rec.requests).toEqual([0.25, 3]);
    expect(ws.sim.current?.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(3);

    // A change while a run computes cancels it at once.
    rec.hold();
    ws.editor.set(INSPECTORS, 4);
    await vi.waitFor(() => expect(ws.sim.status).toBe('running'), { timeout: 10_000 });
    const abortsBefore = rec.aborted();
    ws.editor.set(INSPECTORS, 5);
    expect(rec.aborted()).toBe(abortsBefore + 1);
    rec.release();
    await vi.waitFor(() => expect(ws.sim.finished(ws.editor.key)).toBe(true), { timeout: 10_000 });
    expect(rec.requests).toEqual([0.25, 3, 4, 5]);

    ws.editor.undo();
    expect(ws.editor.get(INSPECTORS)).toBe(4);
    await vi.waitFor(() => expect(ws.sim.finished(ws.editor.key)).toBe(true), { timeout: 10_000 });
    ws.editor.redo();
    await vi.waitFor(() => expect(ws.sim.finished(ws.editor.key)).toBe(true), { timeout: 10_000 });
    expect(rec.requests).toEqual([0.25, 3, 4, 5, 4, 5]);
    // Seed, weeks and runs rerun as well.
    ws.editor.setRuns(2);
    await vi.waitFor(() => expect(ws.sim.finished(ws.editor.key)).toBe(true), { timeout: 10_000 });
    expect(ws.sim.current?.runs).toBe(2);
    ws.dispose();
  });

  it('waits while a box holds a draft, and reruns once the draft is dropped', async () => {
    const rec = recording();
    const ws = new Workspace(env({ autoRun: true, createRunner: () => rec.runner }));
    await vi.waitFor(() => expect(ws.sim.current?.done).toBe(true), { timeout: 10_000 });
    ws.editor.drafts.hold({ path: 'weeks', label: 'Weeks', text: '-5', message: 'Enter a whole number from 1 to 1040.' });
    ws.editor.set(INSPECTORS, 2);
    await sleep(LIVE_MS + 100);
    expect(rec.requests).toEqual([0.25]);
    expect(ws.stale).toBe(true);
    expect(ws.liveWants).toBe(false);
    ws.editor.drafts.drop('weeks');
    await vi.waitFor(() => expect(ws.sim.finished(ws.editor.key)).toBe(true), { timeout: 10_000 });
    expect(rec.requests).toEqual([0.25, 2]);
    ws.dispose();
  });

  it('off: nothing reruns until Run; on again: reruns what changed; the setting is saved with the workspace', async () => {
    const rec = recording();
    const e = env({ autoRun: true, createRunner: () => rec.runner });
    const ws = new Workspace(e);
    await vi.waitFor(() => expect(ws.sim.current?.done).toBe(true), { timeout: 10_000 });
    ws.setLive(false);
    ws.editor.set(INSPECTORS, 2);
    await sleep(LIVE_MS + 100);
    expect(rec.requests).toEqual([0.25]);
    expect(ws.transportAction).toBe('rerun');
    ws.primary();
    await settled(ws);
    expect(rec.requests).toEqual([0.25, 2]);
    ws.editor.set(INSPECTORS, 3);
    ws.persistence.persistNow();
    // A new page with Live off runs nothing as it opens.
    const again = new Workspace({ ...e, createRunner: () => rec.runner, location: { getHash: () => '', setHash: () => {} } });
    expect(again.live).toBe(false);
    await sleep(LIVE_MS + 100);
    expect(again.sim.current).toBeNull();
    ws.setLive(true);
    await vi.waitFor(() => expect(ws.sim.finished(ws.editor.key)).toBe(true), { timeout: 10_000 });
    expect(rec.requests).toEqual([0.25, 2, 3]);
    ws.dispose();
    again.dispose();
  });

  it('leaves a run the user stopped stopped, until the scenario changes', async () => {
    let calls = 0;
    const never: SimRunner = {
      run: (_req, hooks: RunHooks = {}) => {
        calls++;
        return new Promise((_, reject) => hooks.signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError'))));
      },
    };
    const ws = new Workspace(env({ autoRun: true, createRunner: () => never }));
    await vi.waitFor(() => expect(calls).toBe(1), { timeout: 10_000 });
    expect(ws.canStop).toBe(true);
    ws.stop();
    expect(ws.sim.status).toBe('stopped');
    expect(ws.transportAction).toBe('rerun');
    ws.editor.drafts.hold({ path: 'seed', label: 'Seed', text: 'x', message: 'Enter a number.' });
    ws.editor.drafts.drop('seed');
    await sleep(LIVE_MS + 100);
    expect(calls).toBe(1);
    ws.editor.set(INSPECTORS, 2);
    // The scenario and, now that it differs from it, its baseline.
    await vi.waitFor(() => expect(calls).toBe(3), { timeout: 10_000 });
    ws.dispose();
  });

  it(`pauses itself above ${LIVE_COST_MULTIPLE} times the default world and says why; Run still runs`, async () => {
    const defaults = defaultScenario();
    expect(DEFAULT_COST).toBe(runCost(defaults, DEFAULT_RUNS));
    expect(LIVE_COST_LIMIT).toBe(LIVE_COST_MULTIPLE * DEFAULT_COST);
    let calls = 0;
    const never: SimRunner = {
      run: (_req, hooks: RunHooks = {}) => {
        calls++;
        return new Promise((_, reject) => hooks.signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError'))));
      },
    };
    const big = { ...defaults, name: 'Big', weeks: 1040 };
    const ws = new Workspace(env({ autoRun: true, createRunner: () => never, presets: [{ id: 'baseline', scenario: big }] }));
    // 1,040 weeks × 5 runs of the default world: four times the default cost, still live.
    expect(runCost(big, 5)).toBe(4 * DEFAULT_COST);
    expect(ws.liveHold).toBeNull();
    await vi.waitFor(() => expect(calls).toBe(1), { timeout: 10_000 });
    ws.stop();
    ws.editor.setRuns(6);
    expect(ws.liveHold).toBe(`Live paused: 44,660 agents × 1040 weeks × 6 runs is more than ${LIVE_COST_MULTIPLE} times the default world. Press Run to compute it.`);
    await sleep(LIVE_MS + 100);
    expect(calls).toBe(1);
    expect(ws.transportAction).toBe('rerun');
    void ws.run();
    await vi.waitFor(() => expect(calls).toBe(2), { timeout: 10_000 });
    ws.dispose();
  });
});

describe('The transport says what a press will do (issue 10, point 10)', () => {
  it('Run, Pause, Resume after a pause, Play, Replay at the end and Rerun when the levers changed; Stop stops playback', async () => {
    const frames: ((t: number) => void)[] = [];
    const ws = new Workspace(env({ frame: (cb) => frames.push(cb) }));
    expect(ws.transportAction).toBe('run');
    expect(ws.canStop).toBe(false);
    await ws.run();
    // The computation is done; playback is still playing (no frame has ticked): Stop is enabled for it.
    expect(ws.sim.status).toBe('done');
    expect(ws.playback.playing).toBe(true);
    expect(ws.transportAction).toBe('pause');
    expect(ws.canStop).toBe(true);
    ws.primary();
    expect(ws.playback.playing).toBe(false);
    expect(ws.transportAction).toBe('resume');
    ws.primary();
    expect(ws.playback.playing).toBe(true);
    ws.stop();
    expect(ws.playback.playing).toBe(false);
    expect(ws.canStop).toBe(false);
    expect(ws.transportAction).toBe('play');
    ws.playback.cursor = ws.weeks;
    expect(ws.transportAction).toBe('replay');
    ws.primary();
    expect([ws.playback.playing, ws.playback.cursor]).toEqual([true, 0]);
    ws.stop();
    ws.editor.set(INSPECTORS, 2);
    expect(ws.transportAction).toBe('rerun');
    ws.dispose();
  });
});
