import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  EXPERIMENT_SCHEMA_FILE,
  experimentHash,
  experimentJsonSchemaText,
  parseExperimentText,
  validateExperiment,
  type ExperimentOptions,
  type ExperimentResult,
} from '../../src/experiment/schema.ts';
import { HEADLINE_METRICS } from '../../src/sim/comparison.ts';
import { scenarioHash } from '../../src/scenario/hash.ts';
import { smallWorld } from '../support/small-world.ts';

const world = smallWorld('cli');
const options: ExperimentOptions = {
  readScenario: (path) =>
    path === 'small.json'
      ? { ok: true, scenario: world }
      : { ok: false, problems: [{ path: 'weeks', expected: 'a whole number between 1 and 1040', got: '0', message: 'weeks: expected a whole number between 1 and 1040, got 0' }] },
};
const file = (extra: Record<string, unknown> = {}) => ({
  format: 'dsw-experiment',
  version: 1,
  name: 'test',
  scenario: 'small.json',
  design: { type: 'list', points: [{ label: 'a', set: { 'interventions.labourInspection.inspectorsPer10kWorkers': 2 } }] },
  ...extra,
});
const messages = (r: ExperimentResult) => (r.ok ? [] : r.problems.map((p) => p.message));
const ok = (r: ExperimentResult) => {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.experiment;
};

describe('a valid file', () => {
  test('takes its defaults: 5 replicates, every headline outcome, the total, weekly series, the scenario\'s seed and weeks', () => {
    const e = ok(validateExperiment(file(), options));
    expect(e).toMatchObject({ name: 'test', replicates: 5, outcomes: [...HEADLINE_METRICS], slots: ['total'], series: 'weekly', seed: world.seed, weeks: world.weeks });
    expect(e.scenario).toEqual(world);
    expect(e.description).toBeUndefined();
    expect(e.frontier).toBeUndefined();
  });

  test('keeps what it gives, and fills the design\'s defaults', () => {
    const e = ok(validateExperiment(file({
      description: 'd', seed: 9, replicates: 2, weeks: 30, outcomes: ['reports', 'derivedDemand'], sectors: ['total', 'sexual'], series: 'outcomes',
      frontier: [{ outcome: 'derivedDemand', better: 'lower' }, { outcome: 'reports', better: 'higher' }],
      design: { type: 'morris', inputs: ['assumptions.clients.stopRate'] },
    }), options));
    expect(e).toMatchObject({ description: 'd', seed: 9, replicates: 2, weeks: 30, outcomes: ['reports', 'derivedDemand'], slots: ['total', 'sexual'], series: 'outcomes' });
    expect(e.frontier).toEqual([{ outcome: 'derivedDemand', better: 'lower' }, { outcome: 'reports', better: 'higher' }]);
    expect(e.design).toEqual({ type: 'morris', trajectories: 20, levels: 4, inputs: ['assumptions.clients.stopRate'], ranges: {} });
    const mc = ok(validateExperiment(file({ design: { type: 'monte-carlo', draws: 3 } }), options)).design;
    expect(mc).toEqual({ type: 'monte-carlo', draws: 3, sampling: 'latin-hypercube', inputs: 'all', ranges: {} });
  });

  test('an inline scenario object is validated as a scenario', () => {
    const e = ok(validateExperiment(file({ scenario: { name: 'inline', weeks: 12 } }), options));
    expect(e.scenario.name).toBe('inline');
    expect(e.weeks).toBe(12);
  });
});

