import { scenarioHash } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { i18n, LOCALES, type Locale } from '../messages/index.ts';
import type { ScenarioEditor } from './editor.svelte.ts';
import { entryMode, type EntryMark } from './history.ts';
import { notice, type Notices } from './notices.svelte.ts';
import {
  readKey,
  restoreSaved,
  restoreWorkspace,
  SAVED_KEY,
  serialiseSaved,
  serialiseWorkspace,
  ADDRESSES_KEPT,
  WORKSPACE_KEY,
  writeKey,
  type Grouping,
  type KeyValueStore,
  type SavedScenario,
} from './persist.ts';
import type { Pins } from './pins.svelte.ts';
import type { Playback } from './playback.svelte.ts';
import type { Preset } from './presets.ts';
import { decodeShareLink, encodeShareHash, type View } from './share.ts';

/**
 * What outlives the page: the workspace in local storage (written a moment
 * after each change), the user's saved scenarios, and the share link in the
 * location hash, which is also the page's browser history: each scenario
 * state the user commits is an entry, so Back and Forward move between them
 * inside the app (issue 10, point 10). The pure formats are in ./persist.ts,
 * ./share.ts and ./history.ts.
 */

export interface LocationPort {
  getHash(): string;
  /** Shows `hash` in the address bar: as a new history entry (`push`) or in place of the current one. */
  setHash(hash: string, mode?: 'push' | 'replace'): void;
  /**
   * How the page was opened. `reload`: its address may lag the last change
   * (the address is written a moment after it, and not while the page
   * unloads), so the workspace saved on leaving wins over that address.
   * `back_forward`: Back or Forward into an entry of an earlier page (before
   * a reload): its state is shown like any move through history.
   */
  navigation?(): 'reload' | 'back_forward' | 'navigate';
  /** The history entry shown was written by the app (so Back or Forward led to it), not a link typed or pasted. */
  ownEntry?(): boolean;
}

/** What the workspace does with results when the scenario on screen changes through history or a reload. */
export interface ResultsPort {
  /** The results on screen may be needed again: keep them (by run key) if they are finished. */
  remember(): void;
  /** Show finished results for what the levers now show, from memory if at hand, else compute them. */
  show(): void;
}

export interface PersistenceEnv {
  readonly storage: KeyValueStore | null;
  /** Reads and writes the location hash (share links, browser history); absent in tests. */
  readonly location?: LocationPort;
  readonly presets: readonly Preset[];
  readonly notices: Notices;
  readonly editor: ScenarioEditor;
  readonly playback: Playback;
  readonly pins: Pins;
  /**
   * The lever panel's grouping, Live mode, the view shown and the interface
   * language, saved with the workspace (the view and the language also in links).
   */
  readonly layout: { grouping: Grouping; live: boolean; view: View; locale?: Locale };
  /** A run is in progress (saved, so that a reload mid-run starts it again). */
  readonly running?: () => boolean;
  readonly results?: ResultsPort;
}

/** Delay between a change and writing it, in ms: a slider drag writes once. */
const PERSIST_MS = 250;
/** History entries remembered with what the address bar cannot hold (the preset a state came from). */
const ENTRIES_KEPT = 200;

interface EntryInfo {
  readonly presetId: string;
  readonly reference: Scenario;
}

export class Persistence {
  readonly #env: PersistenceEnv;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastHash = '';
  /** The addresses this page wrote last, newest last (saved: a reload may lag the newest). */
  #written: string[] = [];
  /** The history entry shown: its hash and undo step. */
  #mark: EntryMark | null = null;
  /** Hashes this page wrote to its history, with the preset each state came from. */
  readonly #entries = new Map<string, EntryInfo>();

  saved = $state.raw<readonly SavedScenario[]>([]);
  /**
   * The page opened on a state whose results are wanted at once: the
   * workspace was mid-run when the page went away (a reload), or Back or
   * Forward led into an entry of an earlier page. The workspace computes
   * them (issue 10, point 10). Read once, after `restore`.
   */
  shouldResume = false;

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

