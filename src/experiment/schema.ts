import * as z from 'zod';
import { HEADLINE_METRICS } from '../sim/comparison.ts';
import { SLOTS } from '../sim/metrics.ts';
import { defaultScenario, validateScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { FIELD_GROUPS, fieldAt } from '../scenario/fields.ts';
import { canonicalStringify, fnv1a64, scenarioHash } from '../scenario/hash.ts';
import { issuesToProblems, type LocatedProblem } from '../scenario/issues.ts';
import { defOf, describeExpected, optionsOf, shapeOf, unwrap } from '../scenario/schema-walk.ts';
import { readJsonText } from '../scenario/json-text.ts';
import { MAX_DEPTH, MAX_PROBLEMS, MAX_SCENARIO_BYTES } from '../scenario/limits.ts';
import { formatPath, getAtPath, isPlainObject, type PathSegment } from '../scenario/path.ts';
import { formatGot, problem, ROOT_PATH, type Problem } from '../scenario/problem.ts';
import { checkStructure } from '../scenario/structure.ts';
import { didYouMean } from '../scenario/suggest.ts';
import { setPath } from '../sim/sweep.ts';
import { NO_DEFAULT_RANGE, resolveInputs, unknownPathProblem } from './ranges.ts';
import type { Design, Experiment, Package } from './types.ts';

/**
 * The experiment file (issue 11): JSON naming a base scenario, a design and
 * what to record, validated into an `Experiment` with the same kind of
 * problems as scenario files: every problem at once, each with its path,
 * what was expected and what was found. Nothing here throws.
 */

/** The experiment format version this build reads and writes. */
export const EXPERIMENT_FORMAT_VERSION = 1;
export const EXPERIMENT_FORMAT = 'dsw-experiment';

/** Limits on a design's size (checked before anything is expanded or run). */
export const MAX_POINTS = 100_000;
export const MAX_RUNS = 1_000_000;

const DESIGN_TYPES = ['grid', 'list', 'monte-carlo', 'one-at-a-time', 'morris', 'attribution', 'robustness'] as const;
const DISTRIBUTION_KINDS = ['uniform', 'triangular', 'normal', 'log-uniform'] as const;

const path = z.string().min(1).max(300);
const label = z.string().min(1).max(200).meta({ description: 'name of the package in outputs' });
const setSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: 'scenario changes: dotted path → value, e.g. { "interventions.labourInspection.inspectorsPer10kWorkers": 2 }' });
const packageSchema = z.strictObject({ label, set: setSchema });

const distributionSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('uniform') }),
    z.strictObject({ kind: z.literal('triangular'), mode: z.number().optional().meta({ description: 'most likely value; default the base value' }) }),
    z.strictObject({
      kind: z.literal('normal'),
      mean: z.number().optional().meta({ description: 'default the base value' }),
      sd: z.number().positive().optional().meta({ description: 'default a quarter of the range' }),
    }),
    z.strictObject({ kind: z.literal('log-uniform') }),
  ])
  .meta({ description: 'how values are spread over [min, max] (truncated to it); default uniform' });

const rangeSchema = z.strictObject({
  min: z.number(),
  max: z.number(),
  distribution: distributionSchema.optional(),
});

const inputsSchema = z
  .union([z.literal('all'), z.array(path).min(1)])
  .default('all')
  .meta({ description: '"all" (every assumption with a plausible range, see src/experiment/ranges.ts) or a list of dotted paths' });
const rangesSchema = z
  .record(z.string(), rangeSchema)
  .default({})
  .meta({ description: 'plausible range of a path (overrides the default rule: base value × [0.5, 1.5], illustrative)' });
const samplingSchema = z.enum(['latin-hypercube', 'random']).default('latin-hypercube');
const draws = z.int().min(1).max(MAX_POINTS).meta({ description: 'second-order draws (assumption sets)' });

const designSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('grid'),
    axes: z.array(z.strictObject({ path, values: z.array(z.unknown()).min(1) })).min(1).meta({ description: 'every combination of the axes\' values; the first axis varies slowest' }),
  }),
  z.strictObject({ type: z.literal('list'), points: z.array(packageSchema).min(1) }),
  z.strictObject({ type: z.literal('monte-carlo'), draws, sampling: samplingSchema, inputs: inputsSchema, ranges: rangesSchema }),
  z.strictObject({ type: z.literal('one-at-a-time'), inputs: inputsSchema, ranges: rangesSchema }),
  z.strictObject({
    type: z.literal('morris'),
    trajectories: z.int().min(1).max(10_000).default(20),
    levels: z.int().min(2).max(20).default(4).meta({ description: 'grid levels p (even); steps are p / (2(p − 1)) of the range' }),
    inputs: inputsSchema,
    ranges: rangesSchema,
  }),
  z.strictObject({
    type: z.literal('attribution'),
    package: packageSchema,
    measures: z.array(path).min(1).optional().meta({ description: 'intervention groups, e.g. "interventions.labourInspection"; default every group the package changes' }),
  }),
  z.strictObject({ type: z.literal('robustness'), packages: z.array(packageSchema).min(1), draws, sampling: samplingSchema, inputs: inputsSchema, ranges: rangesSchema }),
]);

const goalSchema = z.strictObject({ outcome: z.enum(HEADLINE_METRICS), better: z.enum(['lower', 'higher']) });

/** The one definition of the experiment file's shape (semantic checks follow in validateExperiment). */
export const experimentSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'path to experiment.schema.json, for editors' }),
    format: z.literal(EXPERIMENT_FORMAT),
    version: z.int().min(1).max(EXPERIMENT_FORMAT_VERSION).meta({ description: `version of the experiment format (this build: ${EXPERIMENT_FORMAT_VERSION})` }),
    name: z.string().min(1).max(200),
    description: z.string().max(5000).optional(),
    scenario: z
      .union([z.string().min(1).meta({ description: 'path of a scenario file, relative to the experiment file' }), z.looseObject({}).meta({ description: 'a scenario object' })])
      .meta({ description: 'the base scenario' }),
    seed: z.int().min(0).max(4_294_967_295).optional().meta({ description: 'seed of every point\'s replicates and of the design\'s draws; default the scenario\'s seed' }),
    replicates: z.int().min(1).max(1000).default(5),
    weeks: z.int().min(1).max(1040).optional().meta({ unit: 'weeks', description: 'horizon of every point; default the scenario\'s weeks' }),
    outcomes: z.array(z.enum(HEADLINE_METRICS)).min(1).optional().meta({ description: 'outcomes analysed; default all headline metrics' }),
    sectors: z.array(z.enum(SLOTS)).min(1).default(['total']).meta({ description: 'sectors (slots) recorded and analysed' }),
    series: z.enum(['weekly', 'outcomes']).default('weekly').meta({ description: 'keep every week of every run, or only each run\'s outcomes' }),
    frontier: z.tuple([goalSchema, goalSchema]).optional().meta({ description: 'two outcomes of the trade-off frontier, each with the direction that is better' }),
    design: designSchema,
  })
  .meta({ title: 'Demand-side trafficking workbench experiment', description: 'A base scenario, a design of points and what to record. Illustrative, not a forecast.' });

type ParsedFile = z.output<typeof experimentSchema>;

export type ScenarioReadResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export interface ExperimentOptions {
  /** The file name, used in messages about the text. */
  readonly source?: string;
  /** Reads the scenario a file names (the path as written; the caller resolves it against the experiment file). */
  readScenario(path: string): ScenarioReadResult;
}

export type ExperimentResult = { ok: true; experiment: Experiment; warnings?: string[] } | { ok: false; problems: Problem[] };

const EXPECTED_ROOT = 'an experiment object such as { "format": "dsw-experiment", "version": 1, "name": "…", "scenario": "…", "design": { "type": "grid", … } }';

