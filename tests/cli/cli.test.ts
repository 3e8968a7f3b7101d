import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkMemory, EXIT, printable, runCli, SERIES_BUDGET_BYTES } from '../../src/cli/cli.ts';
import { BYTES_PER_WEEK } from '../../src/sim/limits.ts';
import { SMALL, tempFiles } from './fixtures.ts';

/** The CLI in-process: same code as `npm run sim`, without a child process per case. */

const { dir, file } = tempFiles('sim-cli-in-');
const small = file('small.json', JSON.stringify(SMALL));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      stdout += String(chunk);
      done();
    },
  });
  const code = await runCli(argv, { stdout: out, stderr: { write: (t: string) => (stderr += t), isTTY: false }, cores: 2 });
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('uses --seed, --weeks and --set; a different seed gives different numbers', async () => {
    const a = await cli(small, '--seed', '8', '--weeks', '6', '--set', 'interventions.awareness.consumers=0.3');
    const b = await cli(small, '--seed', '9', '--weeks', '6', '--set', 'interventions.awareness.consumers=0.3');
    expect(a.code, a.stderr).toBe(EXIT.ok);
    const [da, db] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect([da.seed, da.weeks, db.seed]).toEqual([8, 6, 9]);
    expect(da.series.awareShare.mean[5]).toBeGreaterThan(0.5);
    expect(da.series).not.toEqual(db.series);
    // the hash identifies the scenario as run, seed included
    expect(da.scenario.hash).not.toBe(db.scenario.hash);
  });

  it('runs a sweep: one output document per grid point, first axis slowest', async () => {
    const r = await cli(small, '--weeks', '4', '--runs', '2', '--sweep', 'interventions.awareness.consumers=0,0.4', '--sweep', 'seed=1,2');
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['grid', 'points']);
    expect(doc.grid).toEqual([
      { path: 'interventions.awareness.consumers', values: [0, 0.4] },
      { path: 'seed', values: [1, 2] },
    ]);
    expect(doc.points.map((p: { set: object; seed: number }) => [p.set, p.seed])).toEqual([
      [{ 'interventions.awareness.consumers': 0, seed: 1 }, 1],
      [{ 'interventions.awareness.consumers': 0, seed: 2 }, 2],
      [{ 'interventions.awareness.consumers': 0.4, seed: 1 }, 1],
      [{ 'interventions.awareness.consumers': 0.4, seed: 2 }, 2],
    ]);
    expect(Object.keys(doc.points[0])).toEqual(['set', 'scenario', 'engine', 'seed', 'runs', 'weeks', 'series', 'bySector']);
    expect(doc.points[2].series.awareShare.mean[3]).toBeGreaterThan(doc.points[0].series.awareShare.mean[3]);
  });

  it('writes a sweep as CSV with one column per swept path', async () => {
    const r = await cli(small, '--weeks', '2', '--sweep', 'interventions.awareness.consumers=0,0.4', '--format', 'csv');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('interventions.awareness.consumers,run_stat,sector,metric,week,value');
    expect(lines[1]).toMatch(/^0,mean,total,consumerDemand,0,/);
    expect(lines.at(-1)).toMatch(/^0\.4,p95,agriculture,avoidingShare,1,/);
  });

  it('prints help on stdout', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^Usage: npm run sim -- <scenario.json>/);
  });

  it('refuses malformed JSON with its line and column', async () => {
    const r = await cli(file('malformed.json', '{ "name": "x", '));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.stderr).toMatch(/malformed\.json, line 1, column \d+: malformed JSON/);
  });

  it('refuses bad sweep values, runs that would not fit in memory and an unwritable --out, all at once', async () => {
    const r = await cli(small, '--runs', '10000', '--weeks', '1040', '--sweep', 'interventions.awareness.consumers=0,5', '--out', join(dir, 'no/such/dir.json'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--sweep interventions\.awareness\.consumers: expected .* got 5 \(at interventions\.awareness\.consumers=5\)/);
    expect(r.stderr).toMatch(/at most \d+ runs of 1040 weeks fit/);
    expect(r.stderr).toMatch(/--out: cannot write/);
  });

  it('passes on the loader\'s warnings', async () => {
    const r = await cli(small, '--weeks', '3', '--set', 'interventions.awareness.consumers={"reach":0.2,"fromWeek":10}');
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/^warning: interventions\.awareness\.consumers: the campaign starts in week 10, after the run ends/m);
  });
});

describe('checkMemory', () => {
  it('allows what fits in the budget and says how many runs would fit otherwise', () => {
    const fit = Math.floor(SERIES_BUDGET_BYTES / (260 * BYTES_PER_WEEK));
    expect(checkMemory(fit, 260)).toBeUndefined();
    expect(checkMemory(fit + 1, 260)).toContain(`at most ${fit} runs of 260 weeks`);
  });
});

describe('printable', () => {
  it('escapes control characters from scenario text, keeping tabs and ordinary text', () => {
    expect(printable('name\u001b[31m red\u009b2J\tok ü')).toBe('name\\u001b[31m red\\u009b2J\tok ü');
  });

  it('is applied to messages about a hostile scenario', async () => {
    const r = await cli(file('hostile.json', JSON.stringify({ name: 'x', weeks: '\u001b]0;pwned\u0007' })));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.stderr).not.toMatch(/[\u001b\u0007]/);
  });
});
