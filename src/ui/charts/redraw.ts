/**
 * Spreads chart redraws over animation frames (issue 3). A streamed snapshot
 * changes every chart at once; redrawn together (paths, ticks, then layout
 * and paint of eleven SVGs) they made one main-thread task of 50-130 ms on a
 * two-core machine whose other core runs the simulation. Through this queue
 * each chart adopts its new data in a frame of its own, so a frame holds the
 * work of one chart. The numbers drawn do not change, only when.
 */

/** Schedules a callback for the next frame (requestAnimationFrame in the browser). */
export type FrameScheduler = (callback: () => void) => void;

export interface RedrawQueue {
  /**
   * Queues `apply` for `owner` (one entry per owner: a newer request replaces
   * a queued one and keeps its place, so a chart never redraws twice for one
   * frame's worth of data). Returns a function that drops the entry.
   */
  request(owner: object, apply: () => void): () => void;
  /** Entries waiting for a frame. */
  readonly pending: number;
}

/**
 * A FIFO of redraws, `perFrame` of them per frame. Without a frame scheduler
 * (tests, server-side) a request is applied at once.
 */
export function createRedrawQueue(frame: FrameScheduler | null, perFrame = 1): RedrawQueue {
  const queue = new Map<object, () => void>();
  let scheduled = false;

  const tick = () => {
    scheduled = false;
    for (let i = 0; i < perFrame && queue.size > 0; i++) {
      const [owner, apply] = queue.entries().next().value!;
      queue.delete(owner);
      apply();
    }
    if (queue.size > 0) schedule();
  };
  const schedule = () => {
    if (scheduled || !frame) return;
    scheduled = true;
    frame(tick);
  };

  return {
    request(owner, apply) {
      if (!frame) {
        apply();
        return () => {};
      }
      // Map.set on an existing key keeps its insertion order: the chart keeps its place in line.
      queue.set(owner, apply);
      schedule();
      return () => {
        if (queue.get(owner) === apply) queue.delete(owner);
      };
    },
    get pending() {
      return queue.size;
    },
  };
}

/** The app's queue: one chart per animation frame. */
export const chartRedraws: RedrawQueue = createRedrawQueue(
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(() => cb()) : null,
);
