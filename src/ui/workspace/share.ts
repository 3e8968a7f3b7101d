import * as lzModule from 'lz-string';
import { parseScenarioText, toMinimalInput, validateScenario, type Problem } from '../../scenario/load.ts';
import type { Scenario, ScenarioInput } from '../../scenario/schema.ts';
import { isLocale, type Locale } from '../messages/locales.ts';

/**
 * Share links: the whole scenario (canonical JSON, with its formatVersion and
 * seed) lz-compressed in the URL hash, plus the number of Monte Carlo runs:
 * `#s=<compressed>&r=<runs>`. A comparison travels too (issue 10, point 3):
 * `&p=<compressed pins>` holds the pinned packages (each its minimal scenario
 * and runs, at most MAX_PINS), `&v=<view>` the view shown and `&l=<locale>`
 * the interface language (issue 12; a link without it keeps the language
 * the page shows, an unknown one is reported and ignored). Links made
 * before these parts existed read as before. Decoding never throws: a damaged
 * or tampered link gives a reason and, where it applies, the validator's
 * problems; a damaged pins part is reported on its own, the scenario kept.
 */

// lz-string is CommonJS: bundlers expose its functions by name, Node's ESM loader only as `default`.
const lz = ((lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule) as typeof lzModule;

export const MAX_RUNS = 50;
/**
 * Monte Carlo runs of a new workspace. One run is noisy: five give a mean to
 * read and a 90% band that shows how much of a difference is chance.
 */
export const DEFAULT_RUNS = 5;
/** Longest hash read; a longer one is refused before decompressing it. */
export const MAX_HASH_CHARS = 200_000;
/** Most pinned packages a link (or a saved workspace) carries. */
export const MAX_PINS = 4;

export const VIEWS = ['charts', 'flows', 'compare', 'explore', 'board'] as const;
export type View = (typeof VIEWS)[number];

/** A pinned package as it travels: the scenario and its number of runs (results are recomputed). */
export interface SharedPin {
  readonly scenario: Scenario;
  readonly runs: number;
}

/** What a link carries besides the scenario. */
export interface ShareExtras {
  readonly pins?: readonly SharedPin[];
  readonly view?: View;
  /** The interface language. */
  readonly locale?: Locale;
}

/** Minimal inputs of scenario objects (immutable: edits make new ones), so saving a workspace diffs each scenario once. */
const minimals = new WeakMap<Scenario, ScenarioInput>();

/** The scenario's minimal input (toMinimalInput), memoised; read-only: it is shared. */
export function minimalOf(scenario: Scenario): ScenarioInput {
  let m = minimals.get(scenario);
  if (m === undefined) minimals.set(scenario, (m = toMinimalInput(scenario)));
  return m;
}

export function encodeShareHash(scenario: Scenario, runs: number, extras: ShareExtras = {}): string {
  const json = JSON.stringify(minimalOf(scenario));
  let hash = `#s=${lz.compressToEncodedURIComponent(json)}&r=${clampRuns(runs)}`;
  const pins = extras.pins?.slice(0, MAX_PINS) ?? [];
  if (pins.length > 0) hash += `&p=${encodePins(pins)}`;
  if (extras.view) hash += `&v=${extras.view}`;
  if (extras.locale) hash += `&l=${extras.locale}`;
  return hash;
}

/** The pins part: `[{ r: runs, s: minimal scenario }, …]`, lz-compressed (the pins share most of their text, so it packs well). */
export function encodePins(pins: readonly SharedPin[]): string {
  const list = pins.slice(0, MAX_PINS).map((p) => ({ r: clampRuns(p.runs), s: minimalOf(p.scenario) }));
  return lz.compressToEncodedURIComponent(JSON.stringify(list));
}

export type ShareDecode =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly scenario: Scenario; readonly runs: number; readonly warnings: readonly string[] }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'json'; readonly problems: readonly Problem[] }
  | { readonly kind: 'invalid'; readonly problems: readonly Problem[] };

/**
 * The pins part of a link. `ok`: the packages read, with `dropped` entries
 * left out (over MAX_PINS, or not valid scenarios: their problems are in
 * `problems`, paths prefixed `pins[i]`); `damaged`: the part cannot be read at all.
 */
