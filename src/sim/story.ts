import type { Scenario } from '../scenario/schema.ts';
import { SECTORS, type Sector } from '../scenario/sectors.ts';
import { COMPILED } from './compile.ts';
import { Simulation, type Trace } from './engine.ts';
import { ACTOR_TYPES, type ActorType } from './machines/index.ts';
import { OFFENCE } from './model/case-desk.ts';
import { draw, streamKey } from './rng.ts';

/*
 * One agent's story, replayed from a seeded run (issue 12, "follow one
 * agent"). The run is simulated again with a Trace (engine.ts): an observer
 * that draws nothing and changes nothing, so the run is the one the charts
 * show and the same request tells the same story every time.
 *
 * Who "one agent" is. Agents live in slots (an index per actor type), and some
 * slots change hands: a finished case's slot is reused by a new case; a worker
 * who leaves the destination (`leave`, `deport`) is replaced by a newcomer in
 * the same slot; a consumer household by a new cohort (`renew`,
 * `renewAware`); a closed employer by a new firm (`enter`). An agent is
 * therefore its type, its slot index and `since`, the week it took the slot
 * (-1 for one there before week 0: set up, or arrived during burn-in). Its story runs from `since`
 * to the week it gave the slot up, or to the run's last week.
 *
 * Weeks are 0-based, as in the series: the state "at week w" is the state at
 * the end of week w, the one the series counts at w.
 */

/** An agent: a slot of an actor type and the week its occupant took it. */
export interface AgentRef {
  readonly type: ActorType;
  readonly index: number;
  readonly since: number;
}

/** Which agent to follow: a slot at a week, or one chosen "at random" among those in a state at a week. */
export interface StoryRequest {
  readonly seed: number;
  readonly run: number;
  readonly type: ActorType;
  /** The occupant of this slot at `week` (default 0), or the next one if the slot is free then. */
  readonly index?: number;
  /** The week (0-based) at which the agent is picked or its slot read. */
  readonly week?: number;
  /**
   * Pick among the agents of `type` alive at `week`, in `state` if given: a
   * compiled state (`aware`, `awareness.aware|market.buying`) or a diagram
   * node (`market.buying`: every configuration with that leaf). `nth` walks on
   * to the next agent (another one), from the same seeded start.
   */
  readonly pick?: { readonly state?: string; readonly nth?: number };
  /** Overrides scenario.weeks (tests). */
  readonly weeks?: number;
}

/** Another actor the agent met, and its state (a compiled state key) at that time. */
export interface StoryMeeting {
  readonly role: 'employer' | 'buyer' | 'target';
  readonly type: ActorType;
  readonly index: number;
  readonly state: string;
}

/** A week spent in one state: weeks from..to, both included. */
export interface StorySegment {
  readonly from: number;
  readonly to: number;
  readonly state: string;
}

/** A move: in `week` the machine took `event` from `from` to `to` (compiled state keys, machine event names). */
export interface StoryStep {
  readonly week: number;
  readonly from: string;
  readonly to: string;
  readonly event: string;
  /** Forced by another agent the week before (a case's outcome, an assignment), not drawn. */
  readonly forced: boolean;
  /** Who the agent was linked to right after the move. */
  readonly met: readonly StoryMeeting[];
}

export type CaseOffence = keyof typeof OFFENCE;

/** A case the agent met: opened against it, or (a worker's) against its employer while it worked there. */
export interface StoryCase {
  readonly index: number;
  /** The week the case was opened: with `index`, the case's own AgentRef. */
  readonly since: number;
  readonly against: { readonly type: ActorType; readonly index: number };
  readonly offence: CaseOffence;
  /** The case's moves up to the end of the run. */
  readonly steps: readonly { readonly week: number; readonly event: string; readonly to: string }[];
  /** Its state at the end of the run, or when it closed. */
  readonly state: string;
}

export type TraitKind = 'vulnerability' | 'riskTolerance' | 'priceSensitivity' | 'evidence';
export type TraitLevel = 'low' | 'medium' | 'high';

