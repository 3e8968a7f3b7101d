import { describe, expect, test } from 'vitest';
import { migrate, MIGRATIONS, oldestReadable, type Migration } from '../../src/scenario/migrate.ts';
import { FORMAT_VERSION } from '../../src/scenario/schema.ts';
import { parseScenarioText, validateScenario } from '../../src/scenario/load.ts';
import { problem } from '../../src/scenario/problem.ts';

/**
 * A made-up "format 0" in which labour inspection was `inspectors` and the
 * use offence had a `strict` variant that format 1 cannot express.
 */
const fromZero: Migration = {
  from: 0,
  summary: 'interventions.labourInspection.inspectors is now inspectorsPer10kWorkers',
  up(doc) {
    const interventions = { ...(doc.interventions as Record<string, unknown> | undefined) };
    const li = interventions.labourInspection as Record<string, unknown> | undefined;
    const variant = (interventions.criminaliseUse as Record<string, unknown> | undefined)?.variant;
    if (variant === 'strict') {
      return {
        ok: false,
        problems: [problem('interventions.criminaliseUse.variant', 'a variant that exists in format 1', '"strict"',
          'interventions.criminaliseUse.variant: "strict" (format 0) has no equivalent in format 1; choose "exploitation-conditions" or "known-victim"')],
      };
    }
    if (li && 'inspectors' in li) {
      const { inspectors, ...rest } = li;
      interventions.labourInspection = { ...rest, inspectorsPer10kWorkers: inspectors };
    }
    return { ok: true, value: { ...doc, interventions } };
  },
};
/** The made-up step, then this build's own: 0 → 1 → 2. */
const migrations = [fromZero, ...MIGRATIONS];
const TWO = `migrated from format 1 to format 2: ${MIGRATIONS[0].summary}`;

describe('the built-in table', () => {
  test('chains without gaps from the oldest readable format to the current one', () => {
    const froms = MIGRATIONS.map((m) => m.from);
    expect(new Set(froms).size).toBe(froms.length);
    for (const m of MIGRATIONS) expect(m.from).toBeLessThan(FORMAT_VERSION);
    expect(oldestReadable(MIGRATIONS)).toBe(FORMAT_VERSION - MIGRATIONS.length);
  });
});

describe('migrate', () => {
  test('a file without formatVersion is current and unchanged', () => {
    const doc = { name: 'x' };
    expect(migrate(doc)).toEqual({ ok: true, value: doc, from: FORMAT_VERSION, warnings: [] });
  });

  test('an older file is migrated step by step and says what changed', () => {
    const doc = { formatVersion: 0, name: 'x', interventions: { labourInspection: { inspectors: 2 } } };
    const r = migrate(doc, { migrations });
    expect(r).toEqual({
      ok: true,
      from: 0,
      value: { formatVersion: 2, name: 'x', interventions: { labourInspection: { inspectorsPer10kWorkers: 2 } } },
      warnings: ['migrated from format 0 to format 1: interventions.labourInspection.inspectors is now inspectorsPer10kWorkers', TWO],
    });
    expect(doc.interventions.labourInspection).toEqual({ inspectors: 2 });
  });

  test('a file that cannot be migrated says exactly why', () => {
    const r = migrate({ formatVersion: 0, name: 'x', interventions: { criminaliseUse: { variant: 'strict' } } }, { migrations });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      'interventions.criminaliseUse.variant: "strict" (format 0) has no equivalent in format 1; choose "exploitation-conditions" or "known-victim"',
    ]);
  });

  test('a format with no migration path says which step is missing', () => {
    const r = migrate({ formatVersion: -1, name: 'x' }, { migrations });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      'formatVersion: this file uses format -1, which this build cannot read: there is no migration from format -1 to format 0 (this build reads formats 0 to 2)',
    ]);
  });

  test('a migration that throws becomes a problem', () => {
    const broken: Migration = { from: 0, summary: 'broken', up: () => { throw new Error('unexpected shape'); } };
    const r = migrate({ formatVersion: 0, name: 'x' }, { migrations: [broken] });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['formatVersion: migrating this file from format 0 to format 1 failed: unexpected shape']);
  });

  test('several steps run in order', () => {
    const steps: Migration[] = [
      { from: 1, summary: 'b', up: (d) => ({ ok: true, value: { ...d, trail: `${d.trail}b` } }) },
      { from: 0, summary: 'a', up: (d) => ({ ok: true, value: { ...d, trail: 'a' } }) },
    ];
    const r = migrate({ formatVersion: 0 }, { migrations: steps, current: 2 });
    expect(r).toMatchObject({ ok: true, value: { formatVersion: 2, trail: 'ab' }, warnings: ['migrated from format 0 to format 1: a', 'migrated from format 1 to format 2: b'] });
  });
});

