import type { CompiledActor } from '../../sim/compile.ts';
import type { RunSeries } from '../../sim/series.ts';
import { nodeId, type MachineGraph } from './graph.ts';

/**
 * Live numbers for a flow diagram at one week: agents per state (from
 * RunSeries.states) and events per edge (from RunSeries.transitions). Compiled
 * states of parallel machines are configurations such as
 * `awareness.aware|market.buying`; each one counts towards one node per region.
 */

export interface LiveFlows {
  /** Agents in each node (state path) at the end of the week. */
  readonly counts: ReadonlyMap<string, number>;
  /** Agents per lane (the same for every lane of a parallel machine). */
  readonly laneTotals: ReadonlyMap<string, number>;
  /** Agents that moved along each edge during the week. */
  readonly flows: ReadonlyMap<string, number>;
}

export type CompiledShape = Pick<CompiledActor, 'states' | 'events' | 'regions'>;

/** The week to show: within the series, and no later than `week`. */
export function clampWeek(series: Pick<RunSeries, 'weeks'>, week: number): number {
  if (!Number.isFinite(week)) return 0;
  return Math.max(0, Math.min(series.weeks - 1, Math.floor(week)));
}

/** Which nodes each compiled state counts towards, and which edges each (state, event) cell feeds; built once per diagram. */
interface FlowIndex {
  readonly nodes: readonly string[];
  readonly laneOfNode: readonly number[];
  readonly edges: readonly string[];
  readonly nodesOfState: readonly (readonly number[])[];
  readonly edgesOfCell: readonly (readonly number[])[];
}

const indexes = new WeakMap<MachineGraph, WeakMap<CompiledShape, FlowIndex>>();

function flowIndex(graph: MachineGraph, compiled: CompiledShape): FlowIndex {
  let byCompiled = indexes.get(graph);
  if (!byCompiled) indexes.set(graph, (byCompiled = new WeakMap()));
  const known = byCompiled.get(compiled);
  if (known) return known;
  const nodes = graph.lanes.flatMap((l) => l.nodes);
  const laneOfNode = graph.lanes.flatMap((l, i) => l.nodes.map(() => i));
  const edges = graph.lanes.flatMap((l) => l.edges.map((e) => e.id));
  const edgeBy = new Map<string, number>();
  for (const lane of graph.lanes) {
    for (const e of lane.edges) for (const ev of e.events) if (!edgeBy.has(`${e.from}|${ev}`)) edgeBy.set(`${e.from}|${ev}`, edges.indexOf(e.id));
  }
  const nodesOfState = compiled.states.map((key, s) =>
    Object.entries(compiled.regions[s]).map(([r, leaf]) => {
      const i = nodes.indexOf(nodeId(r, leaf));
      if (i < 0) throw new Error(`${graph.id}: compiled state ${key} has no node ${nodeId(r, leaf)} in the diagram`);
      return i;
    }),
  );
  const edgesOfCell = nodesOfState.flatMap((ns) =>
    compiled.events.map((ev) => ns.map((n) => edgeBy.get(`${nodes[n]}|${ev}`)).filter((e): e is number => e !== undefined)),
  );
  const index = { nodes, laneOfNode, edges, nodesOfState, edgesOfCell };
  byCompiled.set(compiled, index);
  return index;
}

export function liveFlows(
  graph: MachineGraph,
  compiled: CompiledShape,
  states: Float64Array,
  transitions: Float64Array,
  week: number,
): LiveFlows {
  const ix = flowIndex(graph, compiled);
  const nS = compiled.states.length;
  const cells = ix.edgesOfCell.length;
  const counts = new Float64Array(ix.nodes.length);
  const lanes = new Float64Array(graph.lanes.length);
  const flows = new Float64Array(ix.edges.length);
  for (let s = 0; s < nS; s++) {
    const count = states[week * nS + s] ?? 0;
    for (const n of ix.nodesOfState[s]) counts[n] += count;
  }
  for (let n = 0; n < ix.nodes.length; n++) lanes[ix.laneOfNode[n]] += counts[n];
  // Each agent counts once per lane: a lane's total is the sum over its nodes.
  for (let c = 0; c < cells; c++) {
    const fired = transitions[week * cells + c] ?? 0;
    if (fired !== 0) for (const e of ix.edgesOfCell[c]) flows[e] += fired;
  }
  return {
    counts: new Map(ix.nodes.map((n, i) => [n, counts[i]])),
    laneTotals: new Map(graph.lanes.map((l, i) => [l.id, lanes[i]])),
    flows: new Map(ix.edges.map((e, i) => [e, flows[i]])),
  };
}

/** The largest flow on any edge in weeks [0, weeks): the top of a stable width scale. */
export function peakFlow(graph: MachineGraph, compiled: CompiledShape, transitions: Float64Array, weeks: number): number {
  const ix = flowIndex(graph, compiled);
  const cells = ix.edgesOfCell.length;
  const flows = new Float64Array(ix.edges.length);
  let peak = 0;
  for (let w = 0; w < weeks; w++) {
    flows.fill(0);
    for (let c = 0; c < cells; c++) {
      const fired = transitions[w * cells + c] ?? 0;
      if (fired !== 0) for (const e of ix.edgesOfCell[c]) flows[e] += fired;
    }
    for (let e = 0; e < flows.length; e++) if (flows[e] > peak) peak = flows[e];
  }
  return peak;
}

/** One metric slot at one week (the series' own accessor, named for the flows). */
export { metricAt } from '../../sim/series.ts';
