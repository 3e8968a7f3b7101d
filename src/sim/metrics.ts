import { SECTORS } from '../scenario/sectors.ts';
import type { World } from './model/world.ts';

/**
 * Output metrics, per week, in total and per sector (MODEL.md "Outputs").
 * These names are part of the public output format and never change.
 */
export const METRICS = [
  'consumerDemand',
  'derivedDemand',
  'marketVolume',
  'hiddenShare',
  'victimsInExploitation',
  'newlyTrafficked',
  'reTrafficked',
  'suspiciousClients',
  'reports',
  'reportsByClients',
  'reportsByConsumers',
  'reportsByWorkers',
  'reportsByInspectors',
  'reportsByAuditors',
  'victimsIdentified',
  'casesOpened',
  'casesAgainstClients',
  'casesAgainstEmployers',
  'casesAgainstRecruiters',
  'prosecutions',
  'convictions',
  'convictionsOfClients',
  'convictionsOfEmployers',
  'convictionsOfRecruiters',
  'exploitingEmployers',
  'exploitativeRecruiters',
  'awareShare',
  'avoidingShare',
  'unfilledPlaces',
] as const;
export type Metric = (typeof METRICS)[number];

/** A metric's value in sector k, read from the world at the end of the week. */
type PerSector = (w: World, k: number) => number;

/**
 * How a metric is found each week (STYLE.md 5: declarative reporters). Its
 * total over sectors is the sum of the sectors, except for a ratio: the ratio
 * of the sums, not a sum of ratios.
 */
export type Reporter =
  /** A stock or level of the world. */
  | { readonly kind: 'stock'; readonly of: PerSector }
  /** A share of two quantities of the world. */
  | { readonly kind: 'ratio'; readonly num: PerSector; readonly den: PerSector }
  /** The week's count of events, tallied by the behaviours under the metric's own name. */
  | { readonly kind: 'events' }
  /** The sum of other event metrics' counts. */
  | { readonly kind: 'sum'; readonly of: readonly Metric[] };

const stock = (of: PerSector): Reporter => ({ kind: 'stock', of });
const ratio = (num: PerSector, den: PerSector): Reporter => ({ kind: 'ratio', num, den });
const sum = (of: readonly Metric[]): Reporter => ({ kind: 'sum', of });
const EVENTS: Reporter = { kind: 'events' };

export interface MetricInfo {
  /** What is counted (`workers`, `share`...); with `per`, counted per week: a flow. */
  readonly unit: string;
  readonly per?: 'week';
  /** What it measures; its label for the app is the catalogue's `metric.<name>` (src/ui/messages/). */
  readonly description: string;
  readonly report: Reporter;
}

