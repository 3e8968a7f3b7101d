import { ENGINE_VERSION, SERIES_SHAPE } from '../sim/engine.ts';
import { summarise } from '../sim/stats.ts';
import { toCSV, toOutputDocument } from '../sim/output.ts';
import { BROWSER_LIMITS, checkLimits, type Limits } from '../sim/limits.ts';
import type { SimRunner } from '../sim/runner.ts';
import type { RunSeries } from '../sim/series.ts';
import {
  MAX_SCENARIO_BYTES,
  parseScenarioText,
  scenarioHash,
  toCanonicalJSON,
  validateScenario,
  type Problem,
} from '../scenario/load.ts';
import { getAtPath, setAtPath } from '../scenario/path.ts';
import type { Scenario } from '../scenario/schema.ts';
import { colourAt } from '../charts/palette.ts';
import { i18n } from './messages/index.ts';
import { canRedo, canUndo, emptyHistory, record, redo, undo, type History } from './workspace/history.ts';
import { notice, type Notice } from './workspace/notices.ts';
import { allOrFirstFailure, failureText } from './workspace/failure.ts';
import {
  MAX_PINS,
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
  type Speed,
} from './workspace/persist.ts';
import { BASELINE_ID, baselineFor, type Preset } from './workspace/presets.ts';
import { clampRuns, decodeShareHash, DEFAULT_RUNS, encodeShareHash } from './workspace/share.ts';
import { applyChunk, completeBands, completeRun, createProgressive, sourceOf, type MetricSource, type Progressive } from './workspace/source.ts';

/**
 * The app's state in one rune class (STYLE.md 7). Results live in
 * `$state.raw` and are replaced whole; components only read and call methods.
 * The pure parts (history, persistence, share links, result sources) are
 * plain modules under ./workspace/ with their own tests.
 */

export type View = 'charts' | 'flows' | 'compare';

/** Least time between two playback redraws, in ms (about 15 frames per second: each redraw repaints every chart). */
export const FRAME_MS = 66;

/** Least time between two published snapshots of a streaming run, in ms. */
export const PUBLISH_MS = 250;

/** Weeks of playback per second. */
export const SPEED_WEEKS: Record<Speed, number> = { slow: 10, medium: 26, fast: 52, instant: Infinity };

/** One simulated scenario: its replicates (possibly still streaming) and how to read them. */
export interface RunState {
  readonly key: string;
  readonly scenario: Scenario;
  readonly runs: number;
  readonly progressive: Progressive;
  readonly source: MetricSource;
  readonly done: boolean;
  readonly error: string | null;
}

export interface Pin {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly scenario: Scenario;
  readonly runs: number;
  readonly run: RunState | null;
  readonly baseline: RunState | null;
}

export type Status = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

export interface WorkspaceEnv {
  readonly presets: readonly Preset[];
  readonly createRunner: () => SimRunner;
  readonly storage: KeyValueStore | null;
  /** Reads and writes the location hash (share links); absent in tests. */
  readonly location?: { getHash(): string; setHash(hash: string): void };
  readonly now?: () => number;
  /** Largest run allowed (default: BROWSER_LIMITS). */
  readonly limits?: Limits;
  /** Schedules a playback frame; absent means no animation (tests). */
  readonly frame?: (cb: (t: number) => void) => number;
  /**
   * Schedules the publication of a streamed snapshot (default: `frame`). The
   * app gives it a frame of its own, apart from the chart redraws it causes
   * (issue 3: no main-thread task over 50 ms).
   */
  readonly publishFrame?: (cb: () => void) => void;
}

/** Hashes of scenario objects (immutable: edits make new ones), so pressing Run hashes each scenario once. */
const hashes = new WeakMap<Scenario, string>();
function hashOf(scenario: Scenario): string {
  let h = hashes.get(scenario);
  if (h === undefined) hashes.set(scenario, (h = scenarioHash(scenario)));
  return h;
}
const runKey = (scenario: Scenario, runs: number) => `${hashOf(scenario)}/${runs}`;

