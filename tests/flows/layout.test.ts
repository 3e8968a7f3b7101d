import { describe, expect, it } from 'vitest';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { ACTOR_DIAGRAMS, OVERVIEW_LAYOUTS } from '../../src/ui/flows/diagrams.ts';
import { OVERVIEW_FLOWS, OVERVIEW_NODES } from '../../src/ui/flows/overview.ts';
import { DEFAULT_LAYOUT, layoutLanes, orderLane, type FlowLayout, type LayoutLaneInput } from '../../src/ui/flows/layout.ts';

const e = (from: string, to: string) => ({ id: `${from}->${to}`, from, to });
const lane = (nodes: string[], edges: ReturnType<typeof e>[], roots = [nodes[0]]): LayoutLaneInput => ({ id: 'l', nodes, roots, edges });

describe('orderLane', () => {
  it.each([
    ['a chain', lane(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c')]), { a: 0, b: 1, c: 2 }, []],
    ['a cycle: the edge back to the root is a back edge', lane(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('c', 'a')]), { a: 0, b: 1, c: 2 }, ['c->a']],
    ['a shortcut: longest path decides the column', lane(['a', 'b', 'c'], [e('a', 'c'), e('a', 'b'), e('b', 'c')]), { a: 0, b: 1, c: 2 }, []],
    ['definition order does not matter, roots do', lane(['c', 'b', 'a'], [e('a', 'b'), e('b', 'c')], ['a']), { a: 0, b: 1, c: 2 }, []],
    ['a node nothing reaches starts its own chain', lane(['a', 'b', 'z'], [e('a', 'b'), e('z', 'b')]), { a: 0, b: 1, z: 0 }, []],
    ['self loops are neither back edges nor layers', lane(['a', 'b'], [e('a', 'a'), e('a', 'b')]), { a: 0, b: 1 }, []],
  ])('%s', (_name, input, columns, back) => {
    const order = orderLane(input);
    expect(Object.fromEntries(order.column)).toEqual(columns);
    expect([...order.back]).toEqual(back);
  });

  it('gives nodes in one column distinct rows, ordered by their predecessors', () => {
    const order = orderLane(lane(['r', 'p', 'q', 'y', 'x'], [e('r', 'p'), e('r', 'q'), e('q', 'x'), e('p', 'y')]));
    expect(order.row.get('p')).toBe(0);
    expect(order.row.get('q')).toBe(1);
    // x follows q (row 1) and y follows p (row 0), whatever their definition order.
    expect(order.row.get('y')).toBe(0);
    expect(order.row.get('x')).toBe(1);
    expect(order.rows).toBe(2);
  });

  it('rejects an edge to a node outside the lane', () => {
    expect(() => orderLane(lane(['a'], [e('a', 'b')]))).toThrow(/leaves lane/);
  });
});

describe('layoutLanes', () => {
  it('routes edges by kind', () => {
    const l = layoutLanes([lane(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('a', 'c'), e('c', 'a'), e('b', 'b')])]);
    expect(Object.fromEntries(l.edges.map((x) => [x.id, x.kind]))).toEqual({ 'a->b': 'forward', 'b->c': 'forward', 'a->c': 'skip', 'c->a': 'back', 'b->b': 'self' });
    for (const x of l.edges) expect(x.path).toMatch(/^M[\d.-]+,[\d.-]+C/);
    const at = Object.fromEntries(l.nodes.map((n) => [n.id, n]));
    // Skips arc above the nodes, back edges below.
    expect(l.edges.find((x) => x.kind === 'skip')!.labelY).toBeLessThan(at.a.y - DEFAULT_LAYOUT.nodeHeight / 2);
    expect(l.edges.find((x) => x.kind === 'back')!.labelY).toBeGreaterThan(at.a.y + DEFAULT_LAYOUT.nodeHeight / 2);
  });

  it('stacks lanes and joins them with cross edges', () => {
    const l = layoutLanes([{ ...lane(['a', 'b'], [e('a', 'b')]), id: 'top' }, { ...lane(['c'], []), id: 'bottom' }], [e('b', 'c')]);
    expect(l.lanes.map((x) => x.id)).toEqual(['top', 'bottom']);
    expect(l.lanes[1].y).toBeGreaterThan(l.lanes[0].y + l.lanes[0].height);
    expect(l.edges.find((x) => x.id === 'b->c')!.kind).toBe('cross');
    expect(() => layoutLanes([lane(['a'], [])], [e('a', 'zz')])).toThrow(/unknown nodes/);
  });

  it('turns the same layout top to bottom: ranks become rows, lanes side by side', () => {
    const input = [{ ...lane(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('c', 'a')]), id: 'one' }, { ...lane(['d', 'f'], [e('d', 'f')]), id: 'two' }];
    const lr = layoutLanes(input, [e('b', 'f')], { direction: 'lr' });
    const tb = layoutLanes(input, [e('b', 'f')], { direction: 'tb' });
    const at = (l: FlowLayout, id: string) => l.nodes.find((n) => n.id === id)!;
    expect(at(lr, 'b').x).toBeGreaterThan(at(lr, 'a').x);
    expect(at(lr, 'b').y).toBe(at(lr, 'a').y);
    expect(at(tb, 'b').y).toBeGreaterThan(at(tb, 'a').y);
    expect(at(tb, 'b').x).toBe(at(tb, 'a').x);
    expect(at(lr, 'd').y).toBeGreaterThan(at(lr, 'a').y);
    expect(at(tb, 'd').x).toBeGreaterThan(at(tb, 'a').x);
    expect(tb.edges.map((x) => x.kind)).toEqual(lr.edges.map((x) => x.kind));
    expect(tb.lanes[1].x).toBeGreaterThanOrEqual(tb.lanes[0].x + tb.lanes[0].width);
    expectReadable('tb', tb);
    expectReadable('lr', lr);
  });

  it('is deterministic', () => {
    const input = [lane(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('c', 'a')])];
    expect(layoutLanes(input)).toEqual(layoutLanes(input));
  });
});

