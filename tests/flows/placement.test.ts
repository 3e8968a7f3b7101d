import { describe, expect, it } from 'vitest';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { numberFormats } from '../../src/ui/messages/format.ts';
import { FLOWS_EN, FLOWS_ZH } from '../../src/ui/flows/catalogue.ts';
import { flowDiagrams, nodeLines, type FlowDiagram } from '../../src/ui/flows/diagrams.ts';
import { FONT, inside, intersects, linesWidth, NODE_PAD_X, textWidth, type Box } from '../../src/ui/flows/fit.ts';
import { placeLabels } from '../../src/ui/flows/placement.ts';
import { layoutLanes } from '../../src/ui/flows/layout.ts';

const { overview, actors } = flowDiagrams(FLOWS_EN);
const all: [string, FlowDiagram][] = [['overview', overview], ...ACTOR_TYPES.map((t) => [t, actors[t]] as [string, FlowDiagram])];
/** Every diagram in every language (each catalogue lays out its own text), in both directions. */
const cases = [FLOWS_EN, FLOWS_ZH].flatMap((catalogue) => {
  const diagrams = flowDiagrams(catalogue);
  const named: [string, FlowDiagram][] = [['overview', diagrams.overview], ...ACTOR_TYPES.map((t) => [t, diagrams.actors[t]] as [string, FlowDiagram])];
  return named.flatMap(([name, d]) => (['lr', 'tb'] as const).map((dir) => [`${catalogue.locale} ${name}`, dir, d] as const));
});

describe('label boxes of every diagram (fixed width per character)', () => {
  it.each(cases)('%s (%s): every edge label found a clear spot, no two labels intersect, all inside the drawing', (name, dir, d) => {
    const layout = d.layouts[dir];
    const { boxes, edges } = d.labels[dir];
    expect(edges.size).toBe(layout.edges.length);
    for (const [id, spot] of edges) expect(spot.clear, `${name} ${dir}: label of ${id}`).toBe(true);
    const frame = { x: 0, y: 0, width: layout.width, height: layout.height };
    for (const b of boxes) expect(inside(b.box, frame), `${name} ${dir}: ${b.kind} ${b.owner} inside the drawing`).toBe(true);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(intersects(boxes[i].box, boxes[j].box), `${name} ${dir}: ${boxes[i].kind} ${boxes[i].owner} on ${boxes[j].kind} ${boxes[j].owner}`).toBe(false);
      }
    }
  });

  it.each(cases)('%s (%s): node text fits its box, edge and lane labels stay off every node', (name, dir, d) => {
    const layout = d.layouts[dir];
    const rect = new Map<string, Box>(layout.nodes.map((n) => [n.id, { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height }]));
    const { boxes } = d.labels[dir];
    expect(new Set(boxes.filter((b) => b.kind === 'node').map((b) => b.owner))).toEqual(new Set(rect.keys()));
    for (const b of boxes) {
      if (b.kind === 'node') {
        const r = rect.get(b.owner)!;
        const padded = { x: r.x + NODE_PAD_X, y: r.y, width: r.width - 2 * NODE_PAD_X, height: r.height };
        expect(inside(b.box, padded), `${name} ${dir}: text of ${b.owner} inside its box`).toBe(true);
      } else {
        for (const [id, r] of rect) expect(intersects(b.box, r), `${name} ${dir}: ${b.kind} ${b.owner} on node ${id}`).toBe(false);
      }
    }
  });

  it('sizes nodes for the widest numbers: a real count line is never wider', () => {
    const numbers = numberFormats('en');
    for (const [view, d] of all) {
      const width = d.layouts.lr.nodes[0].width - 2 * NODE_PAD_X;
      for (const n of d.layouts.lr.nodes) {
        for (const value of [{ count: 51, share: 0.0057, total: 9000 }, { count: 123_456, share: 1, total: 123_456 }, { count: 0.25, share: 0 }]) {
          const lines = nodeLines(FLOWS_EN, view as never, n.id, view === 'overview' ? { ...value, share: undefined } : value, numbers);
          expect(linesWidth(lines), `${view} ${n.id}`).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('never sets text under 12 px', () => {
    expect(Math.min(...Object.values(FONT))).toBeGreaterThanOrEqual(12);
  });

  it('overview counts carry their denominator', () => {
    const lines = nodeLines(FLOWS_EN, 'overview', 'consumers', { count: 51, total: 9000 }, numberFormats('en'));
    expect(lines.map((l) => l.text)).toEqual(['Households', '51 of 9,000', 'avoiding tainted goods']);
  });

  it('moves a label off a crowded midpoint: two edges between the same pair of nodes', () => {
    const layout = layoutLanes([{ id: '', nodes: ['a', 'b'], roots: ['a'], edges: [{ id: 'a->b', from: 'a', to: 'b' }, { id: 'b->a', from: 'b', to: 'a' }] }]);
    const text = { node: () => [], edge: (id: string) => [{ text: `${id} label`, size: 12 }, { text: '0', size: 12 }], lane: () => undefined };
    const { boxes, edges } = placeLabels(layout, text);
    expect([...edges.values()].every((s) => s.clear)).toBe(true);
    expect(intersects(boxes[0].box, boxes[2].box) || intersects(boxes[1].box, boxes[3].box) || intersects(boxes[0].box, boxes[3].box) || intersects(boxes[1].box, boxes[2].box)).toBe(false);
    expect(textWidth('abc', 10)).toBeCloseTo(3 * 10 * 0.62);
  });
});
