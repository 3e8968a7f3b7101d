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

export interface OverviewNode {
  readonly id: OverviewNodeId;
  /** The actor machine this node opens, if any. */
  readonly actor?: ActorType;
  readonly measure: Measure;
}

/** `trade`: units or transactions per week; `people`: workers, reports or cases per week. */
export type FlowFamily = 'trade' | 'people';

export interface OverviewEdge extends LayoutEdgeInput {
  readonly from: OverviewNodeId;
  readonly to: OverviewNodeId;
  readonly family: FlowFamily;
  readonly measure: Measure;
  /** Part of the flow that is tainted by trafficked labour, drawn inside it. */
  readonly tainted?: Measure;
}

const GOODS: readonly Slot[] = ['agriculture', 'manufacturing'];

export const OVERVIEW_NODES: readonly OverviewNode[] = [
  { id: 'consumers', actor: 'consumer', measure: { actor: 'consumer', state: 'avoiding' } },
  { id: 'clients', actor: 'client', measure: { actor: 'client', state: 'market.buying' } },
  { id: 'corporateBuyers', actor: 'corporateBuyer', measure: { actor: 'corporateBuyer', state: 'certified' } },
  { id: 'employers', actor: 'employer', measure: { metric: 'exploitingEmployers' } },
  { id: 'recruiters', actor: 'recruiter', measure: { metric: 'exploitativeRecruiters' } },
  { id: 'workers', actor: 'worker', measure: { metric: 'victimsInExploitation' } },
  { id: 'inspection', measure: { metric: 'victimsIdentified' } },
  { id: 'reports', measure: { metric: 'reports' } },
  { id: 'cases', actor: 'case', measure: { metric: 'prosecutions' } },
  { id: 'sanctions', measure: { metric: 'convictions' } },
];

const edge = (from: OverviewNodeId, to: OverviewNodeId, family: FlowFamily, measure: Measure, tainted?: Measure): OverviewEdge =>
  ({ id: `${from}->${to}`, from, to, family, measure, tainted });

/** Flows within the market and within enforcement. */
export const OVERVIEW_EDGES: readonly OverviewEdge[] = [
  edge('consumers', 'corporateBuyers', 'trade', { metric: 'marketVolume', slots: GOODS }, { metric: 'consumerDemand', slots: GOODS }),
  edge('corporateBuyers', 'employers', 'trade', { metric: 'marketVolume', slots: GOODS }, { metric: 'consumerDemand', slots: GOODS }),
  edge('clients', 'employers', 'trade', { metric: 'marketVolume', slots: ['sexual'] }, { metric: 'consumerDemand', slots: ['sexual'] }),
  edge('employers', 'recruiters', 'people', { metric: 'derivedDemand' }),
  edge('recruiters', 'workers', 'people', { metric: 'newlyTrafficked' }),
  edge('inspection', 'reports', 'people', { metric: 'reportsByInspectors' }),
  edge('reports', 'cases', 'people', { metric: 'casesOpened' }),
  edge('cases', 'sanctions', 'people', { metric: 'convictions' }),
];

/** Reports from the market side, and sanctions back on those liable (¶16, ¶20, ¶38). */
export const OVERVIEW_CROSS_EDGES: readonly OverviewEdge[] = [
  edge('consumers', 'reports', 'people', { metric: 'reportsByConsumers' }),
  edge('clients', 'reports', 'people', { metric: 'reportsByClients' }),
  edge('corporateBuyers', 'reports', 'people', { metric: 'reportsByAuditors' }),
  edge('workers', 'reports', 'people', { metric: 'reportsByWorkers' }),
  edge('sanctions', 'employers', 'people', { metric: 'convictionsOfEmployers' }),
  edge('sanctions', 'clients', 'people', { metric: 'convictionsOfClients' }),
  edge('sanctions', 'recruiters', 'people', { metric: 'convictionsOfRecruiters' }),
];

const MARKET: readonly OverviewNodeId[] = ['consumers', 'clients', 'corporateBuyers', 'employers', 'recruiters', 'workers'];
const ENFORCEMENT: readonly OverviewNodeId[] = ['inspection', 'reports', 'cases', 'sanctions'];

export const OVERVIEW_LANES: readonly LayoutLaneInput[] = [
  { id: 'market', nodes: MARKET, roots: ['consumers', 'clients'], edges: OVERVIEW_EDGES.filter((e) => MARKET.includes(e.from)) },
  { id: 'enforcement', nodes: ENFORCEMENT, roots: ['inspection'], edges: OVERVIEW_EDGES.filter((e) => ENFORCEMENT.includes(e.from)) },
];

/**
 * Reads a measure. `stateCounts` gives agents per state path for an actor
 * type at the week (see live.ts), so state measures need no second lookup.
 */
export function measureAt(series: RunSeries, week: number, m: Measure, stateCounts: (actor: ActorType) => ReadonlyMap<string, number>): number {
  if ('metric' in m) return (m.slots ?? ['total']).reduce((sum, s) => sum + metricAt(series, m.metric, week, s), 0);
  return stateCounts(m.actor).get(m.state) ?? 0;
}
