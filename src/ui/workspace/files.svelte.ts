import { MAX_SCENARIO_BYTES, parseScenarioText, toCanonicalJSON, toMinimalInput, validateScenario, type Problem } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { i18n } from '../messages/index.ts';
import type { ScenarioEditor } from './editor.svelte.ts';
import { notice, type Notices } from './notices.svelte.ts';
import { clampRuns, isView, MAX_PINS, type SharedPin, type View } from './share.ts';

/**
 * Scenario files: opening one from disk (its problems shown inline next to the
 * upload control, the current work kept) and the JSON of the one being edited.
 * A comparison file (issue 10, point 3) holds the scenario with its runs, the
 * pinned packages and the view; opening one restores them all.
 */

/** Marks a comparison file and its format version. */
export const COMPARISON_FORMAT = 1;

/** The pins and the view a comparison file carries, read and written through the workspace. */
export interface ComparisonPort {
  pins(): readonly SharedPin[];
  runs(): number;
  view(): View;
  open(pins: readonly SharedPin[], view: View | null): void;
}

export type ComparisonRead =
  | { readonly ok: true; readonly scenario: Scenario; readonly runs: number; readonly pins: readonly SharedPin[]; readonly view: View | null; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON of a comparison file: scenario and pins in their minimal form (defaults left out). */
export function comparisonJSON(scenario: Scenario, runs: number, pins: readonly SharedPin[], view: View): string {
  const doc = {
    comparison: COMPARISON_FORMAT,
    runs: clampRuns(runs),
    view,
    scenario: toMinimalInput(scenario),
    pins: pins.slice(0, MAX_PINS).map((p) => ({ runs: clampRuns(p.runs), scenario: toMinimalInput(p.scenario) })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const prefixed = (p: Problem, where: string): Problem => {
  const path = p.path === '(root)' ? where : `${where}.${p.path}`;
  return { ...p, path, message: p.message.startsWith(p.path) ? path + p.message.slice(p.path.length) : `${path}: ${p.message}` };
};

/** Reads a parsed comparison file: every problem at once, each with its path (`scenario.…`, `pins[1].…`). */
export function readComparison(raw: Record<string, unknown>): ComparisonRead {
  const problems: Problem[] = [];
  if (raw.comparison !== COMPARISON_FORMAT) {
    problems.push({ path: 'comparison', expected: String(COMPARISON_FORMAT), got: JSON.stringify(raw.comparison) ?? 'nothing', message: `comparison: expected format ${COMPARISON_FORMAT}, got ${JSON.stringify(raw.comparison)}` });
  }
  const main = validateScenario(raw.scenario);
  if (!main.ok) problems.push(...main.problems.map((p) => prefixed(p, 'scenario')));
  const pins: SharedPin[] = [];
  const list = raw.pins === undefined ? [] : raw.pins;
  if (!Array.isArray(list)) problems.push({ path: 'pins', expected: 'a list of pinned packages', got: typeof list, message: `pins: expected a list of pinned packages, got ${typeof list}` });
  else {
    if (list.length > MAX_PINS) problems.push({ path: 'pins', expected: `at most ${MAX_PINS} packages`, got: String(list.length), message: `pins: expected at most ${MAX_PINS} packages, got ${list.length}` });
    list.slice(0, MAX_PINS).forEach((entry: unknown, i) => {
      const where = `pins[${i}]`;
      const checked = isRecord(entry) ? validateScenario(entry.scenario) : null;
      if (checked?.ok && isRecord(entry)) pins.push({ scenario: checked.scenario, runs: clampRuns(entry.runs ?? 1) });
      else if (checked && !checked.ok) problems.push(...checked.problems.map((p) => prefixed(p, `${where}.scenario`)));
      else problems.push({ path: where, expected: 'a pinned package { runs, scenario }', got: typeof entry, message: `${where}: expected a pinned package, got ${typeof entry}` });
    });
  }
  if (problems.length > 0 || !main.ok) return { ok: false, problems };
  return { ok: true, scenario: main.scenario, runs: clampRuns(raw.runs ?? 1), pins, view: isView(raw.view) ? raw.view : null, warnings: main.warnings };
}

export class ScenarioFiles {
  readonly #editor: ScenarioEditor;
  readonly #notices: Notices;
  readonly #comparison: ComparisonPort | null;

  /** Problems of the last file upload, shown inline next to the upload control. */
  uploadProblems = $state.raw<{ file: string; problems: readonly Problem[] } | null>(null);

  constructor(editor: ScenarioEditor, notices: Notices, comparison: ComparisonPort | null = null) {
    this.#editor = editor;
    this.#notices = notices;
    this.#comparison = comparison;
  }

  scenarioJSON(): string {
    return toCanonicalJSON(this.#editor.scenario);
  }

  /** The comparison file of the workspace: the scenario, its runs, the pinned packages and the view. */
  comparisonJSON(): string {
    const c = this.#comparison;
    return comparisonJSON(this.#editor.scenario, c?.runs() ?? this.#editor.runs, c?.pins() ?? [], c?.view() ?? 'charts');
  }

  /** Opens a scenario or comparison file; on problems the current work is kept and the problems shown inline. */
  openText(text: string, file: string): boolean {
    const comparison = this.#comparison ? asComparison(text) : null;
    if (comparison) return this.#openComparison(comparison, file);
    const result = parseScenarioText(text, file);
    if (!result.ok) {
      this.uploadProblems = { file, problems: result.problems };
      return false;
    }
    this.uploadProblems = null;
    this.#editor.open(result.scenario, { presetId: 'file' });
    this.#notices.say(notice('upload-loaded', 'info', () => i18n.t('msg.upload.loaded', { name: result.scenario.name }), { details: result.warnings }));
    return true;
  }

  #openComparison(raw: Record<string, unknown>, file: string): boolean {
    const read = readComparison(raw);
    if (!read.ok) {
      this.uploadProblems = { file, problems: read.problems };
      return false;
    }
    this.uploadProblems = null;
    this.#editor.open(read.scenario, { presetId: 'file', runs: read.runs });
    this.#comparison!.open(read.pins, read.view);
    this.#notices.say(notice('upload-loaded', 'info', () => i18n.t('msg.upload.loadedWorkspace', { name: read.scenario.name, n: read.pins.length }), { details: read.warnings }));
    return true;
  }

  async openFile(file: File): Promise<boolean> {
    if (file.size > MAX_SCENARIO_BYTES) {
      const message = i18n.t('msg.upload.tooLarge', { size: i18n.bytes(file.size), limit: i18n.bytes(MAX_SCENARIO_BYTES) });
      this.uploadProblems = { file: file.name, problems: [{ path: '(root)', expected: `at most ${i18n.bytes(MAX_SCENARIO_BYTES)}`, got: i18n.bytes(file.size), message }] };
      return false;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.uploadProblems = { file: file.name, problems: [{ path: '(root)', expected: 'a readable file', got: 'an unreadable file', message: i18n.t('msg.upload.read') }] };
      return false;
    }
    return this.openText(text, file.name);
  }
}

/** The parsed object when the text is a comparison file (a `comparison` key at the top), else null (read as a scenario). */
function asComparison(text: string): Record<string, unknown> | null {
  if (!/"comparison"\s*:/.test(text.slice(0, 200))) return null;
  try {
    const raw: unknown = JSON.parse(text);
    return isRecord(raw) && 'comparison' in raw ? raw : null;
  } catch {
    return null;
  }
}
