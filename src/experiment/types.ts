import type { Scenario } from '../scenario/schema.ts';
import type { HeadlineMetric } from '../sim/comparison.ts';
import type { Slot } from '../sim/metrics.ts';

/**
 * Experiments (issue 11): the shared vocabulary of the experiment file, its
 * designs, the runs they expand to and what each run leaves behind. Pure
 * types; schema.ts validates files into `Experiment`, design.ts expands an
 * experiment into `ExperimentPoint`s, the runners (CLI and app) produce one
 * `PointRecord` per point, and analysis.ts turns records into results.
 *
 * A *point* is one scenario of the design (a grid cell, a second-order draw,
 * a Morris step, a package); each point runs `replicates` replicates with
 * the experiment's seed (common random numbers: replicate r of every point
 * uses the same random key, so differences between points are not noise from
 * different seeds). A *run* is one replicate of one point. Points are the
 * unit of work, of storage and of sharding.
 */

/** A distribution over an assumption's plausible range [min, max]. */
export type Distribution =
  | { readonly kind: 'uniform' }
  /** Mode inside [min, max]; default the assumption's default value. */
  | { readonly kind: 'triangular'; readonly mode?: number }
  /** Normal with this mean and sd, truncated to [min, max]; defaults: the default value, range / 4. */
  | { readonly kind: 'normal'; readonly mean?: number; readonly sd?: number }
  /** Log-uniform over [min, max] (min > 0): for sizes spanning orders of magnitude. */
  | { readonly kind: 'log-uniform' };

/** One uncertain assumption as a design sees it. */
export interface UncertainInput {
  /** Dotted scenario path, e.g. `assumptions.reporting.baseReportRate`. */
  readonly path: string;
  readonly min: number;
  readonly max: number;
  /** Integer-valued fields are rounded after drawing. */
  readonly integer: boolean;
  readonly distribution: Distribution;
  /** Where [min, max] came from: the file, or the documented default rule (ranges.ts). */
  readonly rangeSource: 'file' | 'default';
}

/** A named set of scenario changes (dotted path → value), applied to the base scenario. */
export interface Package {
  readonly label: string;
  readonly set: Readonly<Record<string, unknown>>;
}

/** Which assumptions a design varies: every numeric assumption, or the paths listed. */
export type InputSelection = 'all' | readonly string[];

/** A range given in the file for one path (overrides the default rule). */
export interface RangeSpec {
  readonly min: number;
  readonly max: number;
  readonly distribution?: Distribution;
}

export type Design =
  /** Every combination of the axes' values (first axis slowest): today's `--sweep`, as a file. */
  | { readonly type: 'grid'; readonly axes: readonly { readonly path: string; readonly values: readonly unknown[] }[] }
  /** Points listed one by one. */
  | { readonly type: 'list'; readonly points: readonly Package[] }
  /** Second-order Monte Carlo: `draws` assumption sets, Latin hypercube (default) or simple random. */
  | {
      readonly type: 'monte-carlo';
      readonly draws: number;
      readonly sampling: 'latin-hypercube' | 'random';
      readonly inputs: InputSelection;
      readonly ranges: Readonly<Record<string, RangeSpec>>;
    }
  /** One at a time: each input at its range's low and high end, the others at the base (tornado). */
  | { readonly type: 'one-at-a-time'; readonly inputs: InputSelection; readonly ranges: Readonly<Record<string, RangeSpec>> }
  /** Morris elementary effects: `trajectories` trajectories on a `levels`-level grid (Morris 1991; Campolongo 2007). */
  | {
      readonly type: 'morris';
      readonly trajectories: number;
      readonly levels: number;
      readonly inputs: InputSelection;
      readonly ranges: Readonly<Record<string, RangeSpec>>;
    }
  /**
   * What each measure of a package contributes: the base (baseline), the full
   * package, each measure alone and the package without each.
   * `measures` names intervention groups (e.g. `interventions.labourInspection`);
   * default: every group the package changes.
   */
  | { readonly type: 'attribution'; readonly package: Package; readonly measures?: readonly string[] }
  /**
   * Packages against the baseline over `draws` plausible worlds (second-order
   * draws, shared by every package): how often each wins, and its side effects.
   */
  | {
      readonly type: 'robustness';
      readonly packages: readonly Package[];
      readonly draws: number;
      readonly sampling: 'latin-hypercube' | 'random';
      readonly inputs: InputSelection;
      readonly ranges: Readonly<Record<string, RangeSpec>>;
    };

