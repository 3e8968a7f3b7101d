import { parentPort, workerData } from 'node:worker_threads';
import { ALL_FIELDS, fieldEffects, type FieldEffect } from '../src/sim/field-effects.ts';

/**
 * C0 for a share of the fields, in a worker thread of `npm run calibrate`:
 * each probe is a pure function of (world, field, seed), so the parent can
 * put the shares back in schema order and get what one thread would.
 */

export interface FieldEffectsJob {
  /** Indices into ALL_FIELDS. */
  readonly fields: readonly number[];
  readonly seed: number;
  readonly weeks: number;
}

export type FromFieldEffectsWorker =
  | { readonly type: 'probe'; readonly effect: FieldEffect }
  | { readonly type: 'done'; readonly effects: readonly FieldEffect[] };

const job = workerData as FieldEffectsJob;
const port = parentPort!;
const { effects } = fieldEffects({
  seed: job.seed,
  weeks: job.weeks,
  fields: job.fields.map((i) => ALL_FIELDS[i]),
  onProbe: (effect) => port.postMessage({ type: 'probe', effect } satisfies FromFieldEffectsWorker),
});
port.postMessage({ type: 'done', effects } satisfies FromFieldEffectsWorker);
