/**
 * Pure transforms of weekly series before they are drawn: smoothing for noisy
 * weekly flows and an index for comparing quantities with different units.
 * Every function returns a fresh Float64Array and never reads past `length`.
 */

/** Trailing moving average over `window` weeks (shorter at the start). */
export function rollingMean(values: ArrayLike<number>, window: number, length = values.length): Float64Array {
  const n = Math.min(length, values.length);
  const out = new Float64Array(n);
  if (window <= 1) {
    for (let i = 0; i < n; i++) out[i] = values[i];
    return out;
  }
  let sum = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    largest = Math.max(largest, Math.abs(values[i]));
    if (i >= window) sum -= values[i - window];
    // A running sum leaves rounding residue (e.g. -1e-17 after a run of zeros): that is 0, not a
    // negative value that would stretch the y axis below zero.
    if (Math.abs(sum) <= largest * window * 1e-12) sum = 0;
    out[i] = sum / Math.min(i + 1, window);
  }
  return out;
}

/** Mean of the first `weeks` values: the reference level of an index (weekly values are noisy). */
export function referenceLevel(values: ArrayLike<number>, weeks = 4): number {
  const n = Math.min(weeks, values.length);
  if (n <= 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return sum / n;
}

/**
 * values / reference * 100. A zero or non-finite reference gives NaN (the line
 * is not drawn) rather than Infinity.
 */
export function toIndex(values: ArrayLike<number>, reference: number, length = values.length): Float64Array {
  const n = Math.min(length, values.length);
  const out = new Float64Array(n);
  const ok = Number.isFinite(reference) && reference > 0;
  for (let i = 0; i < n; i++) out[i] = ok ? (values[i] / reference) * 100 : Number.NaN;
  return out;
}

/** Largest finite value among the first `length` entries of each array (0 if none). */
export function maxOf(arrays: readonly (ArrayLike<number> | undefined)[], length = Infinity): number {
  let max = 0;
  for (const a of arrays) {
    if (!a) continue;
    const n = Math.min(length, a.length);
    for (let i = 0; i < n; i++) if (Number.isFinite(a[i]) && a[i] > max) max = a[i];
  }
  return max;
}

/** Smallest finite value among the first `length` entries of each array (0 if none). */
export function minOf(arrays: readonly (ArrayLike<number> | undefined)[], length = Infinity): number {
  let min = Infinity;
  for (const a of arrays) {
    if (!a) continue;
    const n = Math.min(length, a.length);
    for (let i = 0; i < n; i++) if (Number.isFinite(a[i]) && a[i] < min) min = a[i];
  }
  return min === Infinity ? 0 : min;
}