export interface AgentStory {
  readonly agent: AgentRef;
  readonly seed: number;
  readonly run: number;
  readonly weeks: number;
  /** What the request picked at: the week, and the state asked for (undefined: any). */
  readonly picked: { readonly week: number; readonly state?: string; readonly nth: number };
  readonly sector: Sector;
  /** The agent's trait as a plain word (thirds of 0..1), where the type has one. */
  readonly trait?: { readonly kind: TraitKind; readonly level: TraitLevel; readonly value: number };
  /** Flags as words: `hidden` (employer), `partner` (corporate buyer), `schooled` (consumer). */
  readonly flags: readonly string[];
  /** Its state when its story begins, and who it was linked to then. */
  readonly start: { readonly week: number; readonly state: string; readonly met: readonly StoryMeeting[] };
  readonly segments: readonly StorySegment[];
  readonly steps: readonly StoryStep[];
  readonly cases: readonly StoryCase[];
  /** For a case: its offence and whom it is against. */
  readonly caseOf?: { readonly offence: CaseOffence; readonly against: { readonly type: ActorType; readonly index: number } };
  /** The last week of the story, and why it ends there. */
  readonly end: { readonly week: number; readonly reason: 'run-end' | 'replaced' | 'closed' };
}

/** Events after which a slot holds a new agent (the one who had it has left). */
export const REPLACING: Readonly<Partial<Record<ActorType, readonly string[]>>> = {
  worker: ['leave', 'deport'],
  consumer: ['renew', 'renewAware'],
  employer: ['enter'],
};

const TRAIT: Readonly<Record<ActorType, TraitKind | undefined>> = {
  worker: 'vulnerability',
  employer: 'riskTolerance',
  client: 'riskTolerance',
  recruiter: 'riskTolerance',
  consumer: 'priceSensitivity',
  case: 'evidence',
  corporateBuyer: undefined,
};

/** The actor type a slot's `link` points at (a case's depends on its target). */
const LINKED: Readonly<Partial<Record<ActorType, { role: StoryMeeting['role']; type: ActorType }>>> = {
  worker: { role: 'employer', type: 'employer' },
  employer: { role: 'buyer', type: 'corporateBuyer' },
};
const TARGET_TYPE: readonly ActorType[] = ['client', 'employer', 'recruiter'];
const OFFENCE_NAME = Object.fromEntries(Object.entries(OFFENCE).map(([k, v]) => [v, k])) as Record<number, CaseOffence>;
const FLAG_WORDS: Readonly<Partial<Record<ActorType, string>>> = { employer: 'hidden', corporateBuyer: 'partner', consumer: 'schooled' };

/** The random stream that picks agents: derived from the run's key, apart from every stream the model draws from. */
const PICK_STREAM = 9_001;

/** Which compiled states of `type` a state name stands for (see StoryRequest.pick.state). */
export function stateMatcher(type: ActorType, state: string): Uint8Array {
  const c = COMPILED[type];
  const out = new Uint8Array(c.states.length);
  const exact = c.states.indexOf(state);
  if (exact >= 0) {
    out[exact] = 1;
    return out;
  }
  const dot = state.indexOf('.');
  const [region, leaf] = dot >= 0 ? [state.slice(0, dot), state.slice(dot + 1)] : ['', state];
  c.regions.forEach((r, s) => {
    if (r[region] === leaf) out[s] = 1;
  });
  if (!out.includes(1)) {
    const known = [...new Set(c.regions.flatMap((r) => Object.entries(r).map(([k, v]) => (k ? `${k}.${v}` : v))))];
    throw new RangeError(`story: ${type} has no state "${state}"; expected one of ${known.join(', ')}`);
  }
  return out;
}

/**
 * Chooses "at random" one agent of `type` alive in `sim` now (at the end of
 * week `week`, which `sim` has just simulated), in `state` if given: a draw
 * from the run's own key (never Math.random), so the same run, type, state,
 * week and `nth` always give the same agent. `nth` = 1, 2 … walks on through
 * the other agents in that state, so "another agent" differs while there is
 * one. Returns the slot index, or -1 when no agent is in that state.
 */
export function pickAgent(sim: Simulation, type: ActorType, state: string | undefined, week: number, nth = 0): number {
  const a = sim.agents[type];
  const match = state === undefined ? undefined : stateMatcher(type, state);
  const found: number[] = [];
  for (let i = 0; i < a.n; i++) if (!a.vacant[i] && (!match || match[a.state[i]])) found.push(i);
  if (found.length === 0) return -1;
  const u = draw(streamKey(sim.key, PICK_STREAM + ACTOR_TYPES.indexOf(type)), 0, week);
  return found[(Math.floor(u * found.length) + nth) % found.length];
}

