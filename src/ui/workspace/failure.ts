import { i18n } from '../messages/index.ts';

/**
 * The notice shown when a run fails: one clear sentence about what happened,
 * then what is kept. The runner's errors are often sentences themselves
 * ("The simulation worker stopped unexpectedly (…)"); wrapping them in another
 * sentence doubled the message, so the cause is taken out of them first.
 */

export type RunFailure =
  /** A simulation worker crashed; `cause` is what the browser or the engine said. */
  | { readonly kind: 'worker'; readonly cause: string }
  /** A worker ended a replicate early. */
  | { readonly kind: 'short'; readonly got: number; readonly weeks: number; readonly run: number }
  /** Anything else. */
  | { readonly kind: 'error'; readonly cause: string };

/** Wordings of the worker pool (workers/pool.ts) with the cause they carry. */
const WRAPPERS: readonly RegExp[] = [
  /^The simulation worker stopped unexpectedly \(([\s\S]*)\)\.?$/,
  /^The simulation failed in its worker: ([\s\S]*)$/,
];

const SHORT = /^The simulation worker returned (\d+) of (\d+) weeks of run (\d+)/;

/** "Uncaught Error: boom" (how a browser reports a worker's exception) reads as "boom". */
const UNCAUGHT = /^(?:Uncaught\s+)?(?:[A-Za-z]*Error:\s+)?/;

const tidy = (s: string): string => s.trim().replace(/[.\s]+$/, '');

export function classifyFailure(error: unknown): RunFailure {
  const message = error instanceof Error ? error.message : String(error);
  for (const w of WRAPPERS) {
    const m = w.exec(message.trim());
    if (m) return { kind: 'worker', cause: tidy(m[1].replace(UNCAUGHT, '')) || tidy(m[1]) };
  }
  const short = SHORT.exec(message.trim());
  if (short) return { kind: 'short', got: Number(short[1]), weeks: Number(short[2]), run: Number(short[3]) };
  return { kind: 'error', cause: tidy(message.replace(/^Uncaught\s+/, '')) };
}

/** The text of the `run-failed` notice, from the message catalogue. */
export function failureText(error: unknown): string {
  const f = classifyFailure(error);
  const detail = (cause: string) => cause || i18n.t('msg.run.noDetail');
  const what =
    f.kind === 'worker'
      ? i18n.t('msg.run.workerFailed', { detail: detail(f.cause) })
      : f.kind === 'short'
        ? i18n.t('msg.run.workerShort', { got: f.got, weeks: f.weeks, run: f.run })
        : i18n.t('msg.run.failed', { detail: detail(f.cause) });
  return `${what} ${i18n.t('msg.run.kept')}`;
}

export type Outcome = { readonly ok: true } | { readonly ok: false; readonly reason: unknown };

/**
 * Waits for every job, but no longer than the first failure: resolves with
 * its reason as soon as one job rejects (Promise.allSettled would wait for the
 * others). The later rejections of the other jobs are handled and ignored.
 */
export function allOrFirstFailure(jobs: readonly Promise<unknown>[]): Promise<Outcome> {
  return new Promise((resolve) => {
    let left = jobs.length;
    if (left === 0) resolve({ ok: true });
    for (const job of jobs) {
      job.then(
        () => {
          if (--left === 0) resolve({ ok: true });
        },
        (reason: unknown) => resolve({ ok: false, reason }),
      );
    }
  });
}
