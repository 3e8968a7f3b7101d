import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultScenario, parseScenarioText, validateScenario, type LoadResult } from '../../src/scenario/load.ts';
import { MAX_PROBLEMS } from '../../src/scenario/limits.ts';
import { sanctionScale, scenarioWarnings } from '../../src/scenario/warnings.ts';

const messages = (r: LoadResult) => (r.ok ? [] : r.problems.map((p) => p.message));

describe('validateScenario: one message per kind of mistake', () => {
  const cases: [string, unknown, string[]][] = [
    ['wrong type', { name: 'x', interventions: { labourInspection: { inspectorsPer10kWorkers: 'high' } } },
      ['interventions.labourInspection.inspectorsPer10kWorkers: expected a number between 0 and 50, got "high"']],
    ['too big', { name: 'x', interventions: { labourInspection: { inspectorsPer10kWorkers: 51 } } },
      ['interventions.labourInspection.inspectorsPer10kWorkers: expected a number between 0 and 50, got 51']],
    ['too small', { name: 'x', interventions: { labourInspection: { sanction: -1 } } },
      ['interventions.labourInspection.sanction: expected a number between 0 and 10000000, got -1']],
    ['not a whole number', { name: 'x', assumptions: { population: { consumers: 10.5 } } },
      ['assumptions.population.consumers: expected a whole number between 0 and 2000000, got 10.5']],
    ['negative population', { name: 'x', assumptions: { population: { clients: -20 } } },
      ['assumptions.population.clients: expected a whole number between 0 and 1000000, got -20']],
    ['choice', { name: 'x', interventions: { criminaliseUse: { variant: 'B' } } },
      ['interventions.criminaliseUse.variant: expected one of "none", "exploitation-conditions", "known-victim", got "B"']],
    ['flag', { name: 'x', interventions: { criminaliseUse: { reportingImmunity: 'yes' } } },
      ['interventions.criminaliseUse.reportingImmunity: expected true or false, got "yes"']],
    ['campaign of the wrong type', { name: 'x', interventions: { awareness: { consumers: 'high' } } },
      ['interventions.awareness.consumers: expected a number between 0 and 1 or { reach, fromWeek, toWeek }, got "high"']],
    ['campaign number out of range', { name: 'x', interventions: { awareness: { clients: 3 } } },
      ['interventions.awareness.clients: expected a number between 0 and 1, got 3']],
    ['campaign object with a bad reach', { name: 'x', interventions: { awareness: { consumers: { reach: 2 } } } },
      ['interventions.awareness.consumers.reach: expected a number between 0 and 1, got 2']],
    ['campaign object with a bad week and an unknown key', { name: 'x', interventions: { awareness: { employers: { reach: 0.1, fromWeek: 1.5, toWek: 9 } } } },
      ['interventions.awareness.employers.fromWeek: expected a whole number between 0 and 5200, got 1.5',
        'interventions.awareness.employers.toWek: unknown key; did you mean "toWeek"?']],
    ['campaign ending before it starts', { name: 'x', interventions: { awareness: { schools: { reach: 0.1, fromWeek: 10, toWeek: 5 } } } },
      ['interventions.awareness.schools.toWeek: toWeek must not be before fromWeek, got 5']],
    ['missing name', {}, ['name: expected a text of 1 to 200 characters, got nothing (the field is missing)']],
    ['empty name', { name: '' }, ['name: expected a text of 1 to 200 characters, got ""']],
    ['group of the wrong type', { name: 'x', interventions: null }, ['interventions: expected an object, got null']],
    ['not an object', [1, 2], ['(root): expected a scenario object such as { "name": "my scenario" }, got [1, 2]']],
    ['null', null, ['(root): expected a scenario object such as { "name": "my scenario" }, got null']],
    ['a string', 'baseline', ['(root): expected a scenario object such as { "name": "my scenario" }, got "baseline"']],
    ['weeks out of range', { name: 'x', weeks: 0 }, ['weeks: expected a whole number between 1 and 1040, got 0']],
  ];
  test.each(cases)('%s', (_label, input, expected) => {
    expect(messages(validateScenario(input))).toEqual(expected);
  });
});

