import { describe, expect, it } from 'vitest';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { colourAt } from '../../src/charts/palette.ts';
import { Notices } from '../../src/ui/workspace/notices.svelte.ts';
import { MAX_PINS } from '../../src/ui/workspace/persist.ts';
import { Pins } from '../../src/ui/workspace/pins.svelte.ts';
import { baselineFor } from '../../src/ui/workspace/presets.ts';
import { Simulation } from '../../src/ui/workspace/simulation.svelte.ts';
import { tiny } from './workspace-fixtures.ts';

function pins(runner = () => createSyncRunner({ chunkWeeks: 4 })) {
  let t = 0;
  const sim = new Simulation({ createRunner: runner, now: () => (t += 5000) });
  const notices = new Notices();
  const state = { stale: false, changes: 0 };
  const p = new Pins({
    sim,
    notices,
    shown: () => ({ run: sim.current, baseline: sim.baseline, stale: state.stale }),
    baselinePreset: () => tiny(),
    onChange: () => state.changes++,
  });
  return { sim, notices, pins: p, state };
}

const quiet = { started: () => {}, published: () => {} };

describe('Pins', () => {
  it('pin only a finished, current run, each in a colour of its own, up to MAX_PINS', async () => {
    const { sim, pins: p, state } = pins();
    expect(p.pin()).toBe(false);
    const s = tiny('Mine');
    await sim.start(s, 1, baselineFor(s, tiny()), quiet);
    state.stale = true;
    expect(p.pin()).toBe(false);
    state.stale = false;
    for (let i = 0; i < MAX_PINS; i++) expect(p.pin()).toBe(true);
    expect(p.full).toBe(true);
    expect(p.pin()).toBe(false);
    expect(p.list.map((x) => x.colour)).toEqual([0, 1, 2, 3].map(colourAt));
    expect(p.list[0].run).toBe(sim.current);
    expect(p.list[0].name).toBe('Mine');
    p.unpin(p.list[1].id);
    expect(p.pin()).toBe(true);
    expect(p.list.at(-1)?.colour).toBe(colourAt(1));
    expect(state.changes).toBe(MAX_PINS + 2);
  });

  it('compute the results of pins restored from storage', async () => {
    const { pins: p } = pins();
    p.restore([{ id: 'a', scenario: tiny('A'), runs: 1 }]);
    expect(p.list[0]).toMatchObject({ name: 'A', colour: colourAt(0), run: null, baseline: null });
    await p.compute();
    expect(p.list[0].run?.done).toBe(true);
    expect(p.list[0].baseline?.done).toBe(true);
  });

  it('report a failure to compute a pin', async () => {
    const { pins: p, notices } = pins(() => ({ run: () => Promise.reject(new Error('worker died')) }));
    p.restore([{ id: 'a', scenario: tiny('A'), runs: 1 }]);
    await p.compute();
    expect(notices.list.some((n) => n.code === 'run-failed' && n.text.includes('worker died'))).toBe(true);
  });
});

describe('Pins that travel', () => {
  it('report each pin computing, one after another, with its share done', async () => {
    const { pins: p } = pins();
    p.restore([{ id: 'a', scenario: tiny('A'), runs: 2 }, { id: 'b', scenario: tiny('B'), runs: 1 }]);
    expect(p.pending.map((x) => x.id)).toEqual(['a', 'b']);
    const seen: string[] = [];
    const job = p.compute();
    // The first pin computes while the second waits.
    seen.push(Object.keys(p.progress).join(','));
    await job;
    expect(seen).toEqual(['a']);
    expect(p.progress).toEqual({ a: 1, b: 1 });
    expect(p.pending).toEqual([]);
  });

  it('a pin equal to one already pinned keeps its results; a new list replaces the one computing', async () => {
    const { pins: p } = pins();
    p.restore([{ id: 'a', scenario: tiny('A'), runs: 1 }]);
    await p.compute();
    const run = p.list[0].run;
    p.restore([{ scenario: tiny('A'), runs: 1 }, { scenario: { ...tiny('C'), seed: 3 }, runs: 1 }]);
    expect(p.list[0].run).toBe(run);
    expect(p.list[1].run).toBeNull();
    expect(p.list.map((x) => x.colour)).toEqual([colourAt(0), colourAt(1)]);

    const job = p.compute();
    p.restore([{ scenario: { ...tiny('D'), seed: 4 }, runs: 1 }]);
    await job;
    expect(p.list.map((x) => x.name)).toEqual(['D']);
    expect(p.list[0].run?.done).toBe(true);
  });
});