function expectReadable(name: string, l: FlowLayout): void {
  const nodes = l.nodes;
  for (const n of nodes) {
    expect(n.x - n.width / 2, `${name}: ${n.id} inside left`).toBeGreaterThanOrEqual(0);
    expect(n.y - n.height / 2, `${name}: ${n.id} inside top`).toBeGreaterThanOrEqual(0);
    expect(n.x + n.width / 2, `${name}: ${n.id} inside right`).toBeLessThanOrEqual(l.width);
    expect(n.y + n.height / 2, `${name}: ${n.id} inside bottom`).toBeLessThanOrEqual(l.height);
  }
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
      expect(apart, `${name}: ${a.id} overlaps ${b.id}`).toBe(true);
    }
  }
  for (const x of l.edges) {
    expect(Number.isFinite(x.labelX) && Number.isFinite(x.labelY), `${name}: label of ${x.id}`).toBe(true);
    expect(x.path, `${name}: path of ${x.id}`).not.toMatch(/NaN/);
  }
}

describe('the diagrams of the app', () => {
  it.each(ACTOR_TYPES.flatMap((t) => [[t, 'lr'], [t, 'tb']] as const))('%s (%s): every state placed once, inside the drawing, without overlaps', (type, dir) => {
    const d = ACTOR_DIAGRAMS[type];
    const layout = d.layouts[dir];
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(d.graph.lanes.flatMap((l) => l.nodes).sort());
    expect(layout.edges.length).toBe(d.graph.lanes.reduce((s, l) => s + l.edges.length, 0));
    expectReadable(`${type} ${dir}`, layout);
  });

  it('puts each initial state in the first column', () => {
    for (const type of ACTOR_TYPES) {
      const d = ACTOR_DIAGRAMS[type];
      for (const l of d.graph.lanes) expect(d.layouts.lr.nodes.find((n) => n.id === l.initial)!.column, `${type} ${l.id}`).toBe(0);
    }
  });

  it('orders the overview as buyers -> employers -> recruiters -> workers and reports -> cases -> sanctions', () => {
    const col = (id: string) => OVERVIEW_LAYOUTS.lr.nodes.find((n) => n.id === id)!.column;
    expect(col('consumers')).toBeLessThan(col('corporateBuyers'));
    expect(col('corporateBuyers')).toBeLessThan(col('employers'));
    expect(col('clients')).toBeLessThan(col('employers'));
    expect(col('employers')).toBeLessThan(col('recruiters'));
    expect(col('recruiters')).toBeLessThan(col('workers'));
    expect(col('reports')).toBeLessThan(col('cases'));
    expect(col('cases')).toBeLessThan(col('sanctions'));
    expectReadable('overview lr', OVERVIEW_LAYOUTS.lr);
    expectReadable('overview tb', OVERVIEW_LAYOUTS.tb);
  });

  it('draws every node and every flow of the overview table once, flows between lanes as cross edges', () => {
    for (const dir of ['lr', 'tb'] as const) {
      const l = OVERVIEW_LAYOUTS[dir];
      expect(l.nodes.map((n) => n.id).sort()).toEqual(OVERVIEW_NODES.map((n) => n.id).sort());
      expect(l.edges.map((x) => x.id).sort()).toEqual(OVERVIEW_FLOWS.map((f) => f.id).sort());
      const lane = new Map(OVERVIEW_NODES.map((n) => [n.id, n.lane]));
      for (const f of OVERVIEW_FLOWS) {
        const drawn = l.edges.find((x) => x.id === f.id)!;
        expect(drawn.kind === 'cross', `${dir}: ${f.id}`).toBe(lane.get(f.from) !== lane.get(f.to));
      }
    }
  });
});