describe('unknown keys and "did you mean"', () => {
  const cases: [string, unknown, string][] = [
    ['misspelt group', { name: 'x', interventions: { labourInspecton: {} } },
      'interventions.labourInspecton: unknown key; did you mean "labourInspection"?'],
    ['misspelt top-level key', { name: 'x', intervention: {} }, 'intervention: unknown key; did you mean "interventions"?'],
    ['wrong case', { name: 'x', Weeks: 52 }, 'Weeks: unknown key; did you mean "weeks"?'],
    ['misspelt lever', { name: 'x', interventions: { criminaliseUse: { reportImmunity: true } } },
      'interventions.criminaliseUse.reportImmunity: unknown key; did you mean "reportingImmunity"?'],
    ['misspelt assumption', { name: 'x', assumptions: { clients: { noticeRat: 0.1 } } },
      'assumptions.clients.noticeRat: unknown key; did you mean "noticeRate"?'],
    ['a field at the wrong level', { name: 'x', interventions: { inspectorsPer10kWorkers: 1 } },
      'interventions.inspectorsPer10kWorkers: unknown key here; did you mean "interventions.labourInspection.inspectorsPer10kWorkers"?'],
    ['nothing close', { name: 'x', interventions: { labourInspection: { zzz: 1 } } },
      'interventions.labourInspection.zzz: unknown key; expected one of inspectorsPer10kWorkers, sanction'],
  ];
  test.each(cases)('%s', (_label, input, expected) => {
    expect(messages(validateScenario(input))).toEqual([expected]);
  });

  test('one problem per unknown key, each with expected keys and the key as got', () => {
    const r = validateScenario({ name: 'x', interventions: { labourInspection: { a: 1, b: 2 } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.got])).toEqual([
      ['interventions.labourInspection.a', '"a"'],
      ['interventions.labourInspection.b', '"b"'],
    ]);
    expect(r.problems[0].expected).toBe('one of the keys inspectorsPer10kWorkers, sanction');
  });
});

