import { describe, expect, it } from 'vitest';
import { COMPILED } from '../../src/sim/compile.ts';
import { Simulation, type Trace } from '../../src/sim/engine.ts';
import { ACTOR_TYPES, type ActorType } from '../../src/sim/machines/index.ts';
import { SECTORS } from '../../src/scenario/sectors.ts';
import { agentStory, pickAgent, REPLACING, stateMatcher, type AgentStory } from '../../src/sim/story.ts';
import { smallWorld } from '../support/small-world.ts';

const s = smallWorld('reference');
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** The state of slot `index` at the end of every week, read straight from the engine, week by week. */
function slotStates(type: ActorType, index: number, seed = 5): (string | undefined)[] {
  const sim = new Simulation(s, { seed, run: 0 });
  const out: (string | undefined)[] = [];
  while (!sim.done) {
    sim.step();
    const a = sim.agents[type];
    out.push(index < a.n && !a.vacant[index] ? COMPILED[type].states[a.state[index]] : undefined);
  }
  return out;
}

/** Every compiled state a diagram node or compiled key stands for. */
const inState = (type: ActorType, state: string, key: string) => stateMatcher(type, state)[COMPILED[type].states.indexOf(key)] === 1;

/** The story's state at week w, from its segments. */
const stateAt = (story: AgentStory, w: number) => story.segments.find((g) => g.from <= w && w <= g.to)?.state;

