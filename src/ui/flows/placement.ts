import { FONT, inside, intersects, lineBoxes, linesHeight, linesWidth, NODE_PAD_TOP, type Box, type TextLine } from './fit.ts';
import type { FlowLayout, PlacedEdge } from './layout.ts';

/**
 * Where the text of a laid-out diagram goes, so that no two labels overlap:
 * node lines stack inside their box, lane titles sit in the lane's top left
 * corner, and each edge's label is put at the first spot along its curve (from
 * the middle outwards, then just above or below it) that is clear of every
 * node, lane title and label placed before it. Sizes come from fit.ts, for the
 * widest text the diagram can show, so live numbers never make labels collide.
 */

export type LabelKind = 'node' | 'edge' | 'lane';

export interface LabelBox {
  readonly kind: LabelKind;
  /** Node, edge or lane id. */
  readonly owner: string;
  readonly box: Box;
}

export interface EdgeLabelSpot {
  /** Centre of the label stack, and its top. */
  readonly x: number;
  readonly top: number;
  /** False when no clear spot was found (the layout tests fail on it). */
  readonly clear: boolean;
}

export interface PlacedLabels {
  readonly edges: ReadonlyMap<string, EdgeLabelSpot>;
  /** Every label's box (one per line of text), for the tests. */
  readonly boxes: readonly LabelBox[];
}

export interface DiagramText {
  /** A node's lines (widest case). */
  node(id: string): readonly TextLine[];
  /** An edge's lines (widest case); none for an unlabelled edge. */
  edge(id: string): readonly TextLine[];
  /** A lane's title, if it has one. */
  lane(id: string): string | undefined;
}

/** Where the title of a lane goes: its top left corner. */
export const laneTitleAt = (lane: { x: number; y: number }) => ({ x: lane.x + 10, top: lane.y + 5 });

const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.1, 0.9];
const GAP = 3;

function at(e: PlacedEdge, t: number): [number, number] {
  const [a, b, c, d] = e.points;
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [w[0] * a[0] + w[1] * b[0] + w[2] * c[0] + w[3] * d[0], w[0] * a[1] + w[1] * b[1] + w[2] * c[1] + w[3] * d[1]];
}

const grow = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by });

export function placeLabels(layout: FlowLayout, text: DiagramText): PlacedLabels {
  const boxes: LabelBox[] = [];
  const obstacles: Box[] = [];
  for (const lane of layout.lanes) {
    const title = text.lane(lane.id);
    if (!title) continue;
    const spot = laneTitleAt(lane);
    const [box] = lineBoxes([{ text: title, size: FONT.lane }], 0, spot.top).map((b) => ({ ...b, x: spot.x }));
    boxes.push({ kind: 'lane', owner: lane.id, box });
    obstacles.push(box);
  }
  for (const n of layout.nodes) {
    const rect = { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height };
    for (const box of lineBoxes(text.node(n.id), n.x, rect.y + NODE_PAD_TOP)) boxes.push({ kind: 'node', owner: n.id, box });
    obstacles.push(rect);
  }
  const frame: Box = { x: 0, y: 0, width: layout.width, height: layout.height };
  const edges = new Map<string, EdgeLabelSpot>();
  for (const e of layout.edges) {
    const lines = text.edge(e.id);
    if (lines.length === 0) continue;
    const w = linesWidth(lines);
    const h = linesHeight(lines);
    const candidates: [number, number][] = [];
    for (const t of ALONG) {
      const [x, y] = at(e, t);
      const a = h / 2 + GAP;
      const b = w / 2 + GAP;
      // Nearest offsets first: on the curve, then just beside it, then further out.
      const offsets = [0, -1, 1, -2, 2, -3, 3].flatMap((j) => [0, -1, 1, 2].map((i) => [i * b, j * a] as const));
      offsets.sort((p, q) => Math.hypot(p[0] / b, p[1] / a) - Math.hypot(q[0] / b, q[1] / a));
      for (const [dx, dy] of offsets) candidates.push([x + dx, y + dy]);
    }
    const stack = (x: number, y: number): Box => ({ x: x - w / 2, y: y - h / 2, width: w, height: h });
    const free = candidates.find(([x, y]) => {
      const b = stack(x, y);
      return inside(b, frame) && !obstacles.some((o) => intersects(grow(b, GAP), o));
    });
    const [x, y] = free ?? candidates[0];
    const spot = { x, top: y - h / 2, clear: free !== undefined };
    edges.set(e.id, spot);
    obstacles.push(stack(x, y));
    for (const box of lineBoxes(lines, x, spot.top)) boxes.push({ kind: 'edge', owner: e.id, box });
  }
  return { edges, boxes };
}
