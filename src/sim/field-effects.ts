import { ASSUMPTION_FIELDS, INTERVENTION_FIELDS, type FieldInfo, type FieldValue } from '../scenario/fields.ts';
import type { ProstitutionRegime } from '../scenario/interventions.ts';
import { getAtPath, isPlainObject, mergeLayers, setAtPath } from '../scenario/path.ts';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { ACTOR_TYPES } from './machines/index.ts';
import { Simulation } from './engine.ts';
import { weekRow, type RunSeries } from './series.ts';

/**
 * CALIBRATION.md C0: every field of the scenario format changes some output
 * over 260 weeks in at least one of five reference worlds, one per
 * prostitution regime. A field that changes nothing misleads users: they move
 * a lever, see no effect and conclude the measure does not work, when in fact
 * the model never reads it. Pure: no I/O.
 */

/** A partial scenario input (no name): layered onto the defaults. */
export type Layer = Omit<ScenarioInput, 'name'>;

export interface ReferenceWorld {
  readonly name: 'W1' | 'W2' | 'W3' | 'W4' | 'W5';
  readonly regime: ProstitutionRegime;
  readonly description: string;
  readonly input: Layer;
}

/** The five worlds of C0, in the order they are tried. */
export const REFERENCE_WORLDS: readonly ReferenceWorld[] = [
  {
    name: 'W1',
    regime: 'criminalise-selling',
    description: 'defaults',
    input: {},
  },
  {
    name: 'W2',
    regime: 'criminalise-both',
    description: 'every measure on',
    input: {
      interventions: {
        prostitutionRegime: 'criminalise-both',
        awareness: { consumers: 0.03, clients: 0.03, employers: 0.03, schools: 0.03 },
        criminaliseUse: { variant: 'exploitation-conditions', scope: 'all' },
        recruiterLicensing: { required: true, auditRate: 2, crossBorderCooperation: 0.5 },
        supplyChain: { dueDiligenceShare: 0.5 },
        labourInspection: { inspectorsPer10kWorkers: 1 },
        workerProtection: { workerOrganisations: 0.5, migrantRights: 0.5 },
      },
    },
  },
  {
    name: 'W3',
    regime: 'regulate',
    description: 'option A, inferred knowledge, with immunity',
    input: {
      interventions: {
        prostitutionRegime: 'regulate',
        criminaliseUse: { variant: 'exploitation-conditions', knowledge: 'inferred', reportingImmunity: true },
      },
    },
  },
  {
    name: 'W4',
    regime: 'criminalise-buying',
    description: "option B, actual knowledge, clients, with client awareness and schools' education",
    input: {
      interventions: {
        prostitutionRegime: 'criminalise-buying',
        awareness: { clients: 0.03, schools: 0.5 },
        criminaliseUse: { variant: 'known-victim', knowledge: 'actual', scope: 'clients' },
      },
    },
  },
  {
    name: 'W5',
    regime: 'decriminalise',
    // CALIBRATION.md leaves W5's knowledge test open: reason to believe, the one test no other world uses.
    description: 'option A for employers, reason to believe',
    input: {
      interventions: {
        prostitutionRegime: 'decriminalise',
        criminaliseUse: { variant: 'exploitation-conditions', scope: 'employers', knowledge: 'reason-to-believe' },
      },
    },
  },
];

/** A reference world as a scenario, optionally on a base layer (e.g. smaller populations). */
export function referenceScenario(world: ReferenceWorld, base: Layer = {}, weeks = 260): Scenario {
  return scenarioSchema.parse(mergeLayers(mergeLayers({ name: `C0 ${world.name}: ${world.description}`, weeks }, base), world.input));
}

/** One setting to try: a field at a value (a choice has one probe per option). */
export interface Probe {
  readonly field: FieldInfo;
  /** `path`, or `path = option` for a choice. */
  readonly label: string;
  /** The value to set in a world whose value there is `current`; undefined when the world already has it. */
  value(current: unknown): FieldValue | undefined;
}

