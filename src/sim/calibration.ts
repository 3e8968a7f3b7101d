import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { scenarioSchema } from '../scenario/schema.ts';
import { quantile } from './stats.ts';
import { simulate } from './engine.ts';
import type { Metric, Slot } from './metrics.ts';
import type { SimRunner } from './runner.ts';
import { metricSeries, type RunSeries } from './series.ts';

/**
 * The calibration targets of ../shared/CALIBRATION.md (C1-C7; C0 is the
 * field-effect check in field-effects.ts) as plain functions of seeded runs.
 * Pure: `npm run calibrate` prints the table, `tests/sim/calibration.test.ts`
 * runs a shorter version in `npm test`.
 */

/** Weeks are numbered from 1 here, as in CALIBRATION.md and the app; week w is index w - 1. */
export interface Window {
  readonly from: number;
  readonly to: number;
}

/** The window CALIBRATION.md measures in unless a target says otherwise: weeks 53-260. */
export const MEASURED: Window = { from: 53, to: 260 };

/** Mean of a metric over weeks [from, to] (1-based, inclusive). */
export function windowMean(run: RunSeries, metric: Metric, window: Window, slot: Slot = 'total'): number {
  const x = metricSeries(run, metric, slot);
  let sum = 0;
  for (let w = window.from; w <= window.to; w++) sum += x[w - 1];
  return sum / (window.to - window.from + 1);
}

/** Scenarios a target needs, by name; each runs `replicates` times with runs 0..n-1 of the same seed. */
export type Worlds = Record<string, { readonly input: ScenarioInput; readonly weeks: number }>;

export interface Target {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  /** The range, as CALIBRATION.md states it. */
  readonly range: string;
  readonly unit: string;
  /** Worlds this target reads, by name (shared between targets: each runs once). */
  readonly worlds: readonly string[];
  /**
   * The target's value in replicate r, from the runs of its worlds in that
   * replicate (paired: the same seed and run index in every world).
   */
  value(runs: Record<string, RunSeries>): number;
  /** Whether the mean over replicates passes. */
  pass(mean: number): boolean;
}

/** The headline metrics whose drift C6 bounds. */
export const HEADLINE: readonly Metric[] = [
  'victimsInExploitation', 'newlyTrafficked', 'reTrafficked', 'consumerDemand', 'derivedDemand',
  'reports', 'victimsIdentified', 'exploitingEmployers', 'exploitativeRecruiters',
];

/** C5 for one legal regime: its sexual-sector victims against those under criminalise-buying. */
function regimeTarget(id: string, world: 'regulate' | 'decriminalise'): Target {
  return {
    id,
    title: `sexual-sector victims, ${world} / criminalise-buying`,
    source: 'Cho, Dreher & Neumayer 2013; Jakobsson & Kotsadam 2013',
    range: '≥ 1 (not fewer than under criminalise-buying)',
    unit: 'ratio',
    worlds: [world, 'criminaliseBuying'],
    value: (runs) => sexualVictims(runs[world]) / sexualVictims(runs.criminaliseBuying),
    pass: (v) => v >= 1,
  };
}

/** C6 for one metric: its change between weeks 1-104 and 417-520 of a run with no measures. */
function driftTarget(metric: Metric): Target {
  return {
    id: `C6 ${metric}`,
    title: `stationary baseline: ${metric}, weeks 417-520 against weeks 1-104`,
    source: 'a baseline that drifts makes every comparison read the drift',
    range: '-15 % - +15 %',
    unit: '%',
    worlds: ['baseline520'],
    value: ({ baseline520: r }) => 100 * (windowMean(r, metric, { from: 417, to: 520 }) / windowMean(r, metric, { from: 1, to: 104 }) - 1),
    pass: (v) => Math.abs(v) <= 15,
  };
}

const consumerCampaign = (reach: number): ScenarioInput => ({ name: `consumer campaign ${reach}`, interventions: { awareness: { consumers: reach } } });
const regime = (r: string): ScenarioInput => ({ name: r, interventions: { prostitutionRegime: r as 'regulate' } });

