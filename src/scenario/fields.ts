import type * as z from 'zod';
import { scenarioSchema } from './schema.ts';
import { defaultScenario } from './canonical.ts';
import { enumOptions, metaOf, numberBounds, optionsOf, shapeOf, unwrap, defOf } from './schema-walk.ts';
import { getAtPath } from './path.ts';

/**
 * Every documented lever and assumption as a flat list, read from the schema.
 * The app's lever panel and assumptions drawer and docs/scenario-format.md
 * are generated from it, so a field added to the schema shows up everywhere.
 */

export type FieldKind = 'number' | 'integer' | 'choice' | 'flag' | 'campaign';

export type FieldValue = number | string | boolean | { reach: number; fromWeek: number; toWeek?: number };

export interface FieldInfo {
  /** Dotted path, e.g. `interventions.labourInspection.inspectorsPer10kWorkers`. */
  path: string;
  /** Path of the group it belongs to, e.g. `interventions.labourInspection`. */
  group: string;
  /** The last step of the path. */
  key: string;
  kind: FieldKind;
  unit: string;
  description: string;
  /** A published figure, `illustrative`, `lever` or `scenario choice`. */
  source: string;
  /** Paragraphs of the source paper, e.g. `¶16, ¶20`. */
  paragraphs?: string;
  default: FieldValue;
  /** Range of a number, or of a campaign's weekly reach. */
  min?: number;
  max?: number;
  /** Allowed values of a choice. */
  options?: string[];
  /** Where the app's slider stops, when the range is far wider than the values anyone tries. */
  sliderMax?: number;
}

export interface FieldGroup {
  /** Dotted path of the group, e.g. `assumptions.population`. */
  path: string;
  description: string;
  /** Paragraphs of the source paper the group's measure as a whole comes from (groups of levers). */
  paragraphs?: string;
  fields: FieldInfo[];
}

type AnySchema = z.core.$ZodType;

function collect(schema: AnySchema, path: string[], groups: FieldGroup[], defaults: unknown): void {
  const shape = shapeOf(schema)!;
  const meta = metaOf(schema);
  const group: FieldGroup = { path: path.join('.'), description: String(meta?.description ?? ''), ...paragraphsOf(meta), fields: [] };
  groups.push(group);
  for (const [key, child] of Object.entries(shape)) {
    const childPath = [...path, key];
    if (shapeOf(child)) {
      collect(child, childPath, groups, defaults);
      continue;
    }
    group.fields.push(fieldInfo(child, childPath, getAtPath(defaults, childPath) as FieldValue));
  }
}

const paragraphsOf = (meta: Record<string, unknown> | undefined) => (typeof meta?.paragraphs === 'string' ? { paragraphs: meta.paragraphs } : {});

function fieldInfo(schema: AnySchema, path: string[], def: FieldValue): FieldInfo {
  const meta = metaOf(schema) ?? {};
  const inner = unwrap(schema);
  const type = defOf(inner).type;
  const base = {
    path: path.join('.'),
    group: path.slice(0, -1).join('.'),
    key: path[path.length - 1],
    unit: String(meta.unit ?? ''),
    description: String(meta.description ?? ''),
    source: String(meta.source ?? ''),
    ...paragraphsOf(meta),
    ...(typeof meta.sliderMax === 'number' ? { sliderMax: meta.sliderMax } : {}),
    default: def,
  };
  if (type === 'number') {
    const { min, max, integer } = numberBounds(inner)!;
    return { ...base, kind: integer ? 'integer' : 'number', min, max };
  }
  if (type === 'enum') return { ...base, kind: 'choice', options: enumOptions(inner)! };
  if (type === 'boolean') return { ...base, kind: 'flag' };
  if (type === 'union') {
    // A campaign: a weekly reach, or { reach, fromWeek, toWeek }; its range is the reach's.
    const reach = (optionsOf(inner) ?? []).map((o) => numberBounds(o)).find((b) => b !== undefined);
    return { ...base, kind: 'campaign', min: reach?.min, max: reach?.max };
  }
  throw new Error(`fields: ${base.path} has a schema of type ${type}, which the field list does not know`);
}

function build(): FieldGroup[] {
  const groups: FieldGroup[] = [];
  const defaults = defaultScenario();
  for (const top of ['interventions', 'assumptions'] as const) collect(scenarioSchema.shape[top], [top], groups, defaults);
  return groups;
}

/** Groups of fields in schema order; groups that only hold other groups have no fields. */
export const FIELD_GROUPS: readonly FieldGroup[] = build();

/** Every lever and assumption, in schema order. */
export const SCENARIO_FIELDS: readonly FieldInfo[] = FIELD_GROUPS.flatMap((g) => g.fields);

export const INTERVENTION_FIELDS = SCENARIO_FIELDS.filter((f) => f.path.startsWith('interventions.'));
export const ASSUMPTION_FIELDS = SCENARIO_FIELDS.filter((f) => f.path.startsWith('assumptions.'));

const byPath = new Map(SCENARIO_FIELDS.map((f) => [f.path, f]));

/** The documented field at a dotted path, if any. */
export const fieldAt = (path: string): FieldInfo | undefined => byPath.get(path);

export { getAtPath, setAtPath } from './path.ts';

/** The range the scenario format gives its top-level integer fields: what the CLI's `--seed`/`--weeks` and the app's bar accept. */
function topLevelRange(key: 'seed' | 'weeks'): { readonly min: number; readonly max: number } {
  const b = numberBounds(scenarioSchema.shape[key]);
  if (b?.min === undefined || b.max === undefined) throw new Error(`the scenario schema gives ${key} no range`);
  return { min: b.min, max: b.max };
}

export const TOP_LEVEL_RANGES = { seed: topLevelRange('seed'), weeks: topLevelRange('weeks') } as const;
