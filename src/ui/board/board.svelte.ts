import { addHandIn, EMPTY_BOARD, loadBoard, MAX_PACKAGES, openWorkshop, removePackage, saveBoard, type Board, type BoardPackage } from '../../board/board.ts';
import { debriefCsv } from '../../board/debrief.ts';
import { decodeHandInLink, readHandInText, readWorkshopText, type Decoded, type HandIn, type Workshop } from '../../board/formats.ts';
import { rankPackages, statsOfRuns, tradeoffOf, type RankedPackage, type ReplicateStats, type Tradeoff } from '../../board/rank.ts';
import type { Problem } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { SimRunner } from '../../sim/runner.ts';
import type { RunSeries } from '../../sim/series.ts';
import { i18n } from '../messages/index.ts';
import type { KeyValueStore } from '../workspace/persist.ts';
import { runKey } from '../workspace/run-key.ts';
import { isAbort } from '../workspace/simulation.svelte.ts';

/**
 * The facilitator's board in the app: the workshop and its packages (saved in
 * localStorage after every change, so a reload keeps them), the runs of the
 * base scenario and of each package (on the app's worker pool, one after
 * another; recomputed after a reload, runs being deterministic), the ranking,
 * the trade-off and the debrief. A hand-in that cannot be taken leaves the
 * board as it was and says why (`message`).
 */

export const BOARD_STORAGE_KEY = 'dsw.board';

export interface BoardMessage {
  readonly kind: 'ok' | 'error' | 'info';
  readonly text: string;
  readonly problems?: readonly Problem[];
  /** Stable code for tests: added, replaced, same, other-workshop, damaged, tampered, … */
  readonly code: string;
}

export interface Computed {
  readonly runs: readonly RunSeries[];
  readonly stats: ReplicateStats;
}

export type PackageStatus = 'waiting' | 'computing' | 'failed' | 'ready';

export interface BoardEnv {
  readonly storage: KeyValueStore | null;
  readonly runner: () => SimRunner;
}

export class BoardState {
  readonly #env: BoardEnv;
  board = $state.raw<Board>(EMPTY_BOARD);
  message = $state.raw<BoardMessage | null>(null);
  /** Finished runs by run key (scenario hash and runs). */
  results = $state.raw<Readonly<Record<string, Computed>>>({});
  failed = $state.raw<Readonly<Record<string, string>>>({});
  computingKey = $state<string | null>(null);
  #running: Promise<void> | null = null;
  #ctl: AbortController | null = null;

  constructor(env: BoardEnv) {
    this.#env = env;
    let text: string | null = null;
    try {
      text = env.storage?.getItem(BOARD_STORAGE_KEY) ?? null;
    } catch {
      text = null;
    }
    const loaded = loadBoard(text);
    this.board = loaded.board;
    if (loaded.problems.length > 0) this.message = { kind: 'error', code: 'saved-problems', text: i18n.t('board.msg.savedProblems'), problems: loaded.problems };
  }

  get workshop(): Workshop | null {
    return this.board.workshop;
  }

  get packages(): readonly BoardPackage[] {
    return this.board.packages;
  }

  keyOf(scenario: Scenario): string {
    return runKey(scenario, this.workshop?.runs ?? 1);
  }

  get baselineKey(): string | null {
    return this.workshop ? this.keyOf(this.workshop.baseScenario) : null;
  }

  statusOf(p: BoardPackage): PackageStatus {
    const key = this.keyOf(p.scenario);
    if (this.results[key]) return 'ready';
    if (this.failed[key]) return 'failed';
    return this.computingKey === key ? 'computing' : 'waiting';
  }

  get baseline(): Computed | null {
    const k = this.baselineKey;
    return k ? (this.results[k] ?? null) : null;
  }

  /** Packages with results, with them. */
  get ready(): readonly { readonly pkg: BoardPackage; readonly computed: Computed }[] {
    return this.packages.flatMap((pkg) => {
      const computed = this.results[this.keyOf(pkg.scenario)];
      return computed ? [{ pkg, computed }] : [];
    });
  }

  get complete(): boolean {
    return this.baseline !== null && this.packages.length > 0 && this.ready.length === this.packages.length;
  }

  get ranked(): readonly RankedPackage[] {
    const w = this.workshop;
    const base = this.baseline;
    if (!w || !base) return [];
    return rankPackages(w.outcomes, base.stats, this.ready.map((r) => ({ team: r.pkg.handIn.team, stats: r.computed.stats })));
  }

  get tradeoff(): Tradeoff | null {
    const w = this.workshop;
    const ranked = this.ranked;
    return w && ranked.length > 0 ? tradeoffOf(w.outcomes, w.tradeoff, ranked) : null;
  }

