import type { Scenario } from '../scenario/schema.ts';
import { ASSUMPTION_FIELDS, fieldAt, SCENARIO_FIELDS, type FieldInfo } from '../scenario/fields.ts';
import { formatPath, getAtPath } from '../scenario/path.ts';
import { formatGot, problem, type Problem } from '../scenario/problem.ts';
import { didYouMean } from '../scenario/suggest.ts';
import type { Distribution, InputSelection, Package, RangeSpec, UncertainInput } from './types.ts';

/**
 * Plausible ranges of the uncertain inputs of a design.
 *
 * An assumption's schema range is its VALID range (what the model accepts,
 * often huge: 0..2,000,000 households), not a plausible one. Unless the
 * experiment file gives a range, a design varies an input over this
 * ILLUSTRATIVE default rule:
 *
 *   plausible range = base value × [0.5, 1.5], clipped to the valid range;
 *   integer fields: the whole numbers inside it (ceil of the low end, floor of the high end).
 *
 * The base value is the base scenario's (the field's default unless the
 * scenario sets it). A range that comes out empty (a base value of 0, or an
 * integer field of 1) is not varied by `"all"` unless the file gives a range.
 *
 * `"all"` means every number under `assumptions.` with a non-empty range,
 * except what cannot change the run of the base scenario:
 * - fields of sectors disabled in the base scenario (unless a package enables them),
 * - the effects of prostitution regimes not in force (unless a package puts one in force),
 * - `assumptions.simulation.*` (how runs start: a modelling choice, not an uncertain assumption);
 * plus every path the file gives a range for. Each left-out path is listed in
 * `fixed` with the reason.
 */

/** Half-width of the default plausible range, as a share of the base value (illustrative). */
export const DEFAULT_RANGE_SHARE = 0.5;

export interface ResolvedInputs {
  readonly inputs: UncertainInput[];
  /** Paths `"all"` leaves out, each as `path (reason)`. */
  readonly fixed: string[];
  /** Problems with the listed inputs and the file's ranges (paths such as `design.ranges["assumptions.x"].min`). */
  readonly problems: Problem[];
  /** Not wrong, but probably not meant (a range for a path that is not an input). */
  readonly warnings: string[];
}

export interface ResolveOptions {
  /** The packages a design applies on top of the draws: a sector or regime they switch on is varied too. */
  readonly packages?: readonly Package[];
  /** Path of the design in the file, for problem paths; default `design`. */
  readonly at?: string;
}

/** How a problem about an input with an empty default range begins (it depends on the base scenario). */
export const NO_DEFAULT_RANGE = 'a field with a range';

const isNumeric = (f: FieldInfo | undefined): f is FieldInfo & { min: number; max: number } =>
  f !== undefined && (f.kind === 'number' || f.kind === 'integer') && f.min !== undefined && f.max !== undefined;

const FIELD_PATHS = SCENARIO_FIELDS.map((f) => f.path);
const NUMERIC_PATHS = SCENARIO_FIELDS.filter(isNumeric).map((f) => f.path);

