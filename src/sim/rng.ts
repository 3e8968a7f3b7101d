/**
 * Seeded, counter-based randomness (MODEL.md "Engine requirements").
 *
 * A draw is a pure hash of (run key, stream, agent, week, slot): it does not
 * depend on the order agents are visited or on how replicates are spread over
 * workers, so the fast and the reference engine, Node and the browser, one
 * thread or eight, all see the same numbers. Never Math.random.
 */

/** 32-bit integer finaliser with low bias (C. Wellons, "lowbias32"). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const GOLDEN = 0x9e3779b9;
const TWO_POW_32 = 4294967296;

/** The key of replicate `run` of a request with seed `seed`. Run seeds are derived, never sequential. */
export function runKey(seed: number, run: number): number {
  return mix32(mix32(seed >>> 0) ^ Math.imul(run + 1, GOLDEN));
}

/** The key of one named random stream inside a run (e.g. one per actor type and purpose). */
export function streamKey(key: number, stream: number): number {
  return mix32(key ^ mix32(Math.imul(stream + 1, 0x85ebca6b)));
}

/** mix32 with the same bits as a signed 32-bit integer, to feed further mixing without conversion. */
function mix32i(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** What draws of one (stream, week) share: see drawBits. */
export const weekKey = (stream: number, week: number): number => stream ^ Math.imul(week, GOLDEN);
export const weekStep = (week: number): number => Math.imul(week, 0x27d4eb2f);

/**
 * The 32 bits behind draw(stream, index, week), which is drawBits / 2^32, from
 * weekKey(stream, week) and weekStep(week): a loop over agents computes those
 * once, and may compare the bits with a threshold times 2^32.
 */
export function drawBits(key: number, step: number, index: number): number {
  return mix32(key ^ mix32i(index + step));
}

/** A uniform number in [0, 1) for (stream, index, week). */
export function draw(stream: number, index: number, week: number): number {
  return drawBits(weekKey(stream, week), weekStep(week), index) / TWO_POW_32;
}

/** 2^32: drawBits / BITS is the draw. */
export const BITS = TWO_POW_32;

/**
 * A sequential generator over one stream, for set-up work (agent attributes).
 * Usable as a d3-random source: `randomBeta.source(next)`.
 */
export function sequence(stream: number): () => number {
  let i = 0;
  return () => {
    const u = mix32(stream ^ mix32(i++)) / TWO_POW_32;
    return u;
  };
}