/** Moves of one actor type, in the order the engine made them. */
class MoveLog {
  n = 0;
  cols = { week: new Int32Array(1024), index: new Int32Array(1024), from: new Int16Array(1024), event: new Int16Array(1024), to: new Int16Array(1024), forced: new Uint8Array(1024), link: new Int32Array(1024), linkState: new Int16Array(1024) };

  push(week: number, index: number, from: number, event: number, to: number, forced: boolean, link: number, linkState: number): void {
    if (this.n === this.cols.week.length) {
      const grow = <T extends Int32Array | Int16Array | Uint8Array>(x: T): T => {
        const y = new (x.constructor as new (n: number) => T)(x.length * 2);
        y.set(x);
        return y;
      };
      const c = this.cols;
      this.cols = { week: grow(c.week), index: grow(c.index), from: grow(c.from), event: grow(c.event), to: grow(c.to), forced: grow(c.forced), link: grow(c.link), linkState: grow(c.linkState) };
    }
    const j = this.n++;
    const c = this.cols;
    c.week[j] = week;
    c.index[j] = index;
    c.from[j] = from;
    c.event[j] = event;
    c.to[j] = to;
    c.forced[j] = forced ? 1 : 0;
    c.link[j] = link;
    c.linkState[j] = linkState;
  }
}

interface CaseOpened {
  readonly week: number;
  readonly index: number;
  readonly target: ActorType;
  readonly targetIndex: number;
  readonly offence: CaseOffence;
  readonly evidence: number;
  readonly sector: Sector;
  /** The target's state when the case opened. */
  readonly targetState: number;
}

/** What a case's slot holds now: the type and slot of its target (read from link and aux). */
function caseTarget(sim: Simulation, i: number): { type: ActorType; index: number } {
  const c = sim.agents.case;
  return { type: TARGET_TYPE[c.aux[i] & 3], index: c.link[i] };
}

/** The type and slot an agent of `type` in slot i is linked to now, or undefined. */
function linkOf(sim: Simulation, type: ActorType, i: number): { role: StoryMeeting['role']; type: ActorType; index: number } | undefined {
  if (type === 'case') return { role: 'target', ...caseTarget(sim, i) };
  const l = LINKED[type];
  const index = sim.agents[type].link[i];
  return l && index >= 0 ? { ...l, index } : undefined;
}

/**
 * Replays run `request.run` of `scenario` with seed `request.seed` and tells
 * the story of one agent (see the top of this file for who that is). Pure and
 * deterministic: the same arguments give a deep-equal story. Throws a
 * RangeError with a plain message for a request that names no agent.
 */
