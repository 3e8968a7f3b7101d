import { INTERVENTION_FIELDS, fieldAt } from '../scenario/fields.ts';
import { canonicalStringify } from '../scenario/hash.ts';
import { validateScenario } from '../scenario/load.ts';
import { getAtPath, setAtPath } from '../scenario/path.ts';
import { formatGot, problem, ROOT_PATH, type Problem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { HandIn, Workshop } from './formats.ts';

/**
 * A package is the levers a team changed from the workshop's base scenario.
 * Only levers travel: the assumptions, horizon and seed are the workshop's,
 * so every package is run on the same world and compared in pairs.
 */

const same = (a: unknown, b: unknown) => canonicalStringify(a) === canonicalStringify(b);
const at = (s: Scenario, path: string) => getAtPath(s, path.split('.'));

/** Each lever (in schema order) whose value in `scenario` differs from `base`, with that value. */
export function leversOf(base: Scenario, scenario: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of INTERVENTION_FIELDS) {
    const v = at(scenario, f.path);
    if (!same(v, at(base, f.path))) out[f.path] = v;
  }
  return out;
}

/** Fields other than levers in which `scenario` differs from `base` (they are not handed in). */
export function nonLeverChanges(base: Scenario, scenario: Scenario): string[] {
  const rest: string[] = [];
  if (scenario.weeks !== base.weeks) rest.push('weeks');
  if (scenario.seed !== base.seed) rest.push('seed');
  if (!same(scenario.assumptions, base.assumptions)) rest.push('assumptions');
  return rest;
}

export type PackageResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly problems: readonly Problem[] };

/** The scenario a hand-in stands for: the base with the team's levers, named after the team. */
export function packageScenario(workshop: Workshop, handIn: HandIn): PackageResult {
  const problems: Problem[] = [];
  let value: unknown = { ...workshop.baseScenario, name: handIn.team, description: `${workshop.name}: ${handIn.team}` };
  for (const [path, lever] of Object.entries(handIn.levers)) {
    if (!fieldAt(path) || !path.startsWith('interventions.')) {
      problems.push(problem(`levers.${path}`, 'a lever of the workbench', formatGot(path), `levers: ${JSON.stringify(path)} is not a lever of the workbench`));
      continue;
    }
    value = setAtPath(value, path.split('.'), lever);
  }
  if (problems.length > 0) return { ok: false, problems };
  const checked = validateScenario(value);
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ ...p, path: p.path === ROOT_PATH ? 'levers' : `levers.${p.path}` })) };
  return { ok: true, scenario: checked.scenario };
}
