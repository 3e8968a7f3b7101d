import { COMPILED } from '../../sim/compile.ts';
import { ACTOR_TYPES, type ActorType } from '../../sim/machines/index.ts';
import { machineGraph, type MachineGraph } from './graph.ts';
import { layoutLanes, type Direction, type FlowLayout } from './layout.ts';
import { OVERVIEW_CROSS_FLOWS, OVERVIEW_LANES } from './overview.ts';

/** A machine's graph and its layouts in both directions (the component picks the one that fits). */
export interface ActorDiagram {
  readonly type: ActorType;
  readonly graph: MachineGraph;
  readonly layouts: Readonly<Record<Direction, FlowLayout>>;
}

/** Lanes with a title (parallel regions) get room for it. */
const LANE_HEADER = 26;

export function actorDiagram(type: ActorType): ActorDiagram {
  const graph = machineGraph(COMPILED[type]);
  const lanes = graph.lanes.map((l) => ({ id: l.id, nodes: l.nodes, roots: [l.initial], edges: l.edges }));
  const laneHeader = graph.lanes.some((l) => l.id) ? LANE_HEADER : 0;
  return {
    type,
    graph,
    layouts: {
      lr: layoutLanes(lanes, [], { direction: 'lr', laneHeader }),
      tb: layoutLanes(lanes, [], { direction: 'tb', laneHeader, rankGap: 64, orderGap: 56, laneGap: 40, arcStep: 20 }),
    },
  };
}

/** Every actor machine's diagram, computed once from the machine definitions. */
export const ACTOR_DIAGRAMS: Readonly<Record<ActorType, ActorDiagram>> = Object.fromEntries(
  ACTOR_TYPES.map((t) => [t, actorDiagram(t)]),
) as Record<ActorType, ActorDiagram>;

/** The flows between actor types, laid out from the one table of flows (overview.ts). */
export const OVERVIEW_LAYOUTS: Readonly<Record<Direction, FlowLayout>> = {
  lr: layoutLanes(OVERVIEW_LANES, OVERVIEW_CROSS_FLOWS, {
    direction: 'lr', nodeWidth: 168, nodeHeight: 60, rankGap: 96, orderGap: 34, laneGap: 120, laneHeader: LANE_HEADER, arcStep: 10,
  }),
  tb: layoutLanes(OVERVIEW_LANES, OVERVIEW_CROSS_FLOWS, {
    direction: 'tb', nodeWidth: 168, nodeHeight: 60, rankGap: 70, orderGap: 40, laneGap: 150, laneHeader: LANE_HEADER, arcStep: 10,
  }),
};
