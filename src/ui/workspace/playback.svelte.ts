import type { Speed } from './persist.ts';

/**
 * The playback clock: which week of the results is shown, and playing,
 * pausing and stepping through the weeks as they arrive. Weeks are numbered
 * 1..N for users: `cursor` is the number of weeks shown, so week 1 is cursor 1.
 */

/** Least time between two playback redraws, in ms (about 15 frames per second: each redraw repaints every chart). */
export const FRAME_MS = 66;

/** Weeks of playback per second. */
export const SPEED_WEEKS: Record<Speed, number> = { slow: 10, medium: 26, fast: 52, instant: Infinity };

/** What is being played back, read afresh on every frame. */
export interface Track {
  /** There are results to show. */
  readonly started: boolean;
  /** Weeks with data so far. */
  readonly known: number;
  /** Weeks of the run. */
  readonly weeks: number;
  /** Every week has arrived. */
  readonly done: boolean;
  /** More weeks are still coming. */
  readonly running: boolean;
}

export interface PlaybackEnv {
  readonly track: () => Track;
  /** Schedules a playback frame; absent means no animation (tests): playback then simply follows the data. */
  readonly frame?: (cb: (t: number) => void) => number;
  /** Called when the speed changes (it is saved). */
  readonly onChange: () => void;
}

export class Playback {
  readonly #env: PlaybackEnv;
  #loop = 0;
  #lastFrame = 0;
  /** Playback position between redraws (weeks, fractional). */
  #exact = 0;
  #lastDraw = -Infinity;

  /** Weeks of the current run shown (playback cursor). */
  cursor = $state(0);
  playing = $state(false);
  /** Pause stopped playback before the end: Play resumes from the cursor (the button says Resume). */
  resumable = $state(false);
  speed = $state<Speed>('medium');
  /** This playback follows the data as it arrives, whatever the speed (a run started by itself: on load, Live). */
  #following = false;

  constructor(env: PlaybackEnv) {
    this.#env = env;
  }

  /** Weeks drawn: the playback cursor, never past the data. */
  get shownWeeks(): number {
    return Math.min(this.cursor, this.#env.track().known);
  }

  setSpeed(s: Speed): void {
    this.speed = s;
    this.#env.onChange();
  }

  /** Plays from the cursor at the speed; `follow`: jumps to the latest data instead (shows the answer, not an animation). */
  play(options: { follow?: boolean } = {}): void {
    this.#following = options.follow ?? false;
    this.resumable = false;
    if (this.playing) return;
    this.playing = true;
    if (!this.#env.frame || this.#instant) {
      this.cursor = Math.max(this.cursor, this.#env.track().known);
      if (!this.#env.frame) return;
    }
    this.#lastFrame = 0;
    const loop = ++this.#loop;
    this.#env.frame((t) => this.#tick(t, loop));
  }

  get #instant(): boolean {
    return this.#following || this.speed === 'instant';
  }

  /** Pause: playback stops where it is, and Play resumes it from there. */
  pause(): void {
    if (this.playing && this.cursor < this.#env.track().weeks) this.resumable = true;
    this.playing = false;
  }

  /** Stops playback with nothing to resume (Stop, Reset, Step, a new run). */
  halt(): void {
    this.playing = false;
    this.resumable = false;
  }

  /** Back to the start if the end was reached, so that Play plays again. */
  rewindAtEnd(): void {
    if (this.cursor >= this.#env.track().weeks) this.cursor = 0;
  }

  /** Back to the first week, week 1 (pauses playback). */
  reset(): void {
    this.halt();
    this.cursor = this.#env.track().started ? 1 : 0;
  }

  /** One week forward, never past the data (pauses playback). */
  step(): void {
    this.halt();
    this.cursor = Math.min(Math.floor(this.cursor) + 1, this.#env.track().known);
  }

  /** A new snapshot of the data arrived: without frames, or at instant speed, playback jumps to its end. */
  follow(known: number): void {
    if (!this.#env.frame && this.playing) this.cursor = known;
    if (this.playing && this.#instant) this.cursor = known;
  }

  /** The data stopped arriving; without frames nothing plays on. */
  settle(): void {
    if (!this.#env.frame) this.playing = false;
  }

  #tick(t: number, loop: number): void {
    // A pause and a new play start a new loop; callbacks of the old one stop here.
    if (!this.playing || loop !== this.#loop) return;
    const track = this.#env.track();
    const known = track.known;
    const rate = this.#instant ? Infinity : SPEED_WEEKS[this.speed];
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
    const finished = track.done && this.#exact >= track.weeks;
    if (finished || (!track.running && this.#exact >= known)) {
      this.cursor = Math.min(Math.floor(this.#exact), known);
      this.playing = false;
      return;
    }
    // Wake up only as often as a redraw may happen: an idle animation frame still costs a frame.
    setTimeout(() => {
      if (this.playing && loop === this.#loop) this.#env.frame!((next) => this.#tick(next, loop));
    }, FRAME_MS - 8);
  }
}
