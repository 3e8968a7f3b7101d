/**
 * Undo/redo stacks of whole scenario snapshots (issue 4). Pure and immutable:
 * every operation returns a new History. Snapshots are never mutated, so
 * keeping references is enough.
 *
 * Changes to the same field in quick succession (dragging a slider, typing a
 * number) merge into one step, so one Undo takes the field back to where the
 * drag started.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
  /** Field and time of the last recorded change, for merging. */
  readonly lastKey: string | null;
  readonly lastAt: number;
}

export const HISTORY_LIMIT = 100;
/** Changes to one field within this many ms are one undo step. */
export const MERGE_MS = 1000;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null, lastAt: -Infinity };
}

/**
 * Record that the state `before` is being replaced. `key` names the field that
 * changed (null: never merge, e.g. loading a preset); `now` is a timestamp.
 */
export function record<T>(h: History<T>, before: T, key: string | null, now: number): History<T> {
  const merge = key !== null && key === h.lastKey && now - h.lastAt < MERGE_MS && h.past.length > 0;
  const past = merge ? h.past : [...h.past, before].slice(-HISTORY_LIMIT);
  return { past, future: [], lastKey: key, lastAt: now };
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0;
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0;

/** Step back: the state to show, and the new history. Null when there is nothing to undo. */
export function undo<T>(h: History<T>, current: T): { value: T; history: History<T> } | null {
  if (h.past.length === 0) return null;
  const value = h.past[h.past.length - 1];
  return {
    value,
    history: { past: h.past.slice(0, -1), future: [current, ...h.future].slice(0, HISTORY_LIMIT), lastKey: null, lastAt: -Infinity },
  };
}

/** Step forward again. Null when there is nothing to redo. */
export function redo<T>(h: History<T>, current: T): { value: T; history: History<T> } | null {
  if (h.future.length === 0) return null;
  const [value, ...future] = h.future;
  return {
    value,
    history: { past: [...h.past, current].slice(-HISTORY_LIMIT), future, lastKey: null, lastAt: -Infinity },
  };
}
