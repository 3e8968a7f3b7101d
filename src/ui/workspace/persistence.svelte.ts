import { scenarioHash } from '../../scenario/load.ts';
import { i18n } from '../messages/index.ts';
import type { ScenarioEditor } from './editor.svelte.ts';
import { notice, type Notices } from './notices.svelte.ts';
import {
  readKey,
  restoreSaved,
  restoreWorkspace,
  SAVED_KEY,
  serialiseSaved,
  serialiseWorkspace,
  WORKSPACE_KEY,
  writeKey,
  type Grouping,
  type KeyValueStore,
  type SavedScenario,
} from './persist.ts';
import type { Pins } from './pins.svelte.ts';
import type { Playback } from './playback.svelte.ts';
import type { Preset } from './presets.ts';
import { decodeShareHash, encodeShareHash } from './share.ts';

/**
 * What outlives the page: the workspace in local storage (written a moment
 * after each change), the user's saved scenarios, and the share link in the
 * location hash. The pure formats are in ./persist.ts and ./share.ts.
 */

export interface PersistenceEnv {
  readonly storage: KeyValueStore | null;
  /** Reads and writes the location hash (share links); absent in tests. */
  readonly location?: { getHash(): string; setHash(hash: string): void };
  readonly presets: readonly Preset[];
  readonly notices: Notices;
  readonly editor: ScenarioEditor;
  readonly playback: Playback;
  readonly pins: Pins;
  /** The lever panel's grouping and Live mode, saved with the workspace. */
  readonly layout: { grouping: Grouping; live: boolean };
}

/** Delay between a change and writing it, in ms: a slider drag writes once. */
const PERSIST_MS = 250;

export class Persistence {
  readonly #env: PersistenceEnv;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastHash = '';

  saved = $state.raw<readonly SavedScenario[]>([]);

  constructor(env: PersistenceEnv) {
    this.#env = env;
  }

  /** Writes the workspace a moment from now (once for a burst of changes). */
  schedule(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.persistNow();
    }, PERSIST_MS);
  }

  /** Writes the workspace to storage and the scenario to the URL hash. */
  persistNow(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const { editor, playback, pins, layout, storage, location, notices } = this.#env;
    const ok = writeKey(
      storage,
      WORKSPACE_KEY,
      serialiseWorkspace({
        scenario: editor.scenario,
        reference: editor.reference,
        presetId: editor.presetId,
        runs: editor.runs,
        speed: playback.speed,
        grouping: layout.grouping,
        live: layout.live,
        pins: pins.list.map((p) => ({ id: p.id, scenario: p.scenario, runs: p.runs })),
      }),
    );
    if (!ok && storage) notices.say(notice('storage-full', 'warning', i18n.t('msg.storage.full')));
    this.#lastHash = encodeShareHash(editor.scenario, editor.runs);
    location?.setHash(this.#lastHash);
  }

  saveCurrent(): void {
    const { editor, notices } = this.#env;
    const id = `${Date.now().toString(36)}-${this.saved.length}`;
    const entry: SavedScenario = { id, savedAt: new Date().toISOString(), scenario: editor.scenario };
    this.saved = [...this.saved.filter((s) => s.scenario.name !== editor.scenario.name), entry];
    editor.savedAs(`saved:${id}`);
    if (!writeKey(this.#env.storage, SAVED_KEY, serialiseSaved(this.saved))) {
      notices.say(notice('storage-full', 'warning', i18n.t('msg.storage.full')));
    } else {
      notices.say(notice('saved', 'info', i18n.t('msg.saved', { name: editor.scenario.name })));
    }
    this.schedule();
  }

  deleteSaved(id: string): void {
    this.saved = this.saved.filter((s) => s.id !== id);
    writeKey(this.#env.storage, SAVED_KEY, serialiseSaved(this.saved));
    if (this.#env.editor.presetId === `saved:${id}`) this.#env.editor.presetId = 'file';
  }

  /** The share link of the current scenario (the whole URL's hash part). */
  shareHash(): string {
    return encodeShareHash(this.#env.editor.scenario, this.#env.editor.runs);
  }

  /** Called when the location hash changes: opens a pasted link, ignores our own updates. */
  onHashChange(): void {
    const hash = this.#env.location?.getHash() ?? '';
    if (hash === this.#lastHash) return;
    this.#openLink(hash, true);
  }

  /** Reads back the saved scenarios, the workspace and then the link the page was opened with. */
  restore(): void {
    const { storage, notices, editor, playback, pins, layout } = this.#env;
    if (!storage) notices.say(notice('storage-unavailable', 'warning', i18n.t('msg.storage.unavailable')));
    const saved = restoreSaved(readKey(storage, SAVED_KEY));
    this.saved = saved.list;
    if (saved.dropped > 0) notices.say(notice('saved-list-corrupt', 'warning', i18n.t('msg.saved.listCorrupt', { n: saved.dropped })));

    const ws = restoreWorkspace(readKey(storage, WORKSPACE_KEY));
    if (ws.kind === 'ok') {
      const s = ws.state;
      editor.restore({ scenario: s.scenario, reference: s.reference ?? s.scenario, presetId: s.presetId, runs: s.runs });
      playback.speed = s.speed;
      layout.grouping = s.grouping;
      layout.live = s.live ?? true;
      pins.restore(s.pins);
    } else if (ws.kind === 'corrupt') {
      notices.say(notice('saved-corrupt', 'error', i18n.t('msg.saved.corrupt')));
    } else if (ws.kind === 'invalid') {
      notices.say(notice('saved-invalid', 'error', i18n.t('msg.saved.invalid'), { problems: ws.problems }));
    }
    this.#openLink(this.#env.location?.getHash() ?? '', false);
  }

  #openLink(hash: string, recordHistory: boolean): void {
    const { notices, editor, presets } = this.#env;
    const link = decodeShareHash(hash);
    if (link.kind === 'none') return;
    if (link.kind === 'ok') {
      const presetId = presets.find((p) => scenarioHash(p.scenario) === scenarioHash(link.scenario))?.id ?? 'link';
      editor.open(link.scenario, { presetId, runs: link.runs, record: recordHistory });
      this.#lastHash = hash.startsWith('#') ? hash : `#${hash}`;
      notices.say(notice('link-loaded', 'info', i18n.t('msg.link.loaded', { name: link.scenario.name, seed: link.scenario.seed }), { details: link.warnings }));
      return;
    }
    if (link.kind === 'corrupt') notices.say(notice('link-corrupt', 'error', i18n.t('msg.link.corrupt')));
    else if (link.kind === 'json') notices.say(notice('link-json', 'error', i18n.t('msg.link.json', { detail: link.problems[0]?.message ?? '' }), { problems: link.problems }));
    else notices.say(notice('link-invalid', 'error', i18n.t('msg.link.invalid'), { problems: link.problems }));
    // The address bar should show the work that is kept, not the broken link.
    this.schedule();
  }
}
