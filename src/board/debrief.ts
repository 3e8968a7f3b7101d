import { csvFormatRows } from 'd3';
import { getAtPath } from '../scenario/path.ts';
import type { BoardPackage } from './board.ts';
import type { OutcomeChoice, Workshop } from './formats.ts';
import type { RankedPackage, Tradeoff } from './rank.ts';

/**
 * The debrief's table: one row per package (in overall rank order), its
 * levers (every lever any package changed, with this package's value) and,
 * per chosen outcome, its value, the baseline's, the change with its paired
 * 90% interval, the verdict and the rank.
 */

export const DEBRIEF_LEADING = ['workshop', 'workshop_id', 'seed', 'runs', 'overall_rank', 'mean_rank', 'team', 'non_dominated'] as const;
export const DEBRIEF_OUTCOME = ['value', 'baseline', 'change', 'change_lo', 'change_hi', 'verdict', 'rank'] as const;

/** Every lever changed by any package, in the order first met. */
export function changedLevers(packages: readonly BoardPackage[]): string[] {
  const out: string[] = [];
  for (const p of packages) for (const path of Object.keys(p.handIn.levers)) if (!out.includes(path)) out.push(path);
  return out;
}

const num = (v: number) => (Number.isFinite(v) ? String(v) : '');
const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function debriefTable(workshop: Workshop, packages: readonly BoardPackage[], ranked: readonly RankedPackage[], tradeoff: Tradeoff | null): { header: string[]; rows: string[][] } {
  const levers = changedLevers(packages);
  const outcomes: readonly OutcomeChoice[] = workshop.outcomes;
  const header = [...DEBRIEF_LEADING, ...levers, ...outcomes.flatMap((o) => DEBRIEF_OUTCOME.map((c) => `${o.outcome}_${c}`))];
  const rows = ranked.map((r) => {
    const pkg = packages.find((p) => p.handIn.team === r.team);
    const point = tradeoff?.points.find((p) => p.team === r.team);
    return [
      workshop.name, workshop.id, String(workshop.seed), String(workshop.runs),
      String(r.overall), num(r.meanRank), r.team, point ? String(!point.dominated) : '',
      ...levers.map((path) => text(pkg ? getAtPath(pkg.scenario, path.split('.')) : undefined)),
      ...outcomes.flatMap((o) => {
        const c = r.cells[o.outcome];
        return c ? [num(c.value), num(c.baseline), num(c.change), num(c.changeLo), num(c.changeHi), c.verdict, String(c.rank)] : DEBRIEF_OUTCOME.map(() => '');
      }),
    ];
  });
  return { header, rows };
}

/** The debrief table as CSV (RFC 4180 quoting by d3-dsv), with a final newline. */
export function debriefCsv(workshop: Workshop, packages: readonly BoardPackage[], ranked: readonly RankedPackage[], tradeoff: Tradeoff | null): string {
  const t = debriefTable(workshop, packages, ranked, tradeoff);
  return `${csvFormatRows([t.header, ...t.rows])}\n`;
}
