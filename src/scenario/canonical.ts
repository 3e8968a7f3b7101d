import { scenarioSchema, type Scenario, type ScenarioInput } from './schema.ts';
import { canonicalStringify } from './hash.ts';
import { isPlainObject } from './path.ts';
import { shapeOf } from './schema-walk.ts';
import type * as z from 'zod';

/**
 * The smallest file that loads back to the same scenario: `$schema` (when
 * set), `formatVersion` and `name`, then only the fields that differ from
 * their defaults, in the schema's order. Used for saving and sharing.
 */

let defaults: Scenario | undefined;

/** The scenario every field of which takes its default (named "default"). */
export function defaultScenario(): Scenario {
  defaults ??= scenarioSchema.parse({ name: 'default' });
  return structuredClone(defaults);
}

const ALWAYS_KEPT = new Set(['$schema', 'formatVersion', 'name']);

export function toMinimalInput(scenario: Scenario): ScenarioInput {
  const out = diff(scenarioSchema, scenario, defaultScenario()) ?? {};
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(scenarioSchema.shape)) {
    const value = ALWAYS_KEPT.has(key) ? (scenario as Record<string, unknown>)[key] : (out as Record<string, unknown>)[key];
    if (value !== undefined) result[key] = value;
  }
  return structuredClone(result) as ScenarioInput;
}

/** Minimal JSON of a scenario (see toMinimalInput), pretty-printed with a final newline. */
export function toCanonicalJSON(scenario: Scenario, indent = 2): string {
  return `${JSON.stringify(toMinimalInput(scenario), null, indent)}\n`;
}

/** The parts of `value` that differ from `base`, following the schema's groups; undefined if none. */
function diff(schema: z.core.$ZodType, value: unknown, base: unknown): unknown {
  const shape = shapeOf(schema);
  if (shape && isPlainObject(value) && isPlainObject(base)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(shape)) {
      const d = diff(child, value[key], base[key]);
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return canonicalStringify(value) === canonicalStringify(base) ? undefined : value;
}
