import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/experiment/cli.ts';
import { tempFiles } from './fixtures.ts';
import { dirBytes, experimentCli, gridExperiment } from './experiment-support.ts';

/**
 * The experiment command in child processes, as `npm run experiment` runs it
 * (`tsx src/cli/experiment/main.ts`): shards as separate processes merged into
 * the bytes of one process, and a real Ctrl-C (SIGINT).
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = 'src/cli/experiment/main.ts';
const { dir, file } = tempFiles('experiment-shards-');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function experiment(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(TSX, [MAIN, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('shards in separate processes', () => {
  it('3 shard processes merged give every file byte for byte as one process', async () => {
    const exp = file('sharded.json', JSON.stringify(gridExperiment({}, 8)));
    const parts = [0, 1, 2].map((k) => join(dir, `part-${k}`));
    const shards = await Promise.all(parts.map((part, k) => experiment(exp, '--shard', `${k}/3`, '--out', part, '--threads', '1', '--quiet')));
    for (const r of shards) expect(r.code, r.stderr).toBe(EXIT.ok);
    // each shard holds its own points only
    expect(parts.map((p) => readdirSync(join(p, 'points')).sort())).toEqual([
      ['000000.json', '000003.json'],
      ['000001.json', '000004.json'],
      ['000002.json', '000005.json'],
    ]);
    const merged = join(dir, 'merged');
    const m = await experiment('merge', ...parts, '--out', merged);
    expect(m.code, m.stderr).toBe(EXIT.ok);

    const single = join(dir, 'single');
    const one = await experimentCli([exp, '--out', single, '--quiet']);
    expect(one.code, one.stderr).toBe(EXIT.ok);
    const expected = dirBytes(single);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['runs.csv', 'outcomes.csv', 'summary.json', 'experiment.json']));
    expect(dirBytes(merged)).toEqual(expected);
  });

  it('Ctrl-C (SIGINT) keeps the records written, says how to resume, exits 130; the rerun finishes', async () => {
    // Enough points that the run is still going when the first record appears.
    const POINTS = 200;
    const exp = file('interrupted.json', JSON.stringify(gridExperiment({ design: { type: 'grid', axes: [{ path: 'assumptions.population.clients', values: Array.from({ length: POINTS }, (_, i) => 20 + i) }] } }, 4)));
    const out = join(dir, 'interrupted');
    // node with tsx's loader, not the tsx command: tsx relays a signal and kills a child that has not
    // acknowledged it within 60 ms, which a child busy simulating on its main thread (--threads 1) may miss.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, exp, '--out', out, '--threads', '1'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    // 'close', not 'exit': the last of standard error arrives after the process ends.
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const points = join(out, 'points');
    const deadline = Date.now() + 60_000;
    while (!(existsSync(points) && readdirSync(points).some((f) => f.endsWith('.json'))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const code = await exited;
    expect(code, stderr).toBe(EXIT.interrupted);
    const kept = readdirSync(points).filter((f) => /^\d+\.json$/.test(f)).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(POINTS);
    expect(stderr).toMatch(new RegExp(`interrupted: ${kept} of ${POINTS} points kept in .*; run the same command again to resume`));
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(out, 'summary.json'))).toBe(false);

    const rerun = await experimentCli([exp, '--out', out, '--quiet']);
    expect(rerun.code, rerun.stderr).toBe(EXIT.ok);
    expect(rerun.ran).toHaveLength(POINTS - kept);
    expect(rerun.ran[0]).toBe(kept);
  });

  it('a bad file in a child process: exit 2, the problems, no stack trace, no directory', async () => {
    const exp = file('bad.json', JSON.stringify(gridExperiment({ design: { type: 'grid', axes: [{ path: 'assumptions.population.clientz', values: [1] }] } })));
    const r = await experiment(exp);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.stderr).toMatch(/design\.axes\[0\]\.path: .*clientz/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, 'bad.results'))).toBe(false);
  });
});
