import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ASSUMPTION_FIELDS, fieldAt } from '../../src/scenario/fields.ts';
import { getAtPath } from '../../src/scenario/path.ts';
import { defaultRange, resolveInputs } from '../../src/experiment/ranges.ts';
import { smallWorld } from '../support/small-world.ts';
import { defaultScenario } from '../../src/scenario/load.ts';

const numeric = ASSUMPTION_FIELDS.filter((f) => f.kind === 'number' || f.kind === 'integer');
const base = defaultScenario();

describe('the default plausible range', () => {
  test('lies inside the valid range, around the value, whole for integer fields', () => {
    fc.assert(
      fc.property(fc.constantFrom(...numeric), fc.double({ min: 0, max: 1, noNaN: true }), (field, share) => {
        const value = field.min! + share * (field.max! - field.min!);
        const r = defaultRange(field, field.kind === 'integer' ? Math.round(value) : value);
        if (!r) return;
        expect(r.min).toBeGreaterThanOrEqual(field.min!);
        expect(r.max).toBeLessThanOrEqual(field.max!);
        expect(r.min).toBeLessThan(r.max);
        expect(r.min).toBeGreaterThanOrEqual(Math.min(value * 0.5, field.max!) - 1e-9);
        expect(r.max).toBeLessThanOrEqual(Math.max(value * 1.5, field.min!) + 1e-9);
        if (field.kind === 'integer') expect(Number.isInteger(r.min) && Number.isInteger(r.max)).toBe(true);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  test('is half to one and a half times the value, clipped', () => {
    expect(defaultRange(fieldAt('assumptions.population.consumers')!, 20_000)).toEqual({ min: 10_000, max: 30_000 });
    // A probability of 0.8 clips at 1.
    expect(defaultRange(fieldAt('assumptions.market.avoidanceCut')!, 0.8)).toEqual({ min: 0.4, max: 1 });
    expect(defaultRange(fieldAt('assumptions.population.consumers')!, 0)).toBeUndefined();
    // An integer of 1: [0.5, 1.5] holds no two whole numbers.
    expect(defaultRange(fieldAt('assumptions.population.consumers')!, 1)).toBeUndefined();
  });
});

describe('"all"', () => {
  const all = resolveInputs('all', {}, base);
  const paths = all.inputs.map((i) => i.path);

  test('varies the numeric assumptions in force, with default ranges around the base values', () => {
    expect(all.problems).toEqual([]);
    expect(paths.length).toBeGreaterThan(50);
    for (const input of all.inputs) {
      expect(input.path.startsWith('assumptions.')).toBe(true);
      expect(input.rangeSource).toBe('default');
      const value = getAtPath(base, input.path.split('.')) as number;
      expect(input.min).toBeLessThanOrEqual(value);
      expect(input.max).toBeGreaterThanOrEqual(value);
    }
    expect(paths).toContain('assumptions.clients.reportRate');
    expect(paths).toContain('assumptions.prostitution.criminalise-selling.marketScale');
  });

  test('leaves out zero values, modelling choices and regimes not in force, each with its reason', () => {
    expect(paths).not.toContain('assumptions.sanctions.traffickingFine');
    expect(paths).not.toContain('assumptions.simulation.burnInWeeks');
    expect(paths.some((p) => p.startsWith('assumptions.prostitution.regulate.'))).toBe(false);
    expect(all.fixed.some((f) => f.startsWith('assumptions.sanctions.traffickingFine (no default range'))).toBe(true);
    expect(all.fixed.some((f) => f.startsWith('assumptions.prostitution.regulate.marketScale (the prostitution regime regulate'))).toBe(true);
    expect(all.inputs.length + all.fixed.length).toBe(numeric.length);
  });

  test('leaves out a disabled sector, unless a package enables it', () => {
    const world = smallWorld('cli'); // manufacturing disabled
    const without = resolveInputs('all', {}, world).inputs.map((i) => i.path);
    expect(without.some((p) => p.startsWith('assumptions.sectors.manufacturing.'))).toBe(false);
    expect(without).toContain('assumptions.sectors.agriculture.workers');
    const enabled = resolveInputs('all', {}, world, { packages: [{ label: 'm', set: { 'assumptions.sectors.manufacturing.enabled': true } }] });
    expect(enabled.inputs.map((i) => i.path)).toContain('assumptions.sectors.manufacturing.workers');
  });

  test('takes a file range instead of the default, and adds paths given a range', () => {
    const r = resolveInputs('all', {
      'assumptions.clients.reportRate': { min: 0.01, max: 0.5, distribution: { kind: 'triangular' } },
      'assumptions.sanctions.traffickingFine': { min: 0, max: 100_000 },
      'interventions.labourInspection.inspectorsPer10kWorkers': { min: 0.25, max: 2 },
    }, base);
    expect(r.problems).toEqual([]);
    const byPath = new Map(r.inputs.map((i) => [i.path, i]));
    expect(byPath.get('assumptions.clients.reportRate')).toMatchObject({ min: 0.01, max: 0.5, rangeSource: 'file', distribution: { kind: 'triangular', mode: 0.1 } });
    expect(byPath.get('assumptions.sanctions.traffickingFine')).toMatchObject({ min: 0, max: 100_000, rangeSource: 'file' });
    expect(byPath.has('interventions.labourInspection.inspectorsPer10kWorkers')).toBe(true);
    expect(r.inputs.filter((i) => i.path === 'assumptions.clients.reportRate')).toHaveLength(1);
  });
});

describe('listed inputs and file ranges', () => {
  test('keep the list order and fill distribution defaults from the base value', () => {
    const r = resolveInputs(['assumptions.clients.stopRate', 'assumptions.population.clients'], {
      'assumptions.clients.stopRate': { min: 0.05, max: 0.2, distribution: { kind: 'normal' } },
    }, base);
    expect(r.problems).toEqual([]);
    expect(r.inputs.map((i) => i.path)).toEqual(['assumptions.clients.stopRate', 'assumptions.population.clients']);
    expect(r.inputs[0].distribution).toEqual({ kind: 'normal', mean: 0.1, sd: (0.2 - 0.05) / 4 });
    expect(r.inputs[1]).toMatchObject({ min: 1500, max: 4500, integer: true, rangeSource: 'default', distribution: { kind: 'uniform' } });
  });

  const messages = (inputs: 'all' | string[], ranges: Record<string, { min: number; max: number; distribution?: never }> | Record<string, unknown>) =>
    resolveInputs(inputs, ranges as never, base).problems.map((p) => p.message);

  test.each([
    ['a range outside the valid range', 'all', { 'assumptions.clients.reportRate': { min: 0, max: 2 } },
      'design.ranges["assumptions.clients.reportRate"].max: expected a number between 0 and 1 (the field\'s valid range), got 2'],
    ['min not below max', 'all', { 'assumptions.clients.reportRate': { min: 0.5, max: 0.5 } },
      'design.ranges["assumptions.clients.reportRate"].max: expected a number greater than min (0.5), got 0.5'],
    ['a fractional end of an integer field', 'all', { 'assumptions.population.clients': { min: 10.5, max: 20 } },
      'design.ranges["assumptions.population.clients"].min: expected a whole number between 0 and 1000000 (the field\'s valid range), got 10.5'],
    ['log-uniform from 0', 'all', { 'assumptions.clients.reportRate': { min: 0, max: 0.5, distribution: { kind: 'log-uniform' } } },
      'design.ranges["assumptions.clients.reportRate"].min: expected a number above 0 (a log-uniform range cannot include 0), got 0'],
    ['a mode outside the range', 'all', { 'assumptions.clients.reportRate': { min: 0.1, max: 0.5, distribution: { kind: 'triangular', mode: 0.9 } } },
      'design.ranges["assumptions.clients.reportRate"].distribution.mode: expected a number between min and max (0.1 and 0.5), got 0.9'],
    ['a range for a choice', 'all', { 'interventions.criminaliseUse.variant': { min: 0, max: 1 } },
      'design.ranges["interventions.criminaliseUse.variant"]: expected the path of a number field (a lever or assumption with a range), got "interventions.criminaliseUse.variant", a choice field'],
    ['a misspelt range path', 'all', { 'assumptions.clients.reportRat': { min: 0, max: 1 } },
      'design.ranges["assumptions.clients.reportRat"]: "assumptions.clients.reportRat" is not a scenario field; did you mean "assumptions.clients.reportRate"?'],
    ['a field in the wrong group', ['assumptions.market.reportRate'], {},
      'design.inputs[0]: "assumptions.market.reportRate" is not a scenario field; did you mean "assumptions.clients.reportRate"?'],
    ['an input with an empty default range', ['assumptions.sanctions.traffickingFine'], {},
      'design.inputs[0]: "assumptions.sanctions.traffickingFine" has no default range (its base value 0 gives an empty range); give one in design.ranges["assumptions.sanctions.traffickingFine"]'],
    ['an input listed twice', ['assumptions.clients.stopRate', 'assumptions.clients.stopRate'], {},
      'design.inputs[1]: expected each input listed once, got "assumptions.clients.stopRate" again'],
  ] as const)('%s', (_label, inputs, ranges, expected) => {
    expect(messages(inputs as 'all' | string[], ranges)).toEqual([expected]);
  });

  test('a range for a path not listed is a warning, not a problem', () => {
    const r = resolveInputs(['assumptions.clients.stopRate'], { 'assumptions.clients.reportRate': { min: 0.1, max: 0.2 } }, base);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual(['design.ranges["assumptions.clients.reportRate"]: assumptions.clients.reportRate is not among design.inputs, so this range is not used']);
  });
});
