import { isForbiddenKey } from './limits.ts';
import { formatPath, getAtPath, isPlainObject, setAtPath } from './path.ts';
import { formatGot, problem, type Problem } from './problem.ts';

/**
 * `--set path=value` overrides for the CLI (issue 2). The value is read as
 * JSON when it parses (`0.5`, `true`, `{"reach":0.3}`, `"text"`) and taken as
 * a string otherwise (`known-victim`). Intermediate objects are created as
 * needed; whether the path exists in the format is left to validation, which
 * reports unknown keys with a "did you mean".
 */
export type OverrideResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

const EXAMPLE = 'path=value, e.g. interventions.criminaliseUse.variant=known-victim';

export interface Override {
  path: string[];
  value: unknown;
}

/** Reads one `path=value`; problems name it as `--set <text>`. */
export function parseOverride(text: string): { ok: true; override: Override } | { ok: false; problem: Problem } {
  const label = `--set ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
  const eq = text.indexOf('=');
  if (eq < 0) return { ok: false, problem: problem('(--set)', EXAMPLE, formatGot(text), `${label}: expected ${EXAMPLE}; there is no "="`) };
  const rawPath = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1);
  if (rawPath === '') return { ok: false, problem: problem('(--set)', EXAMPLE, formatGot(text), `${label}: expected ${EXAMPLE}; the path before "=" is empty`) };
  const path = rawPath.split('.');
  const empty = path.findIndex((s) => s.trim() === '');
  if (empty >= 0) {
    return { ok: false, problem: problem(rawPath, 'a dotted path of non-empty keys', formatGot(rawPath), `${label}: expected a dotted path of non-empty keys, got ${formatGot(rawPath)}`) };
  }
  const forbidden = path.find(isForbiddenKey);
  if (forbidden !== undefined) {
    return { ok: false, problem: problem(rawPath, 'a path without __proto__, constructor or prototype', formatGot(rawPath), `${label}: the key "${forbidden}" is not allowed in a path`) };
  }
  return { ok: true, override: { path: path.map((s) => s.trim()), value: parseValue(raw) } };
}

/** JSON when it parses, else the text itself. */
export function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Applies every override in order to a copy of `input`; reports every malformed one at once. */
export function applyOverrides(input: unknown, sets: readonly string[]): OverrideResult {
  const problems: Problem[] = [];
  if (!isPlainObject(input)) {
    return { ok: false, problems: [problem('(root)', 'a scenario object to apply --set to', formatGot(input))] };
  }
  let value: unknown = input;
  for (const text of sets) {
    const parsed = parseOverride(text);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    const { path, value: leaf } = parsed.override;
    // A step that exists but is not an object would be silently replaced; say so instead.
    const blocked = path.slice(0, -1).findIndex((_, i) => {
      const v = getAtPath(value, path.slice(0, i + 1));
      return v !== undefined && !isPlainObject(v);
    });
    if (blocked >= 0) {
      const stepPath = path.slice(0, blocked + 1);
      const at = formatPath(path);
      const found = formatGot(getAtPath(value, stepPath));
      problems.push(problem(at, `${formatPath(stepPath)} to be an object`, found,
        `--set ${at}: ${formatPath(stepPath)} is ${found}, not an object, so it has no field "${path[blocked + 1]}"`));
      continue;
    }
    value = setAtPath(value, path, leaf);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value };
}
