import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { validateScenario, type LoadResult } from '../../src/scenario/load.ts';
import { defaultScenario, toCanonicalJSON, toMinimalInput } from '../../src/scenario/canonical.ts';
import { canonicalStringify, fnv1a64, scenarioHash } from '../../src/scenario/hash.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { validScenarioInput } from './arbitraries.ts';

const load = (value: unknown): Scenario => {
  const r: LoadResult = validateScenario(value);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
};

describe('toCanonicalJSON', () => {
  test('a scenario of defaults is its name and format', () => {
    expect(toCanonicalJSON(load({ name: 'x' }))).toBe('{\n  "formatVersion": 2,\n  "name": "x"\n}\n');
  });

  test('only what differs from the defaults is kept, in schema order', () => {
    const s = load({
      assumptions: { population: { clients: 2000 } },
      interventions: { labourInspection: { inspectorsPer10kWorkers: 1, sanction: 5000 }, awareness: { clients: { reach: 0.1, fromWeek: 4 } } },
      name: 'x',
      $schema: './scenario.schema.json',
      weeks: 260,
      description: 'why',
    });
    expect(toMinimalInput(s)).toEqual({
      $schema: './scenario.schema.json',
      formatVersion: 2,
      name: 'x',
      description: 'why',
      interventions: { awareness: { clients: { reach: 0.1, fromWeek: 4 } }, labourInspection: { inspectorsPer10kWorkers: 1 } },
      assumptions: { population: { clients: 2000 } },
    });
    expect(Object.keys(toMinimalInput(s))).toEqual(['$schema', 'formatVersion', 'name', 'description', 'interventions', 'assumptions']);
  });

  test('round-trips through validateScenario to the same scenario', () => {
    fc.assert(
      fc.property(validScenarioInput, (input) => {
        const s = load(input);
        const again = load(JSON.parse(toCanonicalJSON(s)));
        expect(canonicalStringify(again)).toBe(canonicalStringify(s));
        expect(toCanonicalJSON(again)).toBe(toCanonicalJSON(s));
      }),
      { numRuns: 150 },
    );
  });

  test('the result shares nothing with the scenario', () => {
    const s = load({ name: 'x', interventions: { awareness: { consumers: { reach: 0.1 } } } });
    const m = toMinimalInput(s) as { interventions: { awareness: { consumers: unknown } } };
    expect(m.interventions.awareness.consumers).not.toBe(s.interventions.awareness.consumers);
  });
});

describe('scenarioHash', () => {
  test('FNV-1a 64 matches its published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  test('is 16 hex digits', () => {
    expect(scenarioHash(load({ name: 'x' }))).toMatch(/^[0-9a-f]{16}$/);
  });

  test('ignores name, description, $schema, key order and spelt-out defaults', () => {
    const a = load({ name: 'a', interventions: { criminaliseUse: { variant: 'known-victim', scope: 'all' } }, weeks: 260 });
    const b = load({ $schema: './scenario.schema.json', weeks: 260, description: 'same model', interventions: { criminaliseUse: { scope: 'all', variant: 'known-victim' } }, name: 'b' });
    expect(scenarioHash(a)).toBe(scenarioHash(b));
  });

  const changes: [string, unknown][] = [
    ['a lever', { name: 'x', interventions: { criminaliseUse: { reportingImmunity: true } } }],
    ['an assumption', { name: 'x', assumptions: { clients: { reportRate: 0.3 } } }],
    ['the seed', { name: 'x', seed: 2 }],
    ['the horizon', { name: 'x', weeks: 52 }],
    ['a campaign window', { name: 'x', interventions: { awareness: { consumers: { reach: 0 } } } }],
  ];
  test.each(changes)('changes with %s', (_label, input) => {
    expect(scenarioHash(load(input))).not.toBe(scenarioHash(load({ name: 'x' })));
  });

  test('is stable: the same model always gives the same hash', () => {
    fc.assert(
      fc.property(validScenarioInput, (input) => {
        const s = load(input);
        expect(scenarioHash(load(JSON.parse(toCanonicalJSON(s))))).toBe(scenarioHash(s));
        expect(scenarioHash(structuredClone(s))).toBe(scenarioHash(s));
      }),
      { numRuns: 100 },
    );
  });

  test('does not change the scenario', () => {
    const s = defaultScenario();
    const before = canonicalStringify(s);
    scenarioHash(s);
    expect(canonicalStringify(s)).toBe(before);
    expect(s.name).toBe('default');
  });
});

describe('canonicalStringify', () => {
  const cases: [unknown, string][] = [
    [{ b: 1, a: [{ d: 1, c: 2 }] }, '{"a":[{"c":2,"d":1}],"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ['x', '"x"'],
  ];
  test.each(cases)('%j', (value, text) => {
    expect(canonicalStringify(value)).toBe(text);
  });
});

describe('fnv1a64', () => {
  /** The textbook definition, with BigInt, to check the 32-bit implementation against. */
  const reference = (text: string) => {
    let h = 0xcbf29ce484222325n;
    for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
    return h.toString(16).padStart(16, '0');
  };
  test('matches the BigInt definition on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => fnv1a64(text) === reference(text)), { numRuns: 300 });
  });
});
