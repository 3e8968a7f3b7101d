import { getInitialSnapshot, transition, type AnyMachineSnapshot, type AnyStateMachine, type StateValue } from 'xstate';
import { ACTOR_TYPES, ACTORS, type ActorType } from './machines/index.ts';
import { SECTORS } from '../scenario/sectors.ts';

/**
 * Compiles the xstate machines — the single source of truth — into typed-array
 * transition tables for the fast engine. The compiler explores every reachable
 * configuration with xstate's own `transition()`, per sector (guards may read the
 * sector), so parallel regions and guards need no special cases here.
 */

/** A configuration as a key: `aware`, or `awareness.aware|market.buying` for parallel machines. */
export function stateKey(value: StateValue): string {
  if (typeof value === 'string') return value;
  const leaves: string[] = [];
  const walk = (v: StateValue, prefix: string) => {
    if (typeof v === 'string') {
      leaves.push(prefix + v);
      return;
    }
    for (const k of Object.keys(v).sort()) walk(v[k] as StateValue, `${prefix}${k}.`);
  };
  walk(value, '');
  return leaves.join('|');
}

export interface CompiledActor {
  readonly type: ActorType;
  /** Reachable configurations; index = compiled state id. Index 0 is the initial state. */
  readonly states: readonly string[];
  readonly events: readonly string[];
  /** tables[sector][state * events.length + event] = next state id, or -1 if the event is not accepted. */
  readonly tables: readonly Int16Array[];
  /** For parallel machines: the leaf of each region per state, e.g. { market: 'buying', awareness: 'aware' }. */
  readonly regions: readonly Record<string, string>[];
  /** Final states (agents there never move again). */
  readonly final: Uint8Array;
  stateId(key: string): number;
}

function regionsOf(value: StateValue): Record<string, string> {
  if (typeof value === 'string') return { '': value };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) out[k] = stateKey(v as StateValue);
  return out;
}

export function compileMachine(type: ActorType, machine: AnyStateMachine, events: readonly string[]): CompiledActor {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const regions: Record<string, string>[] = [];
  const finals: boolean[] = [];
  const perSector: Map<number, number>[] = [];

  const visit = (snap: AnyMachineSnapshot): number => {
    const key = stateKey(snap.value);
    let id = index.get(key);
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      index.set(key, id);
      regions.push(regionsOf(snap.value));
      finals.push(snap.status === 'done');
    }
    return id;
  };

  SECTORS.forEach((sector, si) => {
    const edges = new Map<number, number>();
    perSector[si] = edges;
    const start = getInitialSnapshot(machine, { sector }) as AnyMachineSnapshot;
    const initialId = visit(start);
    if (initialId !== 0) throw new Error(`${type}: initial state differs between sectors`);
    const queue: AnyMachineSnapshot[] = [start];
    const seen = new Set<number>([0]);
    while (queue.length > 0) {
      const snap = queue.shift()!;
      const from = visit(snap);
      events.forEach((type, e) => {
        const event = { type };
        if (!snap.can(event)) return;
        const [next] = transition(machine, snap, event);
        if (JSON.stringify(next.context) !== JSON.stringify(snap.context)) {
          throw new Error(`${machine.id}: event ${type} changes context; the compiler needs context-free transitions`);
        }
        const to = visit(next as AnyMachineSnapshot);
        edges.set(from * events.length + e, to);
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(next as AnyMachineSnapshot);
        }
      });
    }
  });

  const tables = perSector.map((edges) => {
    const table = new Int16Array(keys.length * events.length).fill(-1);
    for (const [cell, to] of edges) table[cell] = to;
    return table;
  });
  return {
    type,
    states: keys,
    events,
    tables,
    regions,
    final: Uint8Array.from(finals, (f) => (f ? 1 : 0)),
    stateId(key: string) {
      const id = index.get(key);
      if (id === undefined) throw new Error(`${type}: no state ${key}`);
      return id;
    },
  };
}

/** Every actor type, compiled once per process (pure and deterministic). */
export const COMPILED: Record<ActorType, CompiledActor> = Object.fromEntries(
  ACTOR_TYPES.map((t) => [t, compileMachine(t, ACTORS[t].machine, ACTORS[t].events)]),
) as Record<ActorType, CompiledActor>;