describe('agent story', () => {
  it('a traced run gives the numbers of an untraced one, bit for bit', () => {
    const plain = new Simulation(s, { seed: 5, run: 0 });
    plain.run();
    const traced = new Simulation(s, { seed: 5, run: 0 });
    let moves = 0;
    let spawns = 0;
    const trace: Trace = {
      moved(t, i) {
        moves++;
        // An observer may read anything; it changes nothing.
        void traced.agents[t].link[i];
      },
      spawned() {
        spawns++;
      },
    };
    traced.trace = trace;
    traced.run();
    expect(moves).toBeGreaterThan(100);
    expect(spawns).toBeGreaterThan(0);
    expect(bytes(traced.series.values).equals(bytes(plain.series.values))).toBe(true);
    for (const t of ACTOR_TYPES) {
      expect(bytes(traced.series.states[t]).equals(bytes(plain.series.states[t]))).toBe(true);
      expect(bytes(traced.series.transitions[t]).equals(bytes(plain.series.transitions[t]))).toBe(true);
    }
  });

  it('the trace sees every move the series counts', () => {
    const sim = new Simulation(s, { seed: 5, run: 0 });
    const counted = Object.fromEntries(ACTOR_TYPES.map((t) => [t, 0])) as Record<ActorType, number>;
    sim.trace = { moved: (t) => void counted[t]++, spawned() {} };
    sim.run();
    for (const t of ACTOR_TYPES) expect(counted[t]).toBe(sim.series.transitions[t].reduce((x, y) => x + y, 0));
  });

  it('tells the same story every time', () => {
    for (const [type, state] of [['worker', 'exploited'], ['employer', 'exploiting'], ['client', 'market.buying'], ['case', undefined]] as const) {
      const request = { seed: 5, run: 0, type, week: 30, pick: { state } };
      const a = agentStory(s, request);
      const b = agentStory(s, request);
      expect(b).toEqual(a);
      expect(a.steps.length + a.segments.length).toBeGreaterThan(0);
    }
  });

  it('an agent picked in state S at week W is in S at W, and the same pick is the same agent', () => {
    const picks: [ActorType, string][] = [['worker', 'exploited'], ['worker', 'at-risk'], ['employer', 'compliant'], ['client', 'market.inactive'], ['client', 'awareness.unaware'], ['recruiter', 'licence.unregistered'], ['consumer', 'unaware'], ['case', 'opened']];
    for (const [type, state] of picks) {
      for (const week of [0, 17, 59]) {
        let story: AgentStory;
        try {
          story = agentStory(s, { seed: 5, run: 0, type, week, pick: { state } });
        } catch (e) {
          // Only "nobody is in that state then" is an acceptable refusal.
          expect(String(e)).toMatch(/no \w+ is in state/);
          continue;
        }
        expect(story.agent.since).toBeLessThanOrEqual(week);
        expect(inState(type, state, stateAt(story, week)!)).toBe(true);
        expect(slotStates(type, story.agent.index)[week]).toBe(stateAt(story, week));
      }
    }
  });

  it('"another agent" is a different agent in the same state, and the walk is seeded', () => {
    const sim = new Simulation(s, { seed: 5, run: 0 });
    for (let w = 0; w <= 20; w++) sim.step();
    const first = pickAgent(sim, 'worker', 'employed', 20, 0);
    const again = pickAgent(sim, 'worker', 'employed', 20, 0);
    const other = pickAgent(sim, 'worker', 'employed', 20, 1);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    for (const i of [first, other]) expect(COMPILED.worker.states[sim.agents.worker.state[i]]).toBe('employed');
    // Another seed starts the walk elsewhere (for at least one of a few weeks).
    const sim2 = new Simulation(s, { seed: 6, run: 0 });
    for (let w = 0; w <= 20; w++) sim2.step();
    const picks = [0, 1, 2, 3].map((n) => pickAgent(sim, 'worker', undefined, 20, n));
    const picks2 = [0, 1, 2, 3].map((n) => pickAgent(sim2, 'worker', undefined, 20, n));
    expect(picks2).not.toEqual(picks);
  });

  it("each move is one the agent's compiled machine accepts, and the segments follow the moves", () => {
    for (const type of ACTOR_TYPES) {
      for (const nth of [0, 1, 2]) {
        const story = agentStory(s, { seed: 5, run: 0, type, week: 10, pick: { nth } });
        const c = COMPILED[type];
        const table = c.tables[SECTORS.indexOf(story.sector)];
        let state = story.start.state;
        expect(story.segments[0]).toMatchObject({ from: story.start.week, state });
        for (const step of story.steps) {
          expect(step.from).toBe(state);
          const to = table[c.states.indexOf(step.from) * c.events.length + c.events.indexOf(step.event)];
          expect(to, `${type} ${step.from} --${step.event}-->`).toBeGreaterThanOrEqual(0);
          expect(c.states[to]).toBe(step.to);
          state = step.to;
        }
        // Segments tile the story's weeks, each a new state, each change at a move's week.
        const g = story.segments;
        expect(g.at(-1)!.to).toBe(story.end.week);
        for (let j = 1; j < g.length; j++) {
          expect(g[j].from).toBe(g[j - 1].to + 1);
          expect(g[j].state).not.toBe(g[j - 1].state);
          expect(story.steps.some((st) => st.week === g[j].from && st.to === g[j].state)).toBe(true);
        }
      }
    }
  });

  it('the segments are the states the engine holds in that slot, week by week', () => {
    for (const type of ['worker', 'employer', 'client', 'case'] as const) {
      const story = agentStory(s, { seed: 5, run: 0, type, week: 40, pick: {} });
      const seen = slotStates(type, story.agent.index);
      for (const g of story.segments) for (let w = g.from; w <= g.to; w++) expect(seen[w], `${type} ${story.agent.index} week ${w}`).toBe(g.state);
    }
  });

  it('a worker who leaves ends its story; the newcomer in its slot starts a new one', () => {
    const sim = new Simulation(s, { seed: 5, run: 0 });
    let found: { index: number; week: number } | undefined;
    sim.trace = {
      moved(t, i, _from, e, _to, w) {
        if (!found && t === 'worker' && w > 2 && REPLACING.worker!.includes(COMPILED.worker.events[e])) found = { index: i, week: w };
      },
      spawned() {},
    };
    sim.run();
    expect(found).toBeDefined();
    const before = agentStory(s, { seed: 5, run: 0, type: 'worker', index: found!.index, week: found!.week - 1 });
    expect(before.end).toEqual({ week: found!.week - 1, reason: 'replaced' });
    expect(REPLACING.worker).toContain(before.steps.at(-1)!.event);
    expect(before.steps.at(-1)!.week).toBe(found!.week);
    const after = agentStory(s, { seed: 5, run: 0, type: 'worker', index: found!.index, week: found!.week });
    expect(after.agent.since).toBe(found!.week);
    expect(after.start).toMatchObject({ week: found!.week, state: 'at-risk' });
    expect(after.steps.every((st) => st.week > found!.week)).toBe(true);
  });

  it("a case's target has that case in its own story", () => {
    const story = agentStory(s, { seed: 5, run: 0, type: 'case', week: 50, pick: {} });
    expect(story.caseOf).toBeDefined();
    const { type, index } = story.caseOf!.against;
    const target = agentStory(s, { seed: 5, run: 0, type, index, week: Math.max(0, story.agent.since) });
    if (story.agent.since >= 0) {
      const mine = target.cases.find((c) => c.index === story.agent.index && c.since === story.agent.since);
      expect(mine).toBeDefined();
      expect(mine!.steps.map((x) => x.event)).toEqual(story.steps.map((x) => x.event));
    }
    expect(story.steps.every((st) => st.met.every((m) => m.type === type && m.index === index))).toBe(true);
  });

  it('a worker meets the employer its slot links to', () => {
    const story = agentStory(s, { seed: 5, run: 0, type: 'worker', week: 20, pick: { state: 'employed' } });
    // The link as of the last move at or before week 20 (or the start).
    const employer = [story.start, ...story.steps].filter((x) => x.week <= 20).at(-1)!.met[0];
    expect(employer?.type).toBe('employer');
    const sim = new Simulation(s, { seed: 5, run: 0 });
    for (let w = 0; w <= 20; w++) sim.step();
    expect(sim.agents.worker.link[story.agent.index]).toBe(employer!.index);
  });

  it('refuses a request that names no agent, with a plain message', () => {
    expect(() => agentStory(s, { seed: 5, run: 0, type: 'worker', week: 3, pick: { state: 'dancing' } })).toThrow(/worker has no state "dancing"; expected one of at-risk, recruited/);
    expect(() => agentStory(s, { seed: 5, run: 0, type: 'worker', week: 999, pick: {} })).toThrow(/week must be a whole number from 0 to 59, got 999/);
    expect(() => agentStory(s, { seed: 5, run: 0, type: 'worker' })).toThrow(/give an agent's index/);
    expect(() => agentStory(s, { seed: 5, run: 0, type: 'nobody' as ActorType, index: 0 })).toThrow(/unknown actor type "nobody"/);
  });
});
