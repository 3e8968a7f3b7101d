import { SECTORS } from '../scenario/sectors.ts';

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

export interface MetricInfo {
  readonly unit: string;
  readonly description: string;
  /** How the total over sectors is formed: a sum, or a ratio of two sums. */
  readonly total: 'sum' | 'ratio';
}

export const METRIC_INFO: Record<Metric, MetricInfo> = {
  consumerDemand: { unit: 'units per week', total: 'sum', description: 'units bought that were made or delivered with trafficked labour' },
  derivedDemand: { unit: 'places', total: 'sum', description: 'places for trafficked labour that exploiting employers hold or seek to fill, plus exploitative recruiters\' weekly orders: the demand of those who profit (¶12), filled or not' },
  marketVolume: { unit: 'units per week', total: 'sum', description: 'all units or transactions bought, tainted or not' },
  hiddenShare: { unit: 'share', total: 'ratio', description: 'share of market volume in hidden segments (private or online sex market, unregistered subcontractors)' },
  victimsInExploitation: { unit: 'workers', total: 'sum', description: 'workers in exploitation (stock)' },
  newlyTrafficked: { unit: 'workers per week', total: 'sum', description: 'workers entering exploitation' },
  reTrafficked: { unit: 'workers per week', total: 'sum', description: 'of those, workers who had been exploited before' },
  suspiciousClients: { unit: 'clients per week', total: 'sum', description: 'clients who noticed indicators of trafficking' },
  reports: { unit: 'reports per week', total: 'sum', description: 'reports received by the authorities' },
  reportsByClients: { unit: 'reports per week', total: 'sum', description: 'reports from clients of commercial sex' },
  reportsByConsumers: { unit: 'reports per week', total: 'sum', description: 'reports from households' },
  reportsByWorkers: { unit: 'reports per week', total: 'sum', description: 'self-reports by victims' },
  reportsByInspectors: { unit: 'reports per week', total: 'sum', description: 'findings of labour inspectors and licensing audits' },
  reportsByAuditors: { unit: 'reports per week', total: 'sum', description: 'findings of corporate buyers\' auditors passed to the authorities' },
  victimsIdentified: { unit: 'workers per week', total: 'sum', description: 'victims identified' },
  casesOpened: { unit: 'cases per week', total: 'sum', description: 'investigations opened' },
  casesAgainstClients: { unit: 'cases per week', total: 'sum', description: 'cases opened against clients' },
  casesAgainstEmployers: { unit: 'cases per week', total: 'sum', description: 'cases opened against employers' },
  casesAgainstRecruiters: { unit: 'cases per week', total: 'sum', description: 'cases opened against recruiters' },
  prosecutions: { unit: 'cases per week', total: 'sum', description: 'cases charged' },
  convictions: { unit: 'cases per week', total: 'sum', description: 'convictions' },
  convictionsOfClients: { unit: 'cases per week', total: 'sum', description: 'convictions of clients' },
  convictionsOfEmployers: { unit: 'cases per week', total: 'sum', description: 'convictions of employers' },
  convictionsOfRecruiters: { unit: 'cases per week', total: 'sum', description: 'convictions of recruiters' },
  exploitingEmployers: { unit: 'employers', total: 'sum', description: 'employers exploiting (stock)' },
  exploitativeRecruiters: { unit: 'recruiters', total: 'sum', description: 'recruiters acting exploitatively and in business (stock)' },
  awareShare: { unit: 'share', total: 'ratio', description: 'share of households and clients who are aware (incl. avoiding)' },
  avoidingShare: { unit: 'share', total: 'ratio', description: 'share of households avoiding tainted goods, and of clients who stopped buying after noticing' },
  unfilledPlaces: { unit: 'places', total: 'sum', description: 'the part of derived demand not yet filled: places exploiting employers seek and have no victim in' },
};

/** Column slots: 0 is the total, then one per sector in SECTORS order. */
export const SLOTS = ['total', ...SECTORS] as const;
export type Slot = (typeof SLOTS)[number];
export const slotIndex = (slot: Slot): number => SLOTS.indexOf(slot);
export const metricIndex = (m: Metric): number => METRICS.indexOf(m);
