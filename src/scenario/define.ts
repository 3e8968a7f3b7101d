import * as z from 'zod';

/**
 * Documentation carried by every assumption and lever. It is attached with
 * zod's `.meta()`, so the one schema definition yields types, validation,
 * defaults, the field docs shown in the app, and the published JSON Schema.
 */
export interface FieldDoc {
  /** Unit of the value, e.g. "share of group per week", "USD", "count". */
  readonly unit: string;
  /** One line: what the number means in the model. */
  readonly description: string;
  /** A published figure (with a short citation) or the word `illustrative`. */
  readonly source: string;
  /** Paragraphs of the source paper the mechanism comes from, e.g. "¶16". */
  readonly paragraphs?: string;
}

export interface NumberSpec extends FieldDoc {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** Where the app's slider stops when the valid range is far wider than the values anyone tries; the number box takes the full range. */
  readonly sliderMax?: number;
}

/** A documented number with a valid range and a default. */
export function num(spec: NumberSpec) {
  const base = spec.integer ? z.int() : z.number();
  const { default: def, min, max, integer: _integer, ...doc } = spec;
  return base.min(min).max(max).default(def).meta({ ...doc });
}

/** A documented choice among named options. */
export function choice<const T extends readonly [string, ...string[]]>(
  options: T,
  def: T[number],
  doc: Omit<FieldDoc, 'unit'> & { unit?: string },
) {
  return z.enum(options).default(def as never).meta({ unit: doc.unit ?? 'choice', ...doc });
}

/** A documented switch. */
export function flag(def: boolean, doc: Omit<FieldDoc, 'unit'>) {
  return z.boolean().default(def).meta({ unit: 'yes/no', ...doc });
}

/**
 * A group of fields; absent groups take every default. A group of levers
 * may cite the paragraphs of its measure as a whole (the app shows them on its card).
 */
export function group<T extends z.core.$ZodLooseShape>(shape: T, description: string, paragraphs?: string) {
  const meta = paragraphs ? { description: `${description} (${paragraphs})`, paragraphs } : { description };
  return z.strictObject(shape).prefault({} as never).meta(meta);
}
