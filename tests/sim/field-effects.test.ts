import { describe, expect, it } from 'vitest';
import { SCENARIO_FIELDS } from '../../src/scenario/fields.ts';
import { getAtPath } from '../../src/scenario/path.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { ALL_FIELDS, fieldEffects, probesOf, REFERENCE_WORLDS, referenceScenario } from '../../src/sim/field-effects.ts';
import { WORLDS } from '../support/small-world.ts';

/**
 * CALIBRATION.md C0: every field of the scenario format changes some output
 * in at least one of the five reference worlds. `npm run calibrate` can run
 * the same check at the default world sizes; here the worlds are WORLDS.properties so the
 * check fits in CI, over the full 260 weeks.
 */

describe('C0: the reference worlds and the probes', () => {
  it('the five worlds are valid scenarios, one per prostitution regime', () => {
    const regimes = REFERENCE_WORLDS.map((w) => referenceScenario(w).interventions.prostitutionRegime);
    expect(regimes).toEqual(REFERENCE_WORLDS.map((w) => w.regime));
    expect(new Set(regimes).size).toBe(5);
  });

  it('every lever and assumption has a probe that moves it to another valid value', () => {
    expect(ALL_FIELDS.map((f) => f.path).sort()).toEqual(SCENARIO_FIELDS.map((f) => f.path).sort());
    const base = referenceScenario(REFERENCE_WORLDS[0]);
    for (const field of ALL_FIELDS) {
      const probes = probesOf(field);
      expect(probes.length, field.path).toBeGreaterThan(0);
      for (const p of probes) {
        const current = getAtPath(base, field.path.split('.'));
        const value = p.value(current);
        expect(value, p.label).not.toBeUndefined();
        expect(JSON.stringify(value), p.label).not.toBe(JSON.stringify(current));
        if (typeof value === 'number') {
          expect(value, p.label).toBeGreaterThanOrEqual(field.min!);
          expect(value, p.label).toBeLessThanOrEqual(field.max!);
        }
      }
    }
    // A probed value must load: parsing every perturbed default world throws otherwise.
    for (const p of ALL_FIELDS.flatMap(probesOf)) {
      const segments = p.field.path.split('.');
      const doc = structuredClone(base) as Record<string, unknown>;
      let at = doc;
      for (const s of segments.slice(0, -1)) at = at[s] as Record<string, unknown>;
      at[segments[segments.length - 1]] = p.value(getAtPath(base, segments));
      expect(() => scenarioSchema.parse(doc), p.label).not.toThrow();
    }
  });
});

describe('C0: every field changes some output', () => {
  it('no field is dead in all five worlds (260 weeks, small worlds)', () => {
    const { dead } = fieldEffects({ base: { assumptions: WORLDS.properties.assumptions }, weeks: 260 });
    const labels = dead.map((d) => d.label);
    expect(labels, `dead fields (no output changed in ${REFERENCE_WORLDS.map((w) => w.name).join(', ')}):\n${labels.join('\n')}`).toEqual([]);
  });
});
