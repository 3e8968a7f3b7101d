import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { getAtPath } from '../../src/scenario/path.ts';
import { activeFields, groupMeasures, KINDS, LEVELS, MEASURES } from '../../src/ui/workspace/measures.ts';
import { en } from '../../src/ui/messages/en.ts';

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
