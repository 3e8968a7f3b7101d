import { describe, expect, test } from 'vitest';
import { applyOverrides, parseValue } from '../../src/scenario/overrides.ts';
import { validateScenario } from '../../src/scenario/load.ts';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
};

describe('parseValue: JSON when it parses, else the text', () => {
  const cases: [string, unknown][] = [
    ['0.5', 0.5],
    ['true', true],
    ['null', null],
    ['known-victim', 'known-victim'],
    ['"quoted"', 'quoted'],
    ['{"reach":0.3,"fromWeek":10}', { reach: 0.3, fromWeek: 10 }],
    ['', ''],
    ['NaN', 'NaN'],
    ['1e999', Infinity],
    ['a=b', 'a=b'],
  ];
  test.each(cases)('%j', (raw, value) => {
    expect(parseValue(raw)).toEqual(value);
  });
});

describe('applyOverrides', () => {
  const base = deepFreeze({ name: 'x', interventions: { awareness: { consumers: 0.1 }, labourInspection: { sanction: 1 } } });

  const cases: [string, string[], unknown][] = [
    ['sets a lever, creating the objects on the way', ['interventions.criminaliseUse.variant=known-victim'],
      { name: 'x', interventions: { awareness: { consumers: 0.1 }, labourInspection: { sanction: 1 }, criminaliseUse: { variant: 'known-victim' } } }],
    ['replaces a value', ['interventions.labourInspection.sanction=2500'],
      { name: 'x', interventions: { awareness: { consumers: 0.1 }, labourInspection: { sanction: 2500 } } }],
    ['replaces a campaign number with an object', ['interventions.awareness.consumers={"reach":0.2,"fromWeek":5}'],
      { name: 'x', interventions: { awareness: { consumers: { reach: 0.2, fromWeek: 5 } }, labourInspection: { sanction: 1 } } }],
    ['applies in order, the last winning', ['weeks=10', 'weeks=20'],
      { name: 'x', interventions: { awareness: { consumers: 0.1 }, labourInspection: { sanction: 1 } }, weeks: 20 }],
    ['keeps everything after the first =', ['description=a=b'],
      { name: 'x', interventions: { awareness: { consumers: 0.1 }, labourInspection: { sanction: 1 } }, description: 'a=b' }],
    ['trims spaces around the path', [' weeks =52'],
      { name: 'x', interventions: { awareness: { consumers: 0.1 }, labourInspection: { sanction: 1 } }, weeks: 52 }],
  ];
  test.each(cases)('%s', (_label, sets, expected) => {
    const r = applyOverrides(base, sets);
    expect(r).toEqual({ ok: true, value: expected });
  });

  test('does not change its input and shares nothing it changed', () => {
    const r = applyOverrides(base, ['interventions.labourInspection.sanction=3']);
    expect(base.interventions.labourInspection.sanction).toBe(1);
    if (!r.ok) throw new Error('expected ok');
    const value = r.value as typeof base;
    expect(value.interventions.labourInspection).not.toBe(base.interventions.labourInspection);
    expect(value.interventions.awareness).toBe(base.interventions.awareness);
  });

  const bad: [string, string[], string[]][] = [
    ['no =', ['weeks'], ['--set weeks: expected path=value, e.g. interventions.criminaliseUse.variant=known-victim; there is no "="']],
    ['empty path', ['=3'], ['--set =3: expected path=value, e.g. interventions.criminaliseUse.variant=known-victim; the path before "=" is empty']],
    ['empty step', ['interventions..fine=3'], ['--set interventions..fine=3: expected a dotted path of non-empty keys, got "interventions..fine"']],
    ['through a value that is not an object', ['interventions.awareness.consumers.reach=0.5'],
      ['--set interventions.awareness.consumers.reach: interventions.awareness.consumers is 0.1, not an object, so it has no field "reach"']],
    ['all malformed ones at once', ['a', 'b=1', '=c'], [
      '--set a: expected path=value, e.g. interventions.criminaliseUse.variant=known-victim; there is no "="',
      '--set =c: expected path=value, e.g. interventions.criminaliseUse.variant=known-victim; the path before "=" is empty',
    ]],
  ];
  test.each(bad)('%s is a problem', (_label, sets, expected) => {
    const r = applyOverrides(base, sets);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(expected);
    if (!r.ok) for (const p of r.problems) expect(p.path && p.expected && p.got).toBeTruthy();
  });

  test('an input that is not an object is a problem', () => {
    expect(applyOverrides(null, ['weeks=1'])).toMatchObject({ ok: false, problems: [{ path: '(root)' }] });
  });

  const validated: [string, string, string][] = [
    ['a misspelt path gets a "did you mean"', 'interventions.criminaliseUse.varient=known-victim',
      'interventions.criminaliseUse.varient: unknown key; did you mean "variant"?'],
    ['a bad value is checked like the file', 'interventions.criminaliseUse.variant=option-b',
      'interventions.criminaliseUse.variant: expected one of "none", "exploitation-conditions", "known-victim", got "option-b"'],
    ['a number too large for JSON is caught', 'weeks=1e999', 'weeks: expected a whole number between 1 and 1040, got Infinity'],
    ['NaN stays text and is caught', 'interventions.labourInspection.sanction=NaN',
      'interventions.labourInspection.sanction: expected a number between 0 and 10000000, got "NaN"'],
  ];
  test.each(validated)('then validation: %s', (_label, set, message) => {
    const r = applyOverrides(base, [set]);
    if (!r.ok) throw new Error('expected ok');
    const v = validateScenario(r.value);
    expect(v.ok ? [] : v.problems.map((p) => p.message)).toEqual([message]);
  });
});
