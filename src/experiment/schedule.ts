/**
 * Which points a process runs, in which order, and what is left to run (pure).
 *
 * Points are the unit of work and of sharding: shard K of N owns every point
 * whose index is K modulo N, so shards need no coordination and any number of
 * them, merged, cover the design exactly once. Within a process the lowest
 * index goes first, so an interrupted run leaves a prefix-like set behind and
 * progress reads naturally.
 */

export interface Shard {
  /** 0 ≤ k < n. */
  readonly k: number;
  readonly n: number;
}

/** The whole design in one process. */
export const WHOLE: Shard = { k: 0, n: 1 };

/** Shards a design may be split into (a typo like 1/1000000 should not pass silently). */
export const MAX_SHARDS = 100_000;

/** `K/N` as typed on the command line; a message in the `expected …, got …` shape when it is not one. */
export function parseShard(text: string): { readonly ok: true; readonly shard: Shard } | { readonly ok: false; readonly message: string } {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (m && n >= 1 && n <= MAX_SHARDS && k < n) return { ok: true, shard: { k, n } };
  return { ok: false, message: `--shard: expected K/N with 0 ≤ K < N ≤ ${MAX_SHARDS} (for example 0/8), got ${JSON.stringify(text)}` };
}

export const inShard = (index: number, shard: Shard): boolean => index % shard.n === shard.k;

/** The indices of a design of `total` points that `shard` owns, lowest first. */
export function shardIndices(total: number, shard: Shard = WHOLE): number[] {
  const out: number[] = [];
  for (let i = shard.k; i < total; i += shard.n) out.push(i);
  return out;
}

/** What is left to run of `owned`, lowest index first: the resume set is everything `present`. */
export function pendingIndices(owned: readonly number[], present: ReadonlySet<number>): number[] {
  return owned.filter((i) => !present.has(i)).sort((a, b) => a - b);
}

/** The indices of 0..total-1 not in `present`, ascending. */
export function missingIndices(total: number, present: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < total; i++) if (!present.has(i)) out.push(i);
  return out;
}

/**
 * The smallest N (2 ≤ N ≤ maxN) for which `missing` is exactly a union of
 * whole shards K/N, with those K: how a merge says "shard 2/8 is not here"
 * rather than listing hundreds of indices. Undefined when no such N exists.
 */
export function missingShards(total: number, missing: readonly number[], maxN = 64): { readonly n: number; readonly ks: readonly number[] } | undefined {
  if (missing.length === 0 || missing.length === total) return undefined;
  const set = new Set(missing);
  // Every shard tried has at least two points, so one lost point does not read as "shard 7/8".
  for (let n = 2; n <= Math.min(maxN, Math.floor(total / 2)); n++) {
    const ks: number[] = [];
    let whole = true;
    for (let k = 0; k < n && whole; k++) {
      let some = false;
      let all = true;
      for (let i = k; i < total; i += n) {
        if (set.has(i)) some = true;
        else all = false;
      }
      if (some && !all) whole = false;
      else if (some) ks.push(k);
    }
    if (whole && ks.length > 0) return { n, ks };
  }
  return undefined;
}

/** One line for people: how many points are missing, and which shards or indices. */
export function describeMissing(total: number, missing: readonly number[]): string {
  const head = `${missing.length} of ${total} points missing`;
  const shards = missingShards(total, missing);
  if (shards) return `${head}: every point of shard${shards.ks.length > 1 ? 's' : ''} ${shards.ks.map((k) => `${k}/${shards.n}`).join(', ')}`;
  const shown = missing.slice(0, 10).join(', ');
  return `${head}: ${shown}${missing.length > 10 ? ', …' : ''}`;
}
