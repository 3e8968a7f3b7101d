import { canonicalStringify } from '../scenario/hash.ts';
import type { Lesson, StepState, Target } from '../lesson/index.ts';
import type { Workspace } from './workspace.svelte.ts';

/**
 * The lesson runner: puts the workspace in the state a lesson's step
 * describes (src/lesson/load.ts resolves it from the file): its scenario and
 * levers, runs, view, results and pins. The text and claims are in the file;
 * the panel (Lesson.svelte) shows them and points at the step's target.
 */
export async function applyStep(ws: Workspace, lesson: Lesson, states: readonly (StepState | null)[], index: number): Promise<void> {
  const step = lesson.steps[index];
  const state = states[index];
  if (state) {
    if (!showsState(ws, state)) openState(ws, state);
    ws.view = state.view === 'compare' || state.view === 'flows' ? 'charts' : state.view;
    if (!ws.sim.finished(ws.editor.key)) await ws.run({ play: false });
    if (step.pin && ws.sim.current?.done && !ws.pins.list.some((p) => p.run?.key === ws.sim.current?.key)) {
      if (ws.pins.full) ws.pins.unpin(ws.pins.list[0].id);
      ws.pin();
    }
    // The whole run on screen: the lesson talks about results, not an animation.
    ws.playback.cursor = ws.weeks;
  }
  ws.view = step.view ?? state?.view ?? ws.view;
}

/** The workspace already shows the step's scenario with its number of runs. */
function showsState(ws: Workspace, state: StepState): boolean {
  return ws.editor.runs === state.runs && canonicalStringify(ws.editor.scenario) === canonicalStringify(state.scenario);
}

function openState(ws: Workspace, state: StepState): void {
  if ('preset' in state.base) ws.loadPreset(state.base.preset);
  else ws.editor.open(state.base.inline, { presetId: 'file' });
  for (const [path, value] of state.sets) ws.editor.set(path, value);
  ws.editor.setRuns(state.runs);
}

/** A name for the target, put on the element pointed at (`data-lesson-pointed`) for tests and researchers. */
export function targetName(t: Target): string {
  if ('chart' in t) return `chart:${t.chart}`;
  if ('compareRow' in t) return `compareRow:${t.compareRow}`;
  if ('actor' in t) return `actor:${t.actor}${t.state ? `.${t.state}` : ''}`;
  return `testid:${t.testid}`;
}

/** The element a target names, once its view is on screen (opening an actor's diagram first). */
export function findTarget(t: Target, doc: Document = document): HTMLElement | SVGElement | null {
  const byTestid = (id: string) => doc.querySelector<HTMLElement>(`[data-testid="${CSS.escape(id)}"]`);
  if ('chart' in t) return byTestid(`chart-${t.chart}`);
  if ('compareRow' in t) return doc.querySelector<HTMLElement>(`[data-testid^="cell-${CSS.escape(t.compareRow)}-"]`)?.closest('tr') ?? byTestid('compare-table');
  if ('actor' in t) {
    const tab = byTestid(`flow-tab-${t.actor}`);
    if (tab && tab.getAttribute('aria-pressed') !== 'true') tab.click();
    const diagram = doc.querySelector<SVGElement>(`[data-testid="flow-diagram"][data-view="${t.actor}"]`);
    if (!diagram) return null;
    return t.state ? diagram.querySelector<SVGElement>(`[data-testid="flow-node-${CSS.escape(t.state)}"]`) : diagram;
  }
  return byTestid(t.testid);
}
