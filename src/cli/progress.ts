/**
 * Progress on standard error: a bar redrawn in place on a terminal; otherwise
 * a plain line now and then (only for runs long enough to need one), so logs
 * of scripted runs stay short.
 */

export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Clears the bar (terminal) before anything else is written. */
  finish(): void;
}

export interface ProgressOptions {
  /** Milliseconds between redraws of the bar (default 100). */
  readonly redrawMs?: number;
  /** Milliseconds between plain lines when not on a terminal (default 10 s). */
  readonly lineMs?: number;
  readonly now?: () => number;
}

export const silentProgress: Progress = { update() {}, finish() {} };

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

export function createProgress(sink: ProgressSink, label: string, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const start = now();
  let last = start;
  let drawn = false;

  if (sink.isTTY) {
    const redrawMs = options.redrawMs ?? 100;
    return {
      update(done, total) {
        const t = now();
        if (t - last < redrawMs && done < total) return;
        last = t;
        const share = total > 0 ? Math.min(1, done / total) : 1;
        const elapsed = t - start;
        const eta = share > 0 && share < 1 ? `, ${seconds((elapsed * (1 - share)) / share)} left` : '';
        const text = ` ${(share * 100).toFixed(0).padStart(3)}%  ${done}/${total} weeks  ${seconds(elapsed)}${eta}`;
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
  return {
    update(done, total) {
      const t = now();
      if (t - last < lineMs || done >= total) return;
      last = t;
      sink.write(`${label}: ${Math.floor((done / total) * 100)}% (${done}/${total} weeks, ${seconds(t - start)})\n`);
    },
    finish() {},
  };
}
