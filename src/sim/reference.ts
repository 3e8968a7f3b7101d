import { getInitialSnapshot, transition, type AnyMachineSnapshot, type StateValue } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import { COMPILED, stateKey } from './compile.ts';
import { Simulation, type SimOptions, type Transitioner } from './engine.ts';
import { ACTOR_TYPES, ACTORS, type ActorType } from './machines/index.ts';
import { SECTORS } from './sectors.ts';

/** `awareness.aware|market.buying` -> { awareness: 'aware', market: 'buying' }. */
export function keyToValue(key: string): StateValue {
  if (!key.includes('.')) return key;
  const value: Record<string, StateValue> = {};
  for (const leaf of key.split('|')) {
    const parts = leaf.split('.');
    let node = value;
    for (let j = 0; j < parts.length - 2; j++) node = (node[parts[j]] ??= {}) as Record<string, StateValue>;
    node[parts[parts.length - 2]] = parts[parts.length - 1];
  }
  return value;
}

/**
 * The reference transitioner: every agent keeps an xstate snapshot, and every
 * event goes through xstate's own `transition()`. Slow, but it is xstate itself;
 * the differential test holds the compiled tables to it.
 */
export function createReferenceTransitioner(): Transitioner {
  const snapshots = Object.fromEntries(ACTOR_TYPES.map((t) => [t, [] as AnyMachineSnapshot[]])) as Record<ActorType, AnyMachineSnapshot[]>;
  return {
    spawn(type, i, sector, state) {
      const machine = ACTORS[type].machine;
      const input = { sector: SECTORS[sector] };
      snapshots[type][i] =
        state === 0
          ? (getInitialSnapshot(machine, input) as AnyMachineSnapshot)
          : (machine.resolveState({ value: keyToValue(COMPILED[type].states[state]), context: input }) as AnyMachineSnapshot);
    },
    next(type, i, _from, event) {
      const machine = ACTORS[type].machine;
      const snapshot = snapshots[type][i];
      const ev = { type: ACTORS[type].events[event] };
      if (!snapshot.can(ev)) return -1;
      const [next] = transition(machine, snapshot, ev);
      snapshots[type][i] = next as AnyMachineSnapshot;
      return COMPILED[type].stateId(stateKey(next.value));
    },
  };
}

/** The same simulation, with state changes decided by xstate's interpreter. */
export function createReferenceSimulation(scenario: Scenario, options: SimOptions): Simulation {
  return new Simulation(scenario, options, createReferenceTransitioner());
}
