import { readFileSync, statSync } from 'node:fs';
import { applyOverrides, MAX_SCENARIO_BYTES, parseScenarioText, scenarioHash, validateScenario, type Problem } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * The CLI's one call site of the scenario loader (src/scenario/load.ts): read
 * a file, apply --set overrides, validate. Every problem comes back as a
 * finished line for standard error.
 */

export type Loaded =
  | { readonly ok: true; readonly scenario: Scenario; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

function readText(file: string): { text: string } | { problem: string } {
  const name = JSON.stringify(file);
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { problem: `${name} is a folder, not a scenario file` };
    // Refused before reading: a huge file should not fill memory to be rejected.
    if (stat.size > MAX_SCENARIO_BYTES) {
      return { problem: `${file} is ${(stat.size / 1048576).toFixed(1)} MB; scenarios are at most ${MAX_SCENARIO_BYTES / 1048576} MB` };
    }
    return { text: readFileSync(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? `${name}: no such file` : `cannot read ${name} (${code ?? 'unknown error'})` };
  }
}

/** `file: message`, unless the loader already named the file. */
const inFile = (file: string, p: Problem) => (p.message.startsWith(file) ? p.message : `${file}: ${p.message}`);

/** The dotted paths that --set options write, to point problems back at them. */
const setPaths = (sets: readonly string[]) => sets.map((s) => s.slice(0, Math.max(0, s.indexOf('='))).trim()).filter((p) => p !== '');

export function loadScenario(file: string, sets: readonly string[]): Loaded {
  const read = readText(file);
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const loaded = parseScenarioText(read.text, file);
  if (!loaded.ok) {
    // Malformed --set options are worth reporting along with the file's problems.
    const malformed = applyOverrides({}, sets);
    return { ok: false, problems: [...loaded.problems.map((p) => inFile(file, p)), ...(malformed.ok ? [] : malformed.problems.map((p) => p.message))] };
  }
  if (sets.length === 0) return { ok: true, scenario: loaded.scenario, warnings: loaded.warnings };

  // One at a time, so a malformed --set does not hide what is wrong with the others.
  const problems: string[] = [];
  let value: unknown = loaded.input;
  for (const set of sets) {
    const applied = applyOverrides(value, [set]);
    if (applied.ok) value = applied.value;
    else problems.push(...applied.problems.map((p) => p.message));
  }
  const checked = validateScenario(value);
  if (!checked.ok) {
    const paths = setPaths(sets);
    const fromSet = (p: Problem) => paths.some((s) => p.path === s || p.path.startsWith(`${s}.`) || s.startsWith(`${p.path}.`));
    problems.push(...checked.problems.map((p) => (fromSet(p) ? `--set ${p.message}` : inFile(file, p))));
  }
  if (!checked.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: checked.scenario, warnings: [...loaded.warnings.filter((w) => w.startsWith(file)), ...checked.warnings] };
}

/** Identifies the scenario as run in outputs (src/scenario/hash.ts). */
export const hashScenario = (scenario: Scenario): string => scenarioHash(scenario);