export type PinsDecode =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly pins: readonly SharedPin[]; readonly dropped: number; readonly problems: readonly Problem[] }
  | { readonly kind: 'damaged' };

export interface ShareLink {
  readonly scenario: ShareDecode;
  readonly pins: PinsDecode;
  /** The view the link asks for; null when it names none (or one that does not exist). */
  readonly view: View | null;
  /** The language the link asks for; null when it names none or one the app does not have (then `badLocale`). */
  readonly locale: Locale | null;
  /** An `l=` value that names no language of the app (cut to 40 characters), else null. */
  readonly badLocale: string | null;
}

export function clampRuns(runs: unknown): number {
  const n = typeof runs === 'number' ? runs : Number.parseInt(String(runs), 10);
  if (!Number.isFinite(n)) return 1;
  return Math.max(1, Math.min(MAX_RUNS, Math.trunc(n)));
}

function unpack(packed: string): string | null {
  try {
    // URLSearchParams turns '+' into ' '; the encoding never contains spaces.
    return lz.decompressFromEncodedURIComponent(packed.replace(/ /g, '+')) || null;
  } catch {
    return null;
  }
}

function params(hash: string): URLSearchParams | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text || text.length > MAX_HASH_CHARS) return null;
  try {
    return new URLSearchParams(text);
  } catch {
    return null;
  }
}

/** Reads a location hash (with or without '#'); `none` when it carries no scenario. */
export function decodeShareHash(hash: string): ShareDecode {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return { kind: 'none' };
  if (text.length > MAX_HASH_CHARS) return { kind: 'corrupt' };
  const packed = params(text)?.get('s') ?? null;
  if (packed === null) return { kind: 'none' };
  const json = unpack(packed);
  if (!json) return { kind: 'corrupt' };
  const result = parseScenarioText(json, 'link');
  if (!result.ok) {
    const syntax = result.problems.some((p) => 'line' in p);
    return syntax ? { kind: 'json', problems: result.problems } : { kind: 'invalid', problems: result.problems };
  }
  return { kind: 'ok', scenario: result.scenario, runs: clampRuns(params(text)?.get('r') ?? 1), warnings: result.warnings };
}

/** Reads the pins part of a link on its own: a damaged part never spoils the scenario. */
export function decodePins(packed: string | null): PinsDecode {
  if (packed === null) return { kind: 'none' };
  const json = unpack(packed);
  if (!json) return { kind: 'damaged' };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { kind: 'damaged' };
  }
  if (!Array.isArray(raw)) return { kind: 'damaged' };
  const pins: SharedPin[] = [];
  const problems: Problem[] = [];
  let dropped = Math.max(0, raw.length - MAX_PINS);
  raw.slice(0, MAX_PINS).forEach((entry: unknown, i) => {
    const record = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>) : null;
    const checked = record ? validateScenario(record.s) : null;
    if (record && checked?.ok) {
      pins.push({ scenario: checked.scenario, runs: clampRuns(record.r ?? 1) });
      return;
    }
    dropped++;
    const where = `pins[${i}]`;
    if (checked && !checked.ok) problems.push(...checked.problems.map((p) => ({ ...p, path: p.path === '(root)' ? where : `${where}.${p.path}` })));
    else problems.push({ path: where, expected: 'a pinned package { r, s }', got: Array.isArray(entry) ? 'a list' : typeof entry, message: `${where}: expected a pinned package, got ${Array.isArray(entry) ? 'a list' : typeof entry}` });
  });
  return { kind: 'ok', pins, dropped, problems };
}

export function isView(v: unknown): v is View {
  return typeof v === 'string' && (VIEWS as readonly string[]).includes(v);
}

/** Reads every part of a link: the scenario, the pinned packages and the view, each on its own. */
export function decodeShareLink(hash: string): ShareLink {
  const scenario = decodeShareHash(hash);
  const p = scenario.kind === 'corrupt' ? null : params(hash);
  const view = p?.get('v') ?? null;
  const locale = p?.get('l') ?? null;
  return {
    scenario,
    pins: decodePins(p?.get('p') ?? null),
    view: isView(view) ? view : null,
    locale: isLocale(locale) ? locale : null,
    badLocale: locale !== null && !isLocale(locale) ? locale.slice(0, 40) : null,
  };
}
