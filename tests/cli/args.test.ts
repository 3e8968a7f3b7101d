import { describe, expect, it } from 'vitest';
import { LIMITS, parseCliArgs, splitValues } from '../../src/cli/args.ts';
import { numberBounds } from '../../src/scenario/schema-walk.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const run = (argv: string[]) => {
  const r = parseCliArgs(argv);
  if (r.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(r)}`);
  return r.options;
};
const bad = (argv: string[]) => {
  const r = parseCliArgs(argv);
  if (r.kind !== 'bad') throw new Error(`expected problems, got ${JSON.stringify(r)}`);
  return r.problems;
};

describe('parseCliArgs', () => {
  it('reads every option', () => {
    expect(run(['s.json', '--seed', '7', '--runs=20', '--threads', '4', '--weeks', '52', '--set', 'a=1', '--set', 'b.c=x', '--format', 'csv', '-o', 'out.csv', '-q'])).toEqual({
      scenarioPath: 's.json', seed: 7, runs: 20, threads: 4, weeks: 52, sets: ['a=1', 'b.c=x'], sweep: [], format: 'csv', out: 'out.csv', quiet: true,
    });
  });

  it('has defaults: one run, JSON, stdout, the scenario decides seed and weeks', () => {
    expect(run(['s.json'])).toEqual({ scenarioPath: 's.json', seed: undefined, runs: 1, threads: undefined, weeks: undefined, sets: [], sweep: [], format: 'json', out: undefined, quiet: false });
  });

  it('takes the format from an --out file ending in .csv unless --format says otherwise', () => {
    expect(run(['s.json', '--out', 'x.CSV']).format).toBe('csv');
    expect(run(['s.json', '--out', 'x.csv', '--format', 'json']).format).toBe('json');
  });

  it('reads sweeps as path=values, each value JSON when it parses', () => {
    expect(run(['s.json', '--sweep', 'a.b=0,0.5,x', '--sweep', 'c={"reach":0.1,"fromWeek":2},[1,2]']).sweep).toEqual([
      { path: 'a.b', values: [0, 0.5, 'x'] },
      { path: 'c', values: [{ reach: 0.1, fromWeek: 2 }, [1, 2]] },
    ]);
  });

  it('asks for help', () => {
    expect(parseCliArgs(['--help']).kind).toBe('help');
    expect(parseCliArgs(['x.json', '-h', '--bogus']).kind).toBe('help');
  });

  it.each([
    [[], /missing the scenario file/],
    [['a.json', 'b.json'], /expected one scenario file, got 2/],
    [['s.json', '--runs', '0'], /--runs: expected an integer between 1 and 10000, got "0"/],
    [['s.json', '--runs', '2.5'], /--runs: expected an integer/],
    [['s.json', '--seed', '-1'], /--seed: expected an integer between 0 and 4294967295, got "-1"/],
    [['s.json', '--seed', '4294967296'], /--seed: expected an integer/],
    [['s.json', '--weeks', '1041'], /--weeks: expected an integer between 1 and 1040/],
    [['s.json', '--threads', 'many'], /--threads: expected an integer/],
    [['s.json', '--format', 'xml'], /--format: expected one of json, csv, got "xml"/],
    [['s.json', '--seed'], /--seed: expected a value/],
    [['s.json', '--runs', '--quiet'], /--runs: expected a value, got option "--quiet"/],
    [['s.json', '--seed', '1', '--seed', '2'], /--seed: given more than once/],
    [['s.json', '--quiet=yes'], /--quiet: takes no value/],
    [['s.json', '--thread', '2'], /^unknown option --thread \(did you mean --threads\?\)$/],
    [['s.json', '--zzzzzzzz'], /^unknown option --zzzzzzzz$/],
    [['s.json', '--sweep', 'weeks'], /--sweep: expected path=value1,value2/],
    [['s.json', '--sweep', 'weeks=1,,2'], /--sweep weeks: expected a comma-separated list/],
  ])('%j is refused: %s', (argv, message) => {
    const problems = bad(argv);
    expect(problems.some((p) => message.test(p))).toBe(true);
  });

  it('reports every problem at once, and a mistyped option does not leave a stray file name', () => {
    const problems = bad(['s.json', '--thread', '2', '--runs', 'x', '--format', 'xml']);
    expect(problems).toHaveLength(3);
  });

  it('takes the ranges of --seed and --weeks from the scenario format', () => {
    for (const key of ['seed', 'weeks'] as const) {
      const { min, max } = numberBounds(scenarioSchema.shape[key])!;
      expect(LIMITS[key]).toEqual({ min, max });
      expect(run(['s.json', `--${key}`, String(max)])[key]).toBe(max);
      expect(bad(['s.json', `--${key}`, String(max! + 1)])).toEqual([`--${key}: expected an integer between ${min} and ${max}, got "${max! + 1}"`]);
    }
  });

  it('suggests options with the scenario loader\'s "did you mean"', () => {
    expect(bad(['s.json', '--Seed', '2'])).toEqual(['unknown option --Seed (did you mean --seed?)']);
    expect(bad(['s.json', '--base', 'b.json'])).toEqual(['unknown option --base (did you mean --baseline?)']);
  });

  it('refuses sweeps beyond the limit of grid points', () => {
    const values = Array.from({ length: 40 }, (_, i) => i).join(',');
    expect(bad(['s.json', '--sweep', `a=${values}`, '--sweep', `b=${values}`])[0]).toMatch(`1600 grid points, at most ${LIMITS.sweepPoints}`);
  });
});

describe('splitValues', () => {
  it.each([
    ['1,2,3', ['1', '2', '3']],
    ['a', ['a']],
    ['[1,2],{"a":1,"b":[3,4]},x', ['[1,2]', '{"a":1,"b":[3,4]}', 'x']],
    ['"a,b",c', ['"a,b"', 'c']],
    ['"a\\",b",c', ['"a\\",b"', 'c']],
  ])('splits %s', (text, parts) => {
    expect(splitValues(text)).toEqual(parts);
  });
});

describe('--baseline', () => {
  it('reads the baseline file', () => {
    expect(run(['s.json', '--baseline', 'b.json', '--runs', '5']).baselinePath).toBe('b.json');
    expect(run(['s.json']).baselinePath).toBeUndefined();
  });

  it('refuses an empty name, a second --baseline and a sweep, all at once', () => {
    expect(bad(['s.json', '--baseline=', '--sweep', 'a=1,2'])).toEqual([
      '--baseline: expected a file name, got ""',
      '--baseline: cannot be combined with --sweep (compare one scenario at a time)',
    ]);
    expect(bad(['s.json', '--baseline', 'a.json', '--baseline', 'b.json'])).toEqual(['--baseline: given more than once']);
    expect(bad(['s.json', '--baseline'])).toEqual(['--baseline: expected a value']);
  });
});