/** The default plausible range of a numeric field around a base value, or undefined when it is empty. */
export function defaultRange(field: FieldInfo, value: number): { min: number; max: number } | undefined {
  if (!isNumeric(field) || !Number.isFinite(value)) return undefined;
  const a = value * (1 - DEFAULT_RANGE_SHARE);
  const b = value * (1 + DEFAULT_RANGE_SHARE);
  let min = Math.max(field.min, Math.min(a, b));
  let max = Math.min(field.max, Math.max(a, b));
  if (field.kind === 'integer') {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  return min < max ? { min, max } : undefined;
}

/**
 * Why a path is not varied by a problem-free `"all"`, or undefined when it is
 * (see the file header).
 */
function excludedFromAll(path: string, base: Scenario, packages: readonly Package[]): string | undefined {
  const parts = path.split('.');
  if (parts[1] === 'simulation') return 'how runs start: a modelling choice, not an uncertain assumption';
  if (parts[1] === 'sectors') {
    const sector = parts[2];
    const enabled = getAtPath(base, ['assumptions', 'sectors', sector, 'enabled']) !== false;
    const enabledBySome = packages.some((p) => p.set[`assumptions.sectors.${sector}.enabled`] === true);
    if (!enabled && !enabledBySome) return `the ${sector} sector is disabled in the base scenario`;
  }
  if (parts[1] === 'prostitution') {
    const regime = parts[2];
    const inForce = base.interventions.prostitutionRegime === regime;
    const byPackage = packages.some((p) => p.set['interventions.prostitutionRegime'] === regime);
    if (!inForce && !byPackage) return `the prostitution regime ${regime} is not in force in the base scenario`;
  }
  return undefined;
}

/** A problem for a path that is not a numeric scenario field, or undefined. */
export function numericPathProblem(path: string, at: string): Problem | undefined {
  const field = fieldAt(path);
  if (isNumeric(field)) return undefined;
  if (field) return problem(at, 'the path of a number field (a lever or assumption with a range)', `${JSON.stringify(path)}, a ${field.kind} field`);
  return unknownPathProblem(path, at, NUMERIC_PATHS);
}

/** A problem for a path that names no scenario field, with a "did you mean" when one is close. */
export function unknownPathProblem(path: string, at: string, candidates: readonly string[] = FIELD_PATHS): Problem {
  // The right key in the wrong group first (its one field), then a near spelling of the whole path.
  const key = path.split('.').pop() ?? '';
  const sameKey = candidates.filter((c) => c.endsWith(`.${key}`));
  const near = (sameKey.length === 1 ? sameKey[0] : undefined) ?? didYouMean(path, candidates) ?? nearByLastKey(path, candidates);
  const expected = 'the dotted path of a lever or assumption, e.g. "assumptions.clients.reportRate"';
  const got = formatGot(path);
  return problem(at, expected, got, `${at}: ${got} is not a scenario field${near ? `; did you mean "${near}"?` : ''}`);
}

/** A path with the right last key in the wrong group: the one field with that key (or a close one). */
function nearByLastKey(path: string, candidates: readonly string[]): string | undefined {
  const key = path.split('.').pop() ?? '';
  const byKey = new Map<string, string[]>();
  for (const c of candidates) {
    const k = c.split('.').pop()!;
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  const nearKey = didYouMean(key, [...byKey.keys()]);
  const matches = nearKey ? byKey.get(nearKey)! : [];
  return matches.length === 1 ? matches[0] : undefined;
}

const rangeAt = (at: string, path: string) => `${at}.ranges${formatPath([path])}`;

/** Problems with one file range for a numeric field. */
function rangeProblems(field: FieldInfo & { min: number; max: number }, spec: RangeSpec, at: string): Problem[] {
  const out: Problem[] = [];
  const whole = field.kind === 'integer';
  const valid = `${whole ? 'a whole number' : 'a number'} between ${field.min} and ${field.max} (the field's valid range)`;
  for (const end of ['min', 'max'] as const) {
    const v = spec[end];
    if (v < field.min || v > field.max || (whole && !Number.isInteger(v))) out.push(problem(`${at}.${end}`, valid, formatGot(v)));
  }
  if (!(spec.min < spec.max)) out.push(problem(`${at}.max`, `a number greater than min (${spec.min})`, formatGot(spec.max)));
  const d = spec.distribution;
  if (d?.kind === 'log-uniform' && !(spec.min > 0)) out.push(problem(`${at}.min`, 'a number above 0 (a log-uniform range cannot include 0)', formatGot(spec.min)));
  if (d?.kind === 'triangular' && d.mode !== undefined && !(d.mode >= spec.min && d.mode <= spec.max)) {
    out.push(problem(`${at}.distribution.mode`, `a number between min and max (${spec.min} and ${spec.max})`, formatGot(d.mode)));
  }
  return out;
}

/** The distribution with its defaults filled in from the base value (triangular mode, normal mean and sd). */
function completeDistribution(d: Distribution | undefined, min: number, max: number, value: number): Distribution {
  const centre = Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : (min + max) / 2;
  if (!d) return { kind: 'uniform' };
  if (d.kind === 'triangular') return { kind: 'triangular', mode: d.mode ?? centre };
  if (d.kind === 'normal') return { kind: 'normal', mean: d.mean ?? centre, sd: d.sd ?? (max - min) / 4 };
  return d;
}

/**
 * The uncertain inputs of a design: the paths selected, each with its
 * plausible range (the file's, or the default rule's) and distribution.
 */
export function resolveInputs(
  selection: InputSelection,
  ranges: Readonly<Record<string, RangeSpec>>,
  base: Scenario,
  options: ResolveOptions = {},
): ResolvedInputs {
  const at = options.at ?? 'design';
  const packages = options.packages ?? [];
  const inputs: UncertainInput[] = [];
  const fixed: string[] = [];
  const problems: Problem[] = [];
  const warnings: string[] = [];

  // The file's ranges: each must be a numeric field, inside its valid range.
  const goodRanges = new Map<string, RangeSpec>();
  for (const [path, spec] of Object.entries(ranges)) {
    const where = rangeAt(at, path);
    const bad = numericPathProblem(path, where);
    if (bad) {
      problems.push(bad);
      continue;
    }
    const found = rangeProblems(fieldAt(path) as FieldInfo & { min: number; max: number }, spec, where);
    problems.push(...found);
    if (found.length === 0) goodRanges.set(path, spec);
  }

  const valueOf = (path: string) => getAtPath(base, path.split('.')) as number;
  const make = (field: FieldInfo, spec: RangeSpec, source: 'file' | 'default'): UncertainInput => ({
    path: field.path,
    min: spec.min,
    max: spec.max,
    integer: field.kind === 'integer',
    distribution: completeDistribution(spec.distribution, spec.min, spec.max, valueOf(field.path)),
    rangeSource: source,
  });

  if (selection === 'all') {
    for (const field of ASSUMPTION_FIELDS) {
      if (!isNumeric(field)) continue;
      const spec = goodRanges.get(field.path);
      if (spec) continue; // added below, in the file's order
      if (ranges[field.path]) continue; // a bad range: already a problem
      const why = excludedFromAll(field.path, base, packages);
      if (why) {
        fixed.push(`${field.path} (${why})`);
        continue;
      }
      const range = defaultRange(field, valueOf(field.path));
      if (!range) {
        fixed.push(`${field.path} (no default range around ${valueOf(field.path)}; give one in ${at}.ranges to vary it)`);
        continue;
      }
      inputs.push(make(field, range, 'default'));
    }
    for (const [path, spec] of goodRanges) inputs.push(make(fieldAt(path)!, spec, 'file'));
    return { inputs, fixed, problems, warnings };
  }

  const seen = new Set<string>();
  selection.forEach((path, i) => {
    const where = `${at}.inputs[${i}]`;
    const bad = numericPathProblem(path, where);
    if (bad) {
      problems.push(bad);
      return;
    }
    if (seen.has(path)) {
      problems.push(problem(where, 'each input listed once', `${JSON.stringify(path)} again`));
      return;
    }
    seen.add(path);
    const field = fieldAt(path)!;
    const spec = goodRanges.get(path);
    if (spec) {
      inputs.push(make(field, spec, 'file'));
      return;
    }
    if (ranges[path]) return; // a bad range: already a problem
    const range = defaultRange(field, valueOf(path));
    if (!range) {
      problems.push(
        problem(where, `${NO_DEFAULT_RANGE}: give one in ${rangeAt(at, path)}`, formatGot(path),
          `${where}: ${JSON.stringify(path)} has no default range (its base value ${valueOf(path)} gives an empty range); give one in ${rangeAt(at, path)}`),
      );
      return;
    }
    inputs.push(make(field, range, 'default'));
  });
  for (const path of Object.keys(ranges)) {
    if (!seen.has(path) && goodRanges.has(path)) warnings.push(`${rangeAt(at, path)}: ${path} is not among ${at}.inputs, so this range is not used`);
  }
  return { inputs, fixed, problems, warnings };
}