/**
 * A number moved well away from `current` inside [min, max]: halfway to the
 * farther bound, so that a weak but live effect still shows in 260 weeks
 * (doubling a small fine can change no draw at all). Agent counts (`scale`)
 * are doubled instead (clamped), since their far bound would make a run take
 * minutes. Integers are rounded; the result differs from `current` unless the
 * range is a single point.
 */
export function perturbNumber(current: number, min: number, max: number, integer: boolean, scale = false): number {
  let v: number;
  if (scale && current > 0) {
    v = Math.min(max, current * 2);
    if (v === current) v = current + (min - current) / 2;
  } else v = max - current >= current - min ? current + (max - current) / 2 : current - (current - min) / 2;
  if (integer) {
    v = Math.round(v);
    if (v === current) v = current + 1 <= max ? current + 1 : current - 1;
  }
  return Math.min(max, Math.max(min, v));
}

/** Agent counts: the size of the world, not a rate. */
const isAgentCount = (f: FieldInfo) => f.kind === 'integer' && /^assumptions\.(population|sectors)\./.test(f.path);

const reachOf = (c: unknown): number => (typeof c === 'number' ? c : isPlainObject(c) && typeof c.reach === 'number' ? c.reach : 0);

/** The probes of one field: its value moved away, a flag flipped, a campaign switched on (0.05) or doubled, each other option. */
export function probesOf(field: FieldInfo): Probe[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const { min = 0, max = Number.MAX_VALUE } = field;
      return [{ field, label: field.path, value: (cur) => {
        const v = perturbNumber(cur as number, min, max, field.kind === 'integer', isAgentCount(field));
        return v === cur ? undefined : v;
      } }];
    }
    case 'flag':
      return [{ field, label: field.path, value: (cur) => !cur }];
    case 'campaign':
      return [{ field, label: field.path, value: (cur) => {
        const reach = reachOf(cur);
        let next = reach > 0 ? Math.min(field.max ?? 1, reach * 2) : 0.05;
        if (next === reach) next = reach / 2; // already at full reach
        return isPlainObject(cur) ? { ...(cur as { reach: number; fromWeek: number; toWeek?: number }), reach: next } : next;
      } }];
    case 'choice':
      return (field.options ?? [])
        .filter((o) => o !== field.default)
        .map((option) => ({ field, label: `${field.path} = ${option}`, value: (cur) => (same(cur, option) ? undefined : option) }));
  }
}

/** Every lever and assumption of the scenario format, in schema order. */
export const ALL_FIELDS: readonly FieldInfo[] = [...INTERVENTION_FIELDS, ...ASSUMPTION_FIELDS];

/**
 * The order in which worlds are tried for a field: W1..W5, except that a
 * regime's own assumptions are read only under that regime, so its world
 * comes first (the others would only cost time).
 */
export function worldOrder(path: string, worlds: readonly ReferenceWorld[] = REFERENCE_WORLDS): ReferenceWorld[] {
  const m = /^assumptions\.prostitution\.([^.]+)\./.exec(path);
  if (!m) return [...worlds];
  return [...worlds.filter((w) => w.regime === m[1]), ...worlds.filter((w) => w.regime !== m[1])];
}

/** Whether any output of week `w` (metrics of every slot, state counts, transitions) differs between the two runs. */
function differs(base: RunSeries, run: RunSeries, w: number): boolean {
  const ne = (x: number, y: number) => x !== y && !(Number.isNaN(x) && Number.isNaN(y));
  const a = weekRow(base, w);
  const b = weekRow(run, w);
  for (let x = 0; x < a.length; x++) if (ne(a[x], b[x])) return true;
  for (const t of ACTOR_TYPES) {
    const nS = base.states[t].length / base.weeks;
    for (let x = w * nS; x < (w + 1) * nS; x++) if (ne(base.states[t][x], run.states[t][x])) return true;
    const nT = base.transitions[t].length / base.weeks;
    for (let x = w * nT; x < (w + 1) * nT; x++) if (ne(base.transitions[t][x], run.transitions[t][x])) return true;
  }
  return false;
}