/** Parses and validates experiment text. Invalid JSON is one problem with its line and column. */
export function parseExperimentText(text: string, options: ExperimentOptions): ExperimentResult {
  const source = options.source;
  if (typeof text !== 'string') return fail([problem(ROOT_PATH, 'experiment text', typeof text)]);
  if (text.length > MAX_SCENARIO_BYTES || new TextEncoder().encode(text).length > MAX_SCENARIO_BYTES) {
    const limit = `${MAX_SCENARIO_BYTES / (1024 * 1024)} MB`;
    return fail([problem(ROOT_PATH, `at most ${limit}`, 'more', `${source ?? 'file'} is larger than ${limit}; experiment files are at most ${limit}`)]);
  }
  const read = readJsonText(text, MAX_DEPTH, source);
  if (!read.ok) return fail([read.problem]);
  const result = validateExperiment(read.value, options);
  if (!result.ok) return result;
  const warnings = [...read.duplicates, ...(result.warnings ?? [])];
  return warnings.length > 0 ? { ok: true, experiment: result.experiment, warnings } : { ok: true, experiment: result.experiment };
}

/** Validates an experiment given as a value (parsed JSON, an object from the app). */
export function validateExperiment(value: unknown, options: ExperimentOptions): ExperimentResult {
  try {
    return validate(value, options);
  } catch (e) {
    return fail([problem(ROOT_PATH, 'a readable experiment', 'a value that could not be read', `${ROOT_PATH}: the experiment could not be read (${e instanceof Error ? e.message : String(e)})`)]);
  }
}

function validate(value: unknown, options: ExperimentOptions): ExperimentResult {
  const structure = checkStructure(value);
  if (structure.problems.length > 0) return fail(structure.problems);
  const clean = structure.clean;
  if (!isPlainObject(clean)) return fail([problem(ROOT_PATH, EXPECTED_ROOT, formatGot(clean))]);

  // A newer file may mean anything: say so, and nothing else.
  const version = clean.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPERIMENT_FORMAT_VERSION) {
    return fail([problem('version', `version ${EXPERIMENT_FORMAT_VERSION} or lower`, String(version),
      `version: this experiment file was made by a newer version of the workbench (format version ${version}; this one reads up to ${EXPERIMENT_FORMAT_VERSION}); update the workbench to run it`)]);
  }

  const problems: Problem[] = [...tagProblems(clean)];
  const parsed = experimentSchema.safeParse(clean);
  if (!parsed.success) {
    const located = issuesToProblems(parsed.error.issues, clean, experimentSchema).map((l) => describeInLists(l, clean));
    // The tags (design.type, distribution.kind) were checked above with clearer words.
    problems.push(...located.filter((p) => !problems.some((q) => p.path === q.path || p.path.startsWith(`${q.path}.`) || q.path.startsWith(`${p.path}.`))));
  }
  // The base scenario, read even when the file has other problems: every problem at once.
  const scenario = readBase(clean.scenario, options, problems);
  problems.push(...pathProblems(clean));
  if (!parsed.success) return fail(problems);
  const file = parsed.data;
  const warnings: string[] = [];

  const outcomes = file.outcomes ?? [...HEADLINE_METRICS];
  problems.push(...duplicates(file.outcomes ?? [], 'outcomes'), ...duplicates(file.sectors, 'sectors'));
  if (file.frontier) {
    const [a, b] = file.frontier;
    if (a.outcome === b.outcome) problems.push(problem('frontier[1].outcome', `an outcome other than ${JSON.stringify(a.outcome)}`, JSON.stringify(b.outcome)));
    file.frontier.forEach((g, i) => {
      if (!outcomes.includes(g.outcome)) problems.push(problem(`frontier[${i}].outcome`, `one of the experiment's outcomes (${outcomes.join(', ')})`, JSON.stringify(g.outcome)));
    });
  }

  const design = toDesign(file.design);
  if (design.type === 'morris' && design.levels % 2 !== 0) problems.push(problem('design.levels', 'an even whole number between 2 and 20', String(design.levels)));
  problems.push(...designStructureProblems(design));

  // Inputs and ranges, values written in the file, the design's size.
  let inputCount = 0;
  if ('inputs' in design) {
    const resolved = resolveInputs(design.inputs, design.ranges, scenario ?? defaultScenario(), { packages: design.type === 'robustness' ? design.packages : [] });
    // Without a readable base scenario, only the problems that do not depend on it count.
    if (!scenario) {
      problems.push(...resolved.problems.filter((p) => !p.expected.startsWith(NO_DEFAULT_RANGE)));
      return fail(problems);
    }
    problems.push(...resolved.problems);
    warnings.push(...resolved.warnings);
    inputCount = resolved.inputs.length;
    if (resolved.problems.length === 0 && inputCount === 0) problems.push(problem('design.inputs', 'at least one input to vary', 'none (every selected field has an empty range)'));
  }
  if (!scenario) return fail(problems);
  const weeks = file.weeks ?? scenario.weeks;
  const seed = file.seed ?? scenario.seed;
  problems.push(...valueProblems(design, scenario));
  const experiment: Experiment = {
    name: file.name,
    ...(file.description !== undefined ? { description: file.description } : {}),
    scenario,
    seed,
    replicates: file.replicates,
    weeks,
    outcomes,
    slots: file.sectors,
    series: file.series,
    ...(file.frontier ? { frontier: file.frontier } : {}),
    design,
  };
  if (problems.length === 0) problems.push(...sizeProblems(experiment, inputCount));
  if (problems.length > 0) return fail(problems);
  return warnings.length > 0 ? { ok: true, experiment, warnings } : { ok: true, experiment };
}

