import { fieldAt, getAtPath, SCENARIO_FIELDS, type FieldInfo } from '../../scenario/fields.ts';
import { scenarioHash } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { i18n } from '../messages/index.ts';
import { fieldText } from '../messages/fields.ts';
import { differs } from './measures.ts';

/**
 * What the scenario on screen is, generated from the scenario itself (issue
 * 10, point 2): one of the presets (or saved scenarios) when it models exactly
 * the same thing, otherwise "edited from" the one it came from, with every
 * changed field, its label and its value. The About text and the Preset menu
 * both show this, so they follow lever edits, links, pins and undo.
 */

/** A scenario the menu can name: a preset (`id`) or a saved scenario (`saved:<id>`). */
export interface Origin {
  readonly id: string;
  readonly scenario: Scenario;
}

export interface Change {
  /** Dotted path of the field, e.g. `interventions.labourInspection.inspectorsPer10kWorkers`, or `seed`/`weeks`. */
  readonly path: string;
  readonly label: string;
  /** The value in the scenario, as shown to users. */
  readonly value: string;
  /** The value in the origin. */
  readonly was: string;
}

export type ScenarioDescription =
  | { readonly kind: 'preset'; readonly origin: Origin }
  | { readonly kind: 'edited'; readonly origin: Origin; readonly changes: readonly Change[] }
  /** No origin to compare with (no presets at all). */
  | { readonly kind: 'custom' };

/** The run's own top-level fields that change its output; name and description do not. */
const TOP_LEVEL = ['weeks', 'seed'] as const;

/** Paths of every field whose value differs between the two scenarios, top-level fields first, then in schema order. */
export function changedPaths(scenario: Scenario, origin: Scenario): string[] {
  const top = TOP_LEVEL.filter((k) => scenario[k] !== origin[k]);
  const fields = SCENARIO_FIELDS.filter((f) => differs(valueAt(scenario, f.path), valueAt(origin, f.path))).map((f) => f.path);
  return [...top, ...fields];
}

const valueAt = (s: Scenario, path: string) => getAtPath(s, path.split('.'));

const hashes = new WeakMap<Scenario, string>();
function hashOf(s: Scenario): string {
  let h = hashes.get(s);
  if (h === undefined) hashes.set(s, (h = scenarioHash(s)));
  return h;
}

/**
 * Describes `scenario` against `origins` (presets first, then saved
 * scenarios). `from` is the id it was last opened from: it wins ties, and an
 * edited scenario is described against it when it is one of `origins`;
 * otherwise (a link, a file, a pin) against the origin it differs least from.
 */
export function describeScenario(scenario: Scenario, origins: readonly Origin[], from: string): ScenarioDescription {
  if (origins.length === 0) return { kind: 'custom' };
  const hash = hashOf(scenario);
  const preferred = origins.find((o) => o.id === from);
  const exact = [preferred, ...origins].find((o) => o !== undefined && hashOf(o.scenario) === hash);
  if (exact) return { kind: 'preset', origin: exact };
  let origin = preferred;
  let paths = origin ? changedPaths(scenario, origin.scenario) : [];
  if (!origin) {
    for (const o of origins) {
      const p = changedPaths(scenario, o.scenario);
      if (!origin || p.length < paths.length) [origin, paths] = [o, p];
    }
  }
  const o = origin as Origin;
  return { kind: 'edited', origin: o, changes: paths.map((path) => changeOf(path, scenario, o.scenario)) };
}

function changeOf(path: string, scenario: Scenario, origin: Scenario): Change {
  const f = fieldAt(path);
  return { path, label: labelOf(path, f), value: valueText(valueAt(scenario, path), f), was: valueText(valueAt(origin, path), f) };
}

/** The label the levers panel and the drawer give a field (a lever's own label, a campaign's card title, an assumption's group and key). */
export function labelOf(path: string, f = fieldAt(path)): string {
  if (path === 'seed' || path === 'weeks') return i18n.t(path === 'seed' ? 'bar.seed' : 'bar.weeks');
  const steps = path.split('.');
  if (steps[0] === 'interventions') {
    const rest = steps.slice(1).join('.');
    if (i18n.has(`field.${rest}`)) return i18n.tk(`field.${rest}`);
    // A campaign is a card of its own, titled by audience (measures.ts: awareness + Consumers).
    const card = steps.length === 3 ? `${steps[1]}${steps[2][0].toUpperCase()}${steps[2].slice(1)}` : steps[1];
    if (i18n.has(`measure.${card}.title`)) return i18n.tk(`measure.${card}.title`);
    return (f && fieldText(f, i18n.locale).description) || path;
  }
  return `${i18n.tk(`assumptionGroup.${steps[1]}`, steps[1])} · ${steps[steps.length - 1]}`;
}

/** A value as the controls show it: a number with its unit, a choice's words, On/Off, a campaign's reach and weeks (numbered from 1). */
export function valueText(v: unknown, f?: FieldInfo): string {
  if (typeof v === 'boolean') return i18n.t(v ? 'levers.on' : 'levers.off');
  if (typeof v === 'string') return f ? i18n.tk(`option.${f.path.replace(/^interventions\./, '')}.${v}`, v) : v;
  if (typeof v === 'number') return withUnit(i18n.num(v), unitOf(f));
  if (v && typeof v === 'object' && 'reach' in v) {
    const c = v as { reach: number; fromWeek: number; toWeek?: number };
    const reach = withUnit(i18n.num(c.reach), unitOf(f));
    return c.toWeek === undefined
      ? i18n.t('describe.campaignFrom', { reach, from: c.fromWeek + 1 })
      : i18n.t('describe.campaignWindow', { reach, from: c.fromWeek + 1, to: c.toWeek + 1 });
  }
  return JSON.stringify(v);
}

const unitOf = (f?: FieldInfo) => (f ? fieldText(f, i18n.locale).unit : undefined);
const withUnit = (n: string, unit?: string) => (unit ? `${n} ${unit}` : n);

/** The text of an edited scenario's changes: "Inspectors: 1 inspectors per 10,000 workers (was 0.25 …); …". */
export function changesText(changes: readonly Change[]): string {
  return changes.map((c) => i18n.t('describe.change', { label: c.label, value: c.value, was: c.was })).join('; ');
}

/** The presets, then the saved scenarios, as origins (saved ones under `saved:<id>`, the id the Preset menu uses). */
export function originsOf(presets: readonly Origin[], saved: readonly Origin[]): Origin[] {
  return [...presets, ...saved.map((s) => ({ id: `saved:${s.id}`, scenario: s.scenario }))];
}
