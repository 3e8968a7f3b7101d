import { formatPath, type PathSegment } from './path.ts';
import { FORBIDDEN_KEYS, isForbiddenKey, MAX_DEPTH } from './limits.ts';
import { formatGot, problem, type Problem } from './problem.ts';

/**
 * Checks that a value is plain JSON data before anything else reads it, and
 * returns a clean copy. Catches what the schema cannot: keys that could reach
 * a prototype (`__proto__`, `constructor`, `prototype`), nesting deep enough
 * to exhaust a stack, circular references and values JSON cannot hold
 * (functions, dates, class instances). Offending parts are left out of the
 * copy, so nothing downstream ever sees them.
 */
export interface StructureResult {
  /** A copy made only of plain objects, lists, strings, numbers, booleans and null. */
  clean: unknown;
  problems: Problem[];
  /** Paths of the problems, to drop the schema's duplicate complaints about them. */
  problemPaths: PathSegment[][];
}

const FORBIDDEN_LIST = `${FORBIDDEN_KEYS.slice(0, -1).join(', ')} or ${FORBIDDEN_KEYS[FORBIDDEN_KEYS.length - 1]}`;
export const JSON_DATA = 'JSON data (a number, text, true/false, null, list or object)';

export function checkStructure(value: unknown, maxDepth = MAX_DEPTH): StructureResult {
  const problems: Problem[] = [];
  const problemPaths: PathSegment[][] = [];
  const ancestors = new Set<object>();
  let tooDeepReported = false;

  // The path of the value being copied; extended and shortened in place.
  const path: PathSegment[] = [];
  const report = (p: Problem) => {
    problems.push(p);
    problemPaths.push([...path]);
  };

  // Recursion is bounded by maxDepth, so it cannot exhaust the stack.
  const copy = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' || v === undefined) return v;
    if (typeof v !== 'object') {
      report(problem(formatPath(path), JSON_DATA, formatGot(v)));
      return null;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    const isArray = Array.isArray(v);
    if (!isArray && proto !== Object.prototype && proto !== null) {
      report(problem(formatPath(path), JSON_DATA, formatGot(v)));
      return null;
    }
    if (ancestors.has(v)) {
      report(problem(formatPath(path), `${JSON_DATA}, not a circular reference`, 'a reference to one of its own ancestors'));
      return null;
    }
    if (depth > maxDepth) {
      if (!tooDeepReported) {
        tooDeepReported = true;
        report(problem(formatPath(path), `lists and objects nested at most ${maxDepth} levels deep`, `more than ${maxDepth} levels`));
      }
      return null;
    }
    ancestors.add(v);
    try {
      if (isArray) {
        const arr = v as unknown[];
        const out: unknown[] = [];
        for (let i = 0; i < arr.length; i++) {
          path.push(i);
          const item = copy(arr[i], depth + 1);
          path.pop();
          out.push(item === undefined ? null : item);
        }
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        path.push(key);
        if (isForbiddenKey(key)) {
          const at = formatPath(path);
          report(problem(at, `a key other than ${FORBIDDEN_LIST}`, JSON.stringify(key), `${at}: the key "${key}" is not allowed (${FORBIDDEN_LIST} could tamper with the program's objects)`));
        } else {
          const item = copy((v as Record<string, unknown>)[key], depth + 1);
          if (item !== undefined) out[key] = item;
        }
        path.pop();
      }
      return out;
    } finally {
      ancestors.delete(v);
    }
  };

  const clean = copy(value, 1);
  return { clean, problems, problemPaths };
}
