import type { Workspace, View } from './workspace.svelte.ts';

/**
 * The trainers' lesson: a few steps that load presets, run them and point at
 * the part of the screen that shows the idea. Text lives in the catalogue as
 * `lesson.<n>.title` / `lesson.<n>.body`.
 */
export interface LessonStep {
  readonly n: number;
  /** data-testid of the element to point at. */
  readonly target: string;
  readonly view: View;
  /** What the step does to the workspace when it opens. */
  readonly action?: (ws: Workspace) => Promise<void>;
}

const runPreset = (id: string, pin = false) => async (ws: Workspace) => {
  ws.loadPreset(id);
  ws.view = 'charts';
  await ws.run();
  if (pin && ws.sim.current?.done && !ws.pins.list.some((p) => p.run?.key === ws.sim.current?.key)) {
    if (ws.pins.full) ws.pins.unpin(ws.pins.list[0].id);
    ws.pins.pin();
  }
};

export const LESSON: readonly LessonStep[] = [
  { n: 1, target: 'chart-demand', view: 'charts', action: runPreset('baseline') },
  { n: 2, target: 'chart-demand', view: 'charts', action: runPreset('awareness-campaign', true) },
  { n: 3, target: 'chart-demand', view: 'charts', action: runPreset('supply-chain-due-diligence', true) },
  { n: 4, target: 'actor-flows', view: 'flows' },
  { n: 5, target: 'compare-table', view: 'compare' },
];
