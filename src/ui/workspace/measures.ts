/**
 * How the levers are presented: each "measure" is one card in the
 * interventions panel, placed by the paper's three levels of demand (¶14) and
 * by kind of measure (¶4(c)). The fields' units, ranges and documentation come
 * from the scenario schema; this file only decides grouping and order.
 */

export const LEVELS = ['consumers', 'employers', 'thirdParties'] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = ['legal', 'administrative', 'educational', 'social'] as const;
export type Kind = (typeof KINDS)[number];

export interface Measure {
  /** Stable id; also the message key stem `measure.<id>.title` / `.why`. */
  readonly id: string;
  readonly level: Level;
  readonly kind: Kind;
  /** Paragraphs of the source paper the measure comes from. */
  readonly paragraphs: string;
  /** Scenario paths (under `interventions.`) of the fields on the card, in order. */
  readonly fields: readonly string[];
}

const I = 'interventions.';

export const MEASURES: readonly Measure[] = [
  { id: 'awarenessConsumers', level: 'consumers', kind: 'educational', paragraphs: '¶15(a), ¶25(a), ¶27', fields: [`${I}awareness.consumers`] },
  { id: 'awarenessSchools', level: 'consumers', kind: 'educational', paragraphs: '¶33', fields: [`${I}awareness.schools`] },
  { id: 'awarenessClients', level: 'consumers', kind: 'educational', paragraphs: '¶15(a), ¶25(a)', fields: [`${I}awareness.clients`] },
  {
    id: 'supplyChain', level: 'consumers', kind: 'social', paragraphs: '¶15(c), ¶25(b), ¶32',
    fields: [`${I}supplyChain.dueDiligenceShare`, `${I}supplyChain.auditRate`],
  },
  {
    id: 'criminaliseUse', level: 'consumers', kind: 'legal', paragraphs: '¶16, ¶20, ¶34-38',
    fields: [
      `${I}criminaliseUse.variant`, `${I}criminaliseUse.knowledge`, `${I}criminaliseUse.scope`,
      `${I}criminaliseUse.reportingImmunity`, `${I}criminaliseUse.penaltyMonths`, `${I}criminaliseUse.fine`,
    ],
  },
  { id: 'prostitutionRegime', level: 'consumers', kind: 'legal', paragraphs: '¶17', fields: [`${I}prostitutionRegime`] },
  { id: 'awarenessEmployers', level: 'employers', kind: 'educational', paragraphs: '¶15(c), ¶25(a)', fields: [`${I}awareness.employers`] },
  {
    id: 'labourInspection', level: 'employers', kind: 'administrative', paragraphs: '¶15(d)',
    fields: [`${I}labourInspection.inspectorsPer10kWorkers`, `${I}labourInspection.sanction`],
  },
  {
    id: 'workerProtection', level: 'employers', kind: 'social', paragraphs: '¶15(e), ¶25(b)',
    fields: [`${I}workerProtection.workerOrganisations`, `${I}workerProtection.migrantRights`],
  },
  {
    id: 'recruiterLicensing', level: 'thirdParties', kind: 'administrative', paragraphs: '¶15(b), ¶4(d), ¶18',
    fields: [`${I}recruiterLicensing.required`, `${I}recruiterLicensing.auditRate`, `${I}recruiterLicensing.crossBorderCooperation`],
  },
];

/** Measures grouped by level or by kind, groups in the paper's order, empty groups left out. */
export function groupMeasures(by: 'level' | 'kind'): { group: Level | Kind; measures: Measure[] }[] {
  const order: readonly (Level | Kind)[] = by === 'level' ? LEVELS : KINDS;
  return order
    .map((group) => ({ group, measures: MEASURES.filter((m) => (by === 'level' ? m.level : m.kind) === group) }))
    .filter((g) => g.measures.length > 0);
}

/**
 * Field names a measure shows when its offence is off: the details of
 * criminalising use only matter once there is an offence.
 */
export function activeFields(measure: Measure, get: (path: string) => unknown): readonly string[] {
  if (measure.id === 'criminaliseUse' && get(`${I}criminaliseUse.variant`) === 'none') return [`${I}criminaliseUse.variant`];
  return measure.fields;
}

/**
 * Upper end of a lever's slider where the valid range is far wider than the
 * values anyone tries in a workshop; the number box still takes the full range.
 */
export const SLIDER_MAX: Readonly<Record<string, number>> = {
  'interventions.criminaliseUse.penaltyMonths': 144,
  'interventions.criminaliseUse.fine': 100_000,
  'interventions.labourInspection.inspectorsPer10kWorkers': 5,
  'interventions.labourInspection.sanction': 50_000,
};

/** Whether two field values differ (values are JSON data). */
export function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
