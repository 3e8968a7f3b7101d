import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/sim/engine.ts';
import { METRICS } from '../../src/sim/metrics.ts';
import { WORLDS } from '../support/small-world.ts';
import { tempFiles } from './fixtures.ts';

/**
 * End to end: the CLI as researchers call it, in a child process (`tsx
 * src/cli/main.ts`, as `npm run sim`). Behaviour that needs no process of its
 * own is tested in-process in cli.test.ts (each spawn costs about a second).
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const { dir, file } = tempFiles('sim-cli-');
const small = file('small.json', JSON.stringify(WORLDS.cli));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function sim(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const noStack = (r: Result) => expect(r.stderr).not.toMatch(/^\s+at /m);

// Each test waits on child processes; overlapping them keeps the file fast.
describe.concurrent('npm run sim', () => {
  it('writes the documented JSON shape, identical for 1 and 2 threads', async () => {
    const [one, two] = await Promise.all(['1', '2'].map((t) => sim(small, '--runs', '3', '--threads', t)));
    for (const r of [one, two]) expect(r.code, r.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);

    const doc = JSON.parse(one.stdout);
    expect(Object.keys(doc)).toEqual(['scenario', 'engine', 'seed', 'runs', 'weeks', 'series', 'bySector']);
    expect(Object.keys(doc.scenario)).toEqual(['name', 'hash']);
    expect(doc.scenario.name).toBe(WORLDS.cli.name);
    expect(doc.scenario.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(doc.engine).toEqual({ version: ENGINE_VERSION });
    expect([doc.seed, doc.runs, doc.weeks]).toEqual([WORLDS.cli.seed, 3, WORLDS.cli.weeks]);
    expect(Object.keys(doc.series)).toEqual([...METRICS]);
    // manufacturing is switched off in the scenario, so it is not listed
    expect(Object.keys(doc.bySector)).toEqual(['sexual', 'agriculture']);
    for (const bands of [doc.series, ...Object.values(doc.bySector)] as Record<string, Record<string, unknown[]>>[]) {
      for (const m of METRICS) {
        expect(Object.keys(bands[m])).toEqual(['mean', 'p05', 'p95']);
        for (const stat of ['mean', 'p05', 'p95']) expect(bands[m][stat]).toHaveLength(WORLDS.cli.weeks);
      }
    }
    const { mean, p05, p95 } = doc.series.victimsInExploitation as Record<string, number[]>;
    mean.forEach((m, w) => expect(p05[w] <= m && m <= p95[w]).toBe(true));
  });

  it('writes long CSV to --out, atomically', async () => {
    const out = join(dir, 'result.csv');
    const r = await sim(small, '--weeks', '5', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('run_stat,sector,metric,week,value');
    expect(lines).toHaveLength(1 + 3 * METRICS.length * 3 * 5);
    expect(lines[1]).toMatch(/^mean,total,consumerDemand,0,[\d.e-]+$/);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});

describe.concurrent('bad input: every message on stderr, exit code 2, no stack trace', () => {
  it('a missing file and an invalid scenario', async () => {
    const invalid = file('invalid.json', JSON.stringify({ name: 'x', weks: 3, interventions: { labourInspection: { inspectorsPer10kWorkers: 'high' } } }));
    const [missing, schema] = await Promise.all([sim(join(dir, 'nope.json')), sim(invalid)]);
    for (const r of [missing, schema]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      noStack(r);
    }
    expect(missing.stderr).toMatch(/nope\.json": no such file/);
    expect(schema.stderr).toContain('interventions.labourInspection.inspectorsPer10kWorkers: expected a number between 0 and 50, got "high"');
    expect(schema.stderr).toMatch(/weks: unknown key; did you mean "weeks"\?/);
  });

  it('bad --set values and arguments, all reported at once', async () => {
    const [sets, args] = await Promise.all([
      sim(small, '--set', 'interventions.criminaliseUse.variant=sometimes', '--set', 'weeks', '--set', 'assumptions.population.clients=-5'),
      sim(small, '--runs', '0', '--thread', '2', '--format', 'xml'),
    ]);
    for (const r of [sets, args]) {
      expect(r.code).toBe(2);
      noStack(r);
    }
    expect(sets.stderr).toMatch(/--set interventions\.criminaliseUse\.variant: expected one of .*got "sometimes"/);
    expect(sets.stderr).toMatch(/--set weeks: expected path=value/);
    expect(sets.stderr).toMatch(/--set assumptions\.population\.clients: expected a whole number between 0 and \d+, got -5/);
    expect(args.stderr).toContain('--runs: expected an integer between 1 and 10000, got "0"');
    expect(args.stderr).toContain('unknown option --thread (did you mean --threads?)');
    expect(args.stderr).toContain('--format: expected one of json, csv, got "xml"');
  });
});