/** Every metric, once: its unit, its meaning and how it is computed (collect.ts runs the reporters). */
export const METRIC_INFO: { readonly [M in Metric]: MetricInfo } = {
  consumerDemand: {
    unit: 'units',
    per: 'week',
    description: 'units bought that were made or delivered with trafficked labour',
    report: stock((w, k) => w.consumerDemand[k]),
  },
  derivedDemand: {
    unit: 'places',
    description: 'places for trafficked labour that exploiting employers hold or seek to fill, plus exploitative recruiters\' weekly orders: the demand of those who profit (¶12), filled or not',
    report: stock((w, k) => w.derivedDemand[k]),
  },
  marketVolume: {
    unit: 'units',
    per: 'week',
    description: 'all units or transactions bought, tainted or not',
    report: stock((w, k) => w.marketVolume[k]),
  },
  hiddenShare: {
    unit: 'share',
    description: 'share of market volume in hidden segments (private or online sex market, unregistered subcontractors)',
    report: ratio((w, k) => w.hiddenVolume[k], (w, k) => w.marketVolume[k]),
  },
  victimsInExploitation: {
    unit: 'workers',
    description: 'workers in exploitation (stock)',
    report: stock((w, k) => w.exploited[k]),
  },
  newlyTrafficked: {
    unit: 'workers',
    per: 'week',
    description: 'workers entering exploitation',
    report: EVENTS,
  },
  reTrafficked: {
    unit: 'workers',
    per: 'week',
    description: 'of those, workers who had been exploited before',
    report: EVENTS,
  },
  suspiciousClients: {
    unit: 'clients',
    per: 'week',
    description: 'clients who noticed indicators of trafficking',
    report: EVENTS,
  },
  reports: {
    unit: 'reports',
    per: 'week',
    description: 'reports received by the authorities',
    report: sum(['reportsByClients', 'reportsByConsumers', 'reportsByWorkers', 'reportsByInspectors', 'reportsByAuditors']),
  },
  reportsByClients: {
    unit: 'reports',
    per: 'week',
    description: 'reports from clients of commercial sex',
    report: EVENTS,
  },
  reportsByConsumers: {
    unit: 'reports',
    per: 'week',
    description: 'reports from households',
    report: EVENTS,
  },
  reportsByWorkers: {
    unit: 'reports',
    per: 'week',
    description: 'self-reports by victims',
    report: EVENTS,
  },
  reportsByInspectors: {
    unit: 'reports',
    per: 'week',
    description: 'findings of labour inspectors and licensing audits',
    report: EVENTS,
  },
  reportsByAuditors: {
    unit: 'reports',
    per: 'week',
    description: 'findings of corporate buyers\' auditors passed to the authorities',
    report: EVENTS,
  },
  victimsIdentified: {
    unit: 'workers',
    per: 'week',
    description: 'victims identified',
    report: EVENTS,
  },
  casesOpened: {
    unit: 'cases',
    per: 'week',
    description: 'investigations opened',
    report: EVENTS,
  },
  casesAgainstClients: {
    unit: 'cases',
    per: 'week',
    description: 'cases opened against clients',
    report: EVENTS,
  },
  casesAgainstEmployers: {
    unit: 'cases',
    per: 'week',
    description: 'cases opened against employers',
    report: EVENTS,
  },
  casesAgainstRecruiters: {
    unit: 'cases',
    per: 'week',
    description: 'cases opened against recruiters',
    report: EVENTS,
  },
  prosecutions: {
    unit: 'cases',
    per: 'week',
    description: 'cases charged',
    report: EVENTS,
  },
  convictions: {
    unit: 'cases',
    per: 'week',
    description: 'convictions',
    report: EVENTS,
  },
  convictionsOfClients: {
    unit: 'cases',
    per: 'week',
    description: 'convictions of clients',
    report: EVENTS,
  },
  convictionsOfEmployers: {
    unit: 'cases',
    per: 'week',
    description: 'convictions of employers',
    report: EVENTS,
  },
  convictionsOfRecruiters: {
    unit: 'cases',
    per: 'week',
    description: 'convictions of recruiters',
    report: EVENTS,
  },
  exploitingEmployers: {
    unit: 'employers',
    description: 'employers exploiting (stock)',
    report: stock((w, k) => w.exploiting[k]),
  },
  exploitativeRecruiters: {
    unit: 'recruiters',
    description: 'recruiters acting exploitatively and in business (stock)',
    report: stock((w, k) => w.exploitativeRecruiters[k]),
  },
  awareShare: {
    unit: 'share',
    description: 'share of households and clients who are aware (incl. avoiding)',
    report: ratio((w, k) => w.awareCount[k], (w, k) => w.buyerPopulation[k]),
  },
  avoidingShare: {
    unit: 'share',
    description: 'share of households avoiding tainted goods, and of clients who stopped buying after noticing',
    report: ratio((w, k) => w.avoidingCount[k], (w, k) => w.buyerPopulation[k]),
  },
  unfilledPlaces: {
    unit: 'places',
    description: 'the part of derived demand not yet filled: places exploiting employers seek and have no victim in',
    report: stock((w, k) => w.vacancies[k]),
  },
};

/** Column slots: 0 is the total, then one per sector in SECTORS order. */
export const SLOTS = ['total', ...SECTORS] as const;
export type Slot = (typeof SLOTS)[number];
export const slotIndex = (slot: Slot): number => SLOTS.indexOf(slot);
export const metricIndex = (m: Metric): number => METRICS.indexOf(m);

/** The unit as shown: `workers`, or `workers per week` for a flow. */
export function unitOf(metric: Metric): string {
  const info = METRIC_INFO[metric];
  return info.per ? `${info.unit} per ${info.per}` : info.unit;
}

/** Flows (counts per week) may be smoothed; stocks and shares are not. */
export const isFlow = (metric: Metric): boolean => METRIC_INFO[metric].per === 'week';
