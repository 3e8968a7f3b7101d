import { frontier } from '../experiment/analysis.ts';
import type { OutcomeGoal } from '../experiment/types.ts';
import { HEADLINE_METRICS, windowStats, type HeadlineMetric } from '../sim/comparison.ts';
import { pairedDifference } from '../sim/paired.ts';
import type { RunSeries } from '../sim/series.ts';
import type { Better, OutcomeChoice } from './formats.ts';

/**
 * Ranking the packages of a workshop. Each package and the baseline (the
 * workshop's base scenario) run with the same seed and runs, so replicate r of
 * both shares its random draws: each outcome (the mean over the comparison
 * window, src/sim/comparison.ts) is compared in pairs, with the paired 90%
 * interval of src/sim/paired.ts, as the Compare view and the CLI do.
 */

/** Per outcome, the statistic of each replicate (windowStats). */
export type ReplicateStats = Readonly<Record<string, readonly number[]>>;

export function statsOfRuns(runs: readonly RunSeries[]): ReplicateStats {
  return windowStats(runs, HEADLINE_METRICS);
}

/** `better`/`worse`: the 90% interval of the paired difference excludes 0, on this side; `no clear effect`: it includes 0; `unknown`: fewer than 2 pairs. */
export type Verdict = 'better' | 'worse' | 'no clear effect' | 'unknown';

export interface RankedCell {
  readonly value: number;
  readonly baseline: number;
  /** Mean paired difference (package minus baseline) and its 90% interval. */
  readonly difference: number;
  readonly lo: number;
  readonly hi: number;
  /** Relative change from the baseline, and its interval (NaN from a zero baseline). */
  readonly change: number;
  readonly changeLo: number;
  readonly changeHi: number;
  readonly verdict: Verdict;
  /** 1 = best on this outcome; packages with equal differences share a rank. */
  readonly rank: number;
}

export interface RankedPackage {
  readonly team: string;
  readonly cells: Readonly<Record<string, RankedCell>>;
  /** Mean of the package's ranks over the outcomes. */
  readonly meanRank: number;
  /** 1 = best overall (lowest mean rank); equal means share a rank. */
  readonly overall: number;
}

/** Ranks of `scores` (lower is better), shared by equal scores (1, 2, 2, 4); NaN scores come last. */
export function competitionRanks(scores: readonly number[]): number[] {
  const key = (v: number) => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v);
  return scores.map((s) => 1 + scores.filter((t) => key(t) < key(s) || (Number.isNaN(s) && !Number.isNaN(t))).length);
}

const toward = (better: Better, difference: number) => (better === 'lower' ? difference : -difference);

function verdictOf(better: Better, resolved: boolean | null, difference: number): Verdict {
  if (resolved === null) return 'unknown';
  if (!resolved) return 'no clear effect';
  return toward(better, difference) < 0 ? 'better' : 'worse';
}

/**
 * Every package against the baseline on each chosen outcome, ranked on each
 * and overall, in the order of their overall rank (ties in the order given).
 */
export function rankPackages(outcomes: readonly OutcomeChoice[], baseline: ReplicateStats, packages: readonly { readonly team: string; readonly stats: ReplicateStats }[]): RankedPackage[] {
  const cellsOf = packages.map(() => ({}) as Record<string, RankedCell>);
  for (const { outcome, better } of outcomes) {
    const paired = packages.map((p) => {
      const a = p.stats[outcome] ?? [];
      const b = baseline[outcome] ?? [];
      return a.length === b.length ? pairedDifference(a, b) : pairedDifference([], []);
    });
    const ranks = competitionRanks(paired.map((d) => toward(better, d.meanDiff)));
    paired.forEach((d, i) => {
      cellsOf[i][outcome] = {
        value: d.scenarioMean,
        baseline: d.baselineMean,
        difference: d.meanDiff,
        lo: d.lo,
        hi: d.hi,
        change: d.change,
        changeLo: d.changeLo,
        changeHi: d.changeHi,
        verdict: verdictOf(better, d.resolved, d.meanDiff),
        rank: ranks[i],
      };
    });
  }
  const means = cellsOf.map((cells) => outcomes.reduce((sum, o) => sum + cells[o.outcome].rank, 0) / Math.max(1, outcomes.length));
  const overall = competitionRanks(means);
  const ranked = packages.map((p, i) => ({ team: p.team, cells: cellsOf[i], meanRank: means[i], overall: overall[i] }));
  return ranked.map((r, i) => ({ r, i })).sort((a, b) => a.r.overall - b.r.overall || a.i - b.i).map((x) => x.r);
}

export interface TradeoffPoint {
  readonly team: string;
  /** Relative changes from the baseline on the two outcomes (what the chart draws). */
  readonly x: number;
  readonly y: number;
  /** Another package is at least as good on both outcomes and better on one. */
  readonly dominated: boolean;
}

export interface Tradeoff {
  readonly x: OutcomeGoal;
  readonly y: OutcomeGoal;
  readonly points: readonly TradeoffPoint[];
}

/**
 * The trade-off between two outcomes: each package's change on both, the
 * non-dominated ones marked (experiment/analysis.ts `frontier`, on the mean
 * paired differences).
 */
export function tradeoffOf(outcomes: readonly OutcomeChoice[], axes: readonly [HeadlineMetric, HeadlineMetric], ranked: readonly RankedPackage[]): Tradeoff {
  const goal = (m: HeadlineMetric): OutcomeGoal => ({ outcome: m, better: outcomes.find((o) => o.outcome === m)?.better ?? 'lower' });
  const goals = [goal(axes[0]), goal(axes[1])] as const;
  const f = frontier(goals, ranked.map((r) => ({ label: r.team, x: r.cells[axes[0]]?.difference ?? Number.NaN, y: r.cells[axes[1]]?.difference ?? Number.NaN })));
  return {
    x: goals[0],
    y: goals[1],
    points: ranked.map((r, i) => ({ team: r.team, x: r.cells[axes[0]]?.change ?? Number.NaN, y: r.cells[axes[1]]?.change ?? Number.NaN, dominated: f.points[i].dominated })),
  };
}
