import { COMPILED } from '../../sim/compile.ts';
import { ACTOR_TYPES, type ActorType } from '../../sim/machines/index.ts';
import { format, numberFormats, type NumberFormats } from '../messages/format.ts';
import { FLOWS_EN, type FlowsCatalogue } from './catalogue.ts';
import { FONT, linesHeight, linesWidth, NODE_PAD_BOTTOM, NODE_PAD_TOP, NODE_PAD_X, type TextLine } from './fit.ts';
import { machineGraph, type MachineGraph } from './graph.ts';
import { layoutLanes, type Direction, type FlowLayout, type LayoutOptions } from './layout.ts';
import { OVERVIEW_CROSS_FLOWS, OVERVIEW_FLOWS, OVERVIEW_LANES, OVERVIEW_NODES, type OverviewNodeId } from './overview.ts';
import { placeLabels, type DiagramText, type PlacedLabels } from './placement.ts';

export type FlowView = 'overview' | ActorType;

/** A diagram laid out in both directions (the component picks the one that fits), with its labels placed. */
export interface FlowDiagram {
  readonly view: FlowView;
  readonly layouts: Readonly<Record<Direction, FlowLayout>>;
  readonly labels: Readonly<Record<Direction, PlacedLabels>>;
}

export interface ActorDiagram extends FlowDiagram {
  readonly type: ActorType;
  readonly graph: MachineGraph;
}

/** A node's live value: agents, their share of the lane, and the population they are part of. */
export interface NodeValue {
  readonly count: number;
  readonly share?: number;
  readonly total?: number;
}

export type LineKind = 'name' | 'count' | 'measure' | 'edge' | 'value';

export interface DrawnLine extends TextLine {
  readonly kind: LineKind;
}

/** Values that give the widest text a node or edge can show (7 digits with a separator, 4 for a share). */
const WIDEST: NodeValue = { count: 999_999, share: 0.999, total: 999_999 };

const line = (kind: LineKind, text: string): DrawnLine => ({ kind, text, size: FONT[kind === 'edge' || kind === 'value' ? 'edge' : kind] });

/** The lines of a node, top to bottom; the count line only once there are numbers. */
export function nodeLines(catalogue: FlowsCatalogue, view: FlowView, id: string, value: NodeValue | undefined, numbers: NumberFormats): DrawnLine[] {
  const L = catalogue.labels;
  if (view === 'overview') {
    const n = L.overviewNodes[id as OverviewNodeId];
    const count = value === undefined ? [] : [line('count', value.total !== undefined ? format(L.countOfTotal, { count: numbers.num(value.count), total: numbers.num(value.total) }) : numbers.num(value.count))];
    return [line('name', n?.name ?? id), ...count, line('measure', n?.measure ?? '')];
  }
  const title = line('name', catalogue.explanations[`${view}.${id}`]?.title ?? id);
  if (value === undefined) return [title];
  const count = value.share !== undefined ? format(L.agentsInState, { count: numbers.num(value.count), share: numbers.percent(value.share) }) : numbers.num(value.count);
  return [title, line('count', count)];
}

/** An edge's name: the overview flow's, or the events that move agents along it (guarded ones marked *). */
export function edgeName(catalogue: FlowsCatalogue, view: FlowView, id: string, graph: MachineGraph | undefined): string {
  const L = catalogue.labels;
  if (view === 'overview' || !graph) return L.overviewEdges[id] ?? id;
  const e = graph.lanes.flatMap((l) => l.edges).find((x) => x.id === id);
  const name = (e?.events ?? []).map((ev) => L.events[`${view}.${ev}`] ?? ev).join(' / ');
  return e && e.guarded.length > 0 ? `${name} *` : name;
}

export function edgeLines(name: string, flow: number | undefined, numbers: NumberFormats): DrawnLine[] {
  return flow === undefined ? [line('edge', name)] : [line('edge', name), line('value', numbers.num(flow))];
}

export function laneTitle(catalogue: FlowsCatalogue, view: FlowView, id: string): string | undefined {
  const L = catalogue.labels;
  if (view === 'overview') return L.overviewLanes[id] ?? id;
  return id ? (L.regions[`${view}.${id}`] ?? id) : undefined;
}

/** Lanes with a title (parallel regions, the overview's halves) get room for it. */
const LANE_HEADER = 28;