type AnySchema = z.core.$ZodType;

/**
 * The scenario loader's issue mapping walks objects and unions only (a
 * scenario has no lists); an experiment has lists, tuples and records. A
 * problem it could only describe as "a valid value" is described again from
 * the schema found by walking those too.
 */
function describeInLists(located: LocatedProblem, input: unknown): Problem {
  const p = located.problem;
  if (p.message.startsWith(`${p.path}: unknown key`) && located.segments.length > 0) {
    // Inside a tagged union (a design), the keys allowed are those of the option the tag names.
    const parent = schemaAtValue(experimentSchema, located.segments.slice(0, -1), input);
    const allowed = parent ? Object.keys(shapeOf(parent) ?? {}) : [];
    if (allowed.length === 0) return p;
    const key = String(located.segments[located.segments.length - 1]);
    const near = didYouMean(key, allowed);
    const expected = `one of the keys ${allowed.join(', ')}`;
    return problem(p.path, expected, JSON.stringify(key), near ? `${p.path}: unknown key; did you mean "${near}"?` : `${p.path}: unknown key; expected one of ${allowed.join(', ')}`);
  }
  if (p.expected !== 'a valid value') return p;
  const schema = schemaAtValue(experimentSchema, located.segments, input);
  if (!schema) return p;
  const expected = describeExpected(schema);
  return problem(p.path, expected, p.got);
}

function schemaAtValue(root: AnySchema, segments: readonly PathSegment[], input: unknown): AnySchema | undefined {
  let cur: AnySchema | undefined = pickOption(root, input, segments[0]);
  let value = input;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (!cur) return undefined;
    const inner = unwrap(cur);
    const def = defOf(inner) as unknown as { type: string; element?: AnySchema; items?: AnySchema[]; valueType?: AnySchema };
    if (def.type === 'object') cur = shapeOf(inner)?.[String(seg)];
    else if (def.type === 'array') cur = def.element;
    else if (def.type === 'tuple') cur = typeof seg === 'number' ? def.items?.[seg] : undefined;
    else if (def.type === 'record') cur = def.valueType;
    else return undefined;
    value = getAtPath(value, [seg]);
    cur = cur ? pickOption(cur, value, segments[i + 1]) : undefined;
  }
  return cur;
}

/** For a union, the option that fits the value: by its tag when the union has one, else the first with the next key. */
function pickOption(schema: AnySchema, value: unknown, nextKey: PathSegment | undefined): AnySchema | undefined {
  const options = optionsOf(schema);
  if (!options) return schema;
  const tag = (defOf(unwrap(schema)) as unknown as { discriminator?: string }).discriminator;
  if (tag && isPlainObject(value)) {
    return options.find((o) => (defOf(unwrap(shapeOf(o)?.[tag] ?? o)) as unknown as { values?: unknown[] }).values?.includes(value[tag]));
  }
  if (nextKey === undefined) return undefined;
  return options.find((o) => shapeOf(o)?.[String(nextKey)] !== undefined);
}

