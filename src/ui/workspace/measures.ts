import { FIELD_GROUPS, type FieldGroup, type FieldInfo } from '../../scenario/fields.ts';

/**
 * How the levers are presented: each "measure" is one card in the
 * interventions panel, placed by the paper's three levels of demand (¶14) and
 * by kind of measure (¶4(c)). Which levers a card holds, the paragraphs it
 * cites and the fields' units, ranges and slider caps come from the scenario
 * schema; this file only decides grouping and order.
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

/** Every card, in the order shown within a level or kind. */
const PLACES: Readonly<Record<string, { readonly level: Level; readonly kind: Kind }>> = {
  awarenessConsumers: { level: 'consumers', kind: 'educational' },
  awarenessSchools: { level: 'consumers', kind: 'educational' },
  awarenessClients: { level: 'consumers', kind: 'educational' },
  supplyChain: { level: 'consumers', kind: 'social' },
  criminaliseUse: { level: 'consumers', kind: 'legal' },
  prostitutionRegime: { level: 'consumers', kind: 'legal' },
  awarenessEmployers: { level: 'employers', kind: 'educational' },
  labourInspection: { level: 'employers', kind: 'administrative' },
  workerProtection: { level: 'employers', kind: 'social' },
  recruiterLicensing: { level: 'thirdParties', kind: 'administrative' },
};

type Card = Pick<Measure, 'id' | 'paragraphs' | 'fields'>;

/** A card shows what is decided (choices, switches) before how much (numbers), each in schema order. */
const RANK: Readonly<Record<FieldInfo['kind'], number>> = { choice: 0, flag: 1, campaign: 2, number: 2, integer: 2 };

const ownCard = (f: FieldInfo, id: string): Card => ({ id, paragraphs: f.paragraphs ?? '', fields: [f.path] });

/**
 * The cards the schema's levers make: a lever directly under `interventions`
 * and each campaign (one per audience) is a card of its own; any other group
 * of levers is one card, citing the group's paragraphs.
 */
function cardsOf(groups: readonly FieldGroup[]): Card[] {
  const cards: Card[] = [];
  for (const g of groups) {
    const steps = g.path.split('.');
    if (steps[0] !== 'interventions' || g.fields.length === 0) continue;
    if (steps.length === 1) cards.push(...g.fields.map((f) => ownCard(f, f.key)));
    else if (g.fields.every((f) => f.kind === 'campaign')) cards.push(...g.fields.map((f) => ownCard(f, camel(steps[1], f.key))));
    else {
      const fields = [...g.fields].sort((a, b) => RANK[a.kind] - RANK[b.kind]).map((f) => f.path);
      cards.push({ id: steps[1], paragraphs: g.paragraphs ?? '', fields });
    }
  }
  return cards;
}

const camel = (a: string, b: string) => a + b[0].toUpperCase() + b.slice(1);

const CARDS = new Map(cardsOf(FIELD_GROUPS).map((c) => [c.id, c]));

/** Cards without a place are left out (tests/ui/measures.test.ts: every lever is shown once). */
export const MEASURES: readonly Measure[] = Object.entries(PLACES).flatMap(([id, place]) => {
  const card = CARDS.get(id);
  return card ? [{ ...card, ...place }] : [];
});

/** Measures grouped by level or by kind, groups in the paper's order, empty groups left out. */
export function groupMeasures(by: 'level' | 'kind'): { group: Level | Kind; measures: Measure[] }[] {
  const order: readonly (Level | Kind)[] = by === 'level' ? LEVELS : KINDS;
  return order
    .map((group) => ({ group, measures: MEASURES.filter((m) => (by === 'level' ? m.level : m.kind) === group) }))
    .filter((g) => g.measures.length > 0);
}

const OFFENCE = 'interventions.criminaliseUse.variant';

/**
 * Field names a measure shows when its offence is off: the details of
 * criminalising use only matter once there is an offence.
 */
export function activeFields(measure: Measure, get: (path: string) => unknown): readonly string[] {
  if (measure.fields[0] === OFFENCE && get(OFFENCE) === 'none') return [OFFENCE];
  return measure.fields;
}

/** Whether two field values differ (values are JSON data). */
export function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
