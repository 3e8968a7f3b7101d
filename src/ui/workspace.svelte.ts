import { BROWSER_LIMITS, checkLimits, type Limits } from '../sim/limits.ts';
import type { SimRunner } from '../sim/runner.ts';
import type { Scenario } from '../scenario/schema.ts';
import { agentCount } from '../sim/limits.ts';
import { i18n, type Locale } from './messages/index.ts';
import { ScenarioEditor } from './workspace/editor.svelte.ts';
import { failureText } from './workspace/failure.ts';
import { ScenarioFiles } from './workspace/files.svelte.ts';
import { notice, Notices } from './workspace/notices.svelte.ts';
import type { Grouping, KeyValueStore } from './workspace/persist.ts';
import { RecentRuns } from './workspace/history.ts';
import { LIVE_COST_MULTIPLE, LIVE_MS, liveFits } from './workspace/live.ts';
import { Persistence, type LocationPort } from './workspace/persistence.svelte.ts';
import { isReady, Pins, type Results } from './workspace/pins.svelte.ts';
import { Playback } from './workspace/playback.svelte.ts';
import { BASELINE_ID, baselineFor, type Preset } from './workspace/presets.ts';
import type { View } from './workspace/share.ts';
import { Simulation, type RunState } from './workspace/simulation.svelte.ts';
import { Explore } from './workspace/explore.svelte.ts';

/**
 * The app's state (STYLE.md 7), composed of rooms of one concept each under
 * ./workspace/: the scenario being edited and its history (`editor`), scenario
 * files (`files`), running (`sim`), the playback clock (`playback`), pins for
 * Compare (`pins`), what outlives the page (`persistence`) and `notices`.
 * This class only holds what spans rooms: Run, Step and Play, Live mode,
 * opening a preset or a pin, and which view is shown.
 */

export type { View };

/**
 * What a press of the one Run/Pause button does, and so what it says
 * (issue 10, point 10): compute (`run`; `rerun` when the results on screen
 * are for other settings or incomplete), `pause` playback, `resume` it after
 * a pause, `play` from the cursor, or `replay` finished results from week 1.
 */
export type TransportAction = 'run' | 'rerun' | 'pause' | 'resume' | 'play' | 'replay';

export interface WorkspaceEnv {
  readonly presets: readonly Preset[];
  readonly createRunner: () => SimRunner;
  readonly storage: KeyValueStore | null;
  /** Reads and writes the location hash (share links, browser history); absent in tests. */
  readonly location?: LocationPort;
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
  /**
   * Runs start by themselves while Live is on: when the workspace opens, and
   * after each change of the scenario or runs (the app). Tests leave it off
   * and press Run, unless they test Live.
   */
  readonly autoRun?: boolean;
}

export class Workspace {
  readonly presets: readonly Preset[];
  readonly #env: WorkspaceEnv;

  readonly notices = new Notices();
  readonly editor: ScenarioEditor;
  readonly files: ScenarioFiles;
  readonly sim: Simulation;
  readonly playback: Playback;
  readonly pins: Pins;
  readonly persistence: Persistence;
  /** Experiments on the current scenario and the pins (the Explore view). */
  readonly explore: Explore;

  grouping = $state<Grouping>('level');
  #view = $state<View>('charts');
  /** Finished results of the last few scenarios, by run key: Back and Forward show them at once. */
  readonly #recent = new RecentRuns<Results>(6);
  /** Live mode: rerun as the scenario changes (saved with the workspace). */
  live = $state(true);
  #liveTimer: ReturnType<typeof setTimeout> | null = null;
  /** The user stopped the run of this key: Live leaves it stopped until the scenario changes. */
  #stoppedKey: string | null = null;

  /** The view shown; saved with the workspace and carried by links. */
  get view(): View {
    return this.#view;
  }

