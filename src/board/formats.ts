import * as lzModule from 'lz-string';
import * as z from 'zod';
import { HEADLINE_METRICS, type HeadlineMetric } from '../sim/comparison.ts';
import { canonicalStringify, fnv1a64, scenarioHash } from '../scenario/hash.ts';
import { toMinimalInput, validateScenario } from '../scenario/load.ts';
import { formatGot, problem, ROOT_PATH, type Problem } from '../scenario/problem.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';

/**
 * The two files a workshop passes round, with no server: the workshop (the
 * facilitator's: a name, the base scenario, the outcomes to rank on) and a
 * hand-in (a team's: its package as the levers it changed from the base).
 * Each travels as a link part (`#w=` / `#h=`, lz-compressed JSON, like share
 * links) or as a JSON file. Reading never throws: a bad one gives a reason and
 * problems, each with its path, what was expected and what was found.
 */

// lz-string is CommonJS: bundlers expose its functions by name, Node's ESM loader only as `default`.
const lz = ((lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule) as typeof lzModule;

/** The format version written; a file with a higher one was made by a newer workbench. */
export const BOARD_FORMAT_VERSION = 1;
export const WORKSHOP_FORMAT = 'dsw-workshop';
export const HANDIN_FORMAT = 'dsw-handin';
/** Longest workshop or hand-in text read (a link part or a file); a longer one is refused before it is read. */
export const MAX_BOARD_CHARS = 200_000;
/** A hand-in's link must fit a QR code (version 40, level L: 2953 bytes), so hand-ins are small. */
export const MAX_HANDIN_CHARS = 20_000;
export const MAX_NAME_CHARS = 60;
export const MAX_OUTCOMES = HEADLINE_METRICS.length;
/** Monte Carlo runs of a workshop: at least 2 (an interval needs pairs), at most 50 (as share links). */
export const MIN_WORKSHOP_RUNS = 2;
export const MAX_WORKSHOP_RUNS = 50;

export type Better = 'lower' | 'higher';

export interface OutcomeChoice {
  readonly outcome: HeadlineMetric;
  readonly better: Better;
}

/** A workshop as it is stored and passed round. */
export interface WorkshopFile {
  readonly format: typeof WORKSHOP_FORMAT;
  readonly formatVersion: number;
  readonly name: string;
  /** The base scenario every package starts from (its minimal input). */
  readonly base: ScenarioInput;
  /** The outcomes packages are ranked on, each with the direction that is better. */
  readonly outcomes: readonly OutcomeChoice[];
  /** The two outcomes of the trade-off chart (x, y); each is one of `outcomes`. */
  readonly tradeoff: readonly [HeadlineMetric, HeadlineMetric];
  readonly runs: number;
  readonly seed: number;
}

/** A workshop read and checked: its base scenario validated, with the workshop's seed. */
export interface Workshop extends WorkshopFile {
  /** Hash of the base scenario (with the seed): hand-ins name their workshop by it. */
  readonly id: string;
  readonly baseScenario: Scenario;
}

/** A team's package as it is handed in. */
export interface HandIn {
  readonly format: typeof HANDIN_FORMAT;
  readonly formatVersion: number;
  /** The workshop's id (hash of its base scenario). */
  readonly workshop: string;
  /** The workshop's name, so a message about another workshop can say which. */
  readonly workshopName: string;
  readonly team: string;
  /** The package: each lever (dotted path under `interventions.`) the team changed from the base, with its value. */
  readonly levers: Readonly<Record<string, unknown>>;
  /** Fingerprint of everything above: a hand-in changed after it was made no longer matches. */
  readonly check: string;
}

/** Why a workshop or hand-in could not be read. */
export type BoardReason = 'damaged' | 'oversize' | 'json' | 'kind' | 'newer' | 'invalid' | 'tampered';

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: BoardReason; readonly problems: readonly Problem[] };

const fail = <T>(reason: BoardReason, problems: Problem[]): Decoded<T> => ({ ok: false, reason, problems });

const name = z.string().trim().min(1).max(MAX_NAME_CHARS);
const metric = z.enum(HEADLINE_METRICS);

const workshopSchema = z.object({
  format: z.literal(WORKSHOP_FORMAT),
  formatVersion: z.literal(BOARD_FORMAT_VERSION),
  name,
  base: z.record(z.string(), z.unknown()),
  outcomes: z
    .array(z.object({ outcome: metric, better: z.enum(['lower', 'higher']) }))
    .min(2)
    .max(MAX_OUTCOMES)
    .refine((list) => new Set(list.map((o) => o.outcome)).size === list.length, 'each outcome at most once'),
  tradeoff: z.tuple([metric, metric]),
  runs: z.int().min(MIN_WORKSHOP_RUNS).max(MAX_WORKSHOP_RUNS),
  seed: z.int().min(0).max(4_294_967_295),
});

const handInSchema = z.object({
  format: z.literal(HANDIN_FORMAT),
  formatVersion: z.literal(BOARD_FORMAT_VERSION),
  workshop: z.string().regex(/^[0-9a-f]{16}$/),
  workshopName: z.string().max(MAX_NAME_CHARS * 2),
  team: name,
  levers: z.record(z.string().regex(/^interventions\.[A-Za-z0-9.]+$/), z.unknown()),
  check: z.string(),
});