describe('problems, all at once, each with its path', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['a misspelt key', { replicats: 3 }, ['replicats: unknown key; did you mean "replicates"?']],
    ['replicates out of range', { replicates: 0 }, ['replicates: expected a whole number between 1 and 1000, got 0']],
    ['an unknown outcome', { outcomes: ['derivedDemand', 'demand'] },
      ['outcomes[1]: expected one of "consumerDemand", "derivedDemand", "victimsInExploitation", "newlyTrafficked", "reports", "victimsIdentified", "exploitingEmployers", "exploitativeRecruiters", got "demand"']],
    ['an outcome twice', { outcomes: ['reports', 'reports'] }, ['outcomes[1]: expected each listed once, got "reports" again']],
    ['an unknown sector', { sectors: ['sex'] }, ['sectors[0]: expected one of "total", "sexual", "agriculture", "manufacturing", got "sex"']],
    ['a wrong frontier direction', { frontier: [{ outcome: 'reports', better: 'up' }, { outcome: 'derivedDemand', better: 'lower' }] },
      ['frontier[0].better: expected one of "lower", "higher", got "up"']],
    ['a frontier on one outcome twice', { frontier: [{ outcome: 'reports', better: 'higher' }, { outcome: 'reports', better: 'lower' }] },
      ['frontier[1].outcome: expected an outcome other than "reports", got "reports"']],
    ['a frontier outcome not analysed', { outcomes: ['reports'], frontier: [{ outcome: 'reports', better: 'higher' }, { outcome: 'derivedDemand', better: 'lower' }] },
      ['frontier[1].outcome: expected one of the experiment\'s outcomes (reports), got "derivedDemand"']],
    ['a misspelt design type', { design: { type: 'gird', axes: [] } },
      ['design.type: expected one of "grid", "list", "monte-carlo", "one-at-a-time", "morris", "attribution", "robustness", got "gird"; did you mean "grid"?']],
    ['a key of another design', { design: { type: 'grid', axes: [{ path: 'interventions.labourInspection.sanction', values: [1] }], draws: 3 } },
      ['design.draws: unknown key; expected one of type, axes']],
    ['a set path that is no field', { design: { type: 'list', points: [{ label: 'a', set: { 'interventions.labourInspection.inspectorsPer10k': 2 } }] } },
      ['design.points[0].set["interventions.labourInspection.inspectorsPer10k"]: "interventions.labourInspection.inspectorsPer10k" is not a scenario field; did you mean "interventions.labourInspection.inspectorsPer10kWorkers"?']],
    ['a set value out of range', { design: { type: 'list', points: [{ label: 'a', set: { 'interventions.labourInspection.inspectorsPer10kWorkers': 99 } }] } },
      ['design.points[0].set["interventions.labourInspection.inspectorsPer10kWorkers"]: expected a number between 0 and 50, got 99']],
    ['a bad campaign inside a package', { design: { type: 'robustness', draws: 2, inputs: ['assumptions.clients.stopRate'], packages: [{ label: 'p', set: { 'interventions.awareness.clients': { reach: 2, fromWeek: 0 } } }] } },
      ['design.packages[0].set["interventions.awareness.clients"].reach: expected a number between 0 and 1, got 2']],
    ['an axis value out of range', { design: { type: 'grid', axes: [{ path: 'interventions.labourInspection.sanction', values: [1, -5] }] } },
      ['design.axes[0].values[1]: expected a number between 0 and 10000000, got -5']],
    ['an axis twice', { design: { type: 'grid', axes: [{ path: 'interventions.labourInspection.sanction', values: [1] }, { path: 'interventions.labourInspection.sanction', values: [2] }] } },
      ['design.axes[1].path: expected a path not swept by another axis, got "interventions.labourInspection.sanction"']],
    ['a label twice', { design: { type: 'list', points: [{ label: 'a', set: {} }, { label: 'a', set: {} }] } },
      ['design.points[1].label: expected a label not used by another point, got "a"']],
    ['an odd number of Morris levels', { design: { type: 'morris', levels: 5, inputs: ['assumptions.clients.stopRate'] } },
      ['design.levels: expected an even whole number between 2 and 20, got 5']],
    ['a misspelt distribution', { design: { type: 'monte-carlo', draws: 2, ranges: { 'assumptions.clients.stopRate': { min: 0, max: 1, distribution: { kind: 'lognormal' } } } } },
      ['design.ranges["assumptions.clients.stopRate"].distribution.kind: expected one of "uniform", "triangular", "normal", "log-uniform", got "lognormal"; did you mean "normal"?']],
    ['a range outside the valid range', { design: { type: 'one-at-a-time', inputs: ['assumptions.clients.stopRate'], ranges: { 'assumptions.clients.stopRate': { min: -1, max: 0.5 } } } },
      ['design.ranges["assumptions.clients.stopRate"].min: expected a number between 0 and 1 (the field\'s valid range), got -1']],
    ['a measure the package does not change', { design: { type: 'attribution', package: { label: 'p', set: { 'interventions.labourInspection.sanction': 1 } }, measures: ['interventions.awareness'] } },
      ['design.measures[0]: expected an intervention group the package changes, got "interventions.awareness"']],
    ['a measure that is no group', { design: { type: 'attribution', package: { label: 'p', set: { 'interventions.labourInspection.sanction': 1 } }, measures: ['interventions.labourInspecton'] } },
      ['design.measures[0]: "interventions.labourInspecton" is not an intervention group; did you mean "interventions.labourInspection"?']],
    ['too many points', { design: { type: 'monte-carlo', draws: 100_000, inputs: ['assumptions.clients.stopRate'] }, replicates: 20 },
      ['design: 100000 points × 20 replicates = 2000000 runs; at most 1000000 are allowed']],
    ['a grid too big', { design: { type: 'grid', axes: [0, 1, 2].map((i) => ({ path: ['interventions.labourInspection.sanction', 'interventions.labourInspection.inspectorsPer10kWorkers', 'interventions.supplyChain.auditRate'][i], values: Array.from({ length: 50 }, (_, j) => j / 10) })) } },
      ['design: expands to 125000 points; at most 100000 are allowed']],
    ['the scenario file\'s problems', { scenario: 'broken.json' }, ['scenario: broken.json: weeks: expected a whole number between 1 and 1040, got 0']],
    ['an inline scenario\'s problems', { scenario: { name: 'x', interventions: { labourInspection: { sanction: 'high' } } } },
      ['scenario.interventions.labourInspection.sanction: expected a number between 0 and 10000000, got "high"']],
    ['a missing design', { design: undefined }, ['design: expected a design object such as { "type": "grid", "axes": [ … ] }, got nothing (the field is missing)']],
  ];
  test.each(cases)('%s', (_label, extra, expected) => {
    expect(messages(validateExperiment(file(extra), options))).toEqual(expected);
  });

  test('several problems are reported together', () => {
    const r = validateExperiment(file({ replicates: 0, scenario: 'broken.json', design: { type: 'morris', levels: 3, inputs: ['assumptions.clients.stopRat'] } }), options);
    expect(messages(r)).toEqual([
      'replicates: expected a whole number between 1 and 1000, got 0',
      'scenario: broken.json: weeks: expected a whole number between 1 and 1040, got 0',
    ]);
    const later = validateExperiment(file({ scenario: 'broken.json', design: { type: 'morris', levels: 3, inputs: ['assumptions.clients.stopRat'] } }), options);
    expect(messages(later)).toEqual([
      'scenario: broken.json: weeks: expected a whole number between 1 and 1040, got 0',
      'design.levels: expected an even whole number between 2 and 20, got 3',
      'design.inputs[0]: "assumptions.clients.stopRat" is not a scenario field; did you mean "assumptions.clients.stopRate"?',
    ]);
  });

  test('a file from a newer version says so, and nothing else', () => {
    expect(messages(validateExperiment(file({ version: 2, design: { type: 'teleport' } }), options))).toEqual([
      'version: this experiment file was made by a newer version of the workbench (format version 2; this one reads up to 1); update the workbench to run it',
    ]);
  });

  test('not an object', () => {
    expect(messages(validateExperiment([1], options))[0]).toMatch(/^\(root\): expected an experiment object/);
    expect(messages(validateExperiment(file({ format: 'dsw-scenario' }), options))).toEqual(['format: expected "dsw-experiment", got "dsw-scenario"']);
  });
});