export class Workspace {
  readonly presets: readonly Preset[];
  readonly #env: WorkspaceEnv;
  #runner: SimRunner | null = null;
  #abort: AbortController | null = null;
  #persistTimer: ReturnType<typeof setTimeout> | null = null;
  #lastHash = '';
  #loop = 0;
  #lastFrame = 0;
  #computingPins = false;
  /** Playback position between redraws (weeks, fractional). */
  #exact = 0;
  #lastDraw = -Infinity;
  #pendingFlush = new Set<() => void>();
  #flushTimer: ReturnType<typeof setTimeout> | 0 | null = null;
  #lastFlush = -Infinity;

  /** The scenario being edited (always valid: edits are validated before they land). */
  scenario = $state.raw<Scenario>(undefined as unknown as Scenario);
  /** What "differs from preset" markers compare against: the preset, saved scenario, link or file last opened. */
  reference = $state.raw<Scenario>(undefined as unknown as Scenario);
  presetId = $state<string>(BASELINE_ID);
  runs = $state(DEFAULT_RUNS);
  speed = $state<Speed>('medium');
  grouping = $state<Grouping>('level');
  view = $state<View>('charts');
  history = $state.raw<History<Scenario>>(emptyHistory());
  saved = $state.raw<readonly SavedScenario[]>([]);
  notices = $state.raw<readonly Notice[]>([]);
  /** Problems of the last file upload, shown inline next to the upload control. */
  uploadProblems = $state.raw<{ file: string; problems: readonly Problem[] } | null>(null);

  current = $state.raw<RunState | null>(null);
  baseline = $state.raw<RunState | null>(null);
  pins = $state.raw<readonly Pin[]>([]);
  /** Weeks of the current run shown (playback cursor). */
  cursor = $state(0);
  playing = $state(false);
  status = $state<Status>('idle');
  /** Weeks simulated so far / total, over the run and its baseline. */
  progress = $state.raw<{ done: number; total: number }>({ done: 0, total: 0 });

  constructor(env: WorkspaceEnv) {
    this.#env = env;
    this.presets = env.presets;
    const base = this.baselinePreset;
    this.scenario = base;
    this.reference = base;
    this.#restore();
  }

  get baselinePreset(): Scenario {
    return (this.presets.find((p) => p.id === BASELINE_ID) ?? this.presets[0]).scenario;
  }

  get canUndo(): boolean {
    return canUndo(this.history);
  }

  get canRedo(): boolean {
    return canRedo(this.history);
  }

  /** Identity of what the levers show: the scenario's hash and the number of runs (hashing is not free, so derived once). */
  readonly key = $derived(runKey(this.scenario, this.runs));

  /** The current results are for another scenario or number of runs than the one shown in the levers. */
  get stale(): boolean {
    return this.current !== null && this.current.key !== this.key;
  }

  get weeks(): number {
    return this.current?.progressive.weeks ?? this.scenario.weeks;
  }

  /** Weeks drawn: the playback cursor, never past the data. */
  get shownWeeks(): number {
    return Math.min(this.cursor, this.current?.source.knownWeeks ?? 0);
  }

  // ------------------------------------------------------------ notices

  say(n: Notice): void {
    this.notices = [...this.notices.filter((x) => x.code !== n.code), n];
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  // ------------------------------------------------------------ editing

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
    this.#replace(checked.scenario, path);
    return [];
  }

  /** Replaces the whole scenario (preset, file, link, undo), recording history unless told not to. */
  #replace(next: Scenario, historyKey: string | null, recordHistory = true): void {
    if (recordHistory) this.history = record(this.history, this.scenario, historyKey, this.#now());
    this.scenario = next;
    this.#changed();
  }

  undo(): void {
    const r = undo(this.history, this.scenario);
    if (!r) return;
    this.history = r.history;
    this.scenario = r.value;
    this.#changed();
  }

