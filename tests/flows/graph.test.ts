import { describe, expect, it } from 'vitest';
import { createMachine, type AnyStateMachine } from 'xstate';
import type { Sector } from '../../src/scenario/sectors.ts';
import { COMPILED, compileMachine } from '../../src/sim/compile.ts';
import { ACTOR_TYPES, type ActorType } from '../../src/sim/machines/index.ts';
import { ACTOR_DIAGRAMS } from '../../src/ui/flows/diagrams.ts';
import { machineGraph } from '../../src/ui/flows/graph.ts';

const nodeId = (region: string, leaf: string) => (region ? `${region}.${leaf}` : leaf);

/** The graph of a hand-made machine, compiled as the engine compiles its actors (the type is only a label). */
const graphOf = (m: AnyStateMachine, events: string[]) => machineGraph(compileMachine(m.id as ActorType, m, events));

describe('machineGraph', () => {
  it('reads states, initial states and transitions of a hand-made machine', () => {
    const m = createMachine({
      id: 'm',
      initial: 'a',
      on: { reset: '.a' },
      states: { a: { on: { go: 'b' } }, b: { on: { go: 'c', back: 'a', stay: { target: 'b', reenter: false } } }, c: { type: 'final' } },
    });
    const g = graphOf(m, ['go', 'back', 'stay', 'reset']);
    expect(g.lanes).toHaveLength(1);
    const [lane] = g.lanes;
    expect(lane).toMatchObject({ id: '', nodes: ['a', 'b', 'c'], initial: 'a', final: ['c'] });
    const edges = Object.fromEntries(lane.edges.map((e) => [e.id, e.events]));
    // `reset` on the root applies wherever no child overrides it; final states take no events.
    expect(edges).toEqual({ 'a->b': ['go'], 'a->a': ['reset'], 'b->c': ['go'], 'b->a': ['back', 'reset'], 'b->b': ['stay'] });
  });

  it('gives a parallel machine one lane per region and marks events taken in some sectors only', () => {
    const m = createMachine({
      id: 'p',
      type: 'parallel',
      types: { context: {} as { sector: Sector }, input: {} as { sector: Sector } },
      context: ({ input }) => ({ sector: input.sector }),
      states: {
        x: { initial: 'x1', states: { x1: { on: { e: { target: 'x2', guard: ({ context }) => context.sector !== 'sexual' } } }, x2: {} } },
        y: { initial: 'y1', states: { y1: { on: { f: 'y2' } }, y2: { on: { f: 'y1' } } } },
      },
    });
    const g = graphOf(m, ['e', 'f']);
    expect(g.lanes.map((l) => [l.id, l.initial, l.nodes])).toEqual([
      ['x', 'x.x1', ['x.x1', 'x.x2']],
      ['y', 'y.y1', ['y.y1', 'y.y2']],
    ]);
    expect(g.lanes[0].edges).toEqual([{ id: 'x.x1->x.x2', from: 'x.x1', to: 'x.x2', events: ['e'], guarded: ['e'] }]);
    expect(g.lanes[1].edges.map((e) => [e.id, e.guarded])).toEqual([['y.y1->y.y2', []], ['y.y2->y.y1', []]]);
  });

  it('refuses a parallel machine whose event moves no region (no lane to draw it in)', () => {
    const m = createMachine({
      id: 'q',
      type: 'parallel',
      states: { x: { initial: 'x1', states: { x1: { on: { e: { target: 'x1', reenter: true } } } } }, y: { initial: 'y1', states: { y1: {} } } },
    });
    expect(() => graphOf(m, ['e'])).toThrow(/moves no region/);
  });

  it('marks the employer\'s drop as taken only where the sector sells through corporate buyers', () => {
    const edges = ACTOR_DIAGRAMS.employer.graph.lanes.flatMap((l) => l.edges).filter((e) => e.guarded.length > 0);
    expect(edges.map((e) => [e.id, e.guarded])).toEqual([['exploiting->closed', ['drop']]]);
  });

  // The app's diagrams: every state and every accepted (state, event) cell of
  // every compiled machine is drawn, and every drawn edge is a compiled move
  // in some sector.
  describe.each(ACTOR_TYPES)('%s: the diagram of the app agrees with the compiled tables', (type) => {
    const { graph } = ACTOR_DIAGRAMS[type];
    const c = COMPILED[type];
    const edges = graph.lanes.flatMap((l) => l.edges);
    const has = (from: string, to: string, event: string) => edges.some((e) => e.from === from && e.to === to && e.events.includes(event));

    it('has a node for every region leaf of every compiled state', () => {
      const nodes = new Set(graph.lanes.flatMap((l) => l.nodes));
      for (const regions of c.regions) for (const [r, leaf] of Object.entries(regions)) expect(nodes.has(nodeId(r, leaf))).toBe(true);
      expect(graph.lanes.map((l) => l.initial).sort()).toEqual(Object.entries(c.regions[0]).map(([r, l]) => nodeId(r, l)).sort());
    });

    it('has an edge for every compiled transition', () => {
      c.tables.forEach((table) => {
        for (let s = 0; s < c.states.length; s++) {
          for (let e = 0; e < c.events.length; e++) {
            const to = table[s * c.events.length + e];
            if (to < 0) continue;
            // The engine never moves agents out of a final state, and the diagram draws no move from there.
            expect(c.final[s], `${type}: final ${c.states[s]} accepts ${c.events[e]}`).toBe(0);
            const moved = Object.keys(c.regions[s]).filter((r) => c.regions[s][r] !== c.regions[to][r]);
            if (moved.length === 0) {
              const loops = Object.entries(c.regions[s]).some(([r, leaf]) => has(nodeId(r, leaf), nodeId(r, leaf), c.events[e]));
              expect(loops, `${type}: ${c.states[s]} --${c.events[e]}--> itself`).toBe(true);
            }
            for (const r of moved) {
              expect(has(nodeId(r, c.regions[s][r]), nodeId(r, c.regions[to][r]), c.events[e]), `${type}: ${c.states[s]} --${c.events[e]}--> ${c.states[to]}`).toBe(true);
            }
          }
        }
      });
    });

    it('has no edge the compiled machine never takes', () => {
      for (const edge of edges) {
        for (const event of edge.events) {
          const e = c.events.indexOf(event);
          expect(e, `${type}: event ${event} is compiled`).toBeGreaterThanOrEqual(0);
          const taken = c.tables.some((table) =>
            c.states.some((_, s) => {
              const to = table[s * c.events.length + e];
              return to >= 0 && Object.entries(c.regions[s]).some(([r, leaf]) => nodeId(r, leaf) === edge.from && nodeId(r, c.regions[to][r]) === edge.to);
            }),
          );
          expect(taken, `${type}: ${edge.from} --${event}--> ${edge.to}`).toBe(true);
        }
      }
    });
  });
});
