import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseScenarioText, validateScenario, type LoadResult } from '../../src/scenario/load.ts';
import { applyOverrides } from '../../src/scenario/overrides.ts';
import { SCENARIO_FIELDS } from '../../src/scenario/fields.ts';
import { getAtPath, isPlainObject, setAtPath } from '../../src/scenario/path.ts';
import { validScenarioInput } from './arbitraries.ts';
import { tally } from '../support/tally.ts';

/**
 * Issue 4: random and mutated scenarios never make the loader throw; every
 * rejection has at least one problem, each with a path, an expected and a got.
 */

/** FUZZ_SCALE=10 npx vitest run tests/scenario/fuzz.test.ts for a longer search. */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? '1') || 1);
const runs = (n: number) => Math.round(n * SCALE);

const seen = { 'scenario inputs': 0, accepted: 0, rejected: 0, problems: 0 };
afterAll(() => tally('scenario fuzz', seen));

function checkResult(r: LoadResult): void {
  seen['scenario inputs']++;
  if (r.ok) seen.accepted++;
  else {
    seen.rejected++;
    seen.problems += r.problems.length;
  }
  if (r.ok) {
    // What was accepted is a complete scenario that is accepted again as it is.
    if (!validateScenario(r.scenario).ok) throw new Error('an accepted scenario is not accepted again');
    return;
  }
  // Plain checks: thousands of expect() calls would dominate the run time.
  if (r.problems.length === 0) throw new Error('rejected without a problem');
  const bad = r.problems.find((p) => !p.path || !p.expected || !p.got || !p.message);
  if (bad) throw new Error(`incomplete problem: ${JSON.stringify(bad)}`);
}

/** All paths to objects' keys in a document. */
function keyPaths(doc: unknown, prefix: string[] = []): string[][] {
  if (!isPlainObject(doc)) return [];
  return Object.keys(doc).flatMap((k) => [[...prefix, k], ...keyPaths(doc[k], [...prefix, k])]);
}

const nasty = fc.constantFrom<unknown>(
  NaN, Infinity, -Infinity, -1, -0, 1e308, 0.1, 2 ** 53, '', 'x'.repeat(500), [], {}, null, undefined, true, '0.5',
  JSON.parse('{"__proto__":{"polluted":1}}'), { constructor: 1 }, [[[[[[]]]]]], { reach: 2 }, { reach: 0.1, toWeek: -1 },
);
const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty);
const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'reach', 'fromWeek', 'enabled', 'labourInspecton', ''),
);
const typo = (k: string, at: number) => (k.length ? k.slice(0, at % k.length) + k.slice((at % k.length) + 1) : 'x');

type Mutation =
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'setField'; pick: number; value: unknown }
  | { kind: 'add'; pick: number; key: string; value: unknown }
  | { kind: 'rename'; pick: number; key: string | null; at: number }
  | { kind: 'delete'; pick: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value }),
  fc.record({ kind: fc.constant('setField' as const), pick: fc.nat(), value }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key, value }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), key: fc.option(key, { nil: null }), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

function defineKey(obj: Record<string, unknown>, k: string, v: unknown): Record<string, unknown> {
  const out = { ...obj };
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

function apply(doc: unknown, m: Mutation): unknown {
  const paths = keyPaths(doc);
  const path = paths.length ? paths[m.pick % paths.length] : ['name'];
  switch (m.kind) {
    case 'set':
      return setAtPath(doc, path, m.value);
    case 'setField':
      return setAtPath(doc, SCENARIO_FIELDS[m.pick % SCENARIO_FIELDS.length].path.split('.'), m.value);
    case 'add': {
      const parent = path.slice(0, -1);
      const target = getAtPath(doc, parent);
      return isPlainObject(target) ? setAtPath(doc, parent, defineKey(target, m.key, m.value)) : doc;
    }
    case 'rename':
    case 'delete': {
      const parent = path.slice(0, -1);
      const target = getAtPath(doc, parent);
      if (!isPlainObject(target)) return doc;
      const old = path[path.length - 1];
      const { [old]: moved, ...rest } = target;
      const next = m.kind === 'rename' ? defineKey(rest, m.key ?? typo(old, m.at), moved) : rest;
      return parent.length ? setAtPath(doc, parent, next) : next;
    }
  }
}

const mutated = fc.tuple(validScenarioInput, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([doc, ms]) => ms.reduce(apply, doc as unknown));

describe('fuzz: the loader never throws', () => {
  test('mutated scenarios', () => {
    fc.assert(
      fc.property(mutated, (doc) => {
        checkResult(validateScenario(doc));
      }),
      { numRuns: runs(800) },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('arbitrary values', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (doc) => checkResult(validateScenario(doc))), { numRuns: runs(600) });
  });

  test('hand-edited scenario text', () => {
    const edited = fc
      .tuple(validScenarioInput, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }))
      .map(([doc, edits]) =>
        edits.reduce((text, [at, cut, insert]) => {
          const i = at % (text.length + 1);
          return text.slice(0, i) + insert + text.slice(i + cut);
        }, JSON.stringify(doc, null, 2)),
      );
    fc.assert(fc.property(edited, (text) => checkResult(parseScenarioText(text, 'fuzz.json'))), { numRuns: runs(500) });
  });

  test('--set with random paths and values', () => {
    const set = fc.tuple(fc.array(key, { minLength: 0, maxLength: 4 }), fc.boolean(), fc.oneof(fc.json(), fc.string({ maxLength: 10 })))
      .map(([path, eq, raw]) => (eq ? `${path.join('.')}=${raw}` : path.join('.')));
    fc.assert(
      fc.property(validScenarioInput, fc.array(set, { maxLength: 4 }), (doc, sets) => {
        const r = applyOverrides(doc, sets);
        if (r.ok) checkResult(validateScenario(r.value));
        else if (r.problems.some((p) => !p.path || !p.expected || !p.got || !p.message)) throw new Error('incomplete --set problem');
      }),
      { numRuns: runs(400) },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