  redo(): void {
    const r = redo(this.history, this.scenario);
    if (!r) return;
    this.history = r.history;
    this.scenario = r.value;
    this.#changed();
  }

  loadPreset(id: string): void {
    const preset = this.presets.find((p) => p.id === id);
    const saved = this.saved.find((s) => `saved:${s.id}` === id);
    const scenario = preset?.scenario ?? saved?.scenario;
    if (!scenario) return;
    this.presetId = id;
    this.reference = scenario;
    this.#replace(scenario, null);
  }

  /** Puts every field under `prefix` (or the whole scenario) back to the reference value. */
  resetToReference(path: string): void {
    this.set(path, structuredClone(this.referenceValue(path)));
  }

  setRuns(n: number): void {
    this.runs = clampRuns(n);
    this.#changed();
  }

  setSpeed(s: Speed): void {
    this.speed = s;
    this.#schedulePersist();
  }

  setGrouping(g: Grouping): void {
    this.grouping = g;
    this.#schedulePersist();
  }

  // ------------------------------------------------------------ files

  scenarioJSON(): string {
    return toCanonicalJSON(this.scenario);
  }

  /** Opens a scenario file; on problems the current work is kept and the problems shown inline. */
  openText(text: string, file: string): boolean {
    const result = parseScenarioText(text, file);
    if (!result.ok) {
      this.uploadProblems = { file, problems: result.problems };
      return false;
    }
    this.uploadProblems = null;
    this.presetId = 'file';
    this.reference = result.scenario;
    this.#replace(result.scenario, null);
    this.say(notice('upload-loaded', 'info', i18n.t('msg.upload.loaded', { name: result.scenario.name }), { details: result.warnings }));
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

  /** The series of the finished run in the CLI's long CSV format. */
  csv(): string | null {
    const c = this.current;
    if (!c?.done) return null;
    const summary = summarise(c.progressive.series);
    return toCSV(toOutputDocument({ scenario: c.scenario, hash: scenarioHash(c.scenario), engineVersion: ENGINE_VERSION, seed: c.scenario.seed }, summary));
  }

  // ------------------------------------------------------------ saved scenarios

  saveCurrent(): void {
    const id = `${Date.now().toString(36)}-${this.saved.length}`;
    const entry: SavedScenario = { id, savedAt: new Date().toISOString(), scenario: this.scenario };
    this.saved = [...this.saved.filter((s) => s.scenario.name !== this.scenario.name), entry];
    this.presetId = `saved:${id}`;
    this.reference = this.scenario;
    if (!writeKey(this.#env.storage, SAVED_KEY, serialiseSaved(this.saved))) {
      this.say(notice('storage-full', 'warning', i18n.t('msg.storage.full')));
    } else {
      this.say(notice('saved', 'info', i18n.t('msg.saved', { name: this.scenario.name })));
    }
    this.#schedulePersist();
  }

  deleteSaved(id: string): void {
    this.saved = this.saved.filter((s) => s.id !== id);
    writeKey(this.#env.storage, SAVED_KEY, serialiseSaved(this.saved));
    if (this.presetId === `saved:${id}`) this.presetId = 'file';
  }

  // ------------------------------------------------------------ running

  get runner(): SimRunner {
    this.#runner ??= this.#env.createRunner();
    return this.#runner;
  }

  /**
   * Run: computes the scenario and its baseline (unless the results are
   * current) and plays them back. With current results it replays.
   */
  async run(options: { play?: boolean; cursor?: number } = {}): Promise<void> {
    const autoplay = options.play ?? true;
    const scenario = this.scenario;
    const runs = this.runs;
    const key = this.key;
    if (this.current?.key === key && this.current.done && !this.current.error) {
      if (this.cursor >= this.weeks) this.cursor = 0;
      if (autoplay) this.play();
      return;
    }
    // Limits instead of crashes (issue 4): a run that would not fit is refused before anything starts.
    const tooLarge = checkLimits(scenario, this.#env.limits ?? BROWSER_LIMITS);
    if (tooLarge.length > 0) {
      this.say(notice('run-too-large', 'error', i18n.t('msg.run.tooLarge'), { problems: tooLarge }));
      return;
    }
    this.notices = this.notices.filter((n) => n.code !== 'run-too-large');
    this.#abort?.abort();
    const ctl = new AbortController();
    this.#abort = ctl;

    const baseScenario = baselineFor(scenario, this.baselinePreset);
    const baseKey = runKey(baseScenario, runs);
    const current = this.#newRun(scenario, runs);
    this.current = current;
    const reuseBaseline = this.baseline?.key === baseKey && this.baseline.done && !this.baseline.error;
    const baseline = baseKey === key ? current : reuseBaseline ? this.baseline! : this.#newRun(baseScenario, runs);
    this.baseline = baseline;
    this.status = 'running';
    this.cursor = options.cursor ?? 0;
    const weeksEach = scenario.weeks * runs;
    const total = weeksEach * (baseline === current || baseline.done ? 1 : 2);
    const done = { current: 0, baseline: 0 };
    this.progress = { done: 0, total };
    if (autoplay) this.play();

    const report = () => (this.progress = { done: Math.min(total, done.current + done.baseline), total });
    // The workers start in a task of their own: pressing Run redraws the bar
    // and starts the simulation in two short tasks rather than one long one (issue 3).
    if (this.#env.frame) await new Promise((resolve) => setTimeout(resolve, 0));
    const jobs: Promise<void>[] = [
      this.#execute(current, ctl.signal, (d) => {
        done.current = d;
        report();
      }, (s) => {
        this.current = s;
        if (baseline === current) this.baseline = s;
        // Without animation frames (tests), playback simply follows the data.
        if (!this.#env.frame && this.playing) this.cursor = s.source.knownWeeks;
        if (this.playing && this.speed === 'instant') this.cursor = s.source.knownWeeks;
      }),
    ];
    if (baseline !== current && !baseline.done) {
      jobs.push(this.#execute(baseline, ctl.signal, (d) => {
        done.baseline = d;
        report();
      }, (s) => (this.baseline = s)));
    }
    // The first failure ends the run at once: the other job (usually the
    // baseline) is cancelled rather than awaited, so the fault shows now.
    const outcome = await allOrFirstFailure(jobs);
    if (!outcome.ok) ctl.abort();
    if (this.#abort !== ctl) return; // a newer run took over
    this.#abort = null;
    if (!this.#env.frame) this.playing = false;
    if (outcome.ok) {
      this.status = 'done';
      if (this.speed === 'instant' && autoplay) this.cursor = this.weeks;
      return;
    }
    if (isAbort(outcome.reason)) {
      this.status = 'stopped';
      return;
    }
    this.status = 'failed';
    this.pause();
    this.say(notice('run-failed', 'error', failureText(outcome.reason)));
    // A fault may leave workers unusable: a fresh pool for the next run.
    this.#runner?.dispose?.();
    this.#runner = null;
  }

  #newRun(scenario: Scenario, runs: number): RunState {
    const progressive = createProgressive(scenario.weeks, runs, SERIES_SHAPE);
    return { key: runKey(scenario, runs), scenario, runs, progressive, source: sourceOf(progressive), done: false, error: null };
  }

  /** Runs one scenario, streaming chunks into its RunState and publishing snapshots (at most one per frame). */
  async #execute(state: RunState, signal: AbortSignal, onDone: (weeks: number) => void, publish: (s: RunState) => void): Promise<void> {
    const p = state.progressive;
    let latest = state;
    let finished = false;
    const flush = () => {
      if (signal.aborted || finished) return;
      latest = { ...latest, source: sourceOf(p, { bands: false }) };
      publish(latest);
    };
    const schedule = () => this.#scheduleFlush(flush);
    try {
      const series: RunSeries[] = await this.runner.run(
        { scenario: state.scenario, seed: state.scenario.seed, runs: state.runs },
        {
          signal,
          onChunk: (chunk, series) => {
            applyChunk(p, chunk, series);
            schedule();
          },
          onBands: (bands) => completeBands(p, bands),
          onProgress: (d) => onDone(d),
        },
      );
      finished = true;
      series.forEach((s, i) => completeRun(p, i, s));
      latest = { ...latest, source: sourceOf(p), done: true };
      publish(latest);
    } catch (e) {
      finished = true;
      if (!isAbort(e)) {
        latest = { ...latest, source: sourceOf(p), error: errorText(e) };
        publish(latest);
      }
      throw e;
    }
  }

  /**
   * Streaming snapshots of every running scenario are published together, at
   * most every PUBLISH_MS: each one redraws every chart, and streaming must
   * not starve the main thread (issue 3).
   */
  #scheduleFlush(flush: () => void): void {
    this.#pendingFlush.add(flush);
    if (this.#flushTimer !== null) return;
    const go = () => {
      this.#flushTimer = null;
      this.#lastFlush = this.#now();
      const all = [...this.#pendingFlush];
      this.#pendingFlush.clear();
      for (const f of all) f();
    };
    if (!this.#env.frame) {
      this.#flushTimer = 0;
      queueMicrotask(go);
      return;
    }
    const wait = Math.max(0, PUBLISH_MS - (this.#now() - this.#lastFlush));
    const frame = this.#env.publishFrame ?? ((cb: () => void) => void this.#env.frame!(cb));
    this.#flushTimer = setTimeout(() => frame(go), wait);
  }

  /** Stop: cancels the computation at once; what was computed stays on screen. */
  stop(): void {
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = null;
      this.status = 'stopped';
    }
    this.pause();
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    if (!this.#env.frame || this.speed === 'instant') {
      this.cursor = Math.max(this.cursor, this.current?.source.knownWeeks ?? 0);
      if (!this.#env.frame) return;
    }
    this.#lastFrame = 0;
    const loop = ++this.#loop;
    this.#env.frame((t) => this.#tick(t, loop));
  }

  pause(): void {
    this.playing = false;
  }

  togglePlay(): void {
    if (this.playing) this.pause();
    else if (!this.current || this.stale) void this.run();
    else {
      if (this.cursor >= this.weeks) this.cursor = 0;
      this.play();
    }
  }

  /**
   * One week forward (pauses playback). Weeks are numbered 1..N for users:
   * `cursor` is the number of weeks shown, so after one Step it is week 1.
   */
  step(): void {
    this.pause();
    if (!this.current || this.stale) {
      // Start computing, paused on week 1 (shown as soon as it arrives); each Step then shows one more week.
      void this.run({ play: false, cursor: 1 });
      return;
    }
    this.cursor = Math.min(Math.floor(this.cursor) + 1, this.current.source.knownWeeks);
  }

  /** Back to the first week, week 1 (pauses playback). */
  reset(): void {
    this.pause();
    this.cursor = this.current ? 1 : 0;
  }

  #tick(t: number, loop: number): void {
    // A pause and a new play start a new loop; callbacks of the old one stop here.
    if (!this.playing || loop !== this.#loop) return;
    const known = this.current?.source.knownWeeks ?? 0;
    const rate = SPEED_WEEKS[this.speed];
    if (this.#lastFrame === 0) this.#exact = this.cursor;
    if (rate === Infinity) this.#exact = known;
    else {
      const dt = this.#lastFrame ? Math.min(0.1, (t - this.#lastFrame) / 1000) : 0;
      this.#exact = Math.min(known, this.#exact + dt * rate);
    }
    this.#lastFrame = t;
    // Redraw on whole weeks, at most every FRAME_MS: each redraw repaints every chart.
    const whole = Math.floor(this.#exact);
    if (whole !== Math.floor(this.cursor) && (t - this.#lastDraw >= FRAME_MS - 16 || whole >= known)) {
      this.cursor = whole;
      this.#lastDraw = t;
    }
    const finished = this.current?.done && this.#exact >= this.weeks;
    if (finished || (this.status !== 'running' && this.#exact >= known)) {
      this.cursor = Math.min(Math.floor(this.#exact), known);
      this.playing = false;
      return;
    }
    // Wake up only as often as a redraw may happen: an idle animation frame still costs a frame.
    setTimeout(() => {
      if (this.playing && loop === this.#loop) this.#env.frame!((next) => this.#tick(next, loop));
    }, FRAME_MS - 8);
  }

  // ------------------------------------------------------------ compare

  get pinFull(): boolean {
    return this.pins.length >= MAX_PINS;
  }

  /** Pins the finished current run (and its baseline) for the Compare view. */
  pin(): boolean {
    const c = this.current;
    if (!c?.done || this.stale || this.pinFull) return false;
    const used = new Set(this.pins.map((p) => p.colour));
    let i = 0;
    while (used.has(colourAt(i))) i++;
    const pin: Pin = {
      id: `${Date.now().toString(36)}-${this.pins.length}`,
      name: c.scenario.name,
      colour: colourAt(i),
      scenario: c.scenario,
      runs: c.runs,
      run: c,
      baseline: this.baseline?.done ? this.baseline : null,
    };
    this.pins = [...this.pins, pin];
    this.#schedulePersist();
    return true;
  }

  unpin(id: string): void {
    this.pins = this.pins.filter((p) => p.id !== id);
    this.#schedulePersist();
  }

  /** Loads a pinned scenario back into the levers. */
  openPin(id: string): void {
    const p = this.pins.find((x) => x.id === id);
    if (!p) return;
    this.presetId = 'file';
    this.reference = p.scenario;
    this.runs = p.runs;
    this.#replace(p.scenario, null);
    this.view = 'charts';
  }

  /** Pins restored from storage have no results yet: compute them (same runner, one after another). */
  async computePins(): Promise<void> {
    if (this.#computingPins) return;
    this.#computingPins = true;
    try {
      await this.#computePins();
    } finally {
      this.#computingPins = false;
    }
  }

  async #computePins(): Promise<void> {
    for (const p of this.pins) {
      if (p.run?.done && p.baseline?.done) continue;
      const run = this.#newRun(p.scenario, p.runs);
      const base = this.#newRun(baselineFor(p.scenario, this.baselinePreset), p.runs);
      const update = (patch: Partial<Pin>) => (this.pins = this.pins.map((x) => (x.id === p.id ? { ...x, ...patch } : x)));
      const ctl = new AbortController();
      const outcome = await allOrFirstFailure([
        this.#execute(run, ctl.signal, () => {}, (s) => update({ run: s })),
        this.#execute(base, ctl.signal, () => {}, (s) => update({ baseline: s })),
      ]);
      if (!outcome.ok) {
        ctl.abort();
        if (!isAbort(outcome.reason)) this.say(notice('run-failed', 'error', failureText(outcome.reason)));
        return;
      }
    }
  }

  // ------------------------------------------------------------ persistence and links

  #now(): number {
    return this.#env.now?.() ?? Date.now();
  }

  #changed(): void {
    this.#schedulePersist();
  }

  #schedulePersist(): void {
    if (this.#persistTimer !== null) return;
    this.#persistTimer = setTimeout(() => {
      this.#persistTimer = null;
      this.persistNow();
    }, 250);
  }

  /** Writes the workspace to storage and the scenario to the URL hash. */
  persistNow(): void {
    if (this.#persistTimer !== null) {
      clearTimeout(this.#persistTimer);
      this.#persistTimer = null;
    }
    const ok = writeKey(
      this.#env.storage,
      WORKSPACE_KEY,
      serialiseWorkspace({
        scenario: this.scenario,
        reference: this.reference,
        presetId: this.presetId,
        runs: this.runs,
        speed: this.speed,
        grouping: this.grouping,
        pins: this.pins.map((p) => ({ id: p.id, scenario: p.scenario, runs: p.runs })),
      }),
    );
    if (!ok && this.#env.storage) this.say(notice('storage-full', 'warning', i18n.t('msg.storage.full')));
    this.#lastHash = encodeShareHash(this.scenario, this.runs);
    this.#env.location?.setHash(this.#lastHash);
  }

  /** The share link of the current scenario (the whole URL's hash part). */
  shareHash(): string {
    return encodeShareHash(this.scenario, this.runs);
  }

  /** Called when the location hash changes: opens a pasted link, ignores our own updates. */
  onHashChange(): void {
    const hash = this.#env.location?.getHash() ?? '';
    if (hash === this.#lastHash) return;
    this.#openLink(hash, true);
  }

  #restore(): void {
    const storage = this.#env.storage;
    if (!storage) this.say(notice('storage-unavailable', 'warning', i18n.t('msg.storage.unavailable')));
    const saved = restoreSaved(readKey(storage, SAVED_KEY));
    this.saved = saved.list;
    if (saved.dropped > 0) this.say(notice('saved-list-corrupt', 'warning', i18n.t('msg.saved.listCorrupt', { n: saved.dropped })));

    const ws = restoreWorkspace(readKey(storage, WORKSPACE_KEY));
    if (ws.kind === 'ok') {
      const s = ws.state;
      this.scenario = s.scenario;
      this.reference = s.reference ?? s.scenario;
      this.presetId = s.presetId;
      this.runs = s.runs;
      this.speed = s.speed;
      this.grouping = s.grouping;
      this.pins = s.pins.map((p, i) => ({ ...p, name: p.scenario.name, colour: colourAt(i), run: null, baseline: null }));
    } else if (ws.kind === 'corrupt') {
      this.say(notice('saved-corrupt', 'error', i18n.t('msg.saved.corrupt')));
    } else if (ws.kind === 'invalid') {
      this.say(notice('saved-invalid', 'error', i18n.t('msg.saved.invalid'), { problems: ws.problems }));
    }
    this.#openLink(this.#env.location?.getHash() ?? '', false);
  }

  #openLink(hash: string, recordHistory: boolean): void {
    const link = decodeShareHash(hash);
    if (link.kind === 'none') return;
    if (link.kind === 'ok') {
      this.presetId = this.presets.find((p) => scenarioHash(p.scenario) === scenarioHash(link.scenario))?.id ?? 'link';
      this.reference = link.scenario;
      this.runs = link.runs;
      this.#replace(link.scenario, null, recordHistory);
      this.#lastHash = hash.startsWith('#') ? hash : `#${hash}`;
      this.say(notice('link-loaded', 'info', i18n.t('msg.link.loaded', { name: link.scenario.name, seed: link.scenario.seed }), { details: link.warnings }));
      return;
    }
    if (link.kind === 'corrupt') this.say(notice('link-corrupt', 'error', i18n.t('msg.link.corrupt')));
    else if (link.kind === 'json') this.say(notice('link-json', 'error', i18n.t('msg.link.json', { detail: link.problems[0]?.message ?? '' }), { problems: link.problems }));
    else this.say(notice('link-invalid', 'error', i18n.t('msg.link.invalid'), { problems: link.problems }));
    // The address bar should show the work that is kept, not the broken link.
    this.#schedulePersist();
  }

  dispose(): void {
    this.#abort?.abort();
    this.#runner?.dispose?.();
    this.playing = false;
  }
}

function isAbort(e: unknown): boolean {
  return (e instanceof DOMException || e instanceof Error) && e.name === 'AbortError';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
