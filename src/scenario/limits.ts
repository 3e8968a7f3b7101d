/**
 * Limits on scenario input (issue 4: hostile input gets a clear error, never a
 * crash or a hang). They are far above anything a hand-written scenario needs:
 * a full scenario with every field spelled out is about 15 KB and 5 levels deep.
 */

/** Largest scenario text accepted, in bytes of UTF-8; larger files are refused before parsing. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/** Deepest nesting of lists and objects accepted (the format itself needs 5 levels). */
export const MAX_DEPTH = 64;

/** At most this many problems are listed; the rest are counted in one last problem. */
export const MAX_PROBLEMS = 100;

/** Offending values are shown truncated to about this many characters. */
export const MAX_GOT_CHARS = 60;

/** Keys that could reach an object's prototype; refused anywhere in a scenario. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const isForbiddenKey = (key: string): boolean => FORBIDDEN_KEYS.includes(key);