describe('experiment text', () => {
  test('malformed JSON is one problem with its line and column', () => {
    const r = parseExperimentText('{\n  "name": "x",\n}', { ...options, source: 'e.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 3, column: 1 });
    expect(r.problems[0].message).toMatch(/^e\.json, line 3, column 1: malformed JSON: /);
  });

  test('a key given twice is a warning', () => {
    const text = JSON.stringify(file()).replace('"name":"test"', '"name":"a","name":"test"');
    const r = parseExperimentText(text, { ...options, source: 'e.json' });
    expect(r.ok && r.warnings).toEqual(['e.json, line 1, column 51: name is given more than once; the last value is used']);
  });

  test('a byte-order mark is fine', () => {
    expect(parseExperimentText(`\ufeff${JSON.stringify(file())}`, options).ok).toBe(true);
  });
});

describe('experimentHash', () => {
  const e = ok(validateExperiment(file(), options));
  test('is stable, and changes with anything that changes the runs', () => {
    expect(experimentHash(e)).toMatch(/^[0-9a-f]{16}$/);
    expect(experimentHash(ok(validateExperiment(file(), options)))).toBe(experimentHash(e));
    expect(experimentHash({ ...e, replicates: 6 })).not.toBe(experimentHash(e));
    expect(experimentHash({ ...e, scenario: { ...e.scenario, seed: e.scenario.seed + 1 } })).not.toBe(experimentHash(e));
  });
  test('sees the scenario only through its hash (its name does not count)', () => {
    expect(experimentHash({ ...e, scenario: { ...e.scenario, name: 'renamed' } })).toBe(experimentHash(e));
    expect(scenarioHash({ ...e.scenario, name: 'renamed' })).toBe(scenarioHash(e.scenario));
  });
});

describe('the JSON Schema file', () => {
  test(`${EXPERIMENT_SCHEMA_FILE} is up to date`, () => {
    let text = '(missing)';
    try {
      text = readFileSync(resolve(import.meta.dirname, '../..', EXPERIMENT_SCHEMA_FILE), 'utf8');
    } catch {
      // reported below
    }
    expect(text === experimentJsonSchemaText(), `${EXPERIMENT_SCHEMA_FILE} is stale: run \`npm run schema\` and commit the result`).toBe(true);
  });

  test('requires the format, version, name, scenario and design, refuses unknown keys, and points inline scenarios at the scenario schema', () => {
    const schema = JSON.parse(experimentJsonSchemaText());
    expect([...schema.required].sort()).toEqual(['design', 'format', 'name', 'scenario', 'version']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.scenario.anyOf).toContainEqual({ $ref: 'scenario.schema.json', description: 'a scenario object' });
    expect(schema.properties.design.oneOf ?? schema.properties.design.anyOf).toHaveLength(7);
  });
});
