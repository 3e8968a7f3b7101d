import { canonicalStringify, fnv1a64 } from '../scenario/hash.ts';
import type { Scenario } from '../scenario/schema.ts';
import { ACTOR_TYPES, type ActorType } from './machines/index.ts';
import { Agents } from './model/agents.ts';
import { World } from './model/world.ts';

/**
 * The settled state: what the engine holds at week 0, after burn-in and before
 * the scenario's own measures take effect. Burn-in runs the scenario without
 * demand-side measures (engine.ts `withoutMeasures`), so the settled state is
 * a function of the assumptions, the prostitution regime, the seed and the
 * run alone: a lever change can start from it instead of simulating the
 * burn-in again (issue 10, "instant answers"). The behaviours are made anew
 * after burn-in and keep nothing across it that is not here (their closures'
 * week-to-week state is rebuilt by `start` or reset every week), so a run
 * started from it is bit-identical to one that simulated the burn-in.
 */
export interface SettledState {
  /** settledKey of the run it was captured from. */
  readonly key: string;
  readonly agents: Readonly<Record<ActorType, Agents>>;
  readonly world: World;
  readonly counts: Readonly<Record<ActorType, Float64Array>>;
  readonly tallies: Float64Array;
  /** Bytes of its typed arrays, for a cache's memory bound. */
  readonly bytes: number;
}

/** Where the engine looks for a settled state before simulating the burn-in, and leaves the one it made. */
export interface SettledStore {
  get(key: string): SettledState | undefined;
  put(state: SettledState): void;
}

/**
 * The key of the settled state of (scenario without measures, seed, run), or
 * undefined when there is no burn-in. The horizon and the scenario's own seed
 * field do not reach the burn-in (the run's `seed` does), so they are left
 * out: a change of weeks reuses the state too.
 */
export function settledKey(withoutMeasures: Scenario, seed: number, run: number): string | undefined {
  if (withoutMeasures.assumptions.simulation.burnInWeeks <= 0) return undefined;
  const model = { assumptions: withoutMeasures.assumptions, interventions: withoutMeasures.interventions };
  return `${fnv1a64(canonicalStringify(model))}:${seed}:${run}`;
}

/** What `copyState` copies: typed arrays, plain arrays, numbers and objects of those (class instances keep their prototype). */
function copyState<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return (value as unknown as Float64Array).slice() as T;
  if (Array.isArray(value)) return value.map(copyState) as T;
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (value instanceof Map || value instanceof Set || value instanceof ArrayBuffer) throw new TypeError('settled state: cannot copy a Map, Set or bare ArrayBuffer');
    const out = Object.create(proto) as Record<string, unknown>;
    for (const k of Object.keys(value)) out[k] = copyState((value as Record<string, unknown>)[k]);
    return out as T;
  }
  // A function in the engine's state would be behaviour, not data: refuse it rather than share it.
  if (typeof value === 'function') throw new TypeError('settled state: cannot copy a function');
  return value;
}

/** Bytes held by typed arrays anywhere in `value`. */
function typedBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  for (const v of Array.isArray(value) ? value : Object.values(value)) n += typedBytes(v);
  return n;
}

type Parts = Omit<SettledState, 'key' | 'bytes'>;

/** A deep copy of the engine's parts at week 0, so that the run that goes on from them never changes it. */
export function captureSettled(key: string, parts: Parts): SettledState {
  const copy = copyState({ agents: parts.agents, world: parts.world, counts: parts.counts, tallies: parts.tallies });
  return { key, ...copy, bytes: typedBytes(copy) };
}

/** A deep copy of a settled state's parts for a new run: the cached state stays as it was. */
export function restoreSettled(state: SettledState): { agents: Record<ActorType, Agents>; world: World; counts: Record<ActorType, Float64Array>; tallies: Float64Array } {
  return copyState({ agents: state.agents, world: state.world, counts: state.counts, tallies: state.tallies });
}

/**
 * A settled state as it crosses from one worker to another (structured
 * clone): the same data with its classes' prototypes dropped, and the
 * buffers that may be transferred. `packSettled` copies, so the sender's
 * cached state stays whole; `unpackSettled` puts the prototypes back. A run
 * started from an unpacked state gives the same bytes as one started from
 * the original (tests/workers/settled-share.test.ts).
 */
