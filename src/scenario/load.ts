import { scenarioSchema, type Scenario, type ScenarioInput } from './schema.ts';
import { checkStructure } from './structure.ts';
import { migrate, type Migration } from './migrate.ts';
import { issuesToProblems, type LocatedProblem } from './issues.ts';
import { readJsonText } from './json-text.ts';
import { formatPath, isPlainObject, type PathSegment } from './path.ts';
import { problem, ROOT_PATH, type Problem } from './problem.ts';
import { MAX_DEPTH, MAX_PROBLEMS, MAX_SCENARIO_BYTES } from './limits.ts';
import { scenarioWarnings } from './warnings.ts';

/**
 * Loading a scenario: text → JSON → structure check → migration → schema.
 * Every problem is reported at once, each with its path, what was expected
 * and what was found. Nothing here throws, whatever the input.
 */

export type { Problem } from './problem.ts';
export { applyOverrides, type OverrideResult } from './overrides.ts';
export { scenarioHash } from './hash.ts';
export { toCanonicalJSON, toMinimalInput, defaultScenario } from './canonical.ts';
export { MAX_SCENARIO_BYTES, MAX_DEPTH, MAX_PROBLEMS, MAX_GOT_CHARS, FORBIDDEN_KEYS } from './limits.ts';

export type LoadResult =
  | { ok: true; scenario: Scenario; input: ScenarioInput; warnings: string[] }
  | { ok: false; problems: Problem[] };

export interface LoadOptions {
  /** Migrations to use instead of the built-in table (for tests). */
  migrations?: readonly Migration[];
}

/** Validates a scenario given as a value (parsed JSON, a --set result, an object from the app). */
export function validateScenario(value: unknown, options: LoadOptions = {}): LoadResult {
  try {
    return validate(value, options);
  } catch (e) {
    // Unreachable for JSON data; a last guard for exotic objects (throwing getters, proxies).
    return fail([problem(ROOT_PATH, 'a readable scenario', 'a value that could not be read', `${ROOT_PATH}: the scenario could not be read (${e instanceof Error ? e.message : String(e)})`)]);
  }
}

function validate(value: unknown, options: LoadOptions): LoadResult {
  const structure = checkStructure(value);
  const migrated = migrate(structure.clean, { migrations: options.migrations });
  const structural: LocatedProblem[] = structure.problems.map((p, i) => ({ problem: p, segments: structure.problemPaths[i] }));
  if (!migrated.ok) return fail(sortByDocument([...structure.problems, ...migrated.problems], structure.clean, structural));

  const parsed = scenarioSchema.safeParse(migrated.value);
  const located = parsed.success ? [] : issuesToProblems(parsed.error.issues, migrated.value, scenarioSchema);
  // The structure check already reported these places; the schema only saw their placeholders.
  const fromSchema = located.filter((l) => !structure.problemPaths.some((p) => startsWith(l.segments, p)));
  const problems = [...structure.problems, ...fromSchema.map((l) => l.problem)];
  if (problems.length > 0 || !parsed.success) return fail(sortByDocument(problems, migrated.value, [...structural, ...located]));

  return {
    ok: true,
    scenario: parsed.data,
    input: migrated.value as ScenarioInput,
    warnings: [...migrated.warnings, ...scenarioWarnings(parsed.data)],
  };
}

/** Parses and validates scenario text; `source` (a file name) is used in messages about the text. */
export function parseScenarioText(text: string, source?: string, options: LoadOptions = {}): LoadResult {
  if (typeof text !== 'string') return fail([problem(ROOT_PATH, 'scenario text', typeof text)]);
  const bytes = utf8Length(text);
  if (bytes > MAX_SCENARIO_BYTES) {
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    const limit = `${MAX_SCENARIO_BYTES / (1024 * 1024)} MB`;
    return fail([problem(ROOT_PATH, `at most ${limit}`, `${mb} MB`, `${source ?? 'file'} is ${mb} MB; scenarios are at most ${limit}`)]);
  }
  const read = readJsonText(text, MAX_DEPTH, source);
  if (!read.ok) return fail([read.problem]);
  const result = validateScenario(read.value, options);
  if (!result.ok) return result;
  return { ...result, warnings: [...read.duplicates, ...result.warnings] };
}

function fail(problems: Problem[]): LoadResult {
  if (problems.length <= MAX_PROBLEMS) return { ok: false, problems };
  const rest = problems.length - MAX_PROBLEMS;
  return {
    ok: false,
    problems: [
      ...problems.slice(0, MAX_PROBLEMS),
      problem(ROOT_PATH, `at most ${MAX_PROBLEMS} problems listed`, `${rest} more`, `${ROOT_PATH}: ${rest} more problems are not listed; fix the ones above first`),
    ],
  };
}

const startsWith = (path: readonly PathSegment[], prefix: readonly PathSegment[]) =>
  prefix.length <= path.length && prefix.every((s, i) => s === path[i]);

/**
 * Orders problems as their places appear in the document (a problem about a
 * missing field goes with its parent), so the list reads top to bottom.
 */
function sortByDocument(problems: Problem[], doc: unknown, located: readonly LocatedProblem[] = []): Problem[] {
  const order = new Map<string, number>();
  // Problems about the schema are never deeper than it; bound the work on huge documents.
  const walk = (v: unknown, path: PathSegment[], depth: number) => {
    if (order.size >= SORT_WALK_NODES) return;
    order.set(formatPath(path), order.size);
    if (depth > SORT_WALK_DEPTH || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, i], depth + 1));
    else if (isPlainObject(v)) for (const key of Object.keys(v)) walk(v[key], [...path, key], depth + 1);
  };
  walk(doc, [], 1);
  const segmentsOf = new Map(located.map((l) => [l.problem, l.segments]));
  const rank = (p: Problem): number => {
    const direct = order.get(p.path);
    if (direct !== undefined) return direct;
    const segments = segmentsOf.get(p);
    if (!segments) return order.size;
    for (let n = segments.length - 1; n >= 0; n--) {
      const r = order.get(formatPath(segments.slice(0, n)));
      if (r !== undefined) return r + 0.5;
    }
    return order.size;
  };
  return problems.map((p, i) => ({ p, i, r: rank(p) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.p);
}

const SORT_WALK_NODES = 20_000;
const SORT_WALK_DEPTH = 8;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