  set view(v: View) {
    if (v === this.#view) return;
    this.#view = v;
    this.persistence?.schedule();
  }

  /** The interface language; saved with the workspace and carried by links (issue 12). */
  get locale(): Locale {
    return i18n.locale;
  }

  set locale(l: Locale) {
    if (l === i18n.locale) return;
    i18n.setLocale(l);
    this.persistence?.schedule();
  }

  constructor(env: WorkspaceEnv) {
    this.#env = env;
    this.presets = env.presets;
    const now = () => env.now?.() ?? Date.now();
    const onChange = () => {
      this.persistence.schedule();
      this.#scenarioChanged();
    };
    this.editor = new ScenarioEditor({ initial: this.baselinePreset, now, onChange, onDraftsChange: () => this.#scenarioChanged() });
    this.files = new ScenarioFiles(this.editor, this.notices, {
      pins: () => this.pins.specs,
      runs: () => this.editor.runs,
      view: () => this.view,
      open: (pins, view) => {
        this.pins.restore(pins);
        if (view) this.view = view;
        this.persistence.schedule();
      },
    });
    this.sim = new Simulation({ createRunner: env.createRunner, now, frame: env.frame, publishFrame: env.publishFrame });
    this.playback = new Playback({
      track: () => {
        const c = this.sim.current;
        return { started: c !== null, known: c?.source.knownWeeks ?? 0, weeks: this.weeks, done: c?.done ?? false, running: this.sim.status === 'running' };
      },
      frame: env.frame,
      onChange,
    });
    this.pins = new Pins({
      sim: this.sim,
      notices: this.notices,
      shown: () => ({ run: this.sim.current, baseline: this.sim.baseline, stale: this.stale }),
      baselinePreset: () => this.baselinePreset,
      onChange,
      cached: (key) => this.#recent.get(key),
    });
    this.persistence = new Persistence({
      storage: env.storage,
      location: env.location,
      presets: this.presets,
      notices: this.notices,
      editor: this.editor,
      playback: this.playback,
      pins: this.pins,
      layout: this,
      running: () => this.sim.status === 'running',
      results: { remember: () => this.#remember(), show: () => this.showResults() },
    });
    this.explore = new Explore({
      // The app's pool: its queue serves Explore's points beside the levers' runs.
      runner: () => this.sim.runner,
      scenario: () => this.editor.scenario,
      pins: () => this.pins.list.map((p) => ({ label: p.name, scenario: p.scenario })),
      baselinePreset: () => this.baselinePreset,
      now,
      limits: env.limits,
    });
    this.persistence.restore();
    // A reload mid-run, or Back into an entry from before a reload (issue 10, point 10): results are
    // computed, Live or not. Otherwise a chart on load (issue 10, point 11): the restored or linked
    // scenario runs as the page opens (Live skips a run already in progress for the same key).
    if (this.persistence.shouldResume) void this.run();
    if (env.autoRun && this.live) this.#scheduleLive(0);
  }

  get baselinePreset(): Scenario {
    return (this.presets.find((p) => p.id === BASELINE_ID) ?? this.presets[0]).scenario;
  }

  /** The current results are for another scenario or number of runs than the one shown in the levers. */
  get stale(): boolean {
    return this.sim.current !== null && this.sim.current.key !== this.editor.key;
  }

  /**
   * Why Run and Pin are off, naming the fields whose boxes hold text that is
   * not applied (issue 10: a run must use what the screen shows); null when
   * every box shows its applied value.
   */
  get blockedReason(): string | null {
    const held = this.editor.drafts.list;
    if (held.length === 0) return null;
    const fields = held.map((d) => d.label).join(', ');
    return held.length === 1 ? i18n.t('fields.blockedOne', { fields }) : i18n.t('fields.blockedMany', { n: held.length, fields });
  }

  get weeks(): number {
    return this.sim.current?.progressive.weeks ?? this.editor.scenario.weeks;
  }

  /**
   * Why Live does not run the scenario by itself (it is too large for Live:
   * LIVE_COST_MULTIPLE times the default world), or null. Run still runs it.
   */
  get liveHold(): string | null {
    const { scenario, runs } = this.editor;
    if (liveFits(scenario, runs)) return null;
    return i18n.t('live.tooLarge', { agents: i18n.num(agentCount(scenario)), weeks: scenario.weeks, runs, multiple: LIVE_COST_MULTIPLE });
  }

  setLive(on: boolean): void {
    this.live = on;
    this.persistence.schedule();
    if (on) this.#scenarioChanged();
    else this.#clearLive();
  }

  /** What the Run/Pause button does now; its label says it. */
  get transportAction(): TransportAction {
    const c = this.sim.current;
    const pb = this.playback;
    if (pb.playing) return 'pause';
    if (!c) return 'run';
    if (this.stale || c.error || (!c.done && this.sim.status !== 'running')) return 'rerun';
    if (pb.resumable) return 'resume';
    if (c.done && pb.cursor >= this.weeks) return 'replay';
    return 'play';
  }

  /** Stop has something to stop: playback or a computation. */
  get canStop(): boolean {
    return this.playback.playing || this.sim.status === 'running';
  }

  /** The Run/Pause button: does what `transportAction` says. */
  primary(): void {
    const pb = this.playback;
    switch (this.transportAction) {
      case 'pause':
        pb.pause();
        return;
      case 'resume':
      case 'play':
        if (this.blockedReason === null) pb.play();
        return;
      case 'replay':
        if (this.blockedReason === null) {
          pb.cursor = 0;
          pb.play();
        }
        return;
      default:
        void this.run();
    }
  }

  setGrouping(g: Grouping): void {
    this.grouping = g;
    this.persistence.schedule();
  }

  /** Opens a preset or a saved scenario (`saved:<id>`). */
  loadPreset(id: string): void {
    const preset = this.presets.find((p) => p.id === id);
    const saved = this.persistence.saved.find((s) => `saved:${s.id}` === id);
    const scenario = preset?.scenario ?? saved?.scenario;
    if (!scenario) return;
    this.editor.open(scenario, { presetId: id });
  }

  /** Loads a pinned scenario back into the levers, with its results (the pin holds its run; issue 10, point 3). */
  openPin(id: string): void {
    const p = this.pins.list.find((x) => x.id === id);
    if (!p) return;
    this.#remember();
    this.editor.open(p.scenario, { presetId: 'file', runs: p.runs });
    this.view = 'charts';
    this.showResults();
  }

  /** Keeps the finished results on screen (by run key) for Back, Forward and pins. */
  #remember(): void {
    const { current, baseline } = this.sim;
    if (current?.done && !current.error && baseline?.done && !baseline.error) this.#recent.put(current.key, { run: current, baseline });
  }

  /**
   * Shows finished results for what the levers show: those on screen, a
   * pin's, or recent ones with the same run key (runs are deterministic);
   * otherwise computes them.
   */
  showResults(): void {
    const key = this.editor.key;
    if (this.sim.finished(key)) return;
    const pin = this.pins.list.find((p) => isReady(p) && p.run!.key === key);
    const known = pin ? { run: pin.run!, baseline: pin.baseline! } : this.#recent.get(key);
    if (known) this.#show(known.run, known.baseline);
    else void this.run();
  }

  /** Puts finished results on screen as if just run: the whole run shown, nothing computing. */
  #show(run: RunState, baseline: RunState): void {
    this.sim.stop();
    this.playback.pause();
    this.sim.current = run;
    this.sim.baseline = baseline;
    this.sim.status = 'done';
    const total = run.scenario.weeks * run.runs * (baseline === run ? 1 : 2);
    this.sim.progress = { done: total, total };
    this.playback.cursor = run.progressive.weeks;
  }

  /**
   * Run: computes the scenario and its baseline (unless the results are
   * current) and plays them back. With current results it replays. Refused
   * while a box holds text that is not applied (`blockedReason`).
   */
  async run(options: { play?: boolean; cursor?: number; auto?: boolean } = {}): Promise<void> {
    if (this.blockedReason !== null) return;
    this.#clearLive();
    this.#stoppedKey = null;
    const autoplay = options.play ?? true;
    // A run started by itself (on load, Live) shows the answer as it computes rather than an animation.
    const follow = options.auto ?? false;
    const { scenario, runs, key } = this.editor;
    const playback = this.playback;
    if (this.sim.finished(key)) {
      playback.rewindAtEnd();
      if (autoplay) playback.play();
      return;
    }
    // Limits instead of crashes (issue 4): a run that would not fit is refused before anything starts.
    const tooLarge = checkLimits(scenario, this.#env.limits ?? BROWSER_LIMITS);
    if (tooLarge.length > 0) {
      this.notices.say(notice('run-too-large', 'error', () => i18n.t('msg.run.tooLarge'), { problems: tooLarge }));
      return;
    }
    this.notices.clear('run-too-large');
    const outcome = await this.sim.start(scenario, runs, baselineFor(scenario, this.baselinePreset), {
      started: () => {
        playback.halt();
        playback.cursor = options.cursor ?? 0;
        if (autoplay) playback.play({ follow });
        // Saved as running (and on leaving the page): a reload mid-run starts it again.
        this.persistence.schedule();
      },
      published: (s) => playback.follow(s.source.knownWeeks),
    });
    if (outcome.kind === 'cancelled') return;
    this.persistence.schedule();
    playback.settle();
    if (outcome.kind === 'done' && (playback.speed === 'instant' || follow) && autoplay) playback.cursor = this.weeks;
    if (outcome.kind === 'failed') {
      playback.halt();
      this.notices.say(notice('run-failed', 'error', failureText(outcome.reason)));
    }
  }

  /** Pin: refused, like Run, while a box holds text that is not applied (the pin would not be what the screen shows). */
  pin(): boolean {
    return this.blockedReason === null && this.pins.pin();
  }

  /** Stop: stops playback and cancels any computation at once; what was computed stays on screen. */
  stop(): void {
    if (this.sim.status === 'running') this.#stoppedKey = this.sim.current?.key ?? null;
    this.sim.stop();
    this.playback.halt();
  }

  /**
   * One week forward (pauses playback). Weeks are numbered 1..N for users:
   * `cursor` is the number of weeks shown, so after one Step it is week 1.
   */
  step(): void {
    if (!this.sim.current || this.stale) {
      this.playback.halt();
      // Start computing, paused on week 1 (shown as soon as it arrives); each Step then shows one more week.
      void this.run({ play: false, cursor: 1 });
      return;
    }
    this.playback.step();
  }

  /**
   * The scenario, the runs or a box's draft changed. With Live on, the run
   * in progress, now for other settings, is cancelled at once, and the new
   * one starts once the changes rest for LIVE_MS.
   */
  #scenarioChanged(): void {
    if (!this.#env.autoRun || !this.live) return;
    const c = this.sim.current;
    if (this.sim.status === 'running' && c && c.key !== this.editor.key) {
      this.sim.stop();
      this.playback.halt();
    }
    this.#scheduleLive(LIVE_MS);
  }

  #scheduleLive(delay: number): void {
    this.#clearLive();
    this.#liveTimer = setTimeout(() => {
      this.#liveTimer = null;
      if (this.liveWants) void this.run({ auto: true });
    }, delay);
  }

  #clearLive(): void {
    if (this.#liveTimer !== null) clearTimeout(this.#liveTimer);
    this.#liveTimer = null;
  }

  /**
   * Live would run now: it is on, no box holds a draft, the run fits Live,
   * and the results on screen are not already those of the levers (done,
   * computing, failed, or stopped by the user).
   */
  get liveWants(): boolean {
    if (!this.#env.autoRun || !this.live || this.blockedReason !== null || this.liveHold !== null) return false;
    const c = this.sim.current;
    const key = this.editor.key;
    if (!c || c.key !== key) return true;
    return !(c.done || c.error || this.sim.status === 'running' || this.#stoppedKey === key);
  }

  dispose(): void {
    this.explore.dispose();
    this.#clearLive();
    this.sim.dispose();
    this.playback.halt();
  }
}