export function agentStory(scenario: Scenario, request: StoryRequest): AgentStory {
  const { type, seed, run } = request;
  if (!ACTOR_TYPES.includes(type)) throw new RangeError(`story: unknown actor type "${String(type)}"; expected one of ${ACTOR_TYPES.join(', ')}`);
  const sim = new Simulation(scenario, { seed, run, weeks: request.weeks });
  const weeks = sim.weeks;
  const week = request.week ?? 0;
  if (!Number.isInteger(week) || week < 0 || week >= weeks) throw new RangeError(`story: week must be a whole number from 0 to ${weeks - 1}, got ${week}`);
  const nth = request.pick?.nth ?? 0;
  if (!Number.isInteger(nth) || nth < 0) throw new RangeError(`story: pick.nth must be a whole number from 0, got ${nth}`);
  if (request.pick?.state !== undefined) stateMatcher(type, request.pick.state);
  if (!request.pick && (request.index === undefined || !Number.isInteger(request.index) || request.index < 0)) {
    throw new RangeError(`story: give an agent's index (a whole number from 0) or pick one, got ${String(request.index)}`);
  }

  const a = sim.agents[type];
  const cs = COMPILED[type];
  // Before week 0: every slot's state and link (burn-in is not traced).
  const n0 = a.n;
  const state0 = a.state.slice(0, n0);
  const vacant0 = a.vacant.slice(0, n0);
  const meet0 = Array.from({ length: n0 }, (_, i) => linkOf(sim, type, i));
  const meetState0 = meet0.map((m) => (m ? sim.agents[m.type].state[m.index] : -1));
  const sector0 = a.sector.slice(0, n0);
  const trait0 = a.trait.slice(0, n0);
  const flags0 = a.flags.slice(0, n0);
  const caseTargets0 = Array.from({ length: sim.agents.case.n }, (_, i) =>
    sim.agents.case.vacant[i] ? undefined : { ...caseTarget(sim, i), offence: OFFENCE_NAME[(sim.agents.case.aux[i] >> 2) & 3] },
  );

  const moves = new MoveLog();
  const caseMoves = type === 'case' ? moves : new MoveLog();
  const spawnedCases: number[] = [];
  const opened: CaseOpened[] = [];
  const trace: Trace = {
    moved(t, i, from, event, to, w) {
      if (t !== type && t !== 'case') return;
      const m = linkOf(sim, t, i);
      const log = t === type ? moves : caseMoves;
      log.push(w, i, from, event, to, sim.agents[t].pending[i] === event, m ? m.index : -1, m && m.index >= 0 ? sim.agents[m.type].state[m.index] : -1);
    },
    spawned(t, i) {
      if (t === 'case') spawnedCases.push(i);
    },
  };
  sim.trace = trace;

  let index = request.index ?? -1;
  for (let w = 0; w < weeks; w++) {
    sim.step();
    // A case's target is written just after it is spawned, at the end of the week.
    for (const i of spawnedCases) {
      const c = sim.agents.case;
      const t = caseTarget(sim, i);
      opened.push({ week: w, index: i, target: t.type, targetIndex: t.index, targetState: sim.agents[t.type].state[t.index], offence: OFFENCE_NAME[(c.aux[i] >> 2) & 3], evidence: c.trait[i], sector: SECTORS[c.sector[i]] });
    }
    spawnedCases.length = 0;
    if (w === week && request.pick) {
      index = pickAgent(sim, type, request.pick.state, week, nth);
      if (index < 0) throw new RangeError(`story: no ${type} is in state "${request.pick.state}" at week ${week}`);
    }
  }
  if (index >= a.n) throw new RangeError(`story: ${type} has slots 0 to ${a.n - 1}, got index ${index}`);

  // The slot's history: the weeks at which a new occupant took it (-1: there before week 0).
  const replacing = new Set((REPLACING[type] ?? []).map((e) => cs.events.indexOf(e)));
  const mine: number[] = [];
  for (let j = 0; j < moves.n; j++) if (moves.cols.index[j] === index) mine.push(j);
  const arrivals: number[] = [];
  if (index < n0 && !vacant0[index]) arrivals.push(-1);
  if (type === 'case') for (const o of opened) if (o.index === index) arrivals.push(o.week);
  for (const j of mine) if (replacing.has(moves.cols.event[j])) arrivals.push(moves.cols.week[j]);
  arrivals.sort((x, y) => x - y);
  // The occupant at `week`: the last arrival at or before it, else the first after it.
  let since: number | undefined;
  for (const x of arrivals) if (x <= week) since = x;
  since ??= arrivals.find((x) => x > week);
  if (since === undefined) throw new RangeError(`story: ${type} ${index} holds no agent at week ${week} or later`);
  const next = arrivals.find((x) => x > since!);
  const first = Math.max(0, since);

  const name = (s: number) => cs.states[s];
  const openedHere = opened.find((x) => x.index === index && x.week === since);
  const arrival = since >= 0 ? mine.find((j) => moves.cols.week[j] === since && replacing.has(moves.cols.event[j])) : undefined;
  let start: AgentStory['start'];
  let current: number;
  if (since < 0) {
    current = state0[index];
    const m = meet0[index];
    start = { week: 0, state: name(current), met: m ? [{ role: m.role, type: m.type, index: m.index, state: COMPILED[m.type].states[meetState0[index]] }] : [] };
  } else {
    current = arrival !== undefined ? moves.cols.to[arrival] : 0;
    const o = openedHere;
    start = { week: since, state: name(current), met: o ? [{ role: 'target', type: o.target, index: o.targetIndex, state: COMPILED[o.target].states[o.targetState] }] : [] };
  }
  // A case's target, for the meetings of its moves.
  const targetType = type === 'case' ? (openedHere?.target ?? caseTargets0[index]?.type) : undefined;

  // The occupant's moves, from its arrival to the move by which it leaves (included).
  const steps: StoryStep[] = [];
  const segments: StorySegment[] = [];
  let end: AgentStory['end'] = { week: weeks - 1, reason: 'run-end' };
  let segFrom = first;
  const c = moves.cols;
  for (const j of mine) {
    const w = c.week[j];
    if (w <= since) continue;
    if (next !== undefined && w > next) break;
    const met: StoryMeeting[] = [];
    const link = c.link[j];
    const l = LINKED[type];
    if (link >= 0 && l) met.push({ role: l.role, type: l.type, index: link, state: COMPILED[l.type].states[c.linkState[j]] });
    if (link >= 0 && targetType) met.push({ role: 'target', type: targetType, index: link, state: COMPILED[targetType].states[c.linkState[j]] });
    steps.push({ week: w, from: name(c.from[j]), to: name(c.to[j]), event: cs.events[c.event[j]], forced: c.forced[j] === 1, met });
    if (next !== undefined && w === next) {
      end = { week: w - 1, reason: 'replaced' };
      break;
    }
    if (c.to[j] === current) continue;
    if (w - 1 >= segFrom) segments.push({ from: segFrom, to: w - 1, state: name(current) });
    segFrom = w;
    current = c.to[j];
    if (cs.final[current]) {
      end = { week: w, reason: 'closed' };
      break;
    }
  }
  if (next !== undefined && end.reason === 'run-end') end = { week: next - 1, reason: 'replaced' };
  if (end.week >= segFrom) segments.push({ from: segFrom, to: end.week, state: name(current) });

  // Cases: against this agent, or (a worker) against its employer while it worked there.
  const linkAt = (w: number): number => {
    let l = type === 'worker' ? (start.met[0]?.index ?? -1) : -1;
    for (const s of steps) {
      if (s.week > w) break;
      l = s.met[0]?.index ?? -1;
    }
    return l;
  };
  const caseStory = (o: CaseOpened): StoryCase => {
    const last = opened.find((x) => x.index === o.index && x.week > o.week)?.week ?? Infinity;
    const own: StoryCase['steps'][number][] = [];
    let state = COMPILED.case.states[0];
    for (let j = 0; j < caseMoves.n; j++) {
      const c = caseMoves.cols;
      if (c.index[j] !== o.index || c.week[j] <= o.week || c.week[j] > last) continue;
      state = COMPILED.case.states[c.to[j]];
      own.push({ week: c.week[j], event: COMPILED.case.events[c.event[j]], to: state });
    }
    return { index: o.index, since: o.week, against: { type: o.target, index: o.targetIndex }, offence: o.offence, steps: own, state };
  };
  const cases =
    type === 'case'
      ? []
      : opened
          .filter((o) => o.week >= since && o.week <= end.week)
          .filter((o) => (o.target === type && o.targetIndex === index) || (type === 'worker' && o.target === 'employer' && o.targetIndex === linkAt(o.week) && o.targetIndex >= 0))
          .map(caseStory);

  let caseOf: AgentStory['caseOf'];
  if (openedHere) caseOf = { offence: openedHere.offence, against: { type: openedHere.target, index: openedHere.targetIndex } };
  else if (type === 'case' && caseTargets0[index]) {
    const t = caseTargets0[index]!;
    caseOf = { offence: t.offence, against: { type: t.type, index: t.index } };
  }

  // Sector, trait and flags: a case's are drawn when it opens; the others'
  // stay with the slot (a newcomer keeps them), except a household's
  // `schooled` flag, which the arriving cohort sets.
  const o = openedHere;
  const fromStart = since < 0;
  const facts = factsOf(type, {
    sector: o ? o.sector : SECTORS[fromStart ? sector0[index] : a.sector[index]],
    trait: o ? o.evidence : fromStart ? trait0[index] : a.trait[index],
    flagged: type === 'consumer' && arrival !== undefined ? cs.events[moves.cols.event[arrival]] === 'renewAware' : ((fromStart ? flags0[index] : a.flags[index]) & 1) !== 0,
  });
  return {
    agent: { type, index, since },
    seed,
    run,
    weeks,
    picked: { week, state: request.pick?.state, nth },
    ...facts,
    start,
    segments,
    steps,
    cases,
    ...(caseOf ? { caseOf } : {}),
    end,
  };
}

/** The agent's sector, its trait as a word (thirds of 0..1) and its flag as a word. */
function factsOf(type: ActorType, f: { sector: Sector; trait: number; flagged: boolean }): Pick<AgentStory, 'sector' | 'trait' | 'flags'> {
  const kind = TRAIT[type];
  const level: TraitLevel = f.trait < 1 / 3 ? 'low' : f.trait < 2 / 3 ? 'medium' : 'high';
  const word = FLAG_WORDS[type];
  return {
    sector: f.sector,
    ...(kind ? { trait: { kind, level, value: Math.round(f.trait * 1000) / 1000 } } : {}),
    flags: word && f.flagged ? [word] : [],
  };
}