export type DesignType = Design['type'];

/** A validated experiment file. */
export interface Experiment {
  readonly name: string;
  readonly description?: string;
  /** The base scenario, resolved (a file path in the experiment file is read by the caller). */
  readonly scenario: Scenario;
  /** Seed of every point's replicates, and of the design's own draws (a separate stream). */
  readonly seed: number;
  readonly replicates: number;
  /** Horizon of every point; default the scenario's `weeks`. */
  readonly weeks: number;
  /** Outcomes analysed (the comparison window's mean of each, per run). */
  readonly outcomes: readonly HeadlineMetric[];
  /** Sectors (slots) written and analysed; default ['total']. */
  readonly slots: readonly Slot[];
  /** Write every week of every run (tidy CSV) or only the per-run outcomes. Default 'weekly'. */
  readonly series: 'weekly' | 'outcomes';
  /**
   * Two outcomes for the trade-off frontier (robustness, list and grid designs):
   * each with the direction that counts as better.
   */
  readonly frontier?: readonly [OutcomeGoal, OutcomeGoal];
  readonly design: Design;
}

export interface OutcomeGoal {
  readonly outcome: HeadlineMetric;
  readonly better: 'lower' | 'higher';
}

/** Which role a point plays in its design (analysis reads these, never the point's position). */
export type PointRole =
  | { readonly kind: 'grid' }
  | { readonly kind: 'list'; readonly label: string }
  | { readonly kind: 'draw'; readonly draw: number }
  | { readonly kind: 'oat-base' }
  | { readonly kind: 'oat'; readonly path: string; readonly end: 'low' | 'high' }
  /** Step `step` of Morris trajectory `trajectory`; step 0 is its start, step i moved `path` by `delta` (in units of the range). */
  | { readonly kind: 'morris'; readonly trajectory: number; readonly step: number; readonly path?: string; readonly delta?: number }
  | { readonly kind: 'attribution'; readonly set: 'baseline' | 'package' | 'alone' | 'without'; readonly measure?: string }
  | { readonly kind: 'robustness'; readonly package: string | null; readonly draw: number };

/** One point of an expanded design. */
export interface ExperimentPoint {
  /** 0-based position in the design: the unit of storage and sharding. */
  readonly index: number;
  readonly role: PointRole;
  /** The values this point sets (dotted path → value), in a stable order: the CSV's varied columns. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The validated scenario it runs (the experiment's weeks and seed applied). */
  readonly scenario: Scenario;
}

/** What one point leaves behind: one file per point, written atomically. */
export interface PointRecord {
  readonly index: number;
  /** scenarioHash of the point's scenario. */
  readonly scenarioHash: string;
  readonly seed: number;
  readonly replicates: number;
  readonly weeks: number;
  /** outcomes[outcome][slot][replicate]: the comparison window's mean of each replicate. */
  readonly outcomes: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;
  /** weekly[outcome][slot][replicate][week], when the experiment keeps every week. */
  readonly weekly?: Readonly<Record<string, Readonly<Record<string, readonly (readonly number[])[]>>>>;
}

// ---- Results (analysis.ts): JSON-able, what the CLI's summary.json and the app's Explore view show ----

/** Mean and 90% interval (5th and 95th percentiles) of a set of values. */
export interface Spread {
  readonly mean: number;
  readonly p05: number;
  readonly p95: number;
}

/** Second-order bands of one outcome and slot over the weeks: spread from assumptions apart from spread from chance. */
export interface SecondOrderBands {
  readonly outcome: HeadlineMetric;
  readonly slot: Slot;
  /** Per week: the mean over every run. */
  readonly mean: readonly number[];
  /** Per week: 5th-95th percentiles over draws of each draw's mean over its replicates (the assumptions' spread). */
  readonly assumptions: { readonly p05: readonly number[]; readonly p95: readonly number[] };
  /** Per week: 5th-95th percentiles of the replicates around their draw's mean, shifted to the overall mean (chance). */
  readonly chance: { readonly p05: readonly number[]; readonly p95: readonly number[] };
  /** Per week: 5th-95th percentiles over every run (both together). */
  readonly total: { readonly p05: readonly number[]; readonly p95: readonly number[] };
  /** Of the outcome's window mean: the share of its variance between draws (assumptions) and within them (chance); sums to 1. */
  readonly varianceShare: { readonly assumptions: number; readonly chance: number };
}