describe('loading with migrations', () => {
  test('an old file loads, with the migration as a warning', () => {
    const r = parseScenarioText('{ "formatVersion": 0, "name": "x", "interventions": { "labourInspection": { "inspectors": 2 } } }', 'old.json', { migrations });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(2);
    expect(r.scenario.formatVersion).toBe(FORMAT_VERSION);
    expect(r.warnings).toEqual(['migrated from format 0 to format 1: interventions.labourInspection.inspectors is now inspectorsPer10kWorkers', TWO]);
  });

  const cases: [string, unknown, string[]][] = [
    ['newer', { formatVersion: FORMAT_VERSION + 1, name: 'x', futureLever: 1 },
      [`formatVersion: this file was written by a newer version of the workbench (format ${FORMAT_VERSION + 1}); this build reads up to ${FORMAT_VERSION}`]],
    ['older, with no migration in this build', { formatVersion: 0, name: 'x' },
      ['formatVersion: this file uses format 0, which this build cannot read: there is no migration from format 0 to format 1 (this build reads formats 1 to 2)']],
    ['not a number', { formatVersion: 'one', name: 'x' }, ['formatVersion: expected a whole number between 1 and 2, got "one"']],
    ['not whole', { formatVersion: 1.5, name: 'x' }, ['formatVersion: expected a whole number between 1 and 2, got 1.5']],
  ];
  test.each(cases)('a %s formatVersion', (_label, input, expected) => {
    const r = validateScenario(input);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(expected);
  });
});

describe('format 1 to format 2 (engine 2.0.0: sanctions on one scale)', () => {
  test('a format-1 file with no sanction fields loads, saying that results changed with the model', () => {
    const r = validateScenario({ formatVersion: 1, name: 'x' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([TWO]);
    expect(r.warnings[0]).toMatch(/results differ/);
  });

  test('the old sanction fields move to assumptions.sanctions, keeping their perceived cost', () => {
    const r = validateScenario({
      formatVersion: 1,
      name: 'x',
      assumptions: { employers: { prisonMonthCost: 4000, traffickingPenaltyCost: 200_000, exploitRate: 0.01 }, clients: { buyingOffenceCost: 7000 } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario.assumptions.sanctions;
    expect([s.prisonMonthCost, s.traffickingMonths, s.buyingOffenceFine]).toEqual([4000, 50, 7000]);
    expect(s.traffickingMonths * s.prisonMonthCost + s.traffickingFine).toBe(200_000);
    expect(r.scenario.assumptions.employers.exploitRate).toBe(0.01);
    expect(r.warnings.slice(1)).toEqual([
      'assumptions.employers.prisonMonthCost is now assumptions.sanctions.prisonMonthCost',
      'assumptions.employers.traffickingPenaltyCost is now assumptions.sanctions.traffickingMonths (50 months at 4000 USD a month)',
      'assumptions.clients.buyingOffenceCost is now assumptions.sanctions.buyingOffenceFine',
    ]);
  });

  test('the displacement multiplier becomes the share of work moved', () => {
    const r = validateScenario({ formatVersion: 1, name: 'x', assumptions: { market: { subcontractorDisplacement: 1.5 } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.assumptions.market.subcontractorDisplacement).toBe(0.6);
    expect(r.warnings[1]).toMatch(/1\.5 became 0\.6/);
  });

  test('the migration leaves its input untouched', () => {
    const doc = { formatVersion: 1, name: 'x', assumptions: { clients: { buyingOffenceCost: 1 } } };
    migrate(doc);
    expect(doc.assumptions.clients).toEqual({ buyingOffenceCost: 1 });
  });
});