/**
 * Runs `scenario` week by week against `base` (the same world unperturbed,
 * same seed) and returns the first week whose output differs, or -1. Stopping
 * at the first difference makes a live field cost little more than burn-in.
 */
export function firstDifference(base: RunSeries, scenario: Scenario, seed: number): number {
  const sim = new Simulation(scenario, { seed, run: 0, weeks: base.weeks });
  for (let w = 0; w < base.weeks; w++) {
    sim.step();
    if (differs(base, sim.series, w)) return w;
  }
  return -1;
}

export interface FieldEffect {
  readonly label: string;
  readonly path: string;
  /** The world that showed an effect, and the value set there; absent for a dead probe. */
  readonly world?: ReferenceWorld['name'];
  readonly value?: FieldValue;
  /** First week (0-based) whose output changed. */
  readonly week?: number;
  /** Worlds tried without effect (a world that already had the value is not tried). */
  readonly tried: readonly ReferenceWorld['name'][];
}

export interface FieldEffectsOptions {
  /** Seed of every run (perturbed and unperturbed runs share it). Default 1. */
  readonly seed?: number;
  /** Weeks per run. Default 260, as C0 states. */
  readonly weeks?: number;
  /** Layered under every world, e.g. smaller populations for a fast test. Default: none (default world sizes). */
  readonly base?: Layer;
  /** Fields to check; default every lever and assumption. */
  readonly fields?: readonly FieldInfo[];
  /** Called after each probe (progress in a script). */
  readonly onProbe?: (effect: FieldEffect) => void;
}

export interface FieldEffectsResult {
  /** Every probe, live or dead, in schema order. */
  readonly effects: readonly FieldEffect[];
  /** Probes that changed no output in any world. */
  readonly dead: readonly FieldEffect[];
}

/** C0: for every field, the first reference world where moving it changes any output, or none (dead). */
export function fieldEffects(options: FieldEffectsOptions = {}): FieldEffectsResult {
  const seed = options.seed ?? 1;
  const weeks = options.weeks ?? 260;
  const scenarios = new Map(REFERENCE_WORLDS.map((w) => [w.name, referenceScenario(w, options.base ?? {}, weeks)]));
  // Each world's unperturbed run, made the first time a probe needs it.
  const baselines = new Map<string, RunSeries>();
  const baseline = (w: ReferenceWorld) => {
    let run = baselines.get(w.name);
    if (!run) {
      run = new Simulation(scenarios.get(w.name)!, { seed, run: 0, weeks }).run();
      baselines.set(w.name, run);
    }
    return run;
  };
  const effects: FieldEffect[] = [];
  for (const field of options.fields ?? ALL_FIELDS) {
    const segments = field.path.split('.');
    for (const probe of probesOf(field)) {
      const tried: ReferenceWorld['name'][] = [];
      let found: FieldEffect | undefined;
      for (const world of worldOrder(field.path)) {
        const s = scenarios.get(world.name)!;
        const value = probe.value(getAtPath(s, segments));
        if (value === undefined) continue;
        // Parsed again so that a perturbed world is a valid scenario, as a user could write it.
        const perturbed = scenarioSchema.parse(setAtPath(s, segments, value));
        tried.push(world.name);
        const week = firstDifference(baseline(world), perturbed, seed);
        if (week >= 0) {
          found = { label: probe.label, path: field.path, world: world.name, value, week, tried };
          break;
        }
      }
      const effect = found ?? { label: probe.label, path: field.path, tried };
      effects.push(effect);
      options.onProbe?.(effect);
    }
  }
  return { effects, dead: effects.filter((e) => e.world === undefined) };
}
