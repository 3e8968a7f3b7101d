import { path as d3path } from 'd3';

/**
 * A layered, left-to-right layout for flow diagrams, computed from the graph
 * (no per-actor positions anywhere). Within a lane, back edges are found by a
 * depth-first search from the lane's roots; the rest form a DAG whose nodes
 * take the column of their longest path from a root, and a barycentre sweep
 * orders the nodes in each column. Lanes (parallel regions, or the market and
 * enforcement halves of the overview) are stacked across the flow. Pure: returns
 * numbers and SVG path strings, Svelte draws them (STYLE.md 6).
 */

export interface LayoutEdgeInput {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export interface LayoutLaneInput {
  readonly id: string;
  /** Node ids in a stable order (ties in the layout keep it). */
  readonly nodes: readonly string[];
  /** Where flows start (an initial state, or sources); column 0. */
  readonly roots: readonly string[];
  readonly edges: readonly LayoutEdgeInput[];
}

export type Direction = 'lr' | 'tb';

export interface LayoutOptions {
  /** Flow runs left to right (`lr`, lanes stacked top to bottom) or top to bottom (`tb`, lanes side by side). */
  readonly direction: Direction;
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  /** Gap between consecutive ranks (columns in `lr`). */
  readonly rankGap: number;
  /** Gap between nodes of one rank. */
  readonly orderGap: number;
  readonly laneGap: number;
  /** Room for a lane's title at its top. */
  readonly laneHeader: number;
  readonly padding: number;
  /** Offset added per rank spanned by an arc that skips ranks or goes back. */
  readonly arcStep: number;
  /** Room across the flow, before a lane's nodes, for self loops and their labels. */
  readonly loopRoom: number;
  /** Least room beyond a lane's nodes on a side with arcs (skips before, back edges after), for their labels. */
  readonly arcRoom: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  direction: 'lr',
  nodeWidth: 148,
  nodeHeight: 50,
  rankGap: 84,
  orderGap: 40,
  laneGap: 24,
  laneHeader: 0,
  padding: 16,
  arcStep: 14,
  loopRoom: 30,
  arcRoom: 0,
};

/** forward: to the next rank; skip: forward over ranks (arc on one side); back: to an earlier rank (arc on the other side); self: a loop; cross: between lanes. */
export type EdgeKind = 'forward' | 'skip' | 'back' | 'self' | 'cross';

export interface PlacedNode {
  readonly id: string;
  readonly lane: string;
  /** Rank (layer along the flow) and order within the rank. */
  readonly column: number;
  readonly row: number;
  /** Centre. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge extends LayoutEdgeInput {
  readonly kind: EdgeKind;
  /** SVG path data (one cubic Bezier), from source to target. */
  readonly path: string;
  /** The middle of the curve. */
  readonly labelX: number;
  readonly labelY: number;
  /** The curve's four control points, in x and y (labels are placed along it). */
  readonly points: readonly (readonly [number, number])[];
}

export interface PlacedLane {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly columns: number;
}

export interface FlowLayout {
  readonly direction: Direction;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly lanes: readonly PlacedLane[];
  readonly width: number;
  readonly height: number;
}

interface LaneOrder {
  readonly column: Map<string, number>;
  readonly row: Map<string, number>;
  readonly back: Set<string>;
  readonly columns: number;
  readonly rows: number;
}

/** Columns and rows of one lane (exported for tests). */
export function orderLane(lane: LayoutLaneInput): LaneOrder {
  const out = new Map<string, LayoutEdgeInput[]>(lane.nodes.map((n) => [n, []]));
  for (const e of lane.edges) {
    if (!out.has(e.from) || !out.has(e.to)) throw new Error(`edge ${e.id} leaves lane ${lane.id || '(root)'}`);
    out.get(e.from)!.push(e);
  }

  // Depth-first from the roots, then from anything unreached: edges into the
  // current path are back edges; the others form a DAG.
  const back = new Set<string>();
  const seen = new Set<string>();
  const onPath = new Set<string>();
  const preorder: string[] = [];
  const visit = (n: string) => {
    seen.add(n);
    onPath.add(n);
    preorder.push(n);
    for (const e of out.get(n)!) {
      if (e.from === e.to) continue;
      if (onPath.has(e.to)) back.add(e.id);
      else if (!seen.has(e.to)) visit(e.to);
    }
    onPath.delete(n);
  };
  for (const r of lane.roots) if (!seen.has(r)) visit(r);
  for (const n of lane.nodes) if (!seen.has(n)) visit(n);

  // Longest path from a root, over the DAG, in topological order.
  const dag = lane.edges.filter((e) => e.from !== e.to && !back.has(e.id));
  const indegree = new Map(lane.nodes.map((n) => [n, 0]));
  for (const e of dag) indegree.set(e.to, indegree.get(e.to)! + 1);
  const column = new Map(lane.nodes.map((n) => [n, 0]));
  const ready = preorder.filter((n) => indegree.get(n) === 0);
  while (ready.length > 0) {
    const n = ready.shift()!;
    for (const e of dag) {
      if (e.from !== n) continue;
      column.set(e.to, Math.max(column.get(e.to)!, column.get(n)! + 1));
      indegree.set(e.to, indegree.get(e.to)! - 1);
      if (indegree.get(e.to) === 0) ready.push(e.to);
    }
  }
  const columns = Math.max(0, ...column.values()) + 1;

  // Rows: preorder, then each column sorted by the mean row of its DAG
  // predecessors (a barycentre sweep), keeping preorder among ties.
  const byColumn: string[][] = Array.from({ length: columns }, () => []);
  for (const n of preorder) byColumn[column.get(n)!].push(n);
  const row = new Map<string, number>();
  const number = (list: string[]) => list.forEach((n, i) => row.set(n, i));
  byColumn.forEach(number);
  for (let c = 1; c < columns; c++) {
    const key = new Map<string, number>();
    for (const n of byColumn[c]) {
      const preds = dag.filter((e) => e.to === n).map((e) => row.get(e.from)!);
      key.set(n, preds.length ? preds.reduce((a, b) => a + b, 0) / preds.length : row.get(n)!);
    }
    byColumn[c].sort((a, b) => key.get(a)! - key.get(b)!);
    number(byColumn[c]);
  }
  const rows = Math.max(1, ...byColumn.map((l) => l.length));
  return { column, row, back, columns, rows };
}

/** A point in layout space: r along the flow (ranks), o across it (order within a rank). */
type RO = readonly [r: number, o: number];

/**
 * Places the lanes' nodes and routes their edges; `crossEdges` join nodes of
 * different lanes (the overview's reports and sanctions). Everything is
 * computed along the flow (r) and across it (o), then mapped to x and y.
 */
export function layoutLanes(
  lanes: readonly LayoutLaneInput[],
  crossEdges: readonly LayoutEdgeInput[] = [],
  options: Partial<LayoutOptions> = {},
): FlowLayout {
  const o = { ...DEFAULT_LAYOUT, ...options };
  const lr = o.direction === 'lr';
  const xy = ([r, q]: RO): [number, number] => (lr ? [r, q] : [q, r]);
  // Node extent along the flow (R) and across it (Q).
  const R = lr ? o.nodeWidth : o.nodeHeight;
  const Q = lr ? o.nodeHeight : o.nodeWidth;
  const pitchR = R + o.rankGap;
  const pitchQ = Q + o.orderGap;
  const rankStart = o.padding + (lr ? 0 : o.laneHeader);

  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  const spans: { id: string; start: number; extent: number; columns: number }[] = [];
  const at = new Map<string, { r: number; q: number }>();

  const bezier = (e: LayoutEdgeInput, kind: EdgeKind, p0: RO, p1: RO, p2: RO, p3: RO) => {
    const p = d3path();
    const [a, b, c, d] = [p0, p1, p2, p3].map(xy);
    p.moveTo(a[0], a[1]);
    p.bezierCurveTo(b[0], b[1], c[0], c[1], d[0], d[1]);
    const mid = xy([(p0[0] + 3 * p1[0] + 3 * p2[0] + p3[0]) / 8, (p0[1] + 3 * p1[1] + 3 * p2[1] + p3[1]) / 8]);
    edges.push({ id: e.id, from: e.from, to: e.to, kind, path: p.toString(), labelX: mid[0], labelY: mid[1], points: [a, b, c, d] });
  };

  let cursor = o.padding;
  let maxColumns = 0;
  for (const lane of lanes) {
    const order = orderLane(lane);
    const span = (e: LayoutEdgeInput) => Math.abs(order.column.get(e.to)! - order.column.get(e.from)!);
    const skips = lane.edges.filter((e) => e.from !== e.to && !order.back.has(e.id) && span(e) > 1);
    const backs = lane.edges.filter((e) => order.back.has(e.id));
    const hasLoop = lane.edges.some((e) => e.from === e.to);
    const room = (arcs: readonly LayoutEdgeInput[]) => (arcs.length ? o.arcRoom : 0);
    const before = Math.max(hasLoop ? o.loopRoom : 0, room(skips), ...skips.map((e) => o.arcStep * (span(e) + 1))) + 10;
    const after = Math.max(room(backs), ...backs.map((e) => o.arcStep * (span(e) + 1))) + 10;
    const bandStart = cursor + (lr ? o.laneHeader : 0) + before;
    const perColumn = new Map<number, number>();
    for (const n of lane.nodes) perColumn.set(order.column.get(n)!, (perColumn.get(order.column.get(n)!) ?? 0) + 1);
    for (const id of lane.nodes) {
      const column = order.column.get(id)!;
      const row = order.row.get(id)!;
      // Ranks with fewer nodes are centred across the lane.
      const shift = ((order.rows - perColumn.get(column)!) * pitchQ) / 2;
      const r = rankStart + column * pitchR + R / 2;
      const q = bandStart + shift + row * pitchQ + Q / 2;
      const [x, y] = xy([r, q]);
      nodes.push({ id, lane: lane.id, column, row, x, y, width: o.nodeWidth, height: o.nodeHeight });
      at.set(id, { r, q });
    }
    const bandEnd = bandStart + order.rows * pitchQ - o.orderGap;

    for (const e of lane.edges) {
      const a = at.get(e.from)!;
      const b = at.get(e.to)!;
      if (e.from === e.to) {
        const r0 = a.r + R / 4;
        const q0 = a.q - Q / 2;
        bezier(e, 'self', [r0 - 10, q0], [r0 - 22, q0 - 28], [r0 + 22, q0 - 28], [r0 + 10, q0]);
      } else if (order.back.has(e.id)) {
        // Arcs run outside the band of nodes, so they never cross a state in between.
        const c = bandEnd + o.arcStep * (span(e) + 1);
        bezier(e, 'back', [a.r - R / 6, a.q + Q / 2], [a.r - R / 6, c], [b.r + R / 6, c], [b.r + R / 6, b.q + Q / 2]);
      } else if (span(e) > 1) {
        const c = bandStart - o.arcStep * (span(e) + 1);
        bezier(e, 'skip', [a.r + R / 6, a.q - Q / 2], [a.r + R / 6, c], [b.r - R / 6, c], [b.r - R / 6, b.q - Q / 2]);
      } else {
        const m = (a.r + R / 2 + b.r - R / 2) / 2;
        bezier(e, 'forward', [a.r + R / 2, a.q], [m, a.q], [m, b.q], [b.r - R / 2, b.q]);
      }
    }

    const extent = bandEnd + after - cursor;
    spans.push({ id: lane.id, start: cursor, extent, columns: order.columns });
    maxColumns = Math.max(maxColumns, order.columns);
    cursor += extent + o.laneGap;
  }

  for (const e of crossEdges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) throw new Error(`cross edge ${e.id} joins unknown nodes`);
    const s = b.q >= a.q ? 1 : -1;
    const q1 = a.q + (s * Q) / 2;
    const q2 = b.q - (s * Q) / 2;
    const m = (q1 + q2) / 2;
    bezier(e, 'cross', [a.r, q1], [a.r, m], [b.r, m], [b.r, q2]);
  }

  const rankExtent = rankStart + maxColumns * pitchR - o.rankGap + o.padding;
  const orderExtent = cursor - o.laneGap + o.padding;
  const [width, height] = xy([rankExtent, orderExtent]);
  const placed: PlacedLane[] = spans.map((l) => {
    const [x, y] = xy([4, l.start]);
    const [w, h] = xy([rankExtent - 8, l.extent]);
    return { id: l.id, x, y, width: w, height: h, columns: l.columns };
  });
  return { direction: o.direction, nodes, edges, lanes: placed, width, height };
}
