import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, emptyHistory, entryMode, HISTORY_LIMIT, MERGE_MS, RecentRuns, record, redo, undo } from '../../src/ui/workspace/history.ts';

describe('history', () => {
  it('undoes and redoes in order', () => {
    let h = emptyHistory<number>();
    h = record(h, 0, 'a', 0);
    h = record(h, 1, 'b', 5000);
    // current is 2
    const u1 = undo(h, 2)!;
    expect(u1.value).toBe(1);
    const u2 = undo(u1.history, 1)!;
    expect(u2.value).toBe(0);
    expect(canUndo(u2.history)).toBe(false);
    const r1 = redo(u2.history, 0)!;
    expect(r1.value).toBe(1);
    const r2 = redo(r1.history, 1)!;
    expect(r2.value).toBe(2);
    expect(canRedo(r2.history)).toBe(false);
  });

  it('merges quick changes to the same field into one step', () => {
    let h = emptyHistory<number>();
    h = record(h, 0, 'slider', 0);
    h = record(h, 1, 'slider', 100);
    h = record(h, 2, 'slider', 200);
    expect(h.past).toEqual([0]);
    h = record(h, 3, 'slider', 200 + MERGE_MS + 1);
    expect(h.past).toEqual([0, 3]);
  });

  it('never merges changes without a key (preset loads)', () => {
    let h = emptyHistory<number>();
    h = record(h, 0, null, 0);
    h = record(h, 1, null, 1);
    expect(h.past).toEqual([0, 1]);
  });

  it('drops the redo stack on a new change', () => {
    let h = emptyHistory<number>();
    h = record(h, 0, 'a', 0);
    h = undo(h, 1)!.history;
    expect(canRedo(h)).toBe(true);
    h = record(h, 0, 'b', 10_000);
    expect(canRedo(h)).toBe(false);
  });

  it('does not merge across an undo', () => {
    let h = emptyHistory<number>();
    h = record(h, 0, 'a', 0);
    h = undo(h, 1)!.history;
    h = record(h, 0, 'a', 10);
    expect(h.past).toEqual([0]);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = record(h, i, null, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });

  it('returns null when there is nothing to do', () => {
    expect(undo(emptyHistory<number>(), 0)).toBeNull();
    expect(redo(emptyHistory<number>(), 0)).toBeNull();
  });
});

describe('browser history entries', () => {
  const a = { hash: '#a', step: 'x', runs: 5 };
  it('push a new undo step, replace a merged one, leave an unchanged hash', () => {
    expect(entryMode(null, a)).toBe('replace');
    expect(entryMode(a, { ...a })).toBe('none');
    expect(entryMode(a, { hash: '#b', step: 'y', runs: 5 })).toBe('push');
    // The same step (a slider drag merged into one undo step): the entry is updated in place.
    expect(entryMode(a, { hash: '#b', step: 'x', runs: 5 })).toBe('replace');
    // Runs are not in the undo history; a change of runs is a step of its own.
    expect(entryMode(a, { hash: '#b', step: 'x', runs: 8 })).toBe('push');
  });
});

describe('RecentRuns', () => {
  it('keeps the newest few by key, a read counting as use', () => {
    const r = new RecentRuns<number>(2);
    r.put('a', 1);
    r.put('b', 2);
    expect(r.get('a')).toBe(1);
    r.put('c', 3);
    expect(r.get('b')).toBeUndefined();
    expect([r.get('a'), r.get('c'), r.size]).toEqual([1, 3, 2]);
    r.put('a', 4);
    expect(r.get('a')).toBe(4);
  });
});
