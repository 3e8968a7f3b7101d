import fc from 'fast-check';
import { SCENARIO_FIELDS, type FieldInfo } from '../../src/scenario/fields.ts';
import { setAtPath } from '../../src/scenario/path.ts';

/** Random values within a field's range; -0 is normalised to 0 as JSON would. */
export function fieldValue(f: FieldInfo): fc.Arbitrary<unknown> {
  const real = (min = 0, max = 1) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);
  switch (f.kind) {
    case 'number':
      return real(f.min, f.max);
    case 'integer':
      return fc.integer({ min: f.min, max: f.max });
    case 'choice':
      return fc.constantFrom(...f.options!);
    case 'flag':
      return fc.boolean();
    case 'campaign':
      return fc.oneof(
        real(f.min, f.max),
        fc.record(
          { reach: real(f.min, f.max), fromWeek: fc.integer({ min: 0, max: 300 }), span: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }) },
          { requiredKeys: ['reach'] },
        ).map(({ span, ...c }) => (span === undefined ? c : { ...c, toWeek: (c.fromWeek ?? 0) + span })),
      );
  }
}

/** A valid scenario input: a name and a random subset of fields set to random valid values. */
export const validScenarioInput: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.option(fc.integer({ min: 1, max: 520 }), { nil: undefined }),
    fc.tuple(...SCENARIO_FIELDS.map((f) => fc.option(fieldValue(f), { nil: undefined, freq: 3 }))),
  )
  .map(([name, weeks, values]) => {
    let doc: unknown = weeks === undefined ? { name } : { name, weeks };
    values.forEach((v, i) => {
      if (v !== undefined) doc = setAtPath(doc, SCENARIO_FIELDS[i].path.split('.'), v);
    });
    return doc as Record<string, unknown>;
  });
