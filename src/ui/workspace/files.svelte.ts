import { MAX_SCENARIO_BYTES, parseScenarioText, toCanonicalJSON, type Problem } from '../../scenario/load.ts';
import { i18n } from '../messages/index.ts';
import type { ScenarioEditor } from './editor.svelte.ts';
import { notice, type Notices } from './notices.svelte.ts';

/**
 * Scenario files: opening one from disk (its problems shown inline next to the
 * upload control, the current work kept) and the JSON of the one being edited.
 */
export class ScenarioFiles {
  readonly #editor: ScenarioEditor;
  readonly #notices: Notices;

  /** Problems of the last file upload, shown inline next to the upload control. */
  uploadProblems = $state.raw<{ file: string; problems: readonly Problem[] } | null>(null);

  constructor(editor: ScenarioEditor, notices: Notices) {
    this.#editor = editor;
    this.#notices = notices;
  }

  scenarioJSON(): string {
    return toCanonicalJSON(this.#editor.scenario);
  }

  /** Opens a scenario file; on problems the current work is kept and the problems shown inline. */
  openText(text: string, file: string): boolean {
    const result = parseScenarioText(text, file);
    if (!result.ok) {
      this.uploadProblems = { file, problems: result.problems };
      return false;
    }
    this.uploadProblems = null;
    this.#editor.open(result.scenario, { presetId: 'file' });
    this.#notices.say(notice('upload-loaded', 'info', i18n.t('msg.upload.loaded', { name: result.scenario.name }), { details: result.warnings }));
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
