import { scenarioHash } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** Hashes of scenario objects (immutable: edits make new ones), so pressing Run hashes each scenario once. */
const hashes = new WeakMap<Scenario, string>();

function hashOf(scenario: Scenario): string {
  let h = hashes.get(scenario);
  if (h === undefined) hashes.set(scenario, (h = scenarioHash(scenario)));
  return h;
}

/** Identity of a run: the scenario's hash and the number of Monte Carlo runs. */
export const runKey = (scenario: Scenario, runs: number): string => `${hashOf(scenario)}/${runs}`;