export const CALIBRATION_WORLDS: Worlds = {
  baseline520: { input: { name: 'baseline, 520 weeks' }, weeks: 520 },
  campaign3: { input: consumerCampaign(0.03), weeks: 260 },
  campaignAll: { input: consumerCampaign(1), weeks: 260 },
  criminaliseBuying: { input: regime('criminalise-buying'), weeks: 260 },
  regulate: { input: regime('regulate'), weeks: 260 },
  decriminalise: { input: regime('decriminalise'), weeks: 260 },
};

/** avoiding / aware households in the goods sectors, over the measured window. */
function avoidingPerAware(run: RunSeries): number {
  let avoiding = 0;
  let aware = 0;
  for (const slot of ['agriculture', 'manufacturing'] as const) {
    // Both shares have the sector's households as denominator: their ratio is a ratio of counts.
    avoiding += windowMean(run, 'avoidingShare', MEASURED, slot);
    aware += windowMean(run, 'awareShare', MEASURED, slot);
  }
  return aware > 0 ? avoiding / aware : 0;
}

const sexualVictims = (run: RunSeries) => windowMean(run, 'victimsInExploitation', MEASURED, 'sexual');
const LATE: Window = { from: 105, to: 260 };
const change = (run: RunSeries, base: RunSeries, m: Metric) => windowMean(run, m, LATE) / windowMean(base, m, LATE) - 1;

export const TARGETS: readonly Target[] = [
  {
    id: 'C1',
    title: 'victims identified per year, share of victims in exploitation',
    source: 'UNODC GLOTIP (about 50,000 detected a year) against ILO, Walk Free & IOM 2022 (27.6 million): about 0.2 %; US TIP 2010: about 0.4 %; well-resourced destinations identify more',
    range: '0.5 % - 15 %',
    unit: '% per year',
    worlds: ['baseline520'],
    value: ({ baseline520: r }) => (100 * 52 * windowMean(r, 'victimsIdentified', MEASURED)) / windowMean(r, 'victimsInExploitation', MEASURED),
    pass: (v) => v >= 0.5 && v <= 15,
  },
  {
    id: 'C2',
    title: 'share of victims in sexual exploitation',
    source: 'ILO 2012: 22 % of forced labour in the private economy; ILO, Walk Free & IOM 2022: 6.3 of 27.6 million (23 %)',
    range: '15 % - 35 %',
    unit: '%',
    worlds: ['baseline520'],
    value: ({ baseline520: r }) => (100 * sexualVictims(r)) / windowMean(r, 'victimsInExploitation', MEASURED),
    pass: (v) => v >= 15 && v <= 35,
  },
  {
    id: 'C3',
    title: 'mean time in exploitation (stock / weekly inflow)',
    source: 'ILO & Walk Free 2017 and 2022: forced labour lasts on average well over a year, often years',
    range: '52 - 208 weeks',
    unit: 'weeks',
    worlds: ['baseline520'],
    value: ({ baseline520: r }) => windowMean(r, 'victimsInExploitation', MEASURED) / windowMean(r, 'newlyTrafficked', MEASURED),
    pass: (v) => v >= 52 && v <= 208,
  },
  {
    id: 'C4',
    title: 'attitude-behaviour gap: avoiding / aware households, consumer campaign of 3 % a week',
    source: 'Cowe & Williams 2000 ("30:3"); Carrington, Neville & Whitwell 2010',
    range: '0.04 - 0.25',
    unit: 'ratio',
    worlds: ['campaign3'],
    value: ({ campaign3: r }) => avoidingPerAware(r),
    pass: (v) => v >= 0.04 && v <= 0.25,
  },
  regimeTarget('C5a', 'regulate'),
  regimeTarget('C5b', 'decriminalise'),
  ...HEADLINE.map(driftTarget),
  {
    id: 'C7a',
    title: 'consumer campaign reaching every household: change of consumer demand, weeks 105-260',
    source: 'the paper\'s own distinction (¶10-12)',
    range: '≤ -5 %',
    unit: '%',
    worlds: ['campaignAll', 'baseline520'],
    value: ({ campaignAll, baseline520 }) => 100 * change(campaignAll, baseline520, 'consumerDemand'),
    pass: (v) => v <= -5,
  },
  {
    id: 'C7b',
    title: 'the same campaign: fall of derived demand less the fall of consumer demand',
    source: 'consumer action reaches employers only through buyers (¶11-12)',
    range: '> 0 (derived demand falls by less)',
    unit: 'points',
    worlds: ['campaignAll', 'baseline520'],
    value: ({ campaignAll, baseline520 }) => 100 * (change(campaignAll, baseline520, 'derivedDemand') - change(campaignAll, baseline520, 'consumerDemand')),
    pass: (v) => v > 0,
  },
];

