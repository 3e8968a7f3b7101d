import type * as z from 'zod';

/**
 * Reading the zod schema as data: unwrap defaults, find the schema at a path,
 * describe what it expects in words. Validation messages, the field list and
 * the generated docs all read the schema through these helpers, so they never
 * drift from it.
 */

type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: readonly AnySchema[];
  shape?: Record<string, AnySchema>;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
}

/** Loose view of the classic-API getters zod puts on number and string schemas. */
interface Bounds {
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
  minLength?: number | null;
  maxLength?: number | null;
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

export const defOf = (schema: AnySchema): Def => schema._zod.def as unknown as Def;

/** The schema under defaults, optionals and pipes. */
export function unwrap(schema: AnySchema): AnySchema {
  let cur = schema;
  for (;;) {
    const def = defOf(cur);
    if (WRAPPERS.has(def.type) && def.innerType) cur = def.innerType;
    else if (def.type === 'pipe' && def.in) cur = def.in;
    else return cur;
  }
}

/** The metadata attached with `.meta()`, looked for on every wrapper from the outside in. */
export function metaOf(schema: AnySchema): Record<string, unknown> | undefined {
  let cur: AnySchema | undefined = schema;
  while (cur) {
    const meta = (cur as unknown as { meta?: () => unknown }).meta?.();
    if (meta && typeof meta === 'object') return meta as Record<string, unknown>;
    const def = defOf(cur);
    cur = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
  }
  return undefined;
}

/** The fields of an object schema (after unwrapping), or undefined if it is not one. */
export function shapeOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'object' ? def.shape : undefined;
}

/** The options of a union schema (after unwrapping), or undefined. */
export function optionsOf(schema: AnySchema): readonly AnySchema[] | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'union' ? def.options : undefined;
}

/** The options of an enum schema (after unwrapping), or undefined. */
export function enumOptions(schema: AnySchema): string[] | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'enum' && def.entries ? Object.values(def.entries).map(String) : undefined;
}

/** Numeric bounds and integer-ness of a number schema (after unwrapping), or undefined. */
export function numberBounds(schema: AnySchema): { min?: number; max?: number; integer: boolean } | undefined {
  const inner = unwrap(schema);
  if (defOf(inner).type !== 'number') return undefined;
  const b = inner as unknown as Bounds;
  const integer = b.isInt === true;
  const limit = integer ? Number.MAX_SAFE_INTEGER : Infinity;
  const min = typeof b.minValue === 'number' && Math.abs(b.minValue) < limit ? b.minValue : undefined;
  const max = typeof b.maxValue === 'number' && Math.abs(b.maxValue) < limit ? b.maxValue : undefined;
  return { min, max, integer };
}

/**
 * The schema that validates the value at `path`, going through unions by
 * taking the first option in which the rest of the path exists.
 */
export function schemaAtPath(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  if (path.length === 0) return root;
  const [head, ...rest] = path;
  const shape = shapeOf(root);
  if (shape) {
    const key = String(head);
    return Object.prototype.hasOwnProperty.call(shape, key) ? schemaAtPath(shape[key], rest) : undefined;
  }
  for (const option of optionsOf(root) ?? []) {
    const found = schemaAtPath(option, path);
    if (found) return found;
  }
  return undefined;
}

const MAX_KEYS_SHOWN = 5;

/** What a schema accepts, in words: "a number between 0 and 50", `one of "a", "b"`. */
export function describeExpected(schema: AnySchema): string {
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'number': {
      const { min, max, integer } = numberBounds(inner)!;
      const noun = integer ? 'a whole number' : 'a number';
      if (min !== undefined && max !== undefined) return `${noun} between ${min} and ${max}`;
      if (min !== undefined) return `${noun} of at least ${min}`;
      if (max !== undefined) return `${noun} of at most ${max}`;
      return noun;
    }
    case 'string': {
      const b = inner as unknown as Bounds;
      const min = b.minLength ?? 0;
      const max = b.maxLength ?? undefined;
      if (max !== undefined && max !== null) return min > 0 ? `a text of ${min} to ${max} characters` : `a text of at most ${max} characters`;
      return min > 0 ? `a text of at least ${min} characters` : 'a text';
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${enumOptions(inner)!.map((o) => JSON.stringify(o)).join(', ')}`;
    case 'literal':
      return (def.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'object': {
      const keys = Object.keys(def.shape ?? {});
      return keys.length <= MAX_KEYS_SHOWN ? `{ ${keys.join(', ')} }` : 'an object';
    }
    case 'union':
      return (def.options ?? []).map(describeExpected).join(' or ');
    case 'array':
      return 'a list';
    case 'null':
      return 'null';
    case 'never':
      return 'nothing (this key is not allowed)';
    default:
      return 'a valid value';
  }
}

/** Whether a value has the JSON type a schema expects, ignoring ranges and contents. */
export function matchesType(schema: AnySchema, value: unknown): boolean {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'number':
      return typeof value === 'number';
    case 'string':
    case 'enum':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    case 'union':
      return (def.options ?? []).some((o) => matchesType(o, value));
    default:
      return false;
  }
}

/** Every object key in the schema with its path, for "did you mean" across levels. */
export function allKeyPaths(root: AnySchema, prefix: readonly string[] = []): string[][] {
  const out: string[][] = [];
  const shape = shapeOf(root);
  if (shape) {
    for (const [key, child] of Object.entries(shape)) {
      const path = [...prefix, key];
      out.push(path);
      out.push(...allKeyPaths(child, path));
    }
  }
  return out;
}
