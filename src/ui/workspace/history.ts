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

/**
 * Browser history (issue 10, point 10): Back and Forward move between
 * scenario states inside the app. An entry is a scenario state as its share
 * hash, with the undo step it belongs to: a change that makes a new undo step
 * (a committed edit, a preset, a file) pushes an entry; a change merged into
 * the last step (a slider drag, typing in one box) replaces it, so a drag is
 * one entry.
 */
export interface EntryMark {
  readonly hash: string;
  /** The newest undo snapshot (`past` top): a new one means a new step. */
  readonly step: unknown;
  /** Runs are not in the undo history; changing them is a step of its own. */
  readonly runs: number;
}

export type EntryMode = 'push' | 'replace' | 'none';

export function entryMode(last: EntryMark | null, next: EntryMark): EntryMode {
  if (last === null) return 'replace';
  if (next.hash === last.hash) return 'none';
  return next.step !== last.step || next.runs !== last.runs ? 'push' : 'replace';
}

/**
 * The last few finished results by run key, newest last, so that Back and
 * Forward show results at once (runs are deterministic: a key names its results).
 */
export class RecentRuns<T> {
  readonly #limit: number;
  readonly #map = new Map<string, T>();

  constructor(limit = 6) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#map.size;
  }

  get(key: string): T | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }

  put(key: string, value: T): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.#limit) this.#map.delete(this.#map.keys().next().value as string);
  }
}
