import { ROOT_PATH } from './problem.ts';

/** A step into a scenario: an object key or a list index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * `interventions.awareness.consumers`, `a.list[2].b`; keys that are not plain
 * names are quoted (`a["odd key"]`); the empty path is `(root)`.
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return ROOT_PATH;
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      if (PLAIN_KEY.test(key)) out += out ? `.${key}` : key;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const hasOwn = (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key);

/** The value at a path, reading own properties only (so `constructor` never finds Object). */
export function getAtPath(value: unknown, segments: readonly PropertyKey[]): unknown {
  let cur = value;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number') return undefined;
      cur = cur[seg];
    } else {
      const key = String(seg);
      if (!hasOwn(cur, key)) return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
  }
  return cur;
}

/** Whether every step of the path exists as an own property or list item. */
export function hasPath(value: unknown, segments: readonly PropertyKey[]): boolean {
  let cur = value;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object') return false;
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number' || seg < 0 || seg >= cur.length) return false;
      cur = cur[seg];
    } else {
      if (!hasOwn(cur, String(seg))) return false;
      cur = (cur as Record<string, unknown>)[String(seg)];
    }
  }
  return true;
}

/**
 * A copy of `value` with `leaf` at the path; `value` is not touched. Objects
 * on the way are copied (only along the path); a missing or non-object step
 * becomes a new object. Keys are defined, never assigned, so a `__proto__`
 * key cannot reach a prototype.
 */
export function setAtPath(value: unknown, segments: readonly string[], leaf: unknown): unknown {
  if (segments.length === 0) return leaf;
  const [head, ...rest] = segments;
  const base: Record<string, unknown> = isPlainObject(value) ? { ...value } : {};
  const child = hasOwn(base, head) ? base[head] : undefined;
  Object.defineProperty(base, head, {
    value: setAtPath(child, rest, leaf),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return base;
}

/** `b` layered over `a`: plain objects merge key by key, anything else in `b` replaces what `a` has. */
export function mergeLayers(a: unknown, b: unknown): unknown {
  if (!isPlainObject(a) || !isPlainObject(b)) return b;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = mergeLayers(out[k], v);
  return out;
}