export interface SettledPacket {
  readonly key: string;
  readonly bytes: number;
  readonly agents: Readonly<Record<ActorType, Record<string, unknown>>>;
  readonly world: Record<string, unknown>;
  readonly counts: Readonly<Record<ActorType, Float64Array>>;
  readonly tallies: Float64Array;
}

/**
 * Checks that everything in `value` survives a structured clone once the
 * prototypes of `where` are put back: typed arrays, plain arrays, plain
 * objects and numbers, strings and booleans. Agents and World instances are
 * allowed only where unpackSettled restores them.
 */
function checkPlain(value: unknown, where: string): void {
  if (ArrayBuffer.isView(value) || value === null || ['number', 'string', 'boolean', 'undefined'].includes(typeof value)) return;
  if (Array.isArray(value)) return value.forEach((v, i) => checkPlain(v, `${where}[${i}]`));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`settled state: cannot share the ${proto.constructor?.name ?? 'class'} instance at ${where}`);
    for (const [k, v] of Object.entries(value)) checkPlain(v, `${where}.${k}`);
    return;
  }
  throw new TypeError(`settled state: cannot share the ${typeof value} at ${where}`);
}

/** A plain copy of an instance's own fields (its prototype dropped), each checked by checkPlain. */
function fieldsOf(instance: object, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(instance)) {
    checkPlain(v, `${where}.${k}`);
    out[k] = copyState(v);
  }
  return out;
}

/** A copy of `state` fit for postMessage (see SettledPacket); throws on anything a structured clone would not keep. */
export function packSettled(state: SettledState): SettledPacket {
  const agents = Object.fromEntries(ACTOR_TYPES.map((t) => [t, fieldsOf(state.agents[t], `agents.${t}`)])) as Record<ActorType, Record<string, unknown>>;
  return { key: state.key, bytes: state.bytes, agents, world: fieldsOf(state.world, 'world'), counts: copyState(state.counts), tallies: state.tallies.slice() };
}

/** Every buffer of a packet once, for postMessage's transfer list. */
export function packetBuffers(packet: SettledPacket): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const walk = (v: unknown): void => {
    if (ArrayBuffer.isView(v)) out.add(v.buffer as ArrayBuffer);
    else if (typeof v === 'object' && v !== null) for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x);
  };
  walk(packet);
  return [...out];
}

/** The settled state a packet carries, with the prototypes of its Agents and World back in place. */
export function unpackSettled(packet: SettledPacket): SettledState {
  const agents = Object.fromEntries(ACTOR_TYPES.map((t) => [t, Object.assign(Object.create(Agents.prototype) as Agents, packet.agents[t]) as Agents])) as Record<ActorType, Agents>;
  const world = Object.assign(Object.create(World.prototype) as World, packet.world);
  return { key: packet.key, bytes: packet.bytes, agents, world, counts: packet.counts, tallies: packet.tallies };
}

export interface SettledCacheOptions {
  /** At most this many states... */
  readonly maxEntries: number;
  /** ...and at most this many bytes of them; a state larger than this is not kept. */
  readonly maxBytes: number;
}

/** Settled states, least recently used first out, within a count and a memory bound. */
export class SettledCache implements SettledStore {
  readonly #entries = new Map<string, SettledState>();
  readonly #options: SettledCacheOptions;
  #bytes = 0;
  /** Lookups that found a state, and those that did not (for tests and benchmarks). */
  hits = 0;
  misses = 0;

  constructor(options: SettledCacheOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Whether a state is kept for `key` (not counted as a lookup). */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  get(key: string): SettledState | undefined {
    const state = this.#entries.get(key);
    if (!state) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last.
    this.#entries.delete(key);
    this.#entries.set(key, state);
    return state;
  }

  put(state: SettledState): void {
    this.#remove(state.key);
    if (state.bytes > this.#options.maxBytes || this.#options.maxEntries < 1) return;
    this.#entries.set(state.key, state);
    this.#bytes += state.bytes;
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#options.maxEntries && this.#bytes <= this.#options.maxBytes) break;
      this.#remove(key);
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #remove(key: string): void {
    const old = this.#entries.get(key);
    if (!old) return;
    this.#entries.delete(key);
    this.#bytes -= old.bytes;
  }
}
