import { HEADLINE_METRICS, type Comparison } from '../sim/comparison.ts';

/**
 * The comparison against --baseline as a short table for standard error, for
 * a person at the terminal; the output file holds the full numbers.
 */

const value = (v: number) => (!Number.isFinite(v) ? '–' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));
const percent = (v: number) => (!Number.isFinite(v) ? '–' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}%`);

export function comparisonTable(c: Comparison, scenario: { readonly name: string; readonly runs: number }): string[] {
  const head = ['metric', 'scenario', 'baseline', 'change', '90% interval', 'effect'];
  const rows = HEADLINE_METRICS.map((metric) => {
    const m = c.metrics[metric];
    const interval = Number.isFinite(m.changeLo) ? `${percent(m.changeLo)} to ${percent(m.changeHi)}` : '–';
    return [metric, value(m.scenario), value(m.baseline), percent(m.change), interval, m.effect];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // Names and effects left-aligned, numbers right-aligned.
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [
    `${JSON.stringify(scenario.name)} against baseline ${JSON.stringify(c.baseline.name)}: mean per week over weeks ${c.fromWeek + 1}-${c.toWeek} (counted from 1), ${c.sector === 'total' ? 'all enabled sectors' : c.sector}, ${scenario.runs} paired run${scenario.runs === 1 ? '' : 's'}`,
    line(head),
    ...rows.map(line),
    `effect: the ${Math.round(c.level * 100)}% interval of the paired difference (each run against the baseline run with the same seed) excludes 0 (down, up) or includes it (no clear effect)`,
  ];
}
