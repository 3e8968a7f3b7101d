import { describe, expect, it, vi } from 'vitest';
import { scenarioHash } from '../../src/scenario/load.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { compareCells } from '../../src/ui/workspace/compare.ts';
import { Workspace } from '../../src/ui/workspace.svelte.ts';
import { SAVED_KEY, WORKSPACE_KEY } from '../../src/ui/workspace/persist.ts';
import { encodeShareHash } from '../../src/ui/workspace/share.ts';
import { env, INSPECTORS, MemoryStore, tiny } from './workspace-fixtures.ts';

/** Persistence reads and writes every room, so it is tested through the composed Workspace. */

describe('Workspace persistence and links', () => {
  it('survives a reload', () => {
    const e = env();
    const ws = new Workspace(e);
    ws.editor.set(INSPECTORS, 4);
    ws.editor.setRuns(3);
    ws.persistence.saveCurrent();
    ws.persistence.persistNow();
    const again = new Workspace({ ...e, location: { getHash: () => '', setHash: () => {} } });
    expect(again.editor.get(INSPECTORS)).toBe(4);
    expect(again.editor.runs).toBe(3);
    expect(again.persistence.saved).toHaveLength(1);
  });

  it('falls back to the baseline on a corrupt workspace but keeps saved scenarios', () => {
    const e = env();
    const first = new Workspace(e);
    first.editor.set(INSPECTORS, 4);
    first.persistence.saveCurrent();
    (e.storage as MemoryStore).setItem(WORKSPACE_KEY, '{"v":1,"scenario":{"name":');
    const ws = new Workspace(e);
    expect(ws.notices.list.map((n) => n.code)).toContain('saved-corrupt');
    expect(ws.editor.scenario.name).toBe('Baseline');
    expect(ws.persistence.saved).toHaveLength(1);
    expect((e.storage as MemoryStore).getItem(SAVED_KEY)).not.toBeNull();
  });

  it('lists the problems of an invalid saved workspace', () => {
    const e = env();
    (e.storage as MemoryStore).setItem(WORKSPACE_KEY, JSON.stringify({ v: 1, scenario: { name: 'x', weeks: 'many' } }));
    const ws = new Workspace(e);
    const n = ws.notices.list.find((x) => x.code === 'saved-invalid');
    expect(n?.problems?.[0].path).toBe('scenario.weeks');
  });

  it('opens a share link with the exact scenario and seed', () => {
    const shared = { ...tiny('Shared <b>bold</b>'), seed: 777 };
    shared.interventions.criminaliseUse.variant = 'exploitation-conditions';
    const e = env();
    e.hash.value = encodeShareHash(shared, 2);
    const ws = new Workspace(e);
    expect(scenarioHash(ws.editor.scenario)).toBe(scenarioHash(shared));
    expect(ws.editor.scenario.name).toBe('Shared <b>bold</b>');
    expect(ws.editor.scenario.seed).toBe(777);
    expect(ws.editor.runs).toBe(2);
    expect(ws.notices.list.map((n) => n.code)).toContain('link-loaded');
  });

  it('keeps the current work when a link is damaged', () => {
    const e = env();
    const first = new Workspace(e);
    first.editor.set(INSPECTORS, 4);
    first.persistence.persistNow();
    const good = encodeShareHash({ ...tiny('Linked'), seed: 3 }, 1);
    e.hash.value = good.slice(0, Math.floor(good.length / 2));
    const ws = new Workspace(e);
    expect(ws.notices.list.some((n) => n.code.startsWith('link-') && n.kind === 'error')).toBe(true);
    expect(ws.editor.get(INSPECTORS)).toBe(4);
  });

  it('follows a pasted link but ignores its own hash updates', () => {
    const e = env();
    const ws = new Workspace(e);
    ws.editor.set(INSPECTORS, 2);
    ws.persistence.persistNow();
    ws.persistence.onHashChange();
    expect(ws.notices.list.some((n) => n.code === 'link-loaded')).toBe(false);
    e.hash.value = encodeShareHash({ ...tiny('Pasted'), seed: 5 }, 1);
    ws.persistence.onHashChange();
    expect(ws.editor.scenario.name).toBe('Pasted');
    ws.editor.undo();
    expect(ws.editor.get(INSPECTORS)).toBe(2);
  });
});


