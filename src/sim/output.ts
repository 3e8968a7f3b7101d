import { csvFormatRows } from 'd3';
import type { Scenario } from '../scenario/schema.ts';
import { SECTORS, type Sector } from '../scenario/sectors.ts';
import { METRICS, type Metric } from './metrics.ts';
import { RUN_STATS, type Band, type Summary } from './stats.ts';

/** The output document of a Monte Carlo run and its JSON and CSV texts (pure). */

/** Sectors a scenario simulates, in SECTORS order. */
export function enabledSectors(scenario: Scenario): Sector[] {
  return SECTORS.filter((s) => scenario.assumptions.sectors[s].enabled);
}

/** The JSON output of a Monte Carlo run (issue 2, "Command-line runner"). Keep it stable. */
export interface OutputDocument {
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly engine: { readonly version: string };
  readonly seed: number;
  readonly runs: number;
  readonly weeks: number;
  /** Totals over all enabled sectors. */
  readonly series: Record<Metric, Band>;
  /** Enabled sectors only: a switched-off sector has no agents, so its series would be all zeros. */
  readonly bySector: Partial<Record<Sector, Record<Metric, Band>>>;
}

export interface OutputMeta {
  readonly scenario: Scenario;
  /** scenarioHash() of the validated scenario, after any --set overrides. */
  readonly hash: string;
  readonly engineVersion: string;
  readonly seed: number;
}

export function toOutputDocument(meta: OutputMeta, summary: Summary): OutputDocument {
  const bySector: Partial<Record<Sector, Record<Metric, Band>>> = {};
  for (const s of enabledSectors(meta.scenario)) bySector[s] = summary.bands[s];
  return {
    scenario: { name: meta.scenario.name, hash: meta.hash },
    engine: { version: meta.engineVersion },
    seed: meta.seed,
    runs: summary.runs,
    weeks: summary.weeks,
    series: summary.bands.total,
    bySector,
  };
}

/**
 * JSON text of an output document: objects indented, arrays of numbers on one
 * line (readable, diffable, a fraction of the size of fully indented JSON).
 * NaN and infinities become null, as in JSON.stringify.
 */
export function formatJSON(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v) ?? 'null').join(',')}]`;
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + formatJSON(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJSON(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Header of the long CSV format; sweeps put one column per swept path before it. */
export const CSV_COLUMNS = ['run_stat', 'sector', 'metric', 'week', 'value'] as const;

/** Rows of the long CSV format, without header: sector `total` first, then enabled sectors; weeks from 0. */
export function csvRows(doc: OutputDocument, prefix: readonly string[] = []): string[][] {
  const rows: string[][] = [];
  const blocks: [string, Record<Metric, Band>][] = [['total', doc.series]];
  for (const s of SECTORS) {
    const b = doc.bySector[s];
    if (b) blocks.push([s, b]);
  }
  for (const [sector, bands] of blocks) {
    for (const metric of METRICS) {
      for (const stat of RUN_STATS) {
        const values = bands[metric][stat];
        for (let w = 0; w < values.length; w++) {
          const v = values[w];
          rows.push([...prefix, stat, sector, metric, String(w), Number.isFinite(v) ? String(v) : '']);
        }
      }
    }
  }
  return rows;
}

/** Long CSV: `run_stat,sector,metric,week,value`, one row per statistic, sector, metric and week. */
export function toCSV(doc: OutputDocument): string {
  return csvFormatRows([[...CSV_COLUMNS], ...csvRows(doc)]) + '\n';
}
