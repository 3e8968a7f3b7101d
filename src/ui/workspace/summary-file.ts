import type { DesignType, ExperimentSummary } from '../../experiment/types.ts';
import { formatGot, problem, ROOT_PATH, type Problem } from '../../scenario/problem.ts';
import { HEADLINE_METRICS } from '../../sim/comparison.ts';

/**
 * A results summary.json (written by `npm run experiment`, results.ts
 * summaryJSON) read back in the app. The file comes from outside (it may be
 * edited by hand, truncated, or another program's JSON), so every field the
 * charts read is checked against the shape they expect, and each mismatch
 * becomes a problem with its path, what was expected and what was found;
 * nothing is drawn from a file with problems. Unknown extra keys are ignored
 * (a newer writer may add some). JSON prints NaN as null: numbers may be
 * null and are read back as NaN.
 */

const DESIGNS: readonly DesignType[] = ['grid', 'list', 'monte-carlo', 'one-at-a-time', 'morris', 'attribution', 'robustness'];
const MAX_PROBLEMS = 40;

type Shape =
  | 'string'
  | 'number'
  | 'int'
  | 'bool'
  | { readonly enum: readonly string[] }
  | { readonly array: Shape }
  | { readonly record: Shape }
  | { readonly object: Readonly<Record<string, Shape>>; readonly optional?: readonly string[] }
  | 'values';

const num: Shape = 'number';
const spread: Shape = { object: { mean: num, p05: num, p95: num } };
const numbers: Shape = { array: num };
const band: Shape = { object: { p05: numbers, p95: numbers } };
const outcome: Shape = { enum: HEADLINE_METRICS };
const better: Shape = { enum: ['lower', 'higher'] };

const SUMMARY: Shape = {
  object: {
    name: 'string',
    experimentHash: 'string',
    design: { enum: DESIGNS },
    points: 'int',
    replicates: 'int',
    weeks: 'int',
    pointOutcomes: { array: { object: { index: 'int', values: 'values', outcomes: { record: { record: spread } } } } },
    secondOrder: {
      array: { object: { outcome, slot: 'string', mean: numbers, assumptions: band, chance: band, total: band, varianceShare: { object: { assumptions: num, chance: num } } } },
    },
    tornado: { array: { object: { outcome, slot: 'string', base: num, bars: { array: { object: { path: 'string', lowValue: num, highValue: num, low: num, high: num, swing: num } } } } } },
    morris: { array: { object: { outcome, slot: 'string', entries: { array: { object: { path: 'string', mu: num, muStar: num, sigma: num, effects: 'int' } } } } } },
    attribution: {
      array: {
        object: {
          outcome,
          slot: 'string',
          baseline: num,
          package: num,
          total: spread,
          steps: { array: { object: { measure: 'string', alone: spread, marginal: spread } } },
          interaction: spread,
        },
      },
    },
    robustness: { array: { object: { package: 'string', outcome, slot: 'string', better, draws: 'int', wins: num, difference: spread, sideEffect: 'bool' } } },
    frontier: {
      object: {
        x: { object: { outcome, better } },
        y: { object: { outcome, better } },
        points: { array: { object: { label: 'string', x: num, y: num, dominated: 'bool' } } },
      },
    },
  },
  optional: ['secondOrder', 'tornado', 'morris', 'attribution', 'robustness', 'frontier'],
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Looks like a results summary (not an experiment file): what the file input uses to tell the two apart. */
export function looksLikeSummary(value: unknown): boolean {
  return isObject(value) && 'experimentHash' in value && 'design' in value && 'points' in value;
}

function describe(shape: Shape): string {
  if (shape === 'string') return 'a string';
  if (shape === 'number') return 'a number (or null)';
  if (shape === 'int') return 'a whole number ≥ 0';
  if (shape === 'bool') return 'true or false';
  if (shape === 'values') return 'an object of path → value';
  if ('enum' in shape) return `one of ${shape.enum.map((e) => `"${e}"`).join(', ')}`;
  if ('array' in shape) return 'a list';
  return 'an object';
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path === ROOT_PATH ? '' : path}[${key}]` : path === ROOT_PATH ? key : `${path}.${key}`);

/** Checks `value` against `shape`; returns the value with nulls as NaN, pushing a problem for each mismatch. */
function check(shape: Shape, value: unknown, path: string, out: Problem[]): unknown {
  if (out.length >= MAX_PROBLEMS) return undefined;
  const bad = () => (out.push(problem(path, describe(shape), formatGot(value))), undefined);
  if (shape === 'string') return typeof value === 'string' ? value : bad();
  if (shape === 'number') return value === null ? NaN : typeof value === 'number' ? value : bad();
  if (shape === 'int') return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : bad();
  if (shape === 'bool') return typeof value === 'boolean' ? value : bad();
  if (shape === 'values') return isObject(value) ? value : bad();
  if ('enum' in shape) return typeof value === 'string' && shape.enum.includes(value) ? value : bad();
  if ('array' in shape) return Array.isArray(value) ? value.map((v, i) => check(shape.array, v, join(path, i), out)) : bad();
  if (!isObject(value)) return bad();
  if ('record' in shape) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, check(shape.record, v, join(path, k), out)]));
  const result: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(shape.object)) {
    if (!(key in value) || value[key] === undefined) {
      if (!shape.optional?.includes(key)) out.push(problem(join(path, key), describe(sub), 'nothing (the key is missing)'));
      continue;
    }
    result[key] = check(sub, value[key], join(path, key), out);
  }
  return result;
}

/** Checks that the arrays of a second-order band run over the same weeks (the chart pairs them by index). */
function checkBands(summary: ExperimentSummary, out: Problem[]): void {
  summary.secondOrder?.forEach((b, i) => {
    const weeks = b.mean.length;
    for (const part of ['assumptions', 'chance', 'total'] as const) {
      for (const end of ['p05', 'p95'] as const) {
        const n = b[part][end].length;
        if (n !== weeks) out.push(problem(`secondOrder[${i}].${part}.${end}`, `${weeks} values (one per week, as mean)`, `${n} values`));
      }
    }
  });
}

export type SummaryParse = { readonly ok: true; readonly summary: ExperimentSummary } | { readonly ok: false; readonly problems: readonly Problem[] };

/** Validates a parsed summary.json. */
export function parseSummary(value: unknown): SummaryParse {
  const problems: Problem[] = [];
  const summary = check(SUMMARY, value, ROOT_PATH, problems) as ExperimentSummary | undefined;
  if (problems.length === 0 && summary) checkBands(summary, problems);
  if (problems.length > 0 || !summary) {
    return { ok: false, problems: problems.length > 0 ? problems : [problem(ROOT_PATH, 'a results summary (summary.json)', formatGot(value))] };
  }
  return { ok: true, summary };
}