/** A browser's session history for one page: entries of hashes, Back and Forward firing hashchange. */
function browserHistory() {
  const entries: string[] = [''];
  let at = 0;
  let ws: Workspace | null = null;
  const port = {
    getHash: () => entries[at],
    setHash: (hash: string, mode?: 'push' | 'replace') => {
      if (mode === 'push') {
        entries.splice(at + 1);
        entries.push(hash);
        at++;
      } else entries[at] = hash;
    },
  };
  return {
    port,
    entries,
    attach: (w: Workspace) => (ws = w),
    get at() {
      return at;
    },
    back() {
      at--;
      ws!.persistence.onHashChange();
    },
    forward() {
      at++;
      ws!.persistence.onHashChange();
    },
  };
}

/** A runner that counts the scenarios it runs. */
function counting() {
  const count = { runs: 0 };
  const createRunner = () => {
    const inner = createSyncRunner({ chunkWeeks: 4 });
    return { run: (...args: Parameters<typeof inner.run>) => (count.runs++, inner.run(...args)) };
  };
  return { count, createRunner };
}

describe('Comparisons that travel (issue 10, point 3)', () => {
  async function twoPins(e = env()) {
    const ws = new Workspace(e);
    await ws.run();
    ws.pins.pin();
    ws.editor.set(INSPECTORS, 4);
    ws.editor.setRuns(2);
    await ws.run();
    ws.pins.pin();
    ws.view = 'compare';
    ws.persistence.persistNow();
    return ws;
  }

  it('a link carries the pinned packages and the view; opening it reruns them to the same figures', async () => {
    const first = await twoPins();
    const hash = first.persistence.shareHash();
    expect(first.persistence.shareHash()).toBe(hash);
    const e = env();
    e.hash.value = hash;
    const ws = new Workspace(e);
    expect(ws.view).toBe('compare');
    expect(ws.pins.list.map((p) => [p.name, scenarioHash(p.scenario), p.runs])).toEqual(first.pins.list.map((p) => [p.name, scenarioHash(p.scenario), p.runs]));
    expect(ws.pins.list.every((p) => p.run === null)).toBe(true);
    expect(ws.notices.list.find((n) => n.code === 'link-loaded')?.text).toMatch(/2 pinned packages/);
    await ws.pins.compute();
    const figures = (w: Workspace) => w.pins.list.map((p) => compareCells(p.run!.source, p.baseline!.source));
    expect(figures(ws)).toEqual(figures(first));
  });

  it('a damaged pins part: a notice, the scenario opened, the pins kept', async () => {
    const e = env();
    const ws = await twoPins(e);
    const shared = { ...tiny('Linked'), seed: 3 };
    const good = encodeShareHash(shared, 1, { pins: [{ scenario: shared, runs: 1 }], view: 'compare' });
    const p = /&p=([^&]*)/.exec(good)![1];
    e.hash.value = good.split(`p=${p}`).join(`p=${p.slice(0, 10)}`);
    ws.persistence.onHashChange();
    expect(ws.editor.scenario.name).toBe('Linked');
    expect(ws.notices.list.find((n) => n.code === 'link-pins-damaged')?.kind).toBe('warning');
    expect(ws.pins.list).toHaveLength(2);
    expect(ws.pins.list.every((x) => x.run?.done)).toBe(true);
  });

  it('a workspace opened from its own address (a reload) says nothing and keeps its pins', async () => {
    const e = env();
    const first = await twoPins(e);
    const ws = new Workspace({ ...e, location: { getHash: () => e.hash.value, setHash: () => {} } });
    expect(ws.notices.list.some((n) => n.code.startsWith('link-'))).toBe(false);
    expect(ws.pins.specs.map((p) => p.id)).toEqual(first.pins.specs.map((p) => p.id));
    expect(ws.view).toBe('compare');
  });

  it('"Open in workbench" shows the pin with its results, without running again', async () => {
    const { count, createRunner } = counting();
    const ws = await twoPins(env({ createRunner }));
    const runs = count.runs;
    const pin = ws.pins.list[0];
    ws.openPin(pin.id);
    expect(ws.view).toBe('charts');
    expect(ws.editor.key).toBe(pin.run!.key);
    expect(ws.sim.current).toBe(pin.run);
    expect(ws.sim.baseline).toBe(pin.baseline);
    expect([ws.sim.status, ws.stale, ws.playback.shownWeeks]).toEqual(['done', false, pin.scenario.weeks]);
    expect(count.runs).toBe(runs);
  });
});

