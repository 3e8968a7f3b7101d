import type { ActorType } from '../../sim/machines/index.ts';
import type { Metric, Slot } from '../../sim/metrics.ts';
import type { RunSeries } from '../../sim/series.ts';
import type { LayoutEdgeInput, LayoutLaneInput } from './layout.ts';
import { metricAt } from './live.ts';

/**
 * Flows between actor types (MODEL.md "Actors"; ¶10-14): final buyers buy from
 * employers, employers hire through recruiters, recruiters bring workers;
 * reports become cases and cases end in sanctions that feed back on employers,
 * clients and recruiters. This is the structure of the model, given as data;
 * positions come from the layered layout, magnitudes from the run's metrics.
 */

/** A number read from a series at a week: a metric summed over slots, or agents in one state. */
export type Measure =
  | { readonly metric: Metric; readonly slots?: readonly Slot[] }
  | { readonly actor: ActorType; readonly state: string };

export type OverviewNodeId =
  | 'consumers' | 'clients' | 'corporateBuyers' | 'employers' | 'recruiters' | 'workers'
  | 'inspection' | 'reports' | 'cases' | 'sanctions';

export type OverviewLaneId = 'market' | 'enforcement';

export interface OverviewNode {
  readonly id: OverviewNodeId;
  readonly lane: OverviewLaneId;
  /** The actor machine this node opens, if any. */
  readonly actor?: ActorType;
  readonly measure: Measure;
  /** The actor type whose agents the measure counts a part of: shown as "{count} of {total}". Per-week flows have none. */
  readonly total?: ActorType;
}

/** `trade`: units or transactions per week; `people`: workers, reports or cases per week. */
export type FlowFamily = 'trade' | 'people';

/** One flow between actor types; its label is `overviewEdges[id]` in the flows catalogue. */
export interface OverviewFlow extends LayoutEdgeInput {
  /** `${from}->${to}` */
  readonly id: string;
  readonly from: OverviewNodeId;
  readonly to: OverviewNodeId;
  readonly family: FlowFamily;
  readonly measure: Measure;
  /** Part of the flow that is tainted by trafficked labour, drawn inside it. */
  readonly tainted?: Measure;
}

const GOODS: readonly Slot[] = ['agriculture', 'manufacturing'];

/** Node order is the order of the lanes' nodes in the layout (ties keep it). */
export const OVERVIEW_NODES: readonly OverviewNode[] = [
  { id: 'consumers', lane: 'market', actor: 'consumer', measure: { actor: 'consumer', state: 'avoiding' }, total: 'consumer' },
  { id: 'clients', lane: 'market', actor: 'client', measure: { actor: 'client', state: 'market.buying' }, total: 'client' },
  { id: 'corporateBuyers', lane: 'market', actor: 'corporateBuyer', measure: { actor: 'corporateBuyer', state: 'certified' }, total: 'corporateBuyer' },
  { id: 'employers', lane: 'market', actor: 'employer', measure: { metric: 'exploitingEmployers' }, total: 'employer' },
  { id: 'recruiters', lane: 'market', actor: 'recruiter', measure: { metric: 'exploitativeRecruiters' }, total: 'recruiter' },
  { id: 'workers', lane: 'market', actor: 'worker', measure: { metric: 'victimsInExploitation' }, total: 'worker' },
  { id: 'inspection', lane: 'enforcement', measure: { metric: 'victimsIdentified' } },
  { id: 'reports', lane: 'enforcement', measure: { metric: 'reports' } },
  { id: 'cases', lane: 'enforcement', actor: 'case', measure: { metric: 'prosecutions' } },
  { id: 'sanctions', lane: 'enforcement', measure: { metric: 'convictions' } },
];

const flow = (from: OverviewNodeId, to: OverviewNodeId, family: FlowFamily, measure: Measure, tainted?: Measure): OverviewFlow =>
  ({ id: `${from}->${to}`, from, to, family, measure, tainted });

/**
 * Every flow between actor types, in one table. Flows within the market and
 * within enforcement come first; then reports from the market side, and
 * sanctions back on those liable (¶16, ¶20, ¶38), which cross between lanes.
 */
export const OVERVIEW_FLOWS: readonly OverviewFlow[] = [
  flow('consumers', 'corporateBuyers', 'trade', { metric: 'marketVolume', slots: GOODS }, { metric: 'consumerDemand', slots: GOODS }),
  flow('corporateBuyers', 'employers', 'trade', { metric: 'marketVolume', slots: GOODS }, { metric: 'consumerDemand', slots: GOODS }),
  flow('clients', 'employers', 'trade', { metric: 'marketVolume', slots: ['sexual'] }, { metric: 'consumerDemand', slots: ['sexual'] }),
  flow('employers', 'recruiters', 'people', { metric: 'derivedDemand' }),
  flow('recruiters', 'workers', 'people', { metric: 'newlyTrafficked' }),
  flow('inspection', 'reports', 'people', { metric: 'reportsByInspectors' }),
  flow('reports', 'cases', 'people', { metric: 'casesOpened' }),
  flow('cases', 'sanctions', 'people', { metric: 'convictions' }),
  flow('consumers', 'reports', 'people', { metric: 'reportsByConsumers' }),
  flow('clients', 'reports', 'people', { metric: 'reportsByClients' }),
  flow('corporateBuyers', 'reports', 'people', { metric: 'reportsByAuditors' }),
  flow('workers', 'reports', 'people', { metric: 'reportsByWorkers' }),
  flow('sanctions', 'employers', 'people', { metric: 'convictionsOfEmployers' }),
  flow('sanctions', 'clients', 'people', { metric: 'convictionsOfClients' }),
  flow('sanctions', 'recruiters', 'people', { metric: 'convictionsOfRecruiters' }),
];

const laneOf = new Map(OVERVIEW_NODES.map((n) => [n.id, n.lane]));
const within = (f: OverviewFlow) => laneOf.get(f.from) === laneOf.get(f.to);

/** The overview's lanes, read from the nodes and the flow table: each lane starts where no flow within it arrives. */
export const OVERVIEW_LANES: readonly LayoutLaneInput[] = [...new Set(OVERVIEW_NODES.map((n) => n.lane))].map((lane) => {
  const nodes = OVERVIEW_NODES.filter((n) => n.lane === lane).map((n) => n.id);
  const edges = OVERVIEW_FLOWS.filter((f) => within(f) && laneOf.get(f.from) === lane);
  return { id: lane, nodes, roots: nodes.filter((n) => !edges.some((f) => f.to === n)), edges };
});

/** Flows between the lanes (reports from the market, sanctions back on it). */
export const OVERVIEW_CROSS_FLOWS: readonly OverviewFlow[] = OVERVIEW_FLOWS.filter((f) => !within(f));

/**
 * Reads a measure. `stateCounts` gives agents per state path for an actor
 * type at the week (see live.ts), so state measures need no second lookup.
 */
export function measureAt(series: RunSeries, week: number, m: Measure, stateCounts: (actor: ActorType) => ReadonlyMap<string, number>): number {
  if ('metric' in m) return (m.slots ?? ['total']).reduce((sum, s) => sum + metricAt(series, m.metric, week, s), 0);
  return stateCounts(m.actor).get(m.state) ?? 0;
}
