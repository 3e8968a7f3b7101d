import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { getAtPath } from '../../src/scenario/path.ts';
import { activeFields, groupMeasures, KINDS, LEVELS, MEASURES } from '../../src/ui/workspace/measures.ts';
import { en } from '../../src/ui/messages/en.ts';
import { INTERVENTION_FIELDS } from '../../src/scenario/fields.ts';

const defaults = scenarioSchema.parse({ name: 'x' });
const leafPaths = (value: unknown, prefix: string): string[] => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
};

describe('measures', () => {
  it('show every lever of the scenario format exactly once', () => {
    const levers = leafPaths(defaults.interventions, 'interventions');
    const shown = MEASURES.flatMap((m) => m.fields);
    expect([...shown].sort()).toEqual([...levers].sort());
  });

  it('point at fields that exist', () => {
    for (const f of MEASURES.flatMap((m) => m.fields)) {
      expect(getAtPath(defaults, f.split('.')), f).not.toBeUndefined();
    }
  });

  it('have a title and a why in the message catalogue', () => {
    const keys = new Set(Object.keys(en));
    for (const m of MEASURES) {
      expect(keys.has(`measure.${m.id}.title`), m.id).toBe(true);
      expect(keys.has(`measure.${m.id}.why`), m.id).toBe(true);
      expect(m.paragraphs).toMatch(/¶/);
    }
  });

  it('group by level and by kind, covering every measure', () => {
    for (const by of ['level', 'kind'] as const) {
      const groups = groupMeasures(by);
      expect(groups.flatMap((g) => g.measures).length).toBe(MEASURES.length);
      const order = by === 'level' ? LEVELS : KINDS;
      expect(groups.map((g) => g.group)).toEqual(order.filter((o) => groups.some((g) => g.group === o)));
    }
    expect(groupMeasures('level').map((g) => g.group)).toEqual(['consumers', 'employers', 'thirdParties']);
  });

  it('hide the details of criminalising use while there is no offence', () => {
    const m = MEASURES.find((x) => x.id === 'criminaliseUse')!;
    expect(activeFields(m, () => 'none')).toEqual(['interventions.criminaliseUse.variant']);
    expect(activeFields(m, () => 'known-victim')).toEqual(m.fields);
  });
});

describe('measures read from the schema', () => {
  const I = 'interventions.';
  it('give each card the levers, paragraphs and order it had when they were listed by hand', () => {
    expect(MEASURES.map((m) => [m.id, m.level, m.kind, m.paragraphs, m.fields])).toEqual([
      ['awarenessConsumers', 'consumers', 'educational', '¶15(a), ¶25(a), ¶27', [`${I}awareness.consumers`]],
      ['awarenessSchools', 'consumers', 'educational', '¶33', [`${I}awareness.schools`]],
      ['awarenessClients', 'consumers', 'educational', '¶15(a), ¶25(a)', [`${I}awareness.clients`]],
      ['supplyChain', 'consumers', 'social', '¶15(c), ¶25(b), ¶32', [`${I}supplyChain.dueDiligenceShare`, `${I}supplyChain.auditRate`]],
      ['criminaliseUse', 'consumers', 'legal', '¶16, ¶20, ¶34-38', [
        `${I}criminaliseUse.variant`, `${I}criminaliseUse.knowledge`, `${I}criminaliseUse.scope`,
        `${I}criminaliseUse.reportingImmunity`, `${I}criminaliseUse.penaltyMonths`, `${I}criminaliseUse.fine`,
      ]],
      ['prostitutionRegime', 'consumers', 'legal', '¶17', [`${I}prostitutionRegime`]],
      ['awarenessEmployers', 'employers', 'educational', '¶15(c), ¶25(a)', [`${I}awareness.employers`]],
      ['labourInspection', 'employers', 'administrative', '¶15(d)', [`${I}labourInspection.inspectorsPer10kWorkers`, `${I}labourInspection.sanction`]],
      ['workerProtection', 'employers', 'social', '¶15(e), ¶25(b)', [`${I}workerProtection.workerOrganisations`, `${I}workerProtection.migrantRights`]],
      ['recruiterLicensing', 'thirdParties', 'administrative', '¶15(b), ¶4(d), ¶18', [
        `${I}recruiterLicensing.required`, `${I}recruiterLicensing.auditRate`, `${I}recruiterLicensing.crossBorderCooperation`,
      ]],
    ]);
  });

  it('cap the sliders where the schema says, and only there', () => {
    const caps = Object.fromEntries(INTERVENTION_FIELDS.filter((f) => f.sliderMax !== undefined).map((f) => [f.path, f.sliderMax]));
    expect(caps).toEqual({
      [`${I}awareness.consumers`]: 0.2,
      [`${I}awareness.clients`]: 0.2,
      [`${I}awareness.employers`]: 0.2,
      [`${I}awareness.schools`]: 0.2,
      [`${I}criminaliseUse.penaltyMonths`]: 144,
      [`${I}criminaliseUse.fine`]: 100_000,
      [`${I}labourInspection.inspectorsPer10kWorkers`]: 5,
      [`${I}labourInspection.sanction`]: 50_000,
    });
    for (const f of INTERVENTION_FIELDS) if (f.sliderMax !== undefined) expect(f.sliderMax, f.path).toBeLessThan(f.max!);
  });
});