describe('Browser history (issue 10, point 10)', () => {
  it('Back and Forward move between committed states, with their results', async () => {
    const h = browserHistory();
    const { count, createRunner } = counting();
    const ws = new Workspace(env({ location: h.port, createRunner }));
    h.attach(ws);
    expect(h.entries).toHaveLength(1);
    expect(h.entries[0]).toMatch(/^#s=/);
    await ws.run();
    ws.editor.set(INSPECTORS, 4);
    ws.persistence.persistNow();
    await ws.run();
    ws.editor.set(INSPECTORS, 6);
    ws.persistence.persistNow();
    expect([h.entries.length, h.at]).toEqual([3, 2]);
    const ran = count.runs;

    h.back();
    expect(ws.editor.get(INSPECTORS)).toBe(4);
    expect([ws.sim.current?.key, ws.sim.status, ws.stale]).toEqual([ws.editor.key, 'done', false]);
    h.back();
    expect(ws.editor.get(INSPECTORS)).toBe(tiny().interventions.labourInspection.inspectorsPer10kWorkers);
    expect([ws.sim.current?.key, ws.sim.status]).toEqual([ws.editor.key, 'done']);
    // Both from memory: nothing ran again.
    expect(count.runs).toBe(ran);
    expect(ws.notices.list.some((n) => n.code === 'link-loaded')).toBe(false);
    // Moving through history writes no entry of its own.
    ws.persistence.persistNow();
    expect([h.entries.length, h.at]).toEqual([3, 0]);

    h.forward();
    expect(ws.editor.get(INSPECTORS)).toBe(4);
    expect(ws.sim.current?.key).toBe(ws.editor.key);
    h.forward();
    // Never computed: it runs now, and shows its results.
    expect(ws.editor.get(INSPECTORS)).toBe(6);
    expect(ws.sim.status).toBe('running');
    await vi.waitFor(() => expect(ws.sim.status).toBe('done'));
    expect([ws.sim.current?.key, ws.stale]).toEqual([ws.editor.key, false]);
    expect(h.entries).toHaveLength(3);
  });

  it('Back into an entry the app wrote before a reload is a move through history, not a link', () => {
    const e = env();
    const first = new Workspace(e);
    first.persistence.persistNow();
    const earlier = e.hash.value;
    first.editor.set(INSPECTORS, 7);
    first.persistence.persistNow();
    const own = { value: false };
    const ws = new Workspace({ ...e, location: { getHash: () => e.hash.value, setHash: (h) => (e.hash.value = h), ownEntry: () => own.value } });
    expect(ws.editor.get(INSPECTORS)).toBe(7);
    own.value = true;
    e.hash.value = earlier;
    ws.persistence.onHashChange();
    expect(ws.editor.get(INSPECTORS)).toBe(tiny().interventions.labourInspection.inspectorsPer10kWorkers);
    expect(ws.notices.list.some((n) => n.code === 'link-loaded')).toBe(false);
    expect(ws.sim.status).toBe('running');
  });

  it('a slider drag is one entry; a preset is another', () => {
    const h = browserHistory();
    let t = 0;
    const ws = new Workspace(env({ location: h.port, now: () => (t += 10) }));
    h.attach(ws);
    for (const v of [1, 1.5, 2, 2.5, 3]) {
      ws.editor.set(INSPECTORS, v);
      ws.persistence.persistNow();
    }
    expect(h.entries).toHaveLength(2);
    ws.loadPreset('other');
    ws.persistence.persistNow();
    expect(h.entries).toHaveLength(3);
    h.back();
    expect(ws.editor.get(INSPECTORS)).toBe(3);
    h.back();
    expect(ws.editor.scenario.name).toBe('Baseline');
    expect(ws.editor.get(INSPECTORS)).toBe(tiny().interventions.labourInspection.inspectorsPer10kWorkers);
  });

  it('a reload keeps the last change even when the address had not caught up with it', () => {
    const e = env();
    const ws = new Workspace(e);
    ws.persistence.persistNow();
    const address = e.hash.value;
    ws.editor.set(INSPECTORS, 7);
    // Saved on leaving the page; the address still shows the state before the edit.
    ws.persistence.persistNow();
    const reloaded = new Workspace({ ...e, location: { getHash: () => address, setHash: () => {}, navigation: () => 'reload' as const } });
    expect(reloaded.editor.get(INSPECTORS)).toBe(7);
    // A reload at another address (a link pasted into the address bar) opens that link.
    const pasted = encodeShareHash({ ...tiny('Pasted'), seed: 8 }, 1);
    const other = new Workspace({ ...e, location: { getHash: () => pasted, setHash: () => {}, navigation: () => 'reload' as const } });
    expect(other.editor.scenario.name).toBe('Pasted');
    // Opened from that address as a link (not a reload), the link wins.
    const linked = new Workspace({ ...e, location: { getHash: () => address, setHash: () => {}, navigation: () => 'navigate' as const } });
    expect(linked.editor.get(INSPECTORS)).not.toBe(7);
  });

  it('a reload that began before the page wrote its last two addresses keeps the last change', () => {
    const e = env();
    const ws = new Workspace(e);
    ws.persistence.persistNow();
    const address = e.hash.value;
    // The page writes a change (its address moves on) while the browser already reloads `address`,
    ws.editor.set(INSPECTORS, 7);
    ws.persistence.persistNow();
    expect(e.hash.value).not.toBe(address);
    // then writes again on leaving (pagehide): the reload still lands on the older address.
    ws.editor.set(INSPECTORS, 8);
    ws.persistence.persistNow();
    const reloaded = new Workspace({ ...e, location: { getHash: () => address, setHash: () => {}, navigation: () => 'reload' as const } });
    expect(reloaded.editor.get(INSPECTORS)).toBe(8);
    expect(reloaded.notices.list.some((n) => n.code === 'link-loaded')).toBe(false);
  });

  it('Back into an entry of the page before a reload shows that state and computes its results, without a link notice', async () => {
    const e = env();
    const ws = new Workspace(e);
    ws.persistence.persistNow();
    const earlier = e.hash.value;
    ws.editor.set(INSPECTORS, 7);
    ws.persistence.persistNow();
    const back = new Workspace({ ...e, location: { getHash: () => earlier, setHash: () => {}, navigation: () => 'back_forward' as const } });
    expect(back.editor.get(INSPECTORS)).toBe(tiny().interventions.labourInspection.inspectorsPer10kWorkers);
    expect(back.notices.list.some((n) => n.code === 'link-loaded')).toBe(false);
    expect(back.sim.status).toBe('running');
    await vi.waitFor(() => expect(back.sim.status).toBe('done'));
    expect(back.stale).toBe(false);
  });

  it('a reload mid-run starts the run again; a stopped run stays stopped', async () => {
    const e = env();
    const ws = new Workspace(e);
    ws.editor.set(INSPECTORS, 4);
    void ws.run();
    expect(ws.sim.status).toBe('running');
    ws.persistence.persistNow();
    expect(JSON.parse((e.storage as MemoryStore).getItem(WORKSPACE_KEY)!).running).toBe(true);
    ws.dispose();

    const again = new Workspace({ ...e, location: { getHash: () => e.hash.value, setHash: () => {} } });
    expect(again.persistence.shouldResume).toBe(true);
    expect(again.sim.status).toBe('running');
    await vi.waitFor(() => expect(again.sim.status).toBe('done'));
    expect(again.sim.current?.key).toBe(again.editor.key);
    again.persistence.persistNow();
    expect(JSON.parse((e.storage as MemoryStore).getItem(WORKSPACE_KEY)!).running).toBeUndefined();

    void again.run({});
    again.editor.set(INSPECTORS, 5);
    void again.run();
    again.stop();
    again.persistence.persistNow();
    const third = new Workspace({ ...e, location: { getHash: () => e.hash.value, setHash: () => {} } });
    expect([third.persistence.shouldResume, third.sim.status]).toEqual([false, 'idle']);
  });
});
