import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { positionAt, scanJsonText, tokenAt } from '../../src/scenario/json-text.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// Small edits a person makes by hand: drop, double or insert a character.
const edited = fc
  .tuple(fc.json({ maxDepth: 4 }), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', "'", ':', '/', 'x', '0', '-', '.', 'e', '\\', '\n', ' ', 'NaN', 'tru'), fc.boolean())
  .map(([text, at, insert, drop]) => {
    const i = text.length ? at % text.length : 0;
    return text.slice(0, i) + insert + text.slice(drop ? i + 1 : i);
  });

describe('scanJsonText agrees with JSON.parse', () => {
  test('every JSON text is accepted', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 6 }), (text) => scanJsonText(text, 1000).ok === true), { numRuns: 500 });
  });

  test('hand-edited JSON is accepted exactly when JSON.parse accepts it', () => {
    fc.assert(fc.property(edited, (text) => scanJsonText(text, 1000).ok === parses(text)), { numRuns: 2000 });
  });

  test('arbitrary text is accepted exactly when JSON.parse accepts it', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'{}[]":,0123456789.-+eE tfnrulasx\\\n'.split('')), maxLength: 30 }), (text) => scanJsonText(text, 1000).ok === parses(text)), { numRuns: 2000 });
  });

  const tricky = ['1e5', '-0', '0.5e-3', '"\\u00e9"', '"\\/"', '[]', '{}', '  null  ', '"\u2028"', '[1,[2,[3]]]', '1.', '.5', '+1', '01', '-', '1e', '"\\x41"', '"a\tb"', 'nul', '[1,]', '{"a":1,}', '\uFEFF{}'];
  test.each(tricky)('%j', (text) => {
    expect(scanJsonText(text, 1000).ok).toBe(parses(text));
  });
});

describe('positions and tokens', () => {
  const cases: [string, number, number, number][] = [
    ['abc', 0, 1, 1],
    ['a\nbc', 3, 2, 2],
    ['a\n\nb', 3, 3, 1],
  ];
  test.each(cases)('positionAt(%j, %d) is line %d, column %d', (text, offset, line, column) => {
    expect(positionAt(text, offset)).toEqual({ offset, line, column });
  });

  const tokens: [string, string][] = [
    ['"weeks": 3', '"weeks"'],
    ['NaN,', 'NaN'],
    ['-12.5]', '-12.5'],
    ['}', '"}"'],
    ['', 'end of file'],
  ];
  test.each(tokens)('tokenAt(%j) is %s', (text, token) => {
    expect(tokenAt(text, 0)).toBe(token);
  });

  test('the depth limit counts containers, not whitespace', () => {
    expect(scanJsonText('[ [ [ ] ] ]', 3).ok).toBe(true);
    expect(scanJsonText('[ [ [ [ ] ] ] ]', 3)).toMatchObject({ ok: false, kind: 'depth', line: 1, column: 7 });
  });

  test('duplicate keys are located with their path', () => {
    const r = scanJsonText('{"a":[{"b":1},{"b":1,\n"b":2}],"a":0}', 10);
    expect(r).toEqual({
      ok: true,
      duplicates: [
        { path: ['a', 1, 'b'], offset: 22, line: 2, column: 1 },
        { path: ['a'], offset: 30, line: 2, column: 9 },
      ],
    });
  });
});
