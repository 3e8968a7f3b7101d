import { defaultScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import type { WorkspaceEnv } from '../../src/ui/workspace.svelte.ts';
import type { KeyValueStore } from '../../src/ui/workspace/persist.ts';

/** Shared by the tests of the workspace and its rooms. */

/** A tiny baseline so runs take milliseconds. */
export function tiny(name = 'Baseline'): Scenario {
  const s = defaultScenario();
  s.name = name;
  s.weeks = 12;
  s.assumptions.population.consumers = 200;
  s.assumptions.population.clients = 30;
  s.assumptions.population.corporateBuyersPerSector = 3;
  for (const sector of ['sexual', 'agriculture', 'manufacturing'] as const) {
    s.assumptions.sectors[sector].employers = 10;
    s.assumptions.sectors[sector].recruiters = 4;
    s.assumptions.sectors[sector].workers = 60;
  }
  return s;
}

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

/** A clock that moves 5 s per reading: no two edits merge into one undo step. */
export function steppingClock(): () => number {
  let t = 0;
  return () => (t += 5000);
}

export function env(overrides: Partial<WorkspaceEnv> = {}): WorkspaceEnv & { hash: { value: string } } {
  const hash = { value: '' };
  return {
    presets: [{ id: 'baseline', scenario: tiny() }, { id: 'other', scenario: { ...tiny('Other'), seed: 9 } }],
    createRunner: () => createSyncRunner({ chunkWeeks: 4 }),
    storage: new MemoryStore(),
    location: { getHash: () => hash.value, setHash: (h) => (hash.value = h) },
    now: steppingClock(),
    hash,
    ...overrides,
  };
}

export const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';
