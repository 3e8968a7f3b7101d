import { defaultScenario, parseScenarioText, type Problem } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';

/**
 * The preset scenarios: the files in `scenarios/`, validated with the same
 * loader as the CLI. A preset that does not validate is left out and reported
 * (a build-time mistake, but the app must still start).
 */

export interface Preset {
  /** File name without `.json`, e.g. `greece-323a`. */
  readonly id: string;
  readonly scenario: Scenario;
}

export const BASELINE_ID = 'baseline';

export function presetsFromFiles(files: Readonly<Record<string, string>>): { presets: Preset[]; broken: { id: string; problems: Problem[] }[] } {
  const presets: Preset[] = [];
  const broken: { id: string; problems: Problem[] }[] = [];
  for (const [path, text] of Object.entries(files)) {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const r = parseScenarioText(text, `${id}.json`);
    if (r.ok) presets.push({ id, scenario: r.scenario });
    else broken.push({ id, problems: r.problems });
  }
  presets.sort((a, b) => (a.id === BASELINE_ID ? -1 : b.id === BASELINE_ID ? 1 : a.scenario.name.localeCompare(b.scenario.name)));
  if (!presets.some((p) => p.id === BASELINE_ID)) {
    presets.unshift({ id: BASELINE_ID, scenario: { ...defaultScenario(), name: 'Baseline' } });
  }
  return { presets, broken };
}

/**
 * The scenario drawn as the ghost line: the same assumptions, horizon and seed
 * as `scenario`, with the baseline's interventions (no demand-side measures),
 * so the difference between the two lines is the policy package alone.
 */
export function baselineFor(scenario: Scenario, baseline: Scenario): Scenario {
  return { ...scenario, name: baseline.name, description: baseline.description, interventions: baseline.interventions };
}