  debriefCsv(): string | null {
    const w = this.workshop;
    return w ? debriefCsv(w, this.packages, this.ranked, this.tradeoff) : null;
  }

  // ---- changes ----

  #set(board: Board): void {
    this.board = board;
    try {
      this.#env.storage?.setItem(BOARD_STORAGE_KEY, saveBoard(board));
    } catch {
      // Storage full or refused: the board stays on screen; the next change tries again.
    }
    void this.compute();
  }

  open(workshop: Workshop): void {
    this.#ctl?.abort();
    this.#set(openWorkshop(workshop));
    this.message = { kind: 'ok', code: 'workshop-opened', text: i18n.t('board.msg.workshopOpened', { name: workshop.name }) };
  }

  close(): void {
    this.#ctl?.abort();
    this.#set(EMPTY_BOARD);
    this.message = null;
  }

  openWorkshopText(text: string): Decoded<Workshop> {
    const r = readWorkshopText(text);
    if (r.ok) this.open(r.value);
    else this.message = { kind: 'error', code: `workshop-${r.reason}`, text: i18n.t('board.create.invalid'), problems: r.problems };
    return r;
  }

  remove(team: string): void {
    this.#set(removePackage(this.board, team));
    this.message = { kind: 'info', code: 'removed', text: i18n.t('board.msg.removed', { team }) };
  }

  /** Takes a hand-in link (a whole URL or its hash); `source` names a file in the message. */
  takeLink(link: string, source?: string): boolean {
    return this.#take(decodeHandInLink(link), source);
  }

  takeText(text: string, source?: string): boolean {
    return this.#take(readHandInText(text), source);
  }

  /** A message that nothing was taken, e.g. no QR code in an image. */
  refuse(code: string, text: string): void {
    this.message = { kind: 'error', code, text };
  }

  #take(read: Decoded<HandIn>, source?: string): boolean {
    const n = this.packages.length;
    const say = (kind: BoardMessage['kind'], code: string, text: string, problems?: readonly Problem[]) =>
      (this.message = { kind, code, text: source ? i18n.t('board.msg.file', { file: source, text }) : text, problems });
    if (!read.ok) {
      const version = read.problems.find((p) => p.path === 'formatVersion')?.got ?? '';
      const key = read.reason === 'json' ? 'kind' : read.reason;
      say('error', read.reason, i18n.tk(`board.msg.${key}`, key, { n, version }), read.problems);
      return false;
    }
    const out = addHandIn(this.board, read.value);
    switch (out.kind) {
      case 'added':
      case 'replaced':
        this.#set(out.board);
        say('ok', out.kind, i18n.t(out.kind === 'added' ? 'board.msg.added' : 'board.msg.replaced', { team: out.team }));
        return true;
      case 'same':
        say('info', 'same', i18n.t('board.msg.same', { team: out.team }));
        return true;
      case 'other-workshop':
        say('error', out.kind, i18n.t('board.msg.otherWorkshop', { name: read.value.workshopName, n }), out.problems);
        return false;
      case 'no-workshop':
        say('error', out.kind, i18n.t('board.msg.noWorkshop'), out.problems);
        return false;
      case 'full':
        say('error', out.kind, i18n.t('board.msg.full', { max: MAX_PACKAGES }), out.problems);
        return false;
      default:
        say('error', out.kind, i18n.t('board.msg.invalid', { n }), out.problems);
        return false;
    }
  }

  // ---- running ----

  /**
   * Runs the base scenario, then each package without results, one after
   * another. One loop at a time: a call while it runs gets the same promise
   * (the loop takes packages that arrive meanwhile).
   */
  compute(): Promise<void> {
    this.#running ??= this.#compute().finally(() => (this.#running = null));
    return this.#running;
  }

  async #compute(): Promise<void> {
    for (;;) {
      const w = this.workshop;
      if (!w) return;
      const todo = [w.baseScenario, ...this.packages.map((p) => p.scenario)].find((s) => {
        const k = this.keyOf(s);
        return !this.results[k] && !this.failed[k];
      });
      if (!todo) return;
      const key = this.keyOf(todo);
      const ctl = new AbortController();
      this.#ctl = ctl;
      this.computingKey = key;
      try {
        const runs = await this.#env.runner().run({ scenario: todo, seed: todo.seed, runs: w.runs }, { signal: ctl.signal });
        this.results = { ...this.results, [key]: { runs, stats: statsOfRuns(runs) } };
      } catch (e) {
        if (!isAbort(e)) this.failed = { ...this.failed, [key]: e instanceof Error ? e.message : String(e) };
      } finally {
        this.computingKey = null;
        this.#ctl = null;
      }
    }
  }

  dispose(): void {
    this.#ctl?.abort();
  }
}