/** The base scenario: read through the caller (a path) or validated here (an object); its problems go under `scenario`. */
function readBase(value: unknown, options: ExperimentOptions, problems: Problem[]): Scenario | undefined {
  if (typeof value === 'string' && value.length > 0) {
    const read = options.readScenario(value);
    if (read.ok) return read.scenario;
    problems.push(...read.problems.map((p) => ({ ...p, path: `scenario: ${p.path}`, message: `scenario: ${value}: ${p.message}` })));
    return undefined;
  }
  if (isPlainObject(value)) {
    const checked = validateScenario(value);
    if (checked.ok) return checked.scenario;
    problems.push(...checked.problems.map(inlineScenarioProblem));
  }
  return undefined;
}

/** An inline scenario's problem, placed under `scenario.` (its message rewritten to the new path). */
function inlineScenarioProblem(p: Problem): Problem {
  const path = p.path === ROOT_PATH ? 'scenario' : `scenario.${p.path}`;
  const message = p.message.startsWith(`${p.path}:`) ? `${path}${p.message.slice(p.path.length)}` : `scenario: ${p.message}`;
  return { ...p, path, message };
}

/** The design with the file's defaults filled in, as the shared type (checked by the compiler, not cast). */
function toDesign(d: ParsedFile['design']): Design {
  return d;
}

