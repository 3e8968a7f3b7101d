import type * as z from 'zod';
import { issuesToProblems } from '../scenario/issues.ts';
import { formatPath, getAtPath } from '../scenario/path.ts';
import type { Problem } from '../scenario/problem.ts';
import { defOf, optionsOf, schemaAtPath, shapeOf, unwrap } from '../scenario/schema-walk.ts';

type AnySchema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

/**
 * zod's issues as problems, for a schema with lists (the scenario walker reads
 * objects and unions only): each issue is described from the innermost list
 * element that holds it, with the path from the root.
 */
export function lessonIssuesToProblems(issues: readonly Issue[], input: unknown, root: AnySchema): Problem[] {
  return issues.flatMap((issue) => {
    const path = issue.path as PropertyKey[];
    const cut = innermostElement(root, path, input);
    if (!cut) return issuesToProblems([issue], input, root).map((l) => l.problem);
    const prefix = path.slice(0, cut.at);
    const local = { ...issue, path: path.slice(cut.at) } as Issue;
    return issuesToProblems([local], getAtPath(input, prefix), cut.schema).map(({ problem: p, segments }) => {
      const at = formatPath([...prefix, ...segments]);
      const was = p.path;
      const message = p.message.startsWith(was) ? `${at}${p.message.slice(was.length)}` : p.message;
      return { ...p, path: at, message };
    });
  });
}


/** The schema of the deepest list element on the path, and where on the path it starts. */
function innermostElement(root: AnySchema, path: readonly PropertyKey[], input: unknown): { at: number; schema: AnySchema } | undefined {
  let found: { at: number; schema: AnySchema } | undefined;
  let cur: AnySchema | undefined = root;
  for (let i = 0; i < path.length && cur; i++) {
    const inner = unwrap(cur);
    const def = defOf(inner) as { type: string; element?: AnySchema };
    if (def.type === 'array' && typeof path[i] === 'number' && def.element) {
      cur = def.element;
      found = { at: i + 1, schema: cur };
      continue;
    }
    const shape = shapeOf(inner);
    if (shape) {
      cur = shape[String(path[i])];
      continue;
    }
    const options = optionsOf(inner);
    if (options) {
      // The union option that knows the rest of the path for this value.
      const value = getAtPath(input, path.slice(0, i));
      const kind = (value as { kind?: unknown } | null)?.kind;
      cur = options.find((o) => (shapeOf(unwrap(o))?.kind && (defOf(unwrap(shapeOf(unwrap(o))!.kind)) as { values?: unknown[] }).values?.includes(kind)) || schemaAtPath(o, [path[i]]) !== undefined);
      i--;
      if (cur === undefined) break;
      const next = shapeOf(unwrap(cur));
      if (!next) break;
      i++;
      cur = next[String(path[i])];
      continue;
    }
    break;
  }
  return found;
}
