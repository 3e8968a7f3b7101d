import type { ProgressSink } from '../progress.ts';

/**
 * Progress of an experiment on standard error, by points: a bar redrawn in
 * place on a terminal, otherwise a plain line every 10 s. The estimate of the
 * time left is the mean time per point finished in this process so far
 * (points resumed from disk took no time here) times the points left.
 */

export interface PointProgressState {
  /** Points with a record, including those found on disk. */
  readonly done: number;
  /** Points this process is to have at the end (the shard's, or all). */
  readonly total: number;
  /** Runs (replicates) finished in this process. */
  readonly runs: number;
  /** Points finished in this process (the ETA's sample). */
  readonly ranHere: number;
  /** Share of the points in flight already simulated (their weeks), 0..inFlight: moves the bar between points. */
  readonly partial: number;
}

export interface PointProgress {
  update(state: PointProgressState): void;
  /** Clears the bar (terminal) before anything else is written. */
  finish(): void;
}

export interface PointProgressOptions {
  readonly redrawMs?: number;
  readonly lineMs?: number;
  readonly now?: () => number;
}

export const silentPointProgress: PointProgress = { update() {}, finish() {} };

/** 4.2 s, 42 s, 3m 05s, 1h 02m. */
export function duration(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(Math.round(s - m * 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** The text after the bar: percent, points, runs, elapsed and the estimate. */
export function progressText(state: PointProgressState, elapsedMs: number): string {
  const share = state.total > 0 ? Math.min(1, (state.done + state.partial) / state.total) : 1;
  const left = state.total - state.done;
  const eta = state.ranHere > 0 && left > 0 ? `, about ${duration((elapsedMs / state.ranHere) * left)} left` : '';
  return `${(share * 100).toFixed(0).padStart(3)}%  ${state.done}/${state.total} points  ${state.runs} runs  ${duration(elapsedMs)}${eta}`;
}

export function createPointProgress(sink: ProgressSink, label: string, options: PointProgressOptions = {}): PointProgress {
  const now = options.now ?? (() => performance.now());
  const start = now();
  let last = -Infinity;
  let drawn = false;
  if (sink.isTTY) {
    const redrawMs = options.redrawMs ?? 100;
    return {
      update(state) {
        const t = now();
        if (t - last < redrawMs && state.done < state.total) return;
        last = t;
        const text = ` ${progressText(state, t - start)}`;
        const share = state.total > 0 ? Math.min(1, (state.done + state.partial) / state.total) : 1;
        const width = Math.max(10, Math.min(40, (sink.columns || 80) - label.length - text.length - 4));
        const filled = Math.round(share * width);
        sink.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${text}\x1b[K`);
        drawn = true;
      },
      finish() {
        if (drawn) sink.write('\r\x1b[K');
        drawn = false;
      },
    };
  }
  const lineMs = options.lineMs ?? 10_000;
  last = start;
  return {
    update(state) {
      const t = now();
      if (t - last < lineMs || state.done >= state.total) return;
      last = t;
      sink.write(`${label}: ${progressText(state, t - start)}\n`);
    },
    finish() {},
  };
}
