import { FORMAT_VERSION } from './schema.ts';
import { isPlainObject } from './path.ts';
import { formatGot, problem, type Problem } from './problem.ts';

/**
 * Scenario files carry `formatVersion`. When the format changes, the version
 * goes up by one and a migration from the previous version is added to
 * MIGRATIONS, so that every file ever written keeps loading. A file without
 * `formatVersion` is taken to be of the current version.
 *
 * Format 1 is the first released format; tests inject a made-up migration
 * from a format 0 to show the machinery works.
 */

export type JsonObject = Record<string, unknown>;

export type MigrationStep =
  | { ok: true; value: JsonObject; notes?: string[] }
  | { ok: false; problems: Problem[] };

export interface Migration {
  /** Migrates a document of format `from` to format `from + 1`. */
  readonly from: number;
  /** One line on what changed, shown to the user as a warning after migrating. */
  readonly summary: string;
  /**
   * Returns the migrated document (without touching its input), or problems
   * that say exactly why this document cannot be migrated. The framework sets
   * `formatVersion` afterwards.
   */
  up(doc: JsonObject): MigrationStep;
}

type Doc = Record<string, unknown>;
const objectAt = (doc: Doc, key: string): Doc => (isPlainObject(doc[key]) ? { ...(doc[key] as Doc) } : {});

/**
 * Format 2 (engine 2.0.0) puts every sanction on one scale (`assumptions.sanctions`):
 * the employers' `prisonMonthCost` moves there, the trafficking penalty becomes
 * months of prison at that cost, and the clients' `buyingOffenceCost` becomes the
 * buying offence's fine; `market.subcontractorDisplacement` becomes a share of
 * work moved. The model changed too, so results differ.
 */
const toFormatTwo: Migration = {
  from: 1,
  summary: 'engine 2.0.0 recalibrated the model (docs/model.md, "Model versions"): results differ from those this scenario gave before; every sanction is now on one scale (assumptions.sanctions)',
  up(doc) {
    const assumptions = objectAt(doc, 'assumptions');
    const employers = objectAt(assumptions, 'employers');
    const clients = objectAt(assumptions, 'clients');
    const sanctions = objectAt(assumptions, 'sanctions');
    const market = objectAt(assumptions, 'market');
    const notes: string[] = [];
    if (typeof market.subcontractorDisplacement === 'number') {
      // Was an extra-gain multiplier (0-5); now the share of work moved (0-1).
      const x = market.subcontractorDisplacement;
      market.subcontractorDisplacement = x >= 0 ? Math.round((x / (1 + x)) * 1000) / 1000 : x;
      notes.push(`assumptions.market.subcontractorDisplacement is now the share of work that moves to subcontractors: ${x} became ${String(market.subcontractorDisplacement)}`);
    }
    if ('prisonMonthCost' in employers) {
      sanctions.prisonMonthCost = employers.prisonMonthCost;
      delete employers.prisonMonthCost;
      notes.push('assumptions.employers.prisonMonthCost is now assumptions.sanctions.prisonMonthCost');
    }
    if ('traffickingPenaltyCost' in employers) {
      const cost = employers.traffickingPenaltyCost;
      const month = typeof sanctions.prisonMonthCost === 'number' && sanctions.prisonMonthCost > 0 ? sanctions.prisonMonthCost : 2_500;
      // The same perceived cost, expressed as months of prison (at most the schema's 480).
      sanctions.traffickingMonths = typeof cost === 'number' ? Math.min(480, Math.round((cost / month) * 100) / 100) : cost;
      delete employers.traffickingPenaltyCost;
      notes.push(`assumptions.employers.traffickingPenaltyCost is now assumptions.sanctions.traffickingMonths (${String(sanctions.traffickingMonths)} months at ${month} USD a month)`);
    }
    if ('buyingOffenceCost' in clients) {
      sanctions.buyingOffenceFine = clients.buyingOffenceCost;
      delete clients.buyingOffenceCost;
      notes.push('assumptions.clients.buyingOffenceCost is now assumptions.sanctions.buyingOffenceFine');
    }
    if (notes.length === 0) return { ok: true, value: doc };
    const next: Doc = { ...assumptions, sanctions };
    if ('market' in assumptions) next.market = market;
    if (Object.keys(employers).length > 0 || 'employers' in assumptions) next.employers = employers;
    if (Object.keys(clients).length > 0 || 'clients' in assumptions) next.clients = clients;
    return { ok: true, value: { ...doc, assumptions: next }, notes };
  },
};

/** Migrations from format k to k + 1, in order. */
export const MIGRATIONS: readonly Migration[] = [toFormatTwo];

export interface MigrateOptions {
  migrations?: readonly Migration[];
  /** The format this build reads; FORMAT_VERSION except in tests. */
  current?: number;
}

export type MigrateResult =
  | { ok: true; value: unknown; from: number; warnings: string[] }
  | { ok: false; problems: Problem[] };

/**
 * Brings a document to the current format. Anything that is not an object
 * with an integer `formatVersion` passes through unchanged, for the schema to
 * report.
 */
export function migrate(doc: unknown, options: MigrateOptions = {}): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const current = options.current ?? FORMAT_VERSION;
  if (!isPlainObject(doc) || !Object.prototype.hasOwnProperty.call(doc, 'formatVersion')) {
    return { ok: true, value: doc, from: current, warnings: [] };
  }
  const version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) return { ok: true, value: doc, from: current, warnings: [] };
  if (version > current) {
    return fail(version, `a format version up to ${current}`,
      `formatVersion: this file was written by a newer version of the workbench (format ${version}); this build reads up to ${current}`);
  }
  const oldest = oldestReadable(migrations, current);
  const warnings: string[] = [];
  let value: JsonObject = doc;
  for (let k = version; k < current; k++) {
    const step = migrations.find((m) => m.from === k);
    if (!step) {
      return fail(version, `a format version from ${oldest} to ${current}`,
        `formatVersion: this file uses format ${version}, which this build cannot read: there is no migration from format ${k} to format ${k + 1} (this build reads formats ${oldest} to ${current})`);
    }
    let result: MigrationStep;
    try {
      result = step.up(value);
    } catch (e) {
      return fail(version, `a document that migrates from format ${k} to format ${k + 1}`,
        `formatVersion: migrating this file from format ${k} to format ${k + 1} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!result.ok) return { ok: false, problems: result.problems };
    value = { ...result.value, formatVersion: k + 1 };
    warnings.push(`migrated from format ${k} to format ${k + 1}: ${step.summary}`, ...(result.notes ?? []));
  }
  return { ok: true, value, from: version, warnings };
}

/** The oldest format that can be migrated step by step to `current`. */
export function oldestReadable(migrations: readonly Migration[], current = FORMAT_VERSION): number {
  let oldest = current;
  while (migrations.some((m) => m.from === oldest - 1)) oldest--;
  return oldest;
}

function fail(version: number, expected: string, message: string): MigrateResult {
  return { ok: false, problems: [problem('formatVersion', expected, formatGot(version), message)] };
}