/** One bar of a tornado: the outcome with the input at its low and its high end, the others at the base. */
export interface TornadoBar {
  readonly path: string;
  readonly lowValue: number;
  readonly highValue: number;
  /** Mean over replicates of the outcome's window mean. */
  readonly low: number;
  readonly high: number;
  /** |high − low|: the bars are sorted by it, widest first. */
  readonly swing: number;
}

export interface Tornado {
  readonly outcome: HeadlineMetric;
  readonly slot: Slot;
  readonly base: number;
  readonly bars: readonly TornadoBar[];
}

/** Morris elementary effects of one input on one outcome (effects per unit of the input's range). */
export interface MorrisEntry {
  readonly path: string;
  readonly mu: number;
  readonly muStar: number;
  readonly sigma: number;
  /** Elementary effects computed (one per trajectory). */
  readonly effects: number;
}

export interface Morris {
  readonly outcome: HeadlineMetric;
  readonly slot: Slot;
  /** Sorted by μ*, largest first. */
  readonly entries: readonly MorrisEntry[];
}

/** One measure's share of a package's change of an outcome from the baseline. */
export interface AttributionStep {
  /** The intervention group, e.g. `interventions.labourInspection`. */
  readonly measure: string;
  /** Change from the baseline with this measure alone. */
  readonly alone: Spread;
  /** Change from the package without this measure to the full package. */
  readonly marginal: Spread;
}

/** What moved this line: baseline → each measure alone → interaction → package (a waterfall). */
export interface Attribution {
  readonly outcome: HeadlineMetric;
  readonly slot: Slot;
  readonly baseline: number;
  readonly package: number;
  /** package − baseline, paired by replicate. */
  readonly total: Spread;
  readonly steps: readonly AttributionStep[];
  /** total − Σ alone: what the measures do together beyond the sum of their parts. */
  readonly interaction: Spread;
}

/** A package against the baseline on one outcome over the plausible worlds (draws). */
export interface RobustnessRow {
  readonly package: string;
  readonly outcome: HeadlineMetric;
  readonly slot: Slot;
  readonly better: 'lower' | 'higher';
  readonly draws: number;
  /** Share of draws in which the package's mean beats the baseline's in the better direction. */
  readonly wins: number;
  /** Package minus baseline over draws (each draw's mean over its replicates). */
  readonly difference: Spread;
  /** The package moves this outcome the wrong way in most draws (for example reports falling). */
  readonly sideEffect: boolean;
}

/** A package on the trade-off frontier: its change from the baseline on two outcomes. */
export interface FrontierPoint {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** Another package is at least as good on both outcomes and better on one. */
  readonly dominated: boolean;
}

export interface Frontier {
  readonly x: OutcomeGoal;
  readonly y: OutcomeGoal;
  readonly points: readonly FrontierPoint[];
}

/** What summary.json holds (and the app shows): every analysis that applies to the design. */
export interface ExperimentSummary {
  readonly name: string;
  /** Hash of the experiment as run (its canonical form): a merge checks that parts belong together. */
  readonly experimentHash: string;
  readonly design: DesignType;
  readonly points: number;
  readonly replicates: number;
  readonly weeks: number;
  /** Per point, per outcome and slot: the spread over replicates of the window mean. */
  readonly pointOutcomes: readonly { readonly index: number; readonly values: Readonly<Record<string, unknown>>; readonly outcomes: Readonly<Record<string, Readonly<Record<string, Spread>>>> }[];
  readonly secondOrder?: readonly SecondOrderBands[];
  readonly tornado?: readonly Tornado[];
  readonly morris?: readonly Morris[];
  readonly attribution?: readonly Attribution[];
  readonly robustness?: readonly RobustnessRow[];
  readonly frontier?: Frontier;
}
