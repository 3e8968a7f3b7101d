import { describe, expect, test } from 'vitest';
import { formatGot } from '../../src/scenario/problem.ts';
import { formatPath, getAtPath, hasPath, setAtPath } from '../../src/scenario/path.ts';
import { didYouMean } from '../../src/scenario/suggest.ts';

describe('formatGot', () => {
  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;
  const cases: [string, unknown, string][] = [
    ['a string', 'high', '"high"'],
    ['a number', 1.5, '1.5'],
    ['minus zero', -0, '-0'],
    ['NaN', NaN, 'NaN'],
    ['Infinity', -Infinity, '-Infinity'],
    ['null', null, 'null'],
    ['undefined', undefined, 'nothing'],
    ['a boolean', false, 'false'],
    ['a list', [1, 'a', null], '[1, "a", null]'],
    ['an object', { reach: 0.5, fromWeek: 2 }, '{ "reach": 0.5, "fromWeek": 2 }'],
    ['an empty object', {}, '{}'],
    ['a long list', Array.from({ length: 100 }, (_, i) => i), `[${Array.from({ length: 100 }, (_, i) => i).join(', ').slice(0, 59)}…`],
    ['a long string', 'x'.repeat(100), `"${'x'.repeat(60)}…" (100 characters)`],
    ['a circular object', circular, '{ "a": 1, "self": [circular] }'],
    ['a Date in a list', [new Date(0)], '[a Date]'],
    ['a bigint', 3n, '3n'],
    ['a function', () => 1, 'a function'],
    ['a symbol', Symbol('s'), 'a symbol'],
  ];
  test.each(cases)('%s', (_label, value, text) => {
    expect(formatGot(value)).toBe(text);
  });

  test('a huge object costs no more than what is shown', () => {
    const inner = Array.from({ length: 1000 }, () => 'x'.repeat(100));
    const huge = Array.from({ length: 200_000 }, (_, i) => ({ i, list: inner }));
    const t0 = performance.now();
    expect(formatGot(huge).length).toBeLessThanOrEqual(61);
    expect(performance.now() - t0).toBeLessThan(50);
  });
});

describe('paths', () => {
  const cases: [PropertyKey[], string][] = [
    [[], '(root)'],
    [['interventions', 'awareness', 'consumers'], 'interventions.awareness.consumers'],
    [['extra', 0, 'prototype'], 'extra[0].prototype'],
    [['assumptions', 'prostitution', 'criminalise-both'], 'assumptions.prostitution.criminalise-both'],
    [['odd key', 'a.b'], '["odd key"]["a.b"]'],
  ];
  test.each(cases)('formatPath(%j) is %s', (segments, text) => {
    expect(formatPath(segments)).toBe(text);
  });

  test('getAtPath reads own properties only', () => {
    const doc = { a: { b: [10, 20] } };
    expect(getAtPath(doc, ['a', 'b', 1])).toBe(20);
    expect(getAtPath(doc, ['a', 'constructor'])).toBeUndefined();
    expect(getAtPath(doc, ['a', 'b', 'length'])).toBeUndefined();
    expect(hasPath(doc, ['a', 'b', 1])).toBe(true);
    expect(hasPath(doc, ['a', 'c'])).toBe(false);
  });

  test('setAtPath copies along the path and leaves the input alone', () => {
    const doc = Object.freeze({ a: Object.freeze({ b: 1 }), c: Object.freeze({ d: 2 }) });
    const out = setAtPath(doc, ['a', 'x', 'y'], 3) as Record<string, Record<string, unknown>>;
    expect(out).toEqual({ a: { b: 1, x: { y: 3 } }, c: { d: 2 } });
    expect(out.c).toBe(doc.c);
    expect(doc.a).toEqual({ b: 1 });
  });

  test('setAtPath defines a __proto__ key instead of setting the prototype', () => {
    const out = setAtPath({}, ['__proto__', 'polluted'], 1) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('didYouMean', () => {
  const keys = ['awareness', 'criminaliseUse', 'prostitutionRegime', 'recruiterLicensing', 'supplyChain', 'labourInspection', 'workerProtection'];
  const cases: [string, string | undefined][] = [
    ['labourInspecton', 'labourInspection'],
    ['LabourInspection', 'labourInspection'],
    ['supply', 'supplyChain'],
    ['criminalizeUse', 'criminaliseUse'],
    ['awarness', 'awareness'],
    ['zzz', undefined],
    ['labour', 'labourInspection'],
    ['regime', undefined],
  ];
  test.each(cases)('%s -> %s', (key, expected) => {
    expect(didYouMean(key, keys)).toBe(expected);
  });
});