function diagram(catalogue: FlowsCatalogue, view: FlowView, graph: MachineGraph | undefined, build: (size: Partial<LayoutOptions>, labelGap: number, loopGap: number) => Record<Direction, FlowLayout>, minWidth: number): FlowDiagram {
  const numbers = numberFormats(catalogue.locale);
  const hasTotal = new Set(OVERVIEW_NODES.filter((n) => n.total).map((n) => n.id as string));
  const widest = (id: string) => nodeLines(catalogue, view, id, view === 'overview' && !hasTotal.has(id) ? { count: WIDEST.count } : WIDEST, numbers);
  const text: DiagramText = {
    node: widest,
    edge: (id) => edgeLines(edgeName(catalogue, view, id, graph), WIDEST.count, numbers),
    lane: (id) => laneTitle(catalogue, view, id),
  };
  const ids = graph ? graph.lanes.flatMap((l) => l.nodes) : OVERVIEW_NODES.map((n) => n.id);
  // Every node of a diagram gets the size of its widest and tallest text.
  const nodeWidth = Math.ceil(Math.max(minWidth, ...ids.map((id) => linesWidth(widest(id)) + 2 * NODE_PAD_X)));
  const nodeHeight = Math.ceil(Math.max(...ids.map((id) => NODE_PAD_TOP + linesHeight(widest(id)) + NODE_PAD_BOTTOM)));
  // Left to right, a forward flow's label sits between its two ranks: the gap takes the widest.
  const edgeIds = graph ? graph.lanes.flatMap((l) => l.edges.map((e) => e.id)) : OVERVIEW_FLOWS.map((f) => f.id);
  const labelWidth = Math.ceil(Math.max(0, ...edgeIds.map((id) => linesWidth(text.edge(id)))));
  // Top to bottom, self loops sit beside their node, across the flow: their labels need that room.
  const loopIds = graph ? graph.lanes.flatMap((l) => l.edges.filter((e) => e.from === e.to).map((e) => e.id)) : [];
  const loopWidth = Math.ceil(Math.max(0, ...loopIds.map((id) => linesWidth(text.edge(id)))));
  const layouts = build({ nodeWidth, nodeHeight }, labelWidth + 16, loopWidth + 16);
  return { view, layouts, labels: { lr: placeLabels(layouts.lr, text), tb: placeLabels(layouts.tb, text) } };
}

export function actorDiagram(type: ActorType, catalogue: FlowsCatalogue = FLOWS_EN): ActorDiagram {
  const graph = machineGraph(COMPILED[type]);
  const lanes = graph.lanes.map((l) => ({ id: l.id, nodes: l.nodes, roots: [l.initial], edges: l.edges }));
  const laneHeader = graph.lanes.some((l) => l.id) ? LANE_HEADER : 0;
  const d = diagram(catalogue, type, graph, (size, labelGap, loopGap) => ({
    lr: layoutLanes(lanes, [], { direction: 'lr', laneHeader, ...size, rankGap: Math.max(84, labelGap) }),
    tb: layoutLanes(lanes, [], { direction: 'tb', laneHeader, rankGap: 64, orderGap: 56, laneGap: 40, arcStep: 20, loopRoom: Math.max(30, loopGap), arcRoom: labelGap + 30, ...size }),
  }), 120);
  return { ...d, type, graph };
}

/** The flows between actor types, laid out from the one table of flows (overview.ts). */
export function overviewDiagram(catalogue: FlowsCatalogue = FLOWS_EN): FlowDiagram {
  return diagram(catalogue, 'overview', undefined, (size, labelGap) => ({
    lr: layoutLanes(OVERVIEW_LANES, OVERVIEW_CROSS_FLOWS, { direction: 'lr', rankGap: Math.max(96, labelGap), orderGap: 34, laneGap: 120, laneHeader: LANE_HEADER, arcStep: 10, ...size }),
    tb: layoutLanes(OVERVIEW_LANES, OVERVIEW_CROSS_FLOWS, { direction: 'tb', rankGap: 70, orderGap: 32, laneGap: 96, laneHeader: LANE_HEADER, arcStep: 10, ...size }),
  }), 150);
}

export interface FlowDiagrams {
  readonly overview: FlowDiagram;
  readonly actors: Readonly<Record<ActorType, ActorDiagram>>;
}

const byCatalogue = new WeakMap<FlowsCatalogue, FlowDiagrams>();

/** Every diagram, sized for one catalogue's text; computed once per catalogue. */
export function flowDiagrams(catalogue: FlowsCatalogue): FlowDiagrams {
  let d = byCatalogue.get(catalogue);
  if (!d) {
    const actors = Object.fromEntries(ACTOR_TYPES.map((t) => [t, actorDiagram(t, catalogue)])) as Record<ActorType, ActorDiagram>;
    byCatalogue.set(catalogue, (d = { overview: overviewDiagram(catalogue), actors }));
  }
  return d;
}

/** Every actor machine's diagram in English. */
export const ACTOR_DIAGRAMS: Readonly<Record<ActorType, ActorDiagram>> = flowDiagrams(FLOWS_EN).actors;

export const OVERVIEW_LAYOUTS: Readonly<Record<Direction, FlowLayout>> = flowDiagrams(FLOWS_EN).overview.layouts;
