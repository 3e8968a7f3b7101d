import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/load.ts';
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

