import type { Scenario } from './schema.ts';

/**
 * A short, stable fingerprint of what a scenario models, so outputs and
 * shared links can say which model produced them. Pure TypeScript (it runs in
 * the browser too): FNV-1a 64 over the UTF-8 bytes of the canonical JSON.
 */

/** Keys that label a scenario without changing what it models. */
export const UNHASHED_KEYS: readonly string[] = ['name', 'description', '$schema'];

/** JSON with object keys sorted at every level; undefined fields are left out. */
export function canonicalStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalStringify).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalStringify((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/**
 * FNV-1a 64 of a string's UTF-8 bytes, as 16 hex digits. The 64-bit state is
 * two 32-bit halves; multiplying by the prime 2^40 + 0x1b3 is
 * h * 0x1b3 + (h << 40), every partial product exact in a double.
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * Hash of the fully defaulted scenario without its name, description and
 * $schema: two files that model the same thing (however many defaults they
 * spell out) get the same hash. Weeks and seed are part of the model run and
 * are included.
 */
export function scenarioHash(scenario: Scenario): string {
  const rest: Record<string, unknown> = { ...scenario };
  for (const key of UNHASHED_KEYS) delete rest[key];
  return fnv1a64(canonicalStringify(rest));
}