/** zod's issues as problems: path, what was expected, what was found. */
function problemsOf(issues: readonly z.core.$ZodIssue[], value: unknown): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.length === 0 ? ROOT_PATH : issue.path.map(String).join('.');
    let got: unknown = value;
    for (const step of issue.path) got = got !== null && typeof got === 'object' ? (got as Record<PropertyKey, unknown>)[step] : undefined;
    const expected = expectedOf(issue);
    return problem(path, expected, formatGot(got));
  });
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.map((v) => JSON.stringify(v)).join(' or ');
    case 'invalid_type':
      return issue.expected === 'record' ? 'an object' : `a ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? 'some text' : issue.origin === 'array' ? `at least ${String(issue.minimum)} items` : `at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `at most ${String(issue.maximum)} characters` : issue.origin === 'array' ? `at most ${String(issue.maximum)} items` : `at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'a well-formed value' : issue.format;
    case 'invalid_key':
      return 'a lever path such as "interventions.labourInspection.inspectorsPer10kWorkers"';
    default:
      return issue.message;
  }
}

/** Reads the envelope: JSON, a plain object of the right kind, a version this workbench reads. */
function envelope(text: string, kind: string, what: string, max: number): Decoded<Record<string, unknown>> {
  if (text.length > max) return fail('oversize', [problem(ROOT_PATH, `at most ${max} characters`, `${text.length} characters`, `${what} is ${text.length} characters long; at most ${max} are read`)]);
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail('json', [problem(ROOT_PATH, 'JSON', 'text that is not JSON', `${what} is not JSON (${e instanceof Error ? e.message : String(e)})`)]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('kind', [problem(ROOT_PATH, `a ${what}`, formatGot(raw))]);
  const record = raw as Record<string, unknown>;
  if (record.format !== kind) return fail('kind', [problem('format', JSON.stringify(kind), formatGot(record.format), `format: expected ${JSON.stringify(kind)} (a ${what}), got ${formatGot(record.format)}`)]);
  const v = record.formatVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > BOARD_FORMAT_VERSION) {
    return fail('newer', [problem('formatVersion', `${BOARD_FORMAT_VERSION} or lower`, String(v), `formatVersion: this ${what} was made by a newer workbench (format ${v}); this one reads format ${BOARD_FORMAT_VERSION}`)]);
  }
  return { ok: true, value: record };
}

// ---- workshops ----

/** The workshop of a base scenario: its seed is the workshop's, its id the hash of that scenario. */
export function createWorkshop(options: {
  name: string;
  base: Scenario;
  outcomes: readonly OutcomeChoice[];
  tradeoff: readonly [HeadlineMetric, HeadlineMetric];
  runs: number;
}): Decoded<Workshop> {
  const file: WorkshopFile = {
    format: WORKSHOP_FORMAT,
    formatVersion: BOARD_FORMAT_VERSION,
    name: options.name.trim(),
    base: toMinimalInput(options.base),
    outcomes: options.outcomes,
    tradeoff: options.tradeoff,
    runs: options.runs,
    seed: options.base.seed,
  };
  return checkWorkshop(file as unknown as Record<string, unknown>);
}

/** Checks a workshop's fields and its base scenario. */
export function checkWorkshop(value: Record<string, unknown>): Decoded<Workshop> {
  const parsed = workshopSchema.safeParse(value);
  if (!parsed.success) return fail('invalid', problemsOf(parsed.error.issues, value));
  const w = parsed.data;
  const chosen = w.outcomes.map((o) => o.outcome);
  const problems: Problem[] = [];
  w.tradeoff.forEach((t, i) => {
    if (!chosen.includes(t)) problems.push(problem(`tradeoff.${i}`, `one of the outcomes (${chosen.join(', ')})`, JSON.stringify(t)));
  });
  if (w.tradeoff[0] === w.tradeoff[1]) problems.push(problem('tradeoff.1', 'an outcome other than tradeoff.0', JSON.stringify(w.tradeoff[1])));
  const base = validateScenario({ ...w.base, seed: w.seed });
  if (!base.ok) problems.push(...base.problems.map((p) => ({ ...p, path: p.path === ROOT_PATH ? 'base' : `base.${p.path}`, message: `base.${p.message}` })));
  if (problems.length > 0 || !base.ok) return fail('invalid', problems);
  const file: WorkshopFile = { ...w, format: WORKSHOP_FORMAT, base: w.base as ScenarioInput, tradeoff: [w.tradeoff[0], w.tradeoff[1]] };
  return { ok: true, value: { ...file, id: scenarioHash(base.scenario), baseScenario: base.scenario } };
}

/** The workshop as it is saved and passed round (without what is derived from it). */
export function workshopFile(w: Workshop): WorkshopFile {
  const { id: _id, baseScenario: _base, ...file } = w;
  return file;
}

export function workshopText(w: Workshop): string {
  return `${JSON.stringify(workshopFile(w), null, 2)}\n`;
}

/** Reads a workshop file's text. */
export function readWorkshopText(text: string): Decoded<Workshop> {
  const env = envelope(text, WORKSHOP_FORMAT, 'workshop', MAX_BOARD_CHARS);
  return env.ok ? checkWorkshop(env.value) : env;
}

// ---- hand-ins ----

/** The fingerprint of a hand-in's content (every field but `check`). */
export function handInCheck(h: Omit<HandIn, 'check'> | HandIn): string {
  const { check: _check, ...rest } = h as HandIn;
  return fnv1a64(canonicalStringify(rest));
}

export function createHandIn(workshop: Workshop, team: string, levers: Readonly<Record<string, unknown>>): HandIn {
  const body = { format: HANDIN_FORMAT, formatVersion: BOARD_FORMAT_VERSION, workshop: workshop.id, workshopName: workshop.name, team: team.trim().replace(/\s+/g, ' '), levers } as const;
  return { ...body, check: handInCheck(body) };
}

export function handInText(h: HandIn): string {
  return `${JSON.stringify(h, null, 2)}\n`;
}

/** Reads a hand-in's text (a file, or a decompressed link part): its shape and its fingerprint. */
export function readHandInText(text: string): Decoded<HandIn> {
  const env = envelope(text, HANDIN_FORMAT, 'hand-in', MAX_HANDIN_CHARS);
  if (!env.ok) return env;
  const parsed = handInSchema.safeParse(env.value);
  if (!parsed.success) return fail('invalid', problemsOf(parsed.error.issues, env.value));
  const h = { ...parsed.data, format: HANDIN_FORMAT } as HandIn;
  const check = handInCheck(h);
  if (h.check !== check) {
    return fail('tampered', [problem('check', check, JSON.stringify(h.check), `check: the hand-in was changed after it was made (its fingerprint ${JSON.stringify(h.check)} does not match its content, ${check})`)]);
  }
  return { ok: true, value: h };
}

// ---- link parts ----

/** Parameters of a hash or a whole URL (`…#w=…`); null when there is none. */
function hashParams(link: string): URLSearchParams | null {
  const at = link.indexOf('#');
  const text = at >= 0 ? link.slice(at + 1) : link;
  if (!text || text.length > MAX_BOARD_CHARS) return null;
  try {
    return new URLSearchParams(text);
  } catch {
    return null;
  }
}

