import { describe, expect, test } from 'vitest';
import { ASSUMPTION_FIELDS, FIELD_GROUPS, fieldAt, INTERVENTION_FIELDS, SCENARIO_FIELDS } from '../../src/scenario/fields.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import { setAtPath } from '../../src/scenario/path.ts';

describe('the field list', () => {
  test('covers interventions and assumptions, with unique paths', () => {
    expect(INTERVENTION_FIELDS.length + ASSUMPTION_FIELDS.length).toBe(SCENARIO_FIELDS.length);
    expect(new Set(SCENARIO_FIELDS.map((f) => f.path)).size).toBe(SCENARIO_FIELDS.length);
    expect(SCENARIO_FIELDS.length).toBeGreaterThan(100);
  });

  test('every field is documented: unit, meaning and source (or "illustrative")', () => {
    for (const f of SCENARIO_FIELDS) {
      expect(f.unit, f.path).not.toBe('');
      expect(f.description, f.path).not.toBe('');
      expect(f.source, f.path).not.toBe('');
    }
  });

  test('every default lies in its range and is accepted', () => {
    for (const f of SCENARIO_FIELDS) {
      if (f.kind === 'number' || f.kind === 'integer') {
        expect(f.default, f.path).toBeGreaterThanOrEqual(f.min!);
        expect(f.default, f.path).toBeLessThanOrEqual(f.max!);
      }
      if (f.kind === 'integer') expect(Number.isInteger(f.default), f.path).toBe(true);
      if (f.kind === 'choice') expect(f.options, f.path).toContain(f.default);
      const r = validateScenario(setAtPath({ name: 'x' }, f.path.split('.'), f.default));
      expect(r.ok, f.path).toBe(true);
    }
  });

  test('every range end is accepted and a step outside is refused with the field path', () => {
    for (const f of SCENARIO_FIELDS) {
      if (f.kind !== 'number' && f.kind !== 'integer') continue;
      const at = (v: unknown) => validateScenario(setAtPath({ name: 'x' }, f.path.split('.'), v));
      expect(at(f.min).ok && at(f.max).ok, f.path).toBe(true);
      const over = at(f.max! + 1);
      expect(over.ok ? [] : over.problems.map((p) => p.path), f.path).toEqual([f.path]);
    }
  });

  const levers: [string, Partial<(typeof SCENARIO_FIELDS)[number]>][] = [
    ['interventions.labourInspection.inspectorsPer10kWorkers', { kind: 'number', min: 0, max: 50, default: 0.25, group: 'interventions.labourInspection', key: 'inspectorsPer10kWorkers', unit: 'inspectors per 10,000 workers' }],
    ['interventions.criminaliseUse.variant', { kind: 'choice', options: ['none', 'exploitation-conditions', 'known-victim'], default: 'none', paragraphs: '¶16, ¶20, ¶34-35' }],
    ['interventions.criminaliseUse.reportingImmunity', { kind: 'flag', default: false }],
    ['interventions.awareness.consumers', { kind: 'campaign', min: 0, max: 1, default: 0 }],
    ['interventions.prostitutionRegime', { kind: 'choice', group: 'interventions' }],
    ['assumptions.population.consumers', { kind: 'integer', min: 0 }],
    ['assumptions.sectors.sexual.enabled', { kind: 'flag', default: true }],
  ];
  test.each(levers)('%s', (path, expected) => {
    expect(fieldAt(path)).toMatchObject(expected);
  });

  test('every lever of MODEL.md is present', () => {
    const keys = ['awareness.consumers', 'awareness.clients', 'awareness.employers', 'awareness.schools', 'criminaliseUse.variant',
      'criminaliseUse.knowledge', 'criminaliseUse.scope', 'criminaliseUse.penaltyMonths', 'criminaliseUse.fine', 'criminaliseUse.reportingImmunity',
      'prostitutionRegime', 'recruiterLicensing.required', 'recruiterLicensing.auditRate', 'recruiterLicensing.crossBorderCooperation',
      'supplyChain.dueDiligenceShare', 'supplyChain.auditRate', 'labourInspection.inspectorsPer10kWorkers', 'labourInspection.sanction',
      'workerProtection.workerOrganisations', 'workerProtection.migrantRights'];
    for (const k of keys) expect(fieldAt(`interventions.${k}`), k).toBeDefined();
  });

  test('groups carry their description and hold their fields in schema order', () => {
    const li = FIELD_GROUPS.find((g) => g.path === 'interventions.labourInspection')!;
    expect(li.description).toContain('¶15(d)');
    expect(li.fields.map((f) => f.key)).toEqual(['inspectorsPer10kWorkers', 'sanction']);
  });
});
