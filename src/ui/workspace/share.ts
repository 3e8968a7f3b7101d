import * as lzModule from 'lz-string';
import { parseScenarioText, toCanonicalJSON, type Problem } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';

/**
 * Share links: the whole scenario (canonical JSON, with its formatVersion and
 * seed) lz-compressed in the URL hash, plus the number of Monte Carlo runs.
 * `#s=<compressed>&r=<runs>`. Decoding never throws: a damaged or tampered
 * link gives a reason and, where it applies, the validator's problems.
 */

// lz-string is CommonJS: bundlers expose its functions by name, Node's ESM loader only as `default`.
const lz = ((lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule) as typeof lzModule;

export const MAX_RUNS = 50;
/**
 * Monte Carlo runs of a new workspace. One run is noisy: five give a mean to
 * read and a 90% band that shows how much of a difference is chance.
 */
export const DEFAULT_RUNS = 5;
/** Longest hash read; a longer one is refused before decompressing it. */
export const MAX_HASH_CHARS = 200_000;

export function encodeShareHash(scenario: Scenario, runs: number): string {
  const json = toCanonicalJSON(scenario, 0).trim();
  return `#s=${lz.compressToEncodedURIComponent(json)}&r=${clampRuns(runs)}`;
}

export type ShareDecode =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly scenario: Scenario; readonly runs: number; readonly warnings: readonly string[] }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'json'; readonly problems: readonly Problem[] }
  | { readonly kind: 'invalid'; readonly problems: readonly Problem[] };

export function clampRuns(runs: unknown): number {
  const n = typeof runs === 'number' ? runs : Number.parseInt(String(runs), 10);
  if (!Number.isFinite(n)) return 1;
  return Math.max(1, Math.min(MAX_RUNS, Math.trunc(n)));
}

/** Reads a location hash (with or without '#'); `none` when it carries no scenario. */
export function decodeShareHash(hash: string): ShareDecode {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return { kind: 'none' };
  if (text.length > MAX_HASH_CHARS) return { kind: 'corrupt' };
  const params = new URLSearchParams(text);
  const packed = params.get('s');
  if (packed === null) return { kind: 'none' };
  let json: string | null;
  try {
    // URLSearchParams turns '+' into ' '; the encoding never contains spaces.
    json = lz.decompressFromEncodedURIComponent(packed.replace(/ /g, '+'));
  } catch {
    json = null;
  }
  if (!json) return { kind: 'corrupt' };
  const result = parseScenarioText(json, 'link');
  if (!result.ok) {
    const syntax = result.problems.some((p) => 'line' in p);
    return syntax ? { kind: 'json', problems: result.problems } : { kind: 'invalid', problems: result.problems };
  }
  return { kind: 'ok', scenario: result.scenario, runs: clampRuns(params.get('r') ?? 1), warnings: result.warnings };
}