function unpack(packed: string): string | null {
  try {
    // URLSearchParams turns '+' into ' '; the encoding never contains spaces.
    return lz.decompressFromEncodedURIComponent(packed.replace(/ /g, '+')) || null;
  } catch {
    return null;
  }
}

const damaged = <T>(what: string): Decoded<T> =>
  fail('damaged', [problem(ROOT_PATH, `a whole ${what} link`, 'a link that cannot be read', `the ${what} link is damaged or cut short: ask for it again, or for the file`)]);

/** Which board link a hash or URL carries, if any. */
export function boardLinkKind(link: string): 'workshop' | 'handin' | null {
  const at = link.indexOf('#');
  const text = at >= 0 ? link.slice(at + 1) : link;
  if (/^(?:[^&]*&)*w=/.test(text)) return 'workshop';
  if (/^(?:[^&]*&)*h=/.test(text)) return 'handin';
  return null;
}

export function encodeWorkshopHash(w: Workshop): string {
  return `#w=${lz.compressToEncodedURIComponent(JSON.stringify(workshopFile(w)))}`;
}

export function encodeHandInHash(h: HandIn): string {
  return `#h=${lz.compressToEncodedURIComponent(JSON.stringify(h))}`;
}

/** Reads the workshop of a link (`#w=…`, or a whole URL holding it). */
export function decodeWorkshopLink(link: string): Decoded<Workshop> {
  if (link.length > MAX_BOARD_CHARS) return fail('oversize', [problem(ROOT_PATH, `at most ${MAX_BOARD_CHARS} characters`, `${link.length} characters`)]);
  const packed = hashParams(link)?.get('w') ?? null;
  if (packed === null) return damaged('workshop');
  const text = unpack(packed);
  return text === null ? damaged('workshop') : readWorkshopText(text);
}

/** Reads the hand-in of a link (`#h=…`, or a whole URL holding it). */
export function decodeHandInLink(link: string): Decoded<HandIn> {
  const trimmed = link.trim();
  if (trimmed.length > MAX_HANDIN_CHARS) return fail('oversize', [problem(ROOT_PATH, `at most ${MAX_HANDIN_CHARS} characters`, `${trimmed.length} characters`, `the hand-in link is ${trimmed.length} characters long; at most ${MAX_HANDIN_CHARS} are read`)]);
  const packed = hashParams(trimmed)?.get('h') ?? null;
  if (packed === null) return fail('kind', [problem(ROOT_PATH, 'a hand-in link (…#h=…)', formatGot(trimmed, 60), `this is not a hand-in link: expected a link with #h=…, got ${formatGot(trimmed, 60)}`)]);
  const text = unpack(packed);
  return text === null ? damaged('hand-in') : readHandInText(text);
}
