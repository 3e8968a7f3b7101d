import { MAX_GOT_CHARS } from './limits.ts';

/**
 * One thing wrong with a scenario: where, what was expected, what was found.
 * `message` is the full line shown to the user, e.g.
 * `interventions.labourInspection.inspectorsPer10kWorkers: expected a number between 0 and 50, got "high"`.
 */
export interface Problem {
  /** Dotted path with [i] for list items; `(root)` for the file as a whole. */
  path: string;
  expected: string;
  got: string;
  message: string;
  /** For syntax errors in a scenario's text: where it is (1-based). */
  line?: number;
  column?: number;
}

export const ROOT_PATH = '(root)';

/** A problem whose message is the standard `path: expected X, got Y`. */
export function problem(path: string, expected: string, got: string, message?: string): Problem {
  return { path, expected, got, message: message ?? `${path}: expected ${expected}, got ${got}` };
}

/**
 * Shows a value as the user wrote it (JSON-ish, strings quoted), truncated to
 * about `max` characters. Never throws and never walks more than it prints,
 * whatever the value (huge, circular, exotic).
 */
export function formatGot(value: unknown, max = MAX_GOT_CHARS): string {
  try {
    if (typeof value === 'string') return formatString(value, max);
    if (value !== null && typeof value === 'object') {
      const out = { text: '', full: false };
      writeValue(value, out, max, new Set());
      return out.full ? `${out.text.slice(0, max)}…` : out.text;
    }
    return formatScalar(value);
  } catch {
    return 'an unreadable value';
  }
}

function formatString(s: string, max: number): string {
  if (s.length <= max) return JSON.stringify(s);
  let cut = s.slice(0, max);
  // Do not split a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${JSON.stringify(cut).slice(0, -1)}…" (${s.length} characters)`;
}

function formatScalar(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return String(value);
  }
}

interface Out {
  text: string;
  full: boolean;
}

function write(out: Out, s: string, max: number): boolean {
  out.text += s;
  if (out.text.length > max) out.full = true;
  return !out.full;
}

function writeValue(value: unknown, out: Out, max: number, seen: Set<object>): boolean {
  if (typeof value === 'string') return write(out, JSON.stringify(value.length > max ? value.slice(0, max) : value), max);
  if (value === null || typeof value !== 'object') return write(out, formatScalar(value), max);
  if (seen.has(value)) return write(out, '[circular]', max);
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
    return write(out, typeof name === 'string' && name ? `a ${name}` : 'an object', max);
  }
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      if (!write(out, '[', max)) return false;
      for (let i = 0; i < value.length; i++) {
        if (i > 0 && !write(out, ', ', max)) return false;
        if (!writeValue(value[i], out, max, seen)) return false;
      }
      return write(out, ']', max);
    }
    if (!write(out, '{', max)) return false;
    let first = true;
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (!write(out, `${first ? ' ' : ', '}${JSON.stringify(key)}: `, max)) return false;
      first = false;
      if (!writeValue((value as Record<string, unknown>)[key], out, max, seen)) return false;
    }
    return write(out, first ? '}' : ' }', max);
  } finally {
    seen.delete(value);
  }
}
