import { validateScenario, type Problem } from '../../scenario/load.ts';
import { getAtPath, setAtPath } from '../../scenario/path.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { canRedo, canUndo, emptyHistory, record, redo, undo, type History } from './history.ts';
import { BASELINE_ID } from './presets.ts';
import { runKey } from './run-key.ts';
import { clampRuns, DEFAULT_RUNS } from './share.ts';

/**
 * The scenario being edited, with the number of Monte Carlo runs it is run
 * with, what its "differs from preset" markers compare against, and its
 * undo/redo history (the pure stacks are in ./history.ts).
 */

export interface EditorEnv {
  /** The scenario a new workspace starts from. */
  readonly initial: Scenario;
  readonly now: () => number;
  /** Called after every change worth saving. */
  readonly onChange: () => void;
  /** Called when a box starts or stops holding text that is not applied (Live waits for none). */
  readonly onDraftsChange?: () => void;
}

/** How a whole scenario is opened (preset, saved scenario, file, link, pin). */
export interface OpenOptions {
  /** What the scenario selector shows: a preset id, `saved:<id>`, `file` or `link`. */
  readonly presetId: string;
  readonly runs?: number;
  /** False when opening is not an undo step (a link read at start-up). */
  readonly record?: boolean;
}

/**
 * A field whose box holds text that is not applied (out of range, not a
 * number, refused by the validator). While one is held the screen and the
 * scenario disagree, so Run and Pin wait for it to be fixed or reverted.
 */
export interface InvalidDraft {
  /** The field's key: its scenario path, `runs`, or a sub-field such as `<campaign>.fromWeek`. */
  readonly path: string;
  /** The field's name as its label shows it. */
  readonly label: string;
  /** What the box holds. */
  readonly text: string;
  /** Why it is not applied: one sentence, in the field's words. */
  readonly message: string;
}

/** The key of the number-of-runs box among the drafts (not a scenario path: runs are not part of the scenario). */
export const RUNS_FIELD = 'runs';

/** The registry of invalid drafts, in the order they were first made. */
export class Drafts {
  #held = $state.raw<ReadonlyMap<string, InvalidDraft>>(new Map());
  readonly #onChange: () => void;

  constructor(onChange: () => void = () => {}) {
    this.#onChange = onChange;
  }

  get list(): readonly InvalidDraft[] {
    return [...this.#held.values()];
  }

  get count(): number {
    return this.#held.size;
  }

  get(path: string): InvalidDraft | undefined {
    return this.#held.get(path);
  }

  hold(draft: InvalidDraft): void {
    this.#held = new Map(this.#held).set(draft.path, draft);
    this.#onChange();
  }

  /** The field at `path` (and, with `under`, every field below it) shows its applied value again. */
  drop(path: string, under = false): void {
    const gone = [...this.#held.keys()].filter((k) => k === path || (under && k.startsWith(`${path}.`)));
    if (gone.length === 0) return;
    const next = new Map(this.#held);
    for (const k of gone) next.delete(k);
    this.#held = next;
    this.#onChange();
  }

  clear(): void {
    if (this.#held.size === 0) return;
    this.#held = new Map();
    this.#onChange();
  }
}

export class ScenarioEditor {
  readonly #env: EditorEnv;
  /** Boxes whose text is not applied; the scenario itself only ever holds valid, applied values. */
  readonly drafts: Drafts;

  /** The scenario being edited (always valid: edits are validated before they land). */
  scenario = $state.raw<Scenario>(undefined as unknown as Scenario);
  /** What "differs from preset" markers compare against: the preset, saved scenario, link or file last opened. */
  reference = $state.raw<Scenario>(undefined as unknown as Scenario);
  presetId = $state<string>(BASELINE_ID);
  runs = $state(DEFAULT_RUNS);
  history = $state.raw<History<Scenario>>(emptyHistory());

  constructor(env: EditorEnv) {
    this.#env = env;
    this.drafts = new Drafts(() => env.onDraftsChange?.());
    this.scenario = env.initial;
    this.reference = env.initial;
  }

  /** Identity of what the levers show: the scenario's hash and the number of runs (hashing is not free, so derived once). */
  readonly key = $derived(runKey(this.scenario, this.runs));

  get canUndo(): boolean {
    return canUndo(this.history);
  }

  get canRedo(): boolean {
    return canRedo(this.history);
  }

  get(path: string): unknown {
    return getAtPath(this.scenario, path.split('.'));
  }

  referenceValue(path: string): unknown {
    return getAtPath(this.reference, path.split('.'));
  }

  /**
   * Sets one field. The candidate scenario is validated first; on problems
   * nothing changes and the problems are returned for the control to show.
   */
  set(path: string, value: unknown): readonly Problem[] {
    const candidate = setAtPath(this.scenario, path.split('.'), value);
    const checked = validateScenario(candidate);
    if (!checked.ok) return checked.problems;
    // The field (and any box within it, such as a campaign's weeks) shows the applied value again.
    this.drafts.drop(path, true);
    this.#replace(checked.scenario, path);
    return [];
  }

  /** Puts every field under `prefix` (or the whole scenario) back to the reference value. */
  resetToReference(path: string): void {
    this.set(path, structuredClone(this.referenceValue(path)));
  }

  /** Opens a whole scenario: it becomes the reference, and (unless told not to) one undo step. */
  open(scenario: Scenario, options: OpenOptions): void {
    this.presetId = options.presetId;
    this.reference = scenario;
    if (options.runs !== undefined) this.runs = options.runs;
    // A new scenario on screen: boxes show its values, not what was typed for the old one.
    this.drafts.clear();
    this.#replace(scenario, null, options.record ?? true);
  }

  /** The scenario was saved as `presetId`: it becomes the reference its markers compare against. */
  savedAs(presetId: string): void {
    this.presetId = presetId;
    this.reference = this.scenario;
  }

  /** Puts back a workspace read from storage: no undo step, nothing to save. */
  restore(state: { scenario: Scenario; reference: Scenario; presetId: string; runs: number }): void {
    this.scenario = state.scenario;
    this.reference = state.reference;
    this.presetId = state.presetId;
    this.runs = state.runs;
    this.drafts.clear();
  }

  setRuns(n: number): void {
    this.drafts.drop(RUNS_FIELD);
    this.runs = clampRuns(n);
    this.#env.onChange();
  }

  undo(): void {
    this.#step(undo(this.history, this.scenario));
  }

  redo(): void {
    this.#step(redo(this.history, this.scenario));
  }

  #step(r: { value: Scenario; history: History<Scenario> } | null): void {
    if (!r) return;
    this.drafts.clear();
    this.history = r.history;
    this.scenario = r.value;
    this.#env.onChange();
  }

  /** Replaces the whole scenario, recording history unless told not to. */
  #replace(next: Scenario, historyKey: string | null, recordHistory = true): void {
    if (recordHistory) this.history = record(this.history, this.scenario, historyKey, this.#env.now());
    this.scenario = next;
    this.#env.onChange();
  }
}
