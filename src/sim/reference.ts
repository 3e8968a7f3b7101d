import { createActor, type AnyActorRef, type AnyMachineSnapshot, type StateValue } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import { COMPILED, stateKey } from './compile.ts';
import { Simulation, type SimOptions, type Transitioner } from './engine.ts';
import { ACTOR_TYPES, ACTORS, type ActorType } from './machines/index.ts';
import { SECTORS } from '../scenario/sectors.ts';

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
 * The reference transitioner: every agent is a running xstate actor. Each week
 * the engine asks the actor for its state and whether it accepts each event,
 * and sends it the event drawn. Slow, but it is xstate's own interpreter; the
 * differential test holds the compiled tables to it.
 */
export function createReferenceTransitioner(): Transitioner {
  const actors = Object.fromEntries(ACTOR_TYPES.map((t) => [t, [] as AnyActorRef[]])) as Record<ActorType, AnyActorRef[]>;
  const snapshotOf = (type: ActorType, i: number) => actors[type][i].getSnapshot() as AnyMachineSnapshot;
  return {
    spawn(type, i, sector, state) {
      const machine = ACTORS[type].machine;
      const input = { sector: SECTORS[sector] };
      actors[type][i]?.stop();
      const snapshot = state === 0 ? undefined : machine.resolveState({ value: keyToValue(COMPILED[type].states[state]), context: input });
      actors[type][i] = createActor(machine, { input, snapshot }).start();
    },
    current(type, i) {
      return COMPILED[type].stateId(stateKey(snapshotOf(type, i).value));
    },
    accepts(type, i, _from, event) {
      return snapshotOf(type, i).can({ type: ACTORS[type].events[event] });
    },
    next(type, i, _from, event) {
      const ev = { type: ACTORS[type].events[event] };
      if (!snapshotOf(type, i).can(ev)) return -1;
      actors[type][i].send(ev);
      return COMPILED[type].stateId(stateKey(snapshotOf(type, i).value));
    },
  };
}

/** The same simulation, with state changes decided by xstate's interpreter. */
export function createReferenceSimulation(scenario: Scenario, options: SimOptions): Simulation {
  return new Simulation(scenario, options, createReferenceTransitioner());
}
