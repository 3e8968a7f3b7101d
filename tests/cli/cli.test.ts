import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkMemory, EXIT, printable, runCli, SERIES_BUDGET_BYTES } from '../../src/cli/cli.ts';
import { BYTES_PER_WEEK } from '../../src/sim/limits.ts';
import { WORLDS } from '../support/small-world.ts';
import { tempFiles } from './fixtures.ts';

/** The CLI in-process: same code as `npm run sim`, without a child process per case. */

const { dir, file } = tempFiles('sim-cli-in-');
const small = file('small.json', JSON.stringify(WORLDS.cli));

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
    expect(lines.at(-1)).toMatch(/^0\.4,p95,agriculture,unfilledPlaces,1,/);
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

describe('--baseline', () => {
  const HEADLINE = ['consumerDemand', 'derivedDemand', 'victimsInExploitation', 'newlyTrafficked', 'reports', 'victimsIdentified', 'exploitingEmployers', 'exploitativeRecruiters'];
  const aware = ['--set', 'interventions.awareness.consumers=0.6'];

  it('adds a paired comparison to the JSON, the same for any number of threads', async () => {
    const [one, two] = await Promise.all(['1', '2'].map((t) => cli(small, '--runs', '6', '--weeks', '30', ...aware, '--baseline', small, '--threads', t, '--quiet')));
    for (const r of [one, two]) expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stderr).toBe('');
    const doc = JSON.parse(one.stdout);
    expect(Object.keys(doc)).toEqual(['scenario', 'engine', 'seed', 'runs', 'weeks', 'series', 'bySector', 'comparison']);
    const c = doc.comparison;
    expect(c.baseline).toEqual({ name: WORLDS.cli.name, hash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // The baseline is the file as it is, with the scenario's seed and weeks: not the --set scenario.
    expect(c.baseline.hash).not.toBe(doc.scenario.hash);
    // Shorter than two years: every week counts.
    expect([c.sector, c.fromWeek, c.toWeek, c.level]).toEqual(['total', 0, 30, 0.9]);
    expect(Object.keys(c.metrics)).toEqual(HEADLINE);
    for (const m of HEADLINE) {
      const row = c.metrics[m];
      expect(Object.keys(row)).toEqual(['scenario', 'baseline', 'difference', 'differenceLo', 'differenceHi', 'change', 'changeLo', 'changeHi', 'effect']);
      // The effect follows the interval (which way the model moves is its own tests' business).
      expect(row.effect, m).toBe(row.differenceHi < 0 ? 'down' : row.differenceLo > 0 ? 'up' : 'no clear effect');
      expect(row.differenceLo).toBeLessThanOrEqual(row.difference);
      expect(row.differenceHi).toBeGreaterThanOrEqual(row.difference);
      expect(row.difference).toBeCloseTo(row.scenario - row.baseline, 9);
    }
    // The scenario's mean is that of its own series over the window.
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    expect(c.metrics.consumerDemand.scenario).toBeCloseTo(mean(doc.series.consumerDemand.mean), 9);
  });

  it('against itself: every difference 0, no clear effect', async () => {
    const r = await cli(small, '--runs', '3', '--weeks', '8', '--baseline', small, '--quiet');
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout);
    expect(doc.comparison.baseline.hash).toBe(doc.scenario.hash);
    for (const row of Object.values(doc.comparison.metrics) as Record<string, unknown>[]) {
      expect(row).toMatchObject({ difference: 0, differenceLo: 0, differenceHi: 0, change: 0, effect: 'no clear effect' });
    }
  });

  it('averages weeks 53 to the end of runs of two years or more', async () => {
    const r = await cli(small, '--runs', '2', '--weeks', '104', '--baseline', small, '--quiet');
    const c = JSON.parse(r.stdout).comparison;
    expect([c.fromWeek, c.toWeek]).toEqual([52, 104]);
  });

  it('writes the comparison table as CSV', async () => {
    const r = await cli(small, '--runs', '3', '--weeks', '8', ...aware, '--baseline', small, '--format', 'csv', '--quiet');
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('metric,sector,from_week,to_week,scenario_mean,baseline_mean,difference,difference_lo,difference_hi,change,change_lo,change_hi,effect');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(HEADLINE);
    for (const l of lines.slice(1)) expect(l).toMatch(/^\w+,total,0,8,(-?[\d.e-]+,){8}(down|up|no clear effect)$/);
  });

  it('prints a comparison table on standard error unless --quiet', async () => {
    const r = await cli(small, '--runs', '3', '--weeks', '8', ...aware, '--baseline', small);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toContain(`"${WORLDS.cli.name}" against baseline "${WORLDS.cli.name}": mean per week over weeks 1-8 (counted from 1), all enabled sectors, 3 paired runs`);
    expect(r.stderr).toMatch(/^metric +scenario +baseline +change +90% interval +effect$/m);
    expect(r.stderr).toMatch(/^consumerDemand +[\d.]+ +[\d.]+ +[+-]?[\d.]+% +.* to .*  (down|up|no clear effect)$/m);
  });

  it('with a single run the effect is unknown, and says so', async () => {
    const r = await cli(small, '--weeks', '4', '--baseline', small, '--quiet');
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/^warning: --baseline with a single run cannot tell an effect from chance/m);
    const m = JSON.parse(r.stdout).comparison.metrics.consumerDemand;
    expect([m.effect, m.differenceLo, m.changeHi]).toEqual(['unknown', null, null]);
  });

  it('checks the baseline file like the scenario file, reporting both at once', async () => {
    const broken = file('broken-baseline.json', JSON.stringify({ name: 'b', weeks: 'many', assumptions: { population: { consumers: -1 } } }));
    const r = await cli(file('broken-scenario.json', JSON.stringify({ name: 3 })), '--baseline', broken);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.some((l) => /^\S*broken-scenario\.json: name: /.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith(`--baseline ${broken}: `)).map((l) => l.slice(`--baseline ${broken}: `.length).split(':')[0]).sort()).toEqual([
      'assumptions.population.consumers',
      'weeks',
    ]);
    const missing = await cli(small, '--baseline', join(dir, 'nope.json'));
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.stderr).toContain(`--baseline ${JSON.stringify(join(dir, 'nope.json'))}: no such file`);
  });
});
