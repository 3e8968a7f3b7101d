import { toMinimalInput, validateScenario, type Problem } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { isLocale, type Locale } from '../messages/locales.ts';
import { clampRuns, isView, MAX_HASH_CHARS, MAX_PINS, minimalOf, type View } from './share.ts';

export { MAX_PINS };

/**
 * What survives a reload (issue 4): the workspace (current scenario, preset,
 * runs, pins) and, under a separate key, the user's saved scenarios, so that a
 * corrupt workspace never takes the saved scenarios with it. Pure: storage is
 * passed in, and reading never throws.
 */

export const WORKSPACE_KEY = 'dsw.workspace.v1';
export const SAVED_KEY = 'dsw.saved.v1';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SPEEDS = ['slow', 'medium', 'fast', 'instant'] as const;
export type Speed = (typeof SPEEDS)[number];
export const GROUPINGS = ['level', 'kind'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface PinSpec {
  readonly id: string;
  readonly scenario: Scenario;
  readonly runs: number;
}

export interface WorkspaceState {
  readonly scenario: Scenario;
  /** What "differs from preset" markers compare against. */
  readonly reference?: Scenario;
  readonly presetId: string;
  readonly runs: number;
  readonly speed: Speed;
  readonly grouping: Grouping;
  /** Live mode (rerun as levers change); absent in workspaces saved before it: on. */
  readonly live?: boolean;
  readonly pins: readonly PinSpec[];
  /** The view shown (charts, flows, compare); absent in workspaces saved before it was kept. */
  readonly view?: View;
  /** The interface language (issue 12); absent in workspaces saved before it was kept. */
  readonly locale?: Locale;
  /**
   * A run was in progress when this was written (issue 10, point 10): a
   * reload mid-run starts it again rather than dropping it.
   */
  readonly running?: boolean;
  /**
   * The address (hash) the page showed when this was written: a reload may
   * come before the address catches up with the last change, and that
   * address is then the page's own, not a link to open.
   */
  readonly address?: string;
  /**
   * The last few addresses the page wrote, newest last: a reload can start
   * before a write the page made just then (the browser reloads the address
   * it showed when the reload began), so any of them is the page's own.
   */
  readonly addresses?: readonly string[];
}

/** Addresses kept with the workspace (a reload lags by one write at most; a few for safety). */
export const ADDRESSES_KEPT = 4;

export interface SavedScenario {
  readonly id: string;
  readonly savedAt: string;
  readonly scenario: Scenario;
}

export function serialiseWorkspace(state: WorkspaceState): string {
  return JSON.stringify({
    v: 1,
    scenario: minimalOf(state.scenario),
    reference: state.reference ? minimalOf(state.reference) : undefined,
    presetId: state.presetId,
    runs: state.runs,
    speed: state.speed,
    grouping: state.grouping,
    live: state.live,
    pins: state.pins.map((p) => ({ id: p.id, runs: p.runs, scenario: minimalOf(p.scenario) })),
    view: state.view,
    locale: state.locale,
    running: state.running || undefined,
    address: state.address || undefined,
    addresses: state.addresses && state.addresses.length > 0 ? state.addresses.slice(-ADDRESSES_KEPT) : undefined,
  });
}

export type RestoreResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly state: WorkspaceState }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'invalid'; readonly problems: readonly Problem[] };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const oneOf = <T extends string>(v: unknown, options: readonly T[], fallback: T): T =>
  typeof v === 'string' && (options as readonly string[]).includes(v) ? (v as T) : fallback;
const safeId = (v: unknown): string | null => (typeof v === 'string' && /^[\w:.-]{1,80}$/.test(v) ? v : null);

/** Reads a saved workspace; anything unreadable is reported, never thrown. */
export function restoreWorkspace(text: string | null): RestoreResult {
  if (text === null || text === '') return { kind: 'none' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'corrupt' };
  }
  if (!isRecord(raw) || raw.v !== 1) return { kind: 'corrupt' };
  const checked = validateScenario(raw.scenario);
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems.map((p) => prefixed(p, 'scenario')) };
  const reference = raw.reference === undefined ? null : validateScenario(raw.reference);
  const pins: PinSpec[] = [];
  if (Array.isArray(raw.pins)) {
    for (const p of raw.pins.slice(0, MAX_PINS)) {
      if (!isRecord(p)) continue;
      const id = safeId(p.id);
      const s = validateScenario(p.scenario);
      if (id && s.ok) pins.push({ id, scenario: s.scenario, runs: clampRuns(p.runs) });
    }
  }
  return {
    kind: 'ok',
    state: {
      scenario: checked.scenario,
      reference: reference?.ok ? reference.scenario : checked.scenario,
      presetId: safeId(raw.presetId) ?? 'baseline',
      runs: clampRuns(raw.runs),
      speed: oneOf(raw.speed, SPEEDS, 'medium'),
      grouping: oneOf(raw.grouping, GROUPINGS, 'level'),
      live: typeof raw.live === 'boolean' ? raw.live : undefined,
      pins,
      ...(isView(raw.view) ? { view: raw.view } : {}),
      ...(isLocale(raw.locale) ? { locale: raw.locale } : {}),
      ...(raw.running === true ? { running: true } : {}),
      ...(typeof raw.address === 'string' && raw.address.length <= MAX_HASH_CHARS ? { address: raw.address } : {}),
      ...(Array.isArray(raw.addresses)
        ? { addresses: raw.addresses.filter((a): a is string => typeof a === 'string' && a.length <= MAX_HASH_CHARS).slice(-ADDRESSES_KEPT) }
        : {}),
    },
  };
}

function prefixed(p: Problem, prefix: string): Problem {
  const path = p.path === '(root)' ? prefix : `${prefix}.${p.path}`;
  return { ...p, path, message: p.message.startsWith(p.path) ? path + p.message.slice(p.path.length) : p.message };
}

export function serialiseSaved(list: readonly SavedScenario[]): string {
  return JSON.stringify(list.map((s) => ({ id: s.id, savedAt: s.savedAt, scenario: toMinimalInput(s.scenario) })));
}

/** Saved scenarios; unreadable entries are skipped and counted, the rest kept. */
export function restoreSaved(text: string | null): { list: SavedScenario[]; dropped: number } {
  if (text === null || text === '') return { list: [], dropped: 0 };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { list: [], dropped: 1 };
  }
  if (!Array.isArray(raw)) return { list: [], dropped: 1 };
  const list: SavedScenario[] = [];
  let dropped = 0;
  for (const entry of raw) {
    const id = isRecord(entry) ? safeId(entry.id) : null;
    const checked = isRecord(entry) ? validateScenario(entry.scenario) : null;
    if (!id || !checked?.ok || !isRecord(entry)) {
      dropped++;
      continue;
    }
    list.push({ id, savedAt: typeof entry.savedAt === 'string' ? entry.savedAt.slice(0, 40) : '', scenario: checked.scenario });
  }
  return { list, dropped };
}

/** Reads a key; storage that throws (private mode, disabled) reads as empty. */
export function readKey(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes a key; false when storage refuses (full, disabled). */
export function writeKey(store: KeyValueStore | null, key: string, value: string): boolean {
  if (!store) return false;
  try {
    store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
