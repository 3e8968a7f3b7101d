import { afterEach, describe, expect, test } from 'vitest';
import { parseScenarioText, validateScenario, type LoadResult } from '../../src/scenario/load.ts';
import { applyOverrides } from '../../src/scenario/overrides.ts';
import { MAX_DEPTH } from '../../src/scenario/limits.ts';

const messages = (r: LoadResult) => (r.ok ? [] : r.problems.map((p) => p.message));
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeKeys();

afterEach(() => {
  expect(prototypeKeys()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
});

describe('keys that could reach a prototype', () => {
  const texts: [string, string, string[]][] = [
    ['__proto__ at the top', '{ "name": "x", "__proto__": { "polluted": 1 } }',
      ['__proto__: the key "__proto__" is not allowed (__proto__, constructor or prototype could tamper with the program\'s objects)']],
    ['constructor in a group', '{ "name": "x", "interventions": { "constructor": { "prototype": { "polluted": 1 } } } }',
      ['interventions.constructor: the key "constructor" is not allowed (__proto__, constructor or prototype could tamper with the program\'s objects)']],
    ['prototype deep inside an unknown key', '{ "name": "x", "extra": [ { "prototype": 1 } ] }',
      ['extra: unknown key; expected one of $schema, formatVersion, name, description, weeks, seed, interventions, assumptions',
        'extra[0].prototype: the key "prototype" is not allowed (__proto__, constructor or prototype could tamper with the program\'s objects)']],
  ];
  test.each(texts)('%s is a problem, and nothing is polluted', (_label, text, expected) => {
    expect(messages(parseScenarioText(text))).toEqual(expected);
  });

  test('__proto__ in a programmatic object with an own key (as JSON.parse makes it)', () => {
    const value = JSON.parse('{ "name": "x", "assumptions": { "population": { "__proto__": { "isAdmin": true }, "clients": 10 } } }');
    const r = validateScenario(value);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['assumptions.population.__proto__']);
  });

  test('--set cannot reach a prototype, through the path or the value', () => {
    const viaPath = applyOverrides({ name: 'x' }, ['__proto__.polluted=1', 'interventions.constructor.prototype.polluted=1']);
    expect(viaPath.ok ? [] : viaPath.problems.map((p) => p.message)).toEqual([
      '--set __proto__.polluted=1: the key "__proto__" is not allowed in a path',
      '--set interventions.constructor.prototype.polluted=1: the key "constructor" is not allowed in a path',
    ]);
    const viaValue = applyOverrides({ name: 'x' }, ['interventions={"__proto__":{"polluted":1}}']);
    expect(viaValue.ok).toBe(true);
    if (!viaValue.ok) return;
    expect(messages(validateScenario(viaValue.value))).toEqual([
      'interventions.__proto__: the key "__proto__" is not allowed (__proto__, constructor or prototype could tamper with the program\'s objects)',
    ]);
  });
});

describe('values JSON cannot hold', () => {
  const cases: [string, unknown, string[]][] = [
    ['NaN', { name: 'x', interventions: { supplyChain: { auditRate: NaN } } },
      ['interventions.supplyChain.auditRate: expected a number between 0 and 12, got NaN']],
    ['Infinity', { name: 'x', weeks: Infinity }, ['weeks: expected a whole number between 1 and 1040, got Infinity']],
    ['-Infinity in a campaign', { name: 'x', interventions: { awareness: { consumers: -Infinity } } },
      ['interventions.awareness.consumers: expected a number between 0 and 1, got -Infinity']],
    ['a function', { name: 'x', seed: () => 1 },
      ['seed: expected JSON data (a number, text, true/false, null, list or object), got a function']],
    ['a Date', { name: new Date(0) }, ['name: expected JSON data (a number, text, true/false, null, list or object), got a Date']],
    ['a bigint', { name: 'x', weeks: 10n }, ['weeks: expected JSON data (a number, text, true/false, null, list or object), got 10n']],
    ['a Map', new Map([['name', 'x']]), ['(root): expected JSON data (a number, text, true/false, null, list or object), got a Map']],
  ];
  test.each(cases)('%s is a problem', (_label, input, expected) => {
    expect(messages(validateScenario(input))).toEqual(expected);
  });

  test('a circular reference is a problem, not a hang', () => {
    const a: Record<string, unknown> = { name: 'x', interventions: {} };
    (a.interventions as Record<string, unknown>).self = a;
    expect(messages(validateScenario(a))).toEqual([
      'interventions.self: expected JSON data (a number, text, true/false, null, list or object), not a circular reference, got a reference to one of its own ancestors',
    ]);
  });

  test('a getter that throws gives a problem, not an exception', () => {
    const evil = { name: 'x', get interventions(): never { throw new Error('boom'); } };
    expect(messages(validateScenario(evil))).toEqual(['(root): the scenario could not be read (boom)']);
  });
});

describe('size and depth', () => {
  test('a programmatic object nested far too deep is one problem, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    const r = validateScenario({ name: 'x', interventions: { awareness: deep } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const depthProblems = r.problems.filter((p) => p.expected.includes('nested'));
    expect(depthProblems).toHaveLength(1);
    expect(depthProblems[0].got).toBe(`more than ${MAX_DEPTH} levels`);
    expect(depthProblems[0].path.startsWith('interventions.awareness.a.a.a')).toBe(true);
  });

  test('a very long name is a problem with the value truncated', () => {
    const r = validateScenario({ name: 'n'.repeat(10_000) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].got).toBe(`"${'n'.repeat(60)}…" (10000 characters)`);
    expect(r.problems[0].message.length).toBeLessThan(200);
  });

  const populations: [string, unknown, string][] = [
    ['negative', -5, 'expected a whole number between 0 and 200000, got -5'],
    ['fractional', 2.5, 'expected a whole number between 0 and 200000, got 2.5'],
    ['huge', 1e12, 'expected a whole number between 0 and 200000, got 1000000000000'],
    ['a numeric string', '300', 'expected a whole number between 0 and 200000, got "300"'],
  ];
  test.each(populations)('a %s population is a problem', (_label, value, text) => {
    expect(messages(validateScenario({ name: 'x', assumptions: { sectors: { agriculture: { employers: value } } } }))).toEqual([
      `assumptions.sectors.agriculture.employers: ${text}`,
    ]);
  });
});
