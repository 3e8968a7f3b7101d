import { unitOf } from '../sim/metrics.ts';
import { OUTCOME_BETTER } from './analysis.ts';
import type { ExperimentSummary, Spread } from './types.ts';

/**
 * The results of an experiment in words and small tables (Markdown), for a
 * researcher at a terminal: `report.md` in the results directory, printed at
 * the end of a run. Pure and deterministic (same summary, same bytes): a merge
 * writes the same report as one process. Everything it says is in
 * summary.json; this only picks the lines worth reading first.
 */

/** Rows kept per ranking (the rest are in summary.json). */
const TOP = 10;

const num = (x: number): string => {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  return a !== 0 && (a < 0.001 || a >= 1e6) ? x.toExponential(2) : String(Number(x.toPrecision(4)));
};
const signed = (x: number): string => (Number.isFinite(x) && x > 0 ? `+${num(x)}` : num(x));
const interval = (s: Spread): string => `${signed(s.mean)} [${signed(s.p05)}, ${signed(s.p95)}]`;
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

export function reportText(summary: ExperimentSummary): string {
  const out: string[] = [
    `# ${summary.name}`,
    '',
    `Design: ${summary.design}; ${summary.points} points × ${summary.replicates} replicates, ${summary.weeks} weeks; experiment ${summary.experimentHash}.`,
    'Outcomes are each run\'s mean over the comparison window (from week 53 on). Illustrative, not a forecast: every figure follows from the scenario\'s assumptions.',
  ];
  const section = (title: string, lines: readonly string[]) => out.push('', `## ${title}`, '', ...lines);

  for (const b of summary.secondOrder ?? []) {
    section(`Second-order spread: ${b.outcome} (${b.slot})`, [
      `Of the variance of the window mean, ${pct(b.varianceShare.assumptions)} lies between plausible worlds (assumptions) and ${pct(b.varianceShare.chance)} within them (chance).`,
      ...(b.mean.length > 0
        ? [`Last week: mean ${num(b.mean.at(-1)!)} ${unitOf(b.outcome)}; assumptions band ${num(b.assumptions.p05.at(-1)!)}–${num(b.assumptions.p95.at(-1)!)}, chance band ${num(b.chance.p05.at(-1)!)}–${num(b.chance.p95.at(-1)!)}.`]
        : []),
    ]);
  }
  for (const t of summary.tornado ?? []) {
    section(`Tornado: ${t.outcome} (${t.slot}), base ${num(t.base)} ${unitOf(t.outcome)}`, table(
      ['assumption', 'low end', 'outcome', 'high end', 'outcome', 'swing'],
      t.bars.slice(0, TOP).map((b) => [b.path, num(b.lowValue), num(b.low), num(b.highValue), num(b.high), num(b.swing)]),
    ));
  }
  for (const m of summary.morris ?? []) {
    section(`Morris: ${m.outcome} (${m.slot}), effects in ${unitOf(m.outcome)} per whole plausible range`, [
      ...table(['rank', 'assumption', 'μ*', 'μ', 'σ', 'effects'], m.entries.slice(0, TOP).map((e, i) => [String(i + 1), e.path, num(e.muStar), num(e.mu), num(e.sigma), String(e.effects)])),
      '',
      'μ*: how much the assumption moves the outcome on average; σ large against μ*: its effect depends on the others (interactions or a curve).',
    ]);
  }
  for (const a of summary.attribution ?? []) {
    section(`Attribution: ${a.outcome} (${a.slot}), baseline ${num(a.baseline)} → package ${num(a.package)} ${unitOf(a.outcome)}`, [
      ...table(
        ['measure', 'alone (change from baseline)', 'marginal (package without it → package)'],
        [...a.steps.map((s) => [s.measure, interval(s.alone), interval(s.marginal)]), ['interaction', interval(a.interaction), ''], ['total', interval(a.total), '']],
      ),
      '',
      'Mean change with its 90% interval over replicates; interaction = total − the sum of the measures alone.',
    ]);
  }
  if (summary.robustness && summary.robustness.length > 0) {
    const rows = summary.robustness.map((r) => [
      r.package,
      `${r.outcome} (${r.slot}, ${r.better} is better)`,
      `${pct(r.wins)} of ${r.draws}`,
      interval(r.difference),
      r.sideEffect ? 'side effect' : '',
    ]);
    section('Robustness: share of plausible worlds in which each package beats the baseline', table(['package', 'outcome', 'wins', 'change (mean [5%, 95%] over worlds)', ''], rows));
  }
  if (summary.frontier) {
    const f = summary.frontier;
    section(`Trade-off: ${f.x.outcome} (${f.x.better} is better) against ${f.y.outcome} (${f.y.better} is better)`, table(
      ['package', `change in ${f.x.outcome}`, `change in ${f.y.outcome}`, 'on the frontier'],
      f.points.map((p) => [p.label, signed(p.x), signed(p.y), p.dominated ? 'no' : 'yes']),
    ));
  }
  if (!summary.secondOrder && !summary.tornado && !summary.morris && !summary.attribution && !summary.robustness) {
    const first = summary.pointOutcomes.slice(0, TOP);
    const outcomes = Object.keys(first[0]?.outcomes ?? {});
    section('Points (first rows; every point in outcomes.csv)', table(
      ['point', 'values', ...outcomes.map((o) => `${o} (${OUTCOME_BETTER[o as keyof typeof OUTCOME_BETTER] ?? ''} is better)`)],
      first.map((p) => [
        String(p.index),
        Object.entries(p.values).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ') || 'base',
        ...outcomes.map((o) => {
          const s = p.outcomes[o]?.total ?? Object.values(p.outcomes[o] ?? {})[0];
          return s ? interval(s).replace(/^\+/, '') : '–';
        }),
      ]),
    ));
  }
  return `${out.join('\n')}\n`;
}