/** Clear words for a wrong `type` of a design or `kind` of a distribution (zod's say only "invalid input"). */
function tagProblems(root: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  const tag = (value: unknown, at: string, key: string, options: readonly string[]) => {
    if (!isPlainObject(value)) return;
    const v = value[key];
    if (typeof v === 'string' && options.includes(v)) return;
    const where = `${at}.${key}`;
    const expected = `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
    const near = typeof v === 'string' ? didYouMean(v, options) : undefined;
    const got = v === undefined ? 'nothing (the field is missing)' : formatGot(v);
    out.push(problem(where, expected, got, `${where}: expected ${expected}, got ${got}${near ? `; did you mean "${near}"?` : ''}`));
  };
  if (!isPlainObject(root.design)) {
    const got = root.design === undefined ? 'nothing (the field is missing)' : formatGot(root.design);
    out.push(problem('design', 'a design object such as { "type": "grid", "axes": [ … ] }', got));
  }
  tag(root.design, 'design', 'type', DESIGN_TYPES);
  const design = root.design;
  if (isPlainObject(design) && isPlainObject(design.ranges)) {
    for (const [key, range] of Object.entries(design.ranges)) {
      if (isPlainObject(range) && range.distribution !== undefined) tag(range.distribution, `design.ranges${formatPath([key])}.distribution`, 'kind', DISTRIBUTION_KINDS);
    }
  }
  return out;
}

const INTERVENTION_GROUPS = FIELD_GROUPS.filter((g) => g.path.startsWith('interventions.') && g.fields.length > 0).map((g) => g.path);

/** Every path a design names (set keys, axes) must be a scenario field. Read from the raw file, so it runs even when the schema failed elsewhere. */
function pathProblems(root: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  const design = root.design;
  if (!isPlainObject(design)) return out;
  const setKeys = (pkg: unknown, at: string) => {
    if (!isPlainObject(pkg) || !isPlainObject(pkg.set)) return;
    for (const key of Object.keys(pkg.set)) if (!fieldAt(key)) out.push(unknownPathProblem(key, `${at}.set${formatPath([key])}`));
  };
  if (design.type === 'grid' && Array.isArray(design.axes)) {
    design.axes.forEach((axis, i) => {
      if (isPlainObject(axis) && typeof axis.path === 'string' && !fieldAt(axis.path)) out.push(unknownPathProblem(axis.path, `design.axes[${i}].path`));
    });
  }
  if (design.type === 'list' && Array.isArray(design.points)) design.points.forEach((p, i) => setKeys(p, `design.points[${i}]`));
  if (design.type === 'robustness' && Array.isArray(design.packages)) design.packages.forEach((p, i) => setKeys(p, `design.packages[${i}]`));
  if (design.type === 'attribution') {
    setKeys(design.package, 'design.package');
    if (Array.isArray(design.measures)) {
      design.measures.forEach((m, i) => {
        if (typeof m === 'string' && !INTERVENTION_GROUPS.includes(m)) {
          const near = didYouMean(m, INTERVENTION_GROUPS);
          const at = `design.measures[${i}]`;
          out.push(problem(at, 'an intervention group such as "interventions.labourInspection"', formatGot(m), `${at}: ${formatGot(m)} is not an intervention group${near ? `; did you mean "${near}"?` : ''}`));
        }
      });
    }
  }
  return out;
}

function duplicates(list: readonly string[], at: string): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  list.forEach((v, i) => {
    if (seen.has(v)) out.push(problem(`${at}[${i}]`, 'each listed once', `${JSON.stringify(v)} again`));
    seen.add(v);
  });
  return out;
}

/** The measure (intervention group) a set path belongs to: its first two segments. */
export const measureOf = (path: string): string => path.split('.').slice(0, 2).join('.');

/** The measures of an attribution design: those listed, or every intervention group the package sets, in the package's order. */
export function attributionMeasures(design: Extract<Design, { type: 'attribution' }>): string[] {
  if (design.measures) return [...design.measures];
  const out: string[] = [];
  for (const key of Object.keys(design.package.set)) {
    const m = measureOf(key);
    if (key.startsWith('interventions.') && !out.includes(m)) out.push(m);
  }
  return out;
}

/** Problems of the design's own structure: repeated axes and labels, measures the package does not set. */
function designStructureProblems(design: Design): Problem[] {
  const out: Problem[] = [];
  const labels = (packages: readonly Package[], at: string) => {
    const seen = new Set<string>();
    packages.forEach((p, i) => {
      if (seen.has(p.label)) out.push(problem(`${at}[${i}].label`, 'a label not used by another point', JSON.stringify(p.label)));
      if (at === 'design.packages' && p.label === 'baseline') out.push(problem(`${at}[${i}].label`, 'a label other than "baseline" (the base scenario is the baseline)', '"baseline"'));
      seen.add(p.label);
    });
  };
  switch (design.type) {
    case 'grid': {
      const seen = new Set<string>();
      design.axes.forEach((a, i) => {
        if (seen.has(a.path)) out.push(problem(`design.axes[${i}].path`, 'a path not swept by another axis', JSON.stringify(a.path)));
        seen.add(a.path);
      });
      break;
    }
    case 'list':
      labels(design.points, 'design.points');
      break;
    case 'robustness':
      labels(design.packages, 'design.packages');
      break;
    case 'attribution': {
      if (Object.keys(design.package.set).length === 0) out.push(problem('design.package.set', 'at least one change', '{}'));
      const measures = attributionMeasures(design);
      if (!design.measures && measures.length === 0) out.push(problem('design.package.set', 'changes to at least one intervention group (the measures)', 'none under interventions.'));
      design.measures?.forEach((m, i) => {
        if (!Object.keys(design.package.set).some((k) => measureOf(k) === m) && INTERVENTION_GROUPS.includes(m)) {
          out.push(problem(`design.measures[${i}]`, 'an intervention group the package changes', JSON.stringify(m)));
        }
      });
      out.push(...duplicates(design.measures ?? [], 'design.measures'));
      break;
    }
    default:
      break;
  }
  return out;
}

/**
 * The values the file writes (package sets, axis values), each applied alone
 * to the base scenario and checked by the scenario loader: a bad value is
 * reported where the file writes it, before anything is expanded.
 */
function valueProblems(design: Design, base: Scenario): Problem[] {
  const out: Problem[] = [];
  const check = (path: string, v: unknown, at: string) => {
    if (!fieldAt(path)) return; // already reported
    const checked = validateScenario(setPath(base, path, v));
    if (checked.ok) return;
    for (const p of checked.problems) {
      // A problem inside an object value (a campaign's reach) keeps its tail.
      const where = p.path.startsWith(`${path}.`) ? `${at}${p.path.slice(path.length)}` : at;
      out.push(problem(where, p.expected, p.got, `${where}: expected ${p.expected}, got ${p.got}`));
    }
  };
  const sets = (packages: readonly Package[], at: string) =>
    packages.forEach((p, i) => {
      for (const [k, v] of Object.entries(p.set)) check(k, v, `${at}[${i}].set${formatPath([k])}`);
    });
  if (design.type === 'grid') design.axes.forEach((a, i) => a.values.forEach((v, j) => check(a.path, v, `design.axes[${i}].values[${j}]`)));
  if (design.type === 'list') sets(design.points, 'design.points');
  if (design.type === 'robustness') sets(design.packages, 'design.packages');
  if (design.type === 'attribution') for (const [k, v] of Object.entries(design.package.set)) check(k, v, `design.package.set${formatPath([k])}`);
  return out;
}

/** How many points a design expands to, given how many inputs it varies. */
export function designPointCount(design: Design, inputCount: number): number {
  switch (design.type) {
    case 'grid':
      return design.axes.reduce((n, a) => n * a.values.length, 1);
    case 'list':
      return design.points.length;
    case 'monte-carlo':
      return design.draws;
    case 'one-at-a-time':
      return 1 + 2 * inputCount;
    case 'morris':
      return design.trajectories * (inputCount + 1);
    case 'attribution':
      return 2 + 2 * attributionMeasures(design).length;
    case 'robustness':
      return design.draws * (1 + design.packages.length);
  }
}

/** The limits on points and runs, as problems at `design`. */
export function sizeProblems(experiment: Experiment, inputCount: number): Problem[] {
  const points = designPointCount(experiment.design, inputCount);
  const out: Problem[] = [];
  if (points > MAX_POINTS) out.push(problem('design', `at most ${MAX_POINTS} points`, `${points} points`, `design: expands to ${points} points; at most ${MAX_POINTS} are allowed`));
  else if (points * experiment.replicates > MAX_RUNS) {
    out.push(problem('design', `at most ${MAX_RUNS} runs (points × replicates)`, `${points} × ${experiment.replicates} = ${points * experiment.replicates}`,
      `design: ${points} points × ${experiment.replicates} replicates = ${points * experiment.replicates} runs; at most ${MAX_RUNS} are allowed`));
  }
  return out;
}

function fail(problems: Problem[]): ExperimentResult {
  if (problems.length <= MAX_PROBLEMS) return { ok: false, problems };
  const rest = problems.length - MAX_PROBLEMS;
  return {
    ok: false,
    problems: [...problems.slice(0, MAX_PROBLEMS), problem(ROOT_PATH, `at most ${MAX_PROBLEMS} problems listed`, `${rest} more`, `${ROOT_PATH}: ${rest} more problems are not listed; fix the ones above first`)],
  };
}

/**
 * Hash of the experiment as run: FNV-1a 64 of its canonical JSON with the
 * scenario replaced by its scenarioHash. Parts of a sharded run compare it.
 */
export function experimentHash(experiment: Experiment): string {
  return fnv1a64(canonicalStringify({ ...experiment, scenario: scenarioHash(experiment.scenario) }));
}

// ---- JSON Schema, for editors ----

/** Where `npm run schema` writes the experiment's JSON Schema, relative to the repository root. */
export const EXPERIMENT_SCHEMA_FILE = 'scenarios/experiment.schema.json';

/** JSON Schema of experiment files as written by hand; an inline scenario refers to scenario.schema.json. */
export function experimentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(experimentSchema, {
    io: 'input',
    override: (ctx) => {
      const json = ctx.jsonSchema as Record<string, unknown>;
      if (json.type === 'object' && json.description === 'a scenario object') {
        for (const key of Object.keys(json)) delete json[key];
        Object.assign(json, { $ref: 'scenario.schema.json', description: 'a scenario object' });
      }
    },
  }) as Record<string, unknown>;
}

/** The text of scenarios/experiment.schema.json: pretty, 2 spaces, final newline. */
export function experimentJsonSchemaText(): string {
  return `${JSON.stringify(experimentJsonSchema(), null, 2)}\n`;
}
