import type * as z from 'zod';
import { allKeyPaths, describeExpected, matchesType, optionsOf, schemaAtPath, shapeOf } from './schema-walk.ts';
import { formatPath, getAtPath, hasPath, type PathSegment } from './path.ts';
import { formatGot, problem, type Problem } from './problem.ts';
import { didYouMean } from './suggest.ts';

/**
 * Turns zod's issues into problems a person can act on. What was expected is
 * described from the schema at the issue's path (so every message about a
 * field says the same thing: its type and range), what was found is the value
 * itself, and unknown keys get a "did you mean".
 */

type AnySchema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

export const ROOT_EXPECTED = 'a scenario object such as { "name": "my scenario" }';
const MAX_KEYS_LISTED = 12;

/** A problem with the path it is about, kept as segments for sorting and de-duplication. */
export interface LocatedProblem {
  segments: PathSegment[];
  problem: Problem;
}

export function issuesToProblems(issues: readonly Issue[], input: unknown, root: AnySchema): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  for (const issue of issues) mapIssue(issue, [], input, root, out);
  return out;
}

function mapIssue(issue: Issue, base: PathSegment[], input: unknown, root: AnySchema, out: LocatedProblem[]): void {
  const segments = [...base, ...(issue.path as PropertyKey[]).map(toSegment)];
  const at = formatPath(segments);
  const value = getAtPath(input, segments);
  const full = schemaAtPath(root, segments);
  const schema = narrow(full, value);
  const expected = segments.length === 0 ? ROOT_EXPECTED : schema ? describeExpected(schema) : 'a valid value';
  const push = (p: Problem, where = segments) => out.push({ segments: where, problem: p });

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = schema ? Object.keys(objectShape(schema) ?? {}) : [];
      for (const key of issue.keys) push(unknownKey(segments, key, allowed, root), [...segments, key]);
      return;
    }
    case 'invalid_union': {
      // Report inside the one option whose type matches what was written, if
      // there is exactly one: `{ reach: 2 }` is a campaign object with a bad reach.
      const options = full ? optionsOf(full) : undefined;
      if (options && options.length === issue.errors.length) {
        const matching = options.map((o, i) => (matchesType(o, value) ? i : -1)).filter((i) => i >= 0);
        if (matching.length === 1 && issue.errors[matching[0]].length > 0) {
          for (const sub of issue.errors[matching[0]]) mapIssue(sub, segments, input, root, out);
          return;
        }
      }
      push(problem(at, expected, formatGot(value)));
      return;
    }
    case 'custom':
      push(problem(at, issue.message, formatGot(value), `${at}: ${issue.message}, got ${formatGot(value)}`));
      return;
    default:
      push(problem(at, expected, hasPath(input, segments) ? formatGot(value) : 'nothing (the field is missing)'));
  }
}

/**
 * For a union, the one option whose type matches the value, so a campaign
 * written as a number out of range is told about the number's range only.
 */
function narrow(schema: AnySchema | undefined, value: unknown): AnySchema | undefined {
  const options = schema ? optionsOf(schema) : undefined;
  if (!options) return schema;
  const matching = options.filter((o) => matchesType(o, value));
  return matching.length === 1 ? matching[0] : schema;
}

/** The fields of an object schema, or of the one object option of a union (a campaign). */
function objectShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  const shape = shapeOf(schema);
  if (shape) return shape;
  const objects = (optionsOf(schema) ?? []).map(shapeOf).filter((s) => s !== undefined);
  return objects.length === 1 ? objects[0] : undefined;
}

const toSegment = (k: PropertyKey): PathSegment => (typeof k === 'number' ? k : String(k));

let keyPathsCache: { root: AnySchema; paths: string[][] } | undefined;

function unknownKey(parent: PathSegment[], key: string, allowed: string[], root: AnySchema): Problem {
  const at = formatPath([...parent, key]);
  const listed = allowed.length > MAX_KEYS_LISTED ? `${allowed.slice(0, MAX_KEYS_LISTED).join(', ')}, …` : allowed.join(', ');
  const expected = allowed.length ? `one of the keys ${listed}` : 'no keys here';
  const got = JSON.stringify(key);
  const near = didYouMean(key, allowed);
  if (near) return problem(at, expected, got, `${at}: unknown key; did you mean "${near}"?`);
  // A key that exists elsewhere in the format was probably put at the wrong level.
  if (keyPathsCache?.root !== root) keyPathsCache = { root, paths: allKeyPaths(root) };
  const elsewhere = keyPathsCache.paths.filter((p) => p[p.length - 1] === key || p[p.length - 1].toLowerCase() === key.toLowerCase());
  if (elsewhere.length > 0 && elsewhere.length <= 3) {
    const where = elsewhere.map((p) => `"${formatPath(p)}"`).join(' or ');
    return problem(at, expected, got, `${at}: unknown key here; did you mean ${where}?`);
  }
  return problem(at, expected, got, `${at}: unknown key; expected one of ${listed || '(none)'}`);
}
