import type { CompiledActor } from '../../sim/compile.ts';
import type { LayoutEdgeInput, LayoutLaneInput } from './layout.ts';

/**
 * The diagram of an actor machine, read from its compiled tables
 * (src/sim/compile.ts), which xstate's own transition() filled: nothing here
 * selects transitions or lists states by hand, so the diagram shows exactly
 * the moves the engine makes. A parallel machine gives one lane per region;
 * any other machine one lane. Node ids are region paths as the compiler writes
 * them (`aware`, `market.buying`), so live counts match compiled states.
 */

/** An edge `${from}->${to}` between two states of one lane. */
export interface GraphEdge extends LayoutEdgeInput {
  /** Events that move an agent from `from` to `to`, in the machine's event order. */
  readonly events: readonly string[];
  /** Events of this edge taken in some sectors only (a guard reads the sector). */
  readonly guarded: readonly string[];
}

/** A region ('' for a machine without parallel regions); its nodes in the order the compiler reached them. */
export interface GraphLane extends Omit<LayoutLaneInput, 'roots'> {
  readonly initial: string;
  /** Nodes only final configurations hold (agents there never move again). */
  readonly final: readonly string[];
  readonly edges: readonly GraphEdge[];
}

export interface MachineGraph {
  readonly id: string;
  readonly lanes: readonly GraphLane[];
}

/** What the diagram reads of a compiled machine. */
export type CompiledTables = Pick<CompiledActor, 'type' | 'states' | 'events' | 'tables' | 'regions' | 'final'>;

export const nodeId = (region: string, leaf: string): string => (region ? `${region}.${leaf}` : leaf);

/** Compiled states each sector's table reaches from the initial state (index 0). */
function reachable(c: CompiledTables, table: Int16Array): Set<number> {
  const seen = new Set([0]);
  const queue = [0];
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (let e = 0; e < c.events.length; e++) {
      const to = table[s * c.events.length + e];
      if (to >= 0 && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** Reads the lanes, nodes and edges of a machine from its compiled tables. */
export function machineGraph(c: CompiledTables): MachineGraph {
  const regions = Object.keys(c.regions[0]);
  const lanes = regions.map((r) => ({
    id: r,
    nodes: [] as string[],
    held: new Map<string, boolean>(),
    edges: new Map<string, { from: string; to: string; events: Set<number>; guarded: Set<number> }>(),
  }));
  c.regions.forEach((config, s) => {
    for (const lane of lanes) {
      const n = nodeId(lane.id, config[lane.id]);
      if (!lane.held.has(n)) lane.nodes.push(n);
      lane.held.set(n, (lane.held.get(n) ?? true) && c.final[s] === 1);
    }
  });

  const inSector = c.tables.map((t) => reachable(c, t));
  for (let s = 0; s < c.states.length; s++) {
    // The machine is done there: the engine never moves its agents again (xstate would still answer a root handler).
    if (c.final[s] === 1) continue;
    for (let e = 0; e < c.events.length; e++) {
      // Sectors that reach state s, and the move event e makes there in each.
      const moves = c.tables.flatMap((t, k) => (inSector[k].has(s) ? [t[s * c.events.length + e]] : []));
      const accepted = moves.filter((to) => to >= 0);
      if (accepted.length === 0) continue;
      const someSectors = accepted.length < moves.length || accepted.some((to) => to !== accepted[0]);
      for (const to of new Set(accepted)) {
        const moved = lanes.filter((l) => c.regions[s][l.id] !== c.regions[to][l.id]);
        if (moved.length === 0 && lanes.length > 1) {
          throw new Error(`${c.type}: ${c.events[e]} in ${c.states[s]} moves no region; a diagram of regions cannot place it`);
        }
        for (const lane of moved.length > 0 ? moved : lanes) {
          const from = nodeId(lane.id, c.regions[s][lane.id]);
          const target = nodeId(lane.id, c.regions[to][lane.id]);
          const id = `${from}->${target}`;
          const edge = lane.edges.get(id) ?? { from, to: target, events: new Set<number>(), guarded: new Set<number>() };
          edge.events.add(e);
          if (someSectors) edge.guarded.add(e);
          lane.edges.set(id, edge);
        }
      }
    }
  }

  const names = (events: Set<number>) => [...events].sort((a, b) => a - b).map((e) => c.events[e]);
  return {
    id: c.type,
    lanes: lanes.map((l) => ({
      id: l.id,
      nodes: l.nodes,
      initial: nodeId(l.id, c.regions[0][l.id]),
      final: l.nodes.filter((n) => l.held.get(n)),
      edges: [...l.edges].map(([id, e]) => ({ id, from: e.from, to: e.to, events: names(e.events), guarded: names(e.guarded) })),
    })),
  };
}
