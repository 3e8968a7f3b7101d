import type { StateValue } from 'xstate';
import { COMPILED, stateKey } from '../compile.ts';
import type { ActorType, Configuration, EventName, LeafName, RegionName, StateName } from '../machines/index.ts';

/*
 * Compiled state and event ids by name. The names are typed from the machines
 * (a misspelt or removed one fails tsc); the compiled tables check at load
 * that each state is reachable.
 */

/** Compiled state ids of a machine without parallel regions, by name. */
export function stateIds<T extends ActorType, const K extends StateName<T>>(type: T, names: readonly K[]): Record<K, number> {
  return Object.fromEntries((names as readonly string[]).map((k) => [k, COMPILED[type].stateId(k)])) as Record<K, number>;
}

/** The compiled state id of one configuration of a parallel machine. */
export function configurationId<T extends ActorType>(type: T, configuration: Configuration<T>): number {
  return COMPILED[type].stateId(stateKey(configuration as StateValue));
}

/** The leaf of one region of a parallel machine, per compiled state id. */
export function regionLeaves<T extends ActorType, R extends RegionName<T>>(type: T, region: R): readonly LeafName<T, R>[] {
  return COMPILED[type].regions.map((r) => {
    const leaf = r[region];
    if (leaf === undefined) throw new Error(`${type}: no region ${region}`);
    return leaf as unknown as LeafName<T, R>;
  });
}

/** Event ids of an actor type, by name. */
export function eventIds<T extends ActorType, const K extends EventName<T>>(type: T, names: readonly K[]): Record<K, number> {
  const events = COMPILED[type].events;
  return Object.fromEntries(
    names.map((n) => {
      const e = events.indexOf(n);
      if (e < 0) throw new Error(`${type}: no event ${n}`);
      return [n, e];
    }),
  ) as Record<K, number>;
}