export interface TargetResult {
  readonly target: Target;
  readonly mean: number;
  /** 5th and 95th percentile over replicates. */
  readonly p05: number;
  readonly p95: number;
  readonly values: readonly number[];
  readonly pass: boolean;
}

export interface CalibrationOptions {
  readonly seed: number;
  readonly replicates: number;
  /** Targets to run (all by default). */
  readonly targets?: readonly Target[];
  /** Runs one world's replicate; the default simulates in this thread. */
  readonly run?: (input: ScenarioInput, weeks: number, seed: number, run: number) => RunSeries;
}

const scenarioOf = (input: ScenarioInput, weeks: number): Scenario => scenarioSchema.parse({ ...input, weeks });

const simulateInput = (input: ScenarioInput, weeks: number, seed: number, run: number): RunSeries =>
  simulate(scenarioOf(input, weeks), { seed, run });

/** The worlds the targets read, each once, in order of first use. */
export function worldsOf(targets: readonly Target[]): string[] {
  return [...new Set(targets.flatMap((t) => t.worlds))];
}

/**
 * The targets' results from every world's replicates (`runs[world][r]`, the
 * same seed and run index r in every world). Values are taken and summed in
 * replicate order, so the result does not depend on how the runs were made.
 */
export function evaluate(targets: readonly Target[], runs: Readonly<Record<string, readonly RunSeries[]>>, replicates: number): TargetResult[] {
  return targets.map((target) => {
    const v: number[] = [];
    for (let r = 0; r < replicates; r++) {
      const paired: Record<string, RunSeries> = {};
      for (const name of target.worlds) paired[name] = runs[name][r];
      v.push(target.value(paired));
    }
    const sorted = [...v].sort((x, y) => x - y);
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    return { target, mean, p05: quantile(sorted, 0.05), p95: quantile(sorted, 0.95), values: v, pass: target.pass(mean) };
  });
}

/** Runs every world the targets need, once per replicate, and evaluates the targets. */
export function calibrate(options: CalibrationOptions): TargetResult[] {
  const targets = options.targets ?? TARGETS;
  const run = options.run ?? simulateInput;
  const runs: Record<string, RunSeries[]> = {};
  for (const name of worldsOf(targets)) {
    const w = CALIBRATION_WORLDS[name];
    runs[name] = Array.from({ length: options.replicates }, (_, r) => run(w.input, w.weeks, options.seed, r));
  }
  return evaluate(targets, runs, options.replicates);
}

export interface AsyncCalibrationOptions {
  readonly seed: number;
  readonly replicates: number;
  readonly targets?: readonly Target[];
  /** Runs a world's replicates 0..runs-1 (e.g. spread over threads); resolves in run order. */
  readonly runner: Pick<SimRunner, 'run'>;
  /** Called as each world's replicates are done. */
  readonly onWorld?: (name: string, index: number, count: number) => void;
}

/** `calibrate` through a runner: the same results, whatever runs the replicates. */
export async function calibrateAsync(options: AsyncCalibrationOptions): Promise<TargetResult[]> {
  const targets = options.targets ?? TARGETS;
  const names = worldsOf(targets);
  const runs: Record<string, RunSeries[]> = {};
  for (const [i, name] of names.entries()) {
    const w = CALIBRATION_WORLDS[name];
    runs[name] = await options.runner.run({ scenario: scenarioOf(w.input, w.weeks), seed: options.seed, runs: options.replicates });
    options.onWorld?.(name, i, names.length);
  }
  return evaluate(targets, runs, options.replicates);
}