  /** Writes the workspace to storage and the state to the URL hash (a new history entry for a new undo step). */
  persistNow(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const { editor, playback, pins, layout, storage, notices } = this.#env;
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
        pins: pins.specs,
        view: layout.view,
        locale: layout.locale,
        running: this.#env.running?.() ?? false,
        // What the address bar shows before this write (it may not catch up if the page is unloading).
        address: this.#lastHash,
        // And those it wrote just before: a reload that began before the last of them reloads an older one.
        addresses: [...this.#written, this.shareHash()].slice(-ADDRESSES_KEPT),
      }),
    );
    if (!ok && storage) notices.say(notice('storage-full', 'warning', () => i18n.t('msg.storage.full')));
    this.#writeHash();
  }

  #writeHash(): void {
    const { editor, location } = this.#env;
    const hash = this.shareHash();
    const next: EntryMark = { hash, step: editor.history.past.at(-1) ?? null, runs: editor.runs };
    const mode = entryMode(this.#mark, next);
    // Results on screen now belong to the entry being left: Back shows them again at once.
    if (mode === 'push') this.#env.results?.remember();
    this.#mark = next;
    this.#lastHash = hash;
    this.#remember(hash);
    this.#wrote(hash);
    if (mode !== 'none') location?.setHash(hash, mode);
  }

  #wrote(hash: string): void {
    if (this.#written.at(-1) === hash) return;
    this.#written.push(hash);
    if (this.#written.length > ADDRESSES_KEPT) this.#written.shift();
  }

  #remember(hash: string): void {
    const { editor } = this.#env;
    this.#entries.delete(hash);
    this.#entries.set(hash, { presetId: editor.presetId, reference: editor.reference });
    if (this.#entries.size > ENTRIES_KEPT) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  saveCurrent(): void {
    const { editor, notices } = this.#env;
    const id = `${Date.now().toString(36)}-${this.saved.length}`;
    const entry: SavedScenario = { id, savedAt: new Date().toISOString(), scenario: editor.scenario };
    this.saved = [...this.saved.filter((s) => s.scenario.name !== editor.scenario.name), entry];
    editor.savedAs(`saved:${id}`);
    if (!writeKey(this.#env.storage, SAVED_KEY, serialiseSaved(this.saved))) {
      notices.say(notice('storage-full', 'warning', () => i18n.t('msg.storage.full')));
    } else {
      notices.say(notice('saved', 'info', () => i18n.t('msg.saved', { name: editor.scenario.name })));
    }
    this.schedule();
  }

  deleteSaved(id: string): void {
    this.saved = this.saved.filter((s) => s.id !== id);
    writeKey(this.#env.storage, SAVED_KEY, serialiseSaved(this.saved));
    if (this.#env.editor.presetId === `saved:${id}`) this.#env.editor.presetId = 'file';
  }

  /** The share link of the workspace (the whole URL's hash part): scenario, runs, pinned packages, view and language. */
  shareHash(): string {
    const { editor, pins, layout } = this.#env;
    return encodeShareHash(editor.scenario, editor.runs, { pins: pins.specs, view: layout.view, locale: layout.locale });
  }

  /**
   * Called when the location hash changes (hashchange, popstate): Back and
   * Forward to a state this page wrote show that state again, with its
   * results; another link (pasted in the address bar) is opened.
   */
  onHashChange(): void {
    const hash = this.#env.location?.getHash() ?? '';
    if (hash === this.#lastHash) return;
    // An entry this page wrote, or one the app wrote before a reload (the page no longer knows its preset).
    const entry = this.#entries.get(hash) ?? (this.#env.location?.ownEntry?.() ? this.#entryOf(hash) : undefined);
    if (entry) this.#travel(hash, entry);
    else this.#openLink(hash, true);
  }

  #entryOf(hash: string): EntryInfo | undefined {
    const link = decodeShareLink(hash).scenario;
    if (link.kind !== 'ok') return undefined;
    const presetId = this.#env.presets.find((p) => scenarioHash(p.scenario) === scenarioHash(link.scenario))?.id ?? 'link';
    return { presetId, reference: link.scenario };
  }

  /** Back or Forward to a state of this page's history: its scenario and runs (pins and view stay as they are). */
  #travel(hash: string, entry: EntryInfo): void {
    const { editor, results } = this.#env;
    const link = decodeShareLink(hash).scenario;
    if (link.kind !== 'ok') return;
    results?.remember();
    editor.open(link.scenario, { presetId: entry.presetId, runs: link.runs });
    editor.reference = entry.reference;
    this.#settle(hash);
    results?.show();
  }

  /** The address bar shows `hash` and it is the entry shown: the next write replaces it rather than pushing. */
  #settle(hash: string): void {
    const { editor } = this.#env;
    this.#mark = { hash, step: editor.history.past.at(-1) ?? null, runs: editor.runs };
    this.#lastHash = hash;
    this.#remember(hash);
    this.#wrote(hash);
  }

  /** Reads back the saved scenarios, the workspace and then the link the page was opened with. */
  restore(): void {
    const { storage, notices, editor, playback, pins, layout } = this.#env;
    if (!storage) notices.say(notice('storage-unavailable', 'warning', () => i18n.t('msg.storage.unavailable')));
    const saved = restoreSaved(readKey(storage, SAVED_KEY));
    this.saved = saved.list;
    if (saved.dropped > 0) notices.say(notice('saved-list-corrupt', 'warning', () => i18n.t('msg.saved.listCorrupt', { n: saved.dropped })));

    const ws = restoreWorkspace(readKey(storage, WORKSPACE_KEY));
    let running = false;
    if (ws.kind === 'ok') {
      const s = ws.state;
      editor.restore({ scenario: s.scenario, reference: s.reference ?? s.scenario, presetId: s.presetId, runs: s.runs });
      playback.speed = s.speed;
      layout.grouping = s.grouping;
      layout.live = s.live ?? true;
      if (s.view) layout.view = s.view;
      if (s.locale) layout.locale = s.locale;
      pins.restore(s.pins);
      running = s.running === true;
    } else if (ws.kind === 'corrupt') {
      notices.say(notice('saved-corrupt', 'error', () => i18n.t('msg.saved.corrupt')));
    } else if (ws.kind === 'invalid') {
      notices.say(notice('saved-invalid', 'error', () => i18n.t('msg.saved.invalid'), { problems: ws.problems }));
    }
    const restoredKey = editor.key;
    const hash = this.#env.location?.getHash() ?? '';
    const how = this.#env.location?.navigation?.() ?? 'navigate';
    // The page's own address (a reload) is the workspace just restored: nothing to open.
    const own = hash === this.shareHash() || (ws.kind === 'ok' && how === 'reload' && (hash === ws.state.address || (ws.state.addresses ?? []).includes(hash)));
    let travelled = false;
    if (hash !== '' && !own) {
      travelled = how === 'back_forward' && ws.kind === 'ok' && this.#travelAtStart(hash);
      if (!travelled) this.#openLink(hash, false);
    }
    // A reload mid-run starts the run again, unless a link replaced what was running; Back or Forward shows results.
    this.shouldResume = (running && editor.key === restoredKey) || travelled;
    // The first history entry: the state the page opened with.
    this.#writeHash();
  }

  /** Back or Forward into an entry of an earlier page: its scenario and runs, no notice; false if it is not a readable state. */
  #travelAtStart(hash: string): boolean {
    const { editor, presets } = this.#env;
    const link = decodeShareLink(hash).scenario;
    if (link.kind !== 'ok') return false;
    const presetId = presets.find((p) => scenarioHash(p.scenario) === scenarioHash(link.scenario))?.id ?? 'link';
    editor.open(link.scenario, { presetId, runs: link.runs, record: false });
    return true;
  }

  #openLink(hash: string, recordHistory: boolean): void {
    const { notices, editor, presets, pins, layout } = this.#env;
    const link = decodeShareLink(hash);
    // The language first, so that the notices below are in it; a link without one keeps the language shown.
    if (link.locale) layout.locale = link.locale;
    else if (link.badLocale !== null) {
      const got = link.badLocale;
      notices.say(notice('link-bad-locale', 'warning', () => i18n.t('msg.link.badLocale', { got, expected: LOCALES.join(', ') })));
    }
    const s = link.scenario;
    if (s.kind === 'none') {
      // A link that only names a language (`#l=zh`): the address shows the whole workspace again.
      if (link.locale || link.badLocale !== null) this.schedule();
      return;
    }
    if (s.kind === 'ok') {
      const presetId = presets.find((p) => scenarioHash(p.scenario) === scenarioHash(s.scenario))?.id ?? 'link';
      editor.open(s.scenario, { presetId, runs: s.runs, record: recordHistory });
      const shared = link.pins.kind === 'ok' ? link.pins.pins : [];
      const replaced = pins.list.length;
      if (shared.length > 0) {
        pins.restore(shared);
        this.schedule();
      }
      if (link.view) layout.view = link.view;
      this.#settle(hash.startsWith('#') ? hash : `#${hash}`);
      const text = () =>
        shared.length === 0
          ? i18n.t('msg.link.loaded', { name: s.scenario.name, seed: s.scenario.seed })
          : i18n.t(replaced > 0 ? 'msg.link.loadedPinsReplaced' : 'msg.link.loadedPins', { name: s.scenario.name, seed: s.scenario.seed, n: shared.length, before: replaced });
      notices.say(notice('link-loaded', 'info', text, { details: s.warnings }));
      if (link.pins.kind === 'damaged') notices.say(notice('link-pins-damaged', 'warning', () => i18n.t('msg.link.pinsDamaged')));
      else if (link.pins.kind === 'ok' && link.pins.dropped > 0) {
        const n = link.pins.dropped;
        notices.say(notice('link-pins-dropped', 'warning', () => i18n.t('msg.link.pinsDropped', { n }), { problems: link.pins.problems }));
      }
      return;
    }
    if (s.kind === 'corrupt') notices.say(notice('link-corrupt', 'error', () => i18n.t('msg.link.corrupt')));
    else if (s.kind === 'json') notices.say(notice('link-json', 'error', () => i18n.t('msg.link.json', { detail: s.problems[0]?.message ?? '' }), { problems: s.problems }));
    else notices.say(notice('link-invalid', 'error', () => i18n.t('msg.link.invalid'), { problems: s.problems }));
    // The address bar should show the work that is kept, not the broken link.
    this.schedule();
  }
}
