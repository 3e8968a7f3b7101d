import type { AnyStateMachine } from 'xstate';

/**
 * The diagram of an actor machine, read from the xstate definition itself
 * (machine.root, its child state nodes and their transitions), never drawn by
 * hand. A parallel machine gives one lane per region; any other machine one
 * lane. Node ids are state paths as the compiler writes them (`aware`,
 * `market.buying`), so live counts can be matched to compiled states.
 */

export interface GraphEdge {
  /** `${from}->${to}` */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Events that move an agent from `from` to `to`, in definition order. */
  readonly events: readonly string[];
  /** Events of this edge whose transition has a guard (taken only where the guard holds). */
  readonly guarded: readonly string[];
}

export interface GraphLane {
  /** Region path ('' for a machine without parallel regions). */
  readonly id: string;
  /** Node ids of the lane's atomic and final states, in definition order. */
  readonly nodes: readonly string[];
  readonly initial: string;
  readonly final: readonly string[];
  readonly edges: readonly GraphEdge[];
}

export interface MachineGraph {
  readonly id: string;
  readonly lanes: readonly GraphLane[];
}

/** The subset of xstate's StateNode this module reads. */
interface StateNodeLike {
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly path: readonly string[];
  readonly parent?: StateNodeLike;
  readonly states: Record<string, StateNodeLike>;
  readonly initial?: { readonly target: readonly StateNodeLike[] };
  readonly transitions: Map<string, readonly { readonly target?: readonly StateNodeLike[]; readonly guard?: unknown }[]>;
}

const pathOf = (node: StateNodeLike): string => node.path.join('.');

/** The atomic state an agent lands in when it enters `node`. */
function settle(node: StateNodeLike): StateNodeLike {
  let n = node;
  while (n.type === 'compound' && n.initial) n = n.initial.target[0];
  return n;
}

function leaves(node: StateNodeLike): StateNodeLike[] {
  if (node.type === 'atomic' || node.type === 'final') return [node];
  return Object.values(node.states).flatMap(leaves);
}

/** Events each state handles, innermost first, as xstate selects them (a parent's handler applies unless a child overrides it). */
function handlers(leaf: StateNodeLike, stop: StateNodeLike): Map<string, { target?: readonly StateNodeLike[]; guard?: unknown }[]> {
  const out = new Map<string, { target?: readonly StateNodeLike[]; guard?: unknown }[]>();
  for (let n: StateNodeLike | undefined = leaf; n; n = n.parent) {
    for (const [event, list] of n.transitions) if (!out.has(event)) out.set(event, [...list]);
    if (n === stop) break;
  }
  return out;
}

function laneOf(region: StateNodeLike, scope: StateNodeLike): GraphLane {
  const nodes = leaves(region);
  const ids = new Set(nodes.map(pathOf));
  const edges = new Map<string, { from: string; to: string; events: string[]; guarded: string[] }>();
  for (const leaf of nodes) {
    // A final child of the root ends the machine: it takes no more events.
    if (leaf.type === 'final' && leaf.parent === scope) continue;
    // Transitions of the machine root apply in every region they target; those
    // of ancestors between the root and the region apply within it.
    for (const [event, list] of handlers(leaf, scope)) {
      for (const t of list) {
        for (const target of t.target ?? []) {
          const to = pathOf(settle(target));
          if (!ids.has(to)) continue;
          const from = pathOf(leaf);
          const id = `${from}->${to}`;
          const edge = edges.get(id) ?? { from, to, events: [], guarded: [] };
          if (!edge.events.includes(event)) edge.events.push(event);
          if (t.guard && !edge.guarded.includes(event)) edge.guarded.push(event);
          edges.set(id, edge);
        }
      }
    }
  }
  return {
    id: region === scope && region.type !== 'parallel' ? '' : pathOf(region),
    nodes: nodes.map(pathOf),
    initial: pathOf(settle(region)),
    final: nodes.filter((n) => n.type === 'final').map(pathOf),
    edges: [...edges].map(([id, e]) => ({ id, ...e })),
  };
}

/** Reads the states and transitions of a machine into lanes of nodes and edges. */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const root = machine.root as unknown as StateNodeLike;
  const regions = root.type === 'parallel' ? Object.values(root.states) : [root];
  return { id: machine.id, lanes: regions.map((r) => laneOf(r, root)) };
}
