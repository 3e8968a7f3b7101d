import { problem, ROOT_PATH, type Problem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema.ts';
import { checkWorkshop, readHandInText, workshopFile, type HandIn, type Workshop, type WorkshopFile } from './formats.ts';
import { packageScenario } from './package.ts';

/**
 * The facilitator's board as data: a workshop and the packages handed in.
 * Adding a hand-in never removes another team's package; a bad one leaves the
 * board as it was and says why. A team that hands in again replaces its own
 * earlier package (the latest hand-in counts; teams are told by name, case
 * and spaces aside), keeping its place in the order packages arrived.
 */

/** Most packages on one board: a room of teams, with room to spare. */
export const MAX_PACKAGES = 24;

export interface BoardPackage {
  readonly handIn: HandIn;
  /** The base scenario with the team's levers. */
  readonly scenario: Scenario;
}

export interface Board {
  readonly workshop: Workshop | null;
  readonly packages: readonly BoardPackage[];
}

export const EMPTY_BOARD: Board = { workshop: null, packages: [] };

export type AddOutcome =
  | { readonly kind: 'added' | 'replaced' | 'same'; readonly board: Board; readonly team: string }
  | { readonly kind: 'no-workshop' | 'other-workshop' | 'invalid' | 'full'; readonly board: Board; readonly problems: readonly Problem[] };

/** How teams are told apart: case and spacing aside. */
export const teamKey = (team: string): string => team.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

export function addHandIn(board: Board, handIn: HandIn): AddOutcome {
  const w = board.workshop;
  if (!w) return { kind: 'no-workshop', board, problems: [problem('workshop', 'a workshop open on this board', 'none', 'no workshop is open on this board: create the workshop first, then take hand-ins')] };
  if (handIn.workshop !== w.id) {
    return {
      kind: 'other-workshop',
      board,
      problems: [problem('workshop', `workshop ${w.id} ("${w.name}")`, `workshop ${handIn.workshop} ("${handIn.workshopName}")`, `workshop: this package was built on another base scenario ("${handIn.workshopName}", ${handIn.workshop}), not on this workshop's ("${w.name}", ${w.id})`)],
    };
  }
  const pkg = packageScenario(w, handIn);
  if (!pkg.ok) return { kind: 'invalid', board, problems: pkg.problems };
  const key = teamKey(handIn.team);
  const i = board.packages.findIndex((p) => teamKey(p.handIn.team) === key);
  const entry: BoardPackage = { handIn, scenario: pkg.scenario };
  if (i >= 0) {
    if (board.packages[i].handIn.check === handIn.check) return { kind: 'same', board, team: handIn.team };
    return { kind: 'replaced', board: { ...board, packages: board.packages.map((p, j) => (j === i ? entry : p)) }, team: handIn.team };
  }
  if (board.packages.length >= MAX_PACKAGES) {
    return { kind: 'full', board, problems: [problem(ROOT_PATH, `at most ${MAX_PACKAGES} packages`, `${board.packages.length + 1}`, `the board holds at most ${MAX_PACKAGES} packages; remove one first`)] };
  }
  return { kind: 'added', board: { ...board, packages: [...board.packages, entry] }, team: handIn.team };
}

export function removePackage(board: Board, team: string): Board {
  const key = teamKey(team);
  return { ...board, packages: board.packages.filter((p) => teamKey(p.handIn.team) !== key) };
}

/** A new workshop starts an empty board (its packages were built on another base). */
export function openWorkshop(workshop: Workshop): Board {
  return { workshop, packages: [] };
}

// ---- saving ----

export const BOARD_SAVE_FORMAT = 'dsw-board';

export interface BoardSave {
  readonly format: typeof BOARD_SAVE_FORMAT;
  readonly formatVersion: 1;
  readonly workshop: WorkshopFile | null;
  readonly handIns: readonly HandIn[];
}

export function saveBoard(board: Board): string {
  const save: BoardSave = { format: BOARD_SAVE_FORMAT, formatVersion: 1, workshop: board.workshop ? workshopFile(board.workshop) : null, handIns: board.packages.map((p) => p.handIn) };
  return JSON.stringify(save);
}

/**
 * Reads a saved board. What cannot be read is left out and reported (paths
 * `workshop…`, `handIns[i]…`); the rest is kept. Never throws.
 */
export function loadBoard(text: string | null): { readonly board: Board; readonly problems: readonly Problem[] } {
  if (!text) return { board: EMPTY_BOARD, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { board: EMPTY_BOARD, problems: [problem(ROOT_PATH, 'a saved board (JSON)', 'text that is not JSON', 'the saved board could not be read')] };
  }
  const save = raw as Partial<BoardSave> | null;
  if (!save || typeof save !== 'object' || save.format !== BOARD_SAVE_FORMAT) return { board: EMPTY_BOARD, problems: [problem('format', JSON.stringify(BOARD_SAVE_FORMAT), String((save as { format?: unknown } | null)?.format))] };
  if (!save.workshop) return { board: EMPTY_BOARD, problems: [] };
  const w = checkWorkshop(save.workshop as unknown as Record<string, unknown>);
  if (!w.ok) return { board: EMPTY_BOARD, problems: w.problems.map((p) => ({ ...p, path: `workshop.${p.path}` })) };
  let board = openWorkshop(w.value);
  const problems: Problem[] = [];
  (Array.isArray(save.handIns) ? save.handIns : []).forEach((h, i) => {
    const read = readHandInText(JSON.stringify(h));
    const added = read.ok ? addHandIn(board, read.value) : null;
    if (added && (added.kind === 'added' || added.kind === 'replaced')) board = added.board;
    else {
      const list = !read.ok ? read.problems : added && 'problems' in added ? added.problems : [];
      problems.push(...list.map((p) => ({ ...p, path: `handIns[${i}].${p.path}` })));
    }
  });
  return { board, problems };
}