describe('every problem at once', () => {
  test('a file with 5 problems gets 5, in the order of the file', () => {
    const r = validateScenario({
      name: '',
      weeks: 'long',
      interventions: {
        labourInspection: { inspectorsPer10kWorkers: 'high' },
        criminaliseUse: { variant: 'B' },
      },
      assumptions: { population: { consumers: -1 } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual([
      'name',
      'weeks',
      'interventions.labourInspection.inspectorsPer10kWorkers',
      'interventions.criminaliseUse.variant',
      'assumptions.population.consumers',
    ]);
  });

  test('problems are listed up to a limit, then counted', () => {
    const junk = Object.fromEntries(Array.from({ length: MAX_PROBLEMS + 50 }, (_, i) => [`junk${i}`, i]));
    const r = validateScenario({ name: 'x', ...junk });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(r.problems[MAX_PROBLEMS].message).toBe('(root): 50 more problems are not listed; fix the ones above first');
  });

  test('every problem has a path, an expected, a got and a message starting with the path', () => {
    const r = validateScenario({ name: 5, weeks: -1, seed: 'a', interventions: { awareness: { consumers: [1] } }, extra: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const p of r.problems) {
      expect(p.path).not.toBe('');
      expect(p.expected).not.toBe('');
      expect(p.got).not.toBe('');
      expect(p.message.startsWith(`${p.path}: `)).toBe(true);
    }
  });
});

describe('valid scenarios', () => {
  test('a name is enough; every default is filled in', () => {
    const r = validateScenario({ name: 'x' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.weeks).toBe(260);
    expect(r.scenario.interventions.criminaliseUse.variant).toBe('none');
    expect(r.scenario.interventions.awareness.consumers).toBe(0);
    expect(r.input).toEqual({ name: 'x' });
    expect(r.warnings).toEqual([]);
  });

  test('the input is not touched and not shared with the result', () => {
    const input = Object.freeze({ name: 'x', interventions: Object.freeze({ awareness: Object.freeze({ consumers: Object.freeze({ reach: 0.1 }) }) }) });
    const r = validateScenario(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toEqual(input);
    expect(r.input).not.toBe(input);
    expect(r.scenario.interventions.awareness.consumers).not.toBe(input.interventions.awareness.consumers);
  });

  const warningCases: [string, unknown, string[]][] = [
    ['a campaign that starts after the run', { name: 'x', weeks: 52, interventions: { awareness: { clients: { reach: 0.1, fromWeek: 60 } } } },
      ['interventions.awareness.clients: the campaign starts in week 60, after the run ends (the run has 52 weeks), so it has no effect']],
    ['every sector off', { name: 'x', assumptions: { sectors: { sexual: { enabled: false }, agriculture: { enabled: false }, manufacturing: { enabled: false } } } },
      ['assumptions.sectors: every sector is switched off, so the run has no employers, recruiters or workers']],
  ];
  test.each(warningCases)('warns about %s', (_label, input, expected) => {
    const r = validateScenario(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual(expected);
  });
});

describe('sanctions out of the statutes\' order (¶17, ¶20, ¶38)', () => {
  const use = (months: number, fine: string, cost: string) =>
    `interventions.criminaliseUse.penaltyMonths ${months} × assumptions.sanctions.prisonMonthCost USD 2,500 + interventions.criminaliseUse.fine USD ${fine} = USD ${cost}`;
  const useAboveTrafficking = (useTerms: string, months: number, fine: string, cost: string) =>
    'interventions.criminaliseUse: the use offence costs more than a trafficking conviction on the one scale of sanctions ' +
    `(${useTerms}, against assumptions.sanctions.traffickingMonths ${months} × USD 2,500 + assumptions.sanctions.traffickingFine USD ${fine} = USD ${cost}); ` +
    "the statutes punish using a victim's services less than trafficking (¶20, ¶38)";
  const buyingAboveUse = (months: number, fine: string, cost: string, useTerms: string) =>
    'assumptions.sanctions: the buying offence costs more than the use offence on the one scale of sanctions ' +
    `(assumptions.sanctions.buyingOffenceMonths ${months} × USD 2,500 + assumptions.sanctions.buyingOffenceFine USD ${fine} = USD ${cost}, against ${useTerms}); ` +
    "the statutes punish buying sex less than using a victim's services (¶17, ¶34-35, ¶38)";
  const option = (criminaliseUse: object, assumptions: object = {}, regime?: string) => ({
    name: 'x',
    interventions: { criminaliseUse: { variant: 'known-victim', ...criminaliseUse }, ...(regime ? { prostitutionRegime: regime } : {}) },
    assumptions,
  });

  const cases: [string, unknown, string[]][] = [
    ['a use offence longer than trafficking', option({ penaltyMonths: 120 }),
      [useAboveTrafficking(use(120, '0', '300,000'), 60, '0', '150,000')]],
    ['a use offence whose fine lifts it above trafficking', option({ penaltyMonths: 6, fine: 200_000 }),
      [useAboveTrafficking(use(6, '200,000', '215,000'), 60, '0', '150,000')]],
    ['a trafficking term just below the use offence', option({}, { sanctions: { traffickingMonths: 3, traffickingFine: 5_000 } }),
      [useAboveTrafficking(use(6, '0', '15,000'), 3, '5,000', '12,500')]],
    ['option A, a cheaper month of prison and a trafficking fine', option({ variant: 'exploitation-conditions', penaltyMonths: 24, fine: 1_000 }, { sanctions: { prisonMonthCost: 1_000, traffickingMonths: 12, traffickingFine: 10_000 } }),
      ['interventions.criminaliseUse: the use offence costs more than a trafficking conviction on the one scale of sanctions ' +
        '(interventions.criminaliseUse.penaltyMonths 24 × assumptions.sanctions.prisonMonthCost USD 1,000 + interventions.criminaliseUse.fine USD 1,000 = USD 25,000, ' +
        'against assumptions.sanctions.traffickingMonths 12 × USD 1,000 + assumptions.sanctions.traffickingFine USD 10,000 = USD 22,000); ' +
        "the statutes punish using a victim's services less than trafficking (¶20, ¶38)"]],
    ['a buying fine above the use offence where buying is an offence', option({}, { sanctions: { buyingOffenceFine: 20_000 } }, 'criminalise-buying'),
      [buyingAboveUse(0, '20,000', '20,000', use(6, '0', '15,000'))]],
    ['a buying prison term above the use offence where both sides are offences', option({}, { sanctions: { buyingOffenceMonths: 12 } }, 'criminalise-both'),
      [buyingAboveUse(12, '4,000', '34,000', use(6, '0', '15,000'))]],
    ['both at once', option({}, { sanctions: { traffickingMonths: 0, buyingOffenceFine: 20_000 } }, 'criminalise-buying'),
      [useAboveTrafficking(use(6, '0', '15,000'), 0, '0', '0'), buyingAboveUse(0, '20,000', '20,000', use(6, '0', '15,000'))]],
  ];
  test.each(cases)('warns about %s', (_label, input, expected) => {
    const r = validateScenario(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual(expected);
  });

  const quiet: [string, unknown][] = [
    ['the defaults', { name: 'x' }],
    ['a use offence at the defaults', option({})],
    ['a use offence equal to trafficking (not above it)', option({ penaltyMonths: 60 })],
    ['a trafficking term and fine that just match the use offence', option({}, { sanctions: { traffickingMonths: 4, traffickingFine: 5_000 } })],
    ['a long use penalty with no use offence', { name: 'x', interventions: { criminaliseUse: { penaltyMonths: 240, fine: 1_000_000 } } }],
    ['a buying offence above no use offence', { name: 'x', interventions: { prostitutionRegime: 'criminalise-buying' }, assumptions: { sanctions: { buyingOffenceFine: 1_000_000 } } }],
    ['a large buying fine where buying is no offence', option({}, { sanctions: { buyingOffenceFine: 1_000_000 } }, 'criminalise-selling')],
    ['a large buying fine where the regime\'s client liability is 0', option({}, { sanctions: { buyingOffenceFine: 1_000_000 }, prostitution: { 'criminalise-buying': { clientLiability: 0 } } }, 'criminalise-buying')],
    ['a buying offence equal to the use offence', option({}, { sanctions: { buyingOffenceFine: 15_000 } }, 'criminalise-buying')],
  ];
  test.each(quiet)('no warning for %s', (_label, input) => {
    const r = validateScenario(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual([]);
  });

  const dir = join(import.meta.dirname, '../../scenarios');
  const presets = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  test.each(presets)('the preset %s keeps the statutes\' order', (file) => {
    const r = parseScenarioText(readFileSync(join(dir, file), 'utf8'), file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.filter((w) => w.includes('on the one scale of sanctions'))).toEqual([]);
    const { trafficking, use, buying } = sanctionScale(r.scenario);
    expect(use.cost).toBeLessThanOrEqual(trafficking.cost);
    if (r.scenario.interventions.criminaliseUse.variant !== 'none') expect(buying.cost).toBeLessThanOrEqual(use.cost);
  });

  test('the defaults keep the statutes\' order with every offence switched on', () => {
    const s = defaultScenario();
    s.interventions.criminaliseUse.variant = 'known-victim';
    s.interventions.prostitutionRegime = 'criminalise-both';
    expect(scenarioWarnings(s)).toEqual([]);
  });
});
