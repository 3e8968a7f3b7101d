import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { Workspace } from '../../src/ui/workspace.svelte.ts';
import { decodeShareHash } from '../../src/ui/workspace/share.ts';
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
