import { mix32, runKey, streamKey } from '../sim/rng.ts';
import type { Distribution, UncertainInput } from './types.ts';

/**
 * Seeded designs in the unit cube, and the inverse CDFs that carry a unit
 * coordinate onto an input's range. Randomness comes only from the
 * counter-based hash of src/sim/rng.ts, keyed by the experiment's seed.
 *
 * Design draws use the key of run index -1 (`runKey(seed, -1)`): replicates
 * count from 0, so no replicate of any point ever has this key, and each
 * purpose below gets its own stream under it (streamKey), so the design's
 * numbers never reuse the replicates' random numbers.
 */

/** Streams of the design's own draws (one per purpose). */
export const DESIGN_STREAMS = {
  lhsPermutation: 1,
  lhsJitter: 2,
  random: 3,
  morrisBase: 4,
  morrisOrder: 5,
  morrisDirection: 6,
} as const;
export type DesignStream = keyof typeof DESIGN_STREAMS;

const TWO_POW_32 = 4294967296;

/** The key under which every draw of a design with this seed lives (never a replicate's key). */
export const designKey = (seed: number): number => runKey(seed, -1);

/**
 * A seeded stream of uniforms in [0, 1) for one purpose (and one sub-stream,
 * e.g. a dimension): the i-th number is a pure hash of (seed, purpose, sub, i).
 */
export function uniformStream(seed: number, purpose: DesignStream, sub = 0): () => number {
  const key = streamKey(streamKey(designKey(seed), DESIGN_STREAMS[purpose]), sub);
  let i = 0;
  return () => mix32(key ^ mix32(i++)) / TWO_POW_32;
}

/** A seeded permutation of 0..n−1 (Fisher-Yates over a uniform stream). */
export function permutation(n: number, next: () => number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Latin hypercube of n points in k dimensions: in each dimension the n strata
 * [s/n, (s+1)/n) are each hit exactly once (a seeded permutation of the
 * strata), at a seeded position inside the stratum. Rows are points.
 */
export function latinHypercube(n: number, k: number, seed: number): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    const strata = permutation(n, uniformStream(seed, 'lhsPermutation', j));
    const jitter = uniformStream(seed, 'lhsJitter', j);
    for (let i = 0; i < n; i++) rows[i][j] = (strata[i] + jitter()) / n;
  }
  return rows;
}

/** n points drawn independently and uniformly in the unit cube of k dimensions. */
export function randomDesign(n: number, k: number, seed: number): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(k));
  // One stream per dimension, indexed by point.
  for (let j = 0; j < k; j++) {
    const next = uniformStream(seed, 'random', j);
    for (let i = 0; i < n; i++) rows[i][j] = next();
  }
  return rows;
}

// ---- distributions: unit coordinate u in [0, 1] → value in [min, max] ----

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Inverse CDF of a distribution over [min, max]; optional parameters default to the range's middle and a quarter of its width. */
export function inverseCdf(distribution: Distribution, min: number, max: number, u: number): number {
  const p = clamp(u, 0, 1);
  switch (distribution.kind) {
    case 'uniform':
      return clamp(min + p * (max - min), min, max);
    case 'triangular': {
      const mode = clamp(distribution.mode ?? (min + max) / 2, min, max);
      const width = max - min;
      if (width <= 0) return min;
      const c = (mode - min) / width;
      const x = p < c ? min + Math.sqrt(p * width * (mode - min)) : max - Math.sqrt((1 - p) * width * (max - mode));
      return clamp(x, min, max);
    }
    case 'normal': {
      const mean = distribution.mean ?? (min + max) / 2;
      const sd = distribution.sd ?? (max - min) / 4;
      if (!(sd > 0)) return clamp(mean, min, max);
      // Truncated to [min, max]: u is spread over the CDF's values between the ends.
      const lo = normalCdf((min - mean) / sd);
      const hi = normalCdf((max - mean) / sd);
      if (!(hi > lo)) return clamp(mean, min, max);
      const q = lo + p * (hi - lo);
      return clamp(mean + sd * inverseNormalCdf(q), min, max);
    }
    case 'log-uniform': {
      if (!(min > 0)) return clamp(min + p * (max - min), min, max);
      return clamp(Math.exp(Math.log(min) + p * (Math.log(max) - Math.log(min))), min, max);
    }
  }
}

/** An input's value at unit coordinate u: its distribution's inverse CDF, then rounded if the field is integer. */
export function valueAt(input: UncertainInput, u: number): number {
  const x = inverseCdf(input.distribution, input.min, input.max, u);
  return input.integer ? clamp(Math.round(x), Math.ceil(input.min), Math.floor(input.max)) : x;
}

/** An input's value at unit coordinate u on a uniform scale (Morris grids): min + u × width, rounded if integer. */
export function uniformValueAt(input: UncertainInput, u: number): number {
  return valueAt({ ...input, distribution: { kind: 'uniform' } }, u);
}

/**
 * Standard normal CDF Φ(z) = erfc(−z/√2)/2, with erfc from the Chebyshev
 * fit of Numerical Recipes (§6.2, `erfcc`): fractional error below 1.2e-7
 * everywhere, plenty for placing a draw inside a range.
 */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * Inverse of the standard normal CDF by P. J. Acklam's rational
 * approximation (2003; relative error below 1.15e-9 on (0, 1)), with the
 * published coefficients; p ≤ 0 and p ≥ 1 give ∓Infinity.
 */
export function inverseNormalCdf(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
