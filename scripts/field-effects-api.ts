import { releaseCallback } from '../workers/sim-api.ts';
import { ALL_FIELDS, fieldEffects, type FieldEffect } from '../src/sim/field-effects.ts';

/**
 * C0 for a share of the fields, served in a worker thread of `npm run
 * calibrate` (workers/node-worker.ts): each probe is a pure function of
 * (world, field, seed), so the parent can put the shares back in schema order
 * and get what one thread would.
 */

export interface FieldEffectsJob {
  /** Indices into ALL_FIELDS. */
  readonly fields: readonly number[];
  readonly seed: number;
  readonly weeks: number;
}

export const api = {
  /** `onProbe` is released at the end (releaseCallback). */
  run(job: FieldEffectsJob, onProbe: (effect: FieldEffect) => void): readonly FieldEffect[] {
    try {
      return fieldEffects({ seed: job.seed, weeks: job.weeks, fields: job.fields.map((i) => ALL_FIELDS[i]), onProbe: (e) => void onProbe(e) }).effects;
    } finally {
      releaseCallback(onProbe);
    }
  },
};

export type FieldEffectsApi = typeof api;
