import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/experiment/cli.ts';
import { defaultOutDir } from '../../src/cli/experiment/load.ts';
import { ENGINE_VERSION } from '../../src/sim/engine.ts';
import { tempFiles } from './fixtures.ts';
import { dirBytes, experimentCli, finalBytes, gridExperiment } from './experiment-support.ts';

/** `npm run experiment` in-process: the same code as the command, one thread, tiny worlds. */

const { dir, file } = tempFiles('experiment-cli-');
let n = 0;
/** A fresh experiment file (and so a fresh default result directory). */
const experimentFile = (value: unknown = gridExperiment()) => file(`e${n++}.json`, JSON.stringify(value, null, 2));
const POINTS = 6;
const REPLICATES = 2;
const WEEKS = 6;
const CELLS = 2 * 2; // outcomes × sectors

describe('a run', () => {
  it('writes the manifest, one record per point and well-formed final files, atomically', async () => {
    const exp = experimentFile();
    const out = defaultOutDir(exp);
    expect(out).toBe(exp.replace(/\.json$/, '.results'));
    const r = await experimentCli([exp, '--quiet']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.ran).toEqual([0, 1, 2, 3, 4, 5]);
    expect(readdirSync(out).sort()).toEqual(['experiment.json', 'outcomes.csv', 'points', 'report.md', 'runs.csv', 'summary.json']);
    expect(readdirSync(join(out, 'points'))).toEqual(['000000.json', '000001.json', '000002.json', '000003.json', '000004.json', '000005.json']);

    const manifest = JSON.parse(readFileSync(join(out, 'experiment.json'), 'utf8'));
    expect(Object.keys(manifest)).toEqual(['experimentHash', 'engineVersion', 'experiment']);
    expect(manifest.engineVersion).toBe(ENGINE_VERSION);
    expect(manifest.experimentHash).toMatch(/^[0-9a-f]{16}$/);
    // the scenario inline, every default filled in
    expect(manifest.experiment.scenario.name).toBe('small test scenario');
    expect(manifest.experiment.replicates).toBe(REPLICATES);

    const runs = readFileSync(join(out, 'runs.csv'), 'utf8').trimEnd().split('\n');
    expect(runs).toHaveLength(1 + POINTS * REPLICATES * WEEKS * CELLS);
    expect(runs[0].split(',').slice(-4)).toEqual(['week', 'metric', 'sector', 'value']);
    const outcomes = readFileSync(join(out, 'outcomes.csv'), 'utf8').trimEnd().split('\n');
    expect(outcomes).toHaveLength(1 + POINTS * REPLICATES * CELLS);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect([summary.points, summary.replicates, summary.weeks, summary.experimentHash]).toEqual([POINTS, REPLICATES, WEEKS, manifest.experimentHash]);
    expect(summary.pointOutcomes.map((p: { index: number }) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);

    const record = JSON.parse(readFileSync(join(out, 'points', '000004.json'), 'utf8'));
    expect([record.index, record.seed, record.replicates, record.weeks]).toEqual([4, 3, REPLICATES, WEEKS]);
    expect(record.outcomes.reports.agriculture).toHaveLength(REPLICATES);
    // nothing half-written left behind
    expect([...readdirSync(out), ...readdirSync(join(out, 'points'))].filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the same command twice: nothing runs again and every file has the same bytes; 2 threads write the same bytes', async () => {
    const exp = experimentFile();
    const out = defaultOutDir(exp);
    const first = await experimentCli([exp]);
    expect(first.code, first.stderr).toBe(EXIT.ok);
    expect(first.stderr).toMatch(/6 points \(6 run now, 0 already there\)/);
    const bytes = dirBytes(out);
    const again = await experimentCli([exp]);
    expect(again.code, again.stderr).toBe(EXIT.ok);
    expect(again.ran).toEqual([]);
    expect(dirBytes(out)).toEqual(bytes);

    const two = join(dir, 'two-threads');
    const threaded = await experimentCli([exp, '--out', two, '--threads', '2', '--quiet']);
    expect(threaded.code, threaded.stderr).toBe(EXIT.ok);
    expect(dirBytes(two)).toEqual(bytes);
  });

  it('resumes: deleted or damaged records are run again, nothing else, and the bytes come out the same', async () => {
    const exp = experimentFile();
    const out = defaultOutDir(exp);
    expect((await experimentCli([exp, '--quiet'])).code).toBe(EXIT.ok);
    const bytes = dirBytes(out);
    rmSync(join(out, 'points', '000001.json'));
    rmSync(join(out, 'points', '000004.json'));
    writeFileSync(join(out, 'points', '000002.json'), '{"index": 2, "scena');
    // a record of another point under this name does not count either
    writeFileSync(join(out, 'points', '000005.json'), readFileSync(join(out, 'points', '000000.json')));
    rmSync(join(out, 'summary.json'));
    const r = await experimentCli([exp]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.ran).toEqual([1, 2, 4, 5]);
    expect(r.stderr).toMatch(/6 points \(4 run now, 2 already there\)/);
    expect(dirBytes(out)).toEqual(bytes);
    // Without --quiet the report is printed too: the same text as report.md.
    expect(r.stdout).toBe(readFileSync(join(out, 'report.md'), 'utf8'));
    expect(r.stdout).toMatch(/^# /);
  });

  it('an aborted run keeps its records, says how to resume, and the rerun completes to the same bytes', async () => {
    const reference = experimentFile();
    expect((await experimentCli([reference, '--quiet'])).code).toBe(EXIT.ok);
    const exp = experimentFile();
    const out = defaultOutDir(exp);
    const controller = new AbortController();
    const stopped = await experimentCli([exp], { signal: controller.signal, onPointDone: (i) => i === 1 && controller.abort() });
    expect(stopped.code).toBe(EXIT.interrupted);
    expect(stopped.ran).toEqual([0, 1]);
    expect(stopped.stderr).toMatch(/interrupted: 2 of 6 points kept in .*; run the same command again to resume/);
    expect(readdirSync(join(out, 'points')).sort()).toEqual(['000000.json', '000001.json']);
    expect(finalBytes(out)).toEqual({ 'runs.csv': undefined, 'outcomes.csv': undefined, 'summary.json': undefined });

    const resumed = await experimentCli([exp]);
    expect(resumed.code, resumed.stderr).toBe(EXIT.ok);
    expect(resumed.ran).toEqual([2, 3, 4, 5]);
    expect(dirBytes(out)).toEqual(dirBytes(defaultOutDir(reference)));
  });

  it('a shard runs only its points and leaves the final files to merge', async () => {
    const exp = experimentFile();
    const out = join(dir, 'shard-1-of-4');
    const r = await experimentCli([exp, '--shard', '1/4', '--out', out]);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.ran).toEqual([1, 5]);
    expect(r.stderr).toMatch(/shard 1\/4: 2 of 2 points .* 2 of 6 points of the experiment are there/);
    expect(readdirSync(out).sort()).toEqual(['experiment.json', 'points']);
    // the other shards into the same directory: the last one finds every point and finishes
    for (const k of [0, 2]) expect((await experimentCli([exp, '--shard', `${k}/4`, '--out', out, '--quiet'])).code).toBe(EXIT.ok);
    expect(finalBytes(out)['summary.json']).toBeUndefined();
    const last = await experimentCli([exp, '--shard', '3/4', '--out', out, '--quiet']);
    expect(last.ran).toEqual([3]);
    const whole = join(dir, 'shard-whole');
    expect((await experimentCli([exp, '--out', whole, '--quiet'])).code).toBe(EXIT.ok);
    expect(dirBytes(out)).toEqual(dirBytes(whole));
  });
});

describe('the points as written down', () => {
  it('a design whose order is not alphabetical (attribution measures) finishes, and its shards merge to the same bytes', async () => {
    // The package names labour inspection before awareness: sorting keys anywhere would reorder the points.
    const exp = experimentFile(
      gridExperiment({
        design: {
          type: 'attribution',
          package: { label: 'both', set: { 'interventions.labourInspection.inspectorsPer10kWorkers': 4, 'interventions.awareness.consumers': 0.3 } },
        },
      }),
    );
    const whole = join(dir, 'attr-whole');
    const r = await experimentCli([exp, '--out', whole, '--quiet']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    const summary = JSON.parse(readFileSync(join(whole, 'summary.json'), 'utf8'));
    expect(summary.attribution[0].steps.map((x: { measure: string }) => x.measure)).toEqual(['interventions.labourInspection', 'interventions.awareness']);
    const parts = [0, 1].map((k) => join(dir, `attr-part-${k}`));
    for (const [k, part] of parts.entries()) expect((await experimentCli([exp, '--shard', `${k}/2`, '--out', part, '--quiet'])).code).toBe(EXIT.ok);
    const merged = join(dir, 'attr-merged');
    const m = await experimentCli(['merge', ...parts, '--out', merged]);
    expect(m.code, m.stderr).toBe(EXIT.ok);
    expect(dirBytes(merged)).toEqual(dirBytes(whole));
  });
});

describe('refusals: exit 2, every problem with its path, nothing run', () => {
  it('a bad experiment file: every problem, no directory', async () => {
    const exp = experimentFile(gridExperiment({ replicates: 0, weeks: 'soon', outcomes: ['reports', 'happiness'] }));
    const r = await experimentCli([exp]);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.ran).toEqual([]);
    expect(r.stderr).toMatch(/replicates: expected .*got 0/);
    expect(r.stderr).toMatch(/weeks: expected .*got "soon"/);
    expect(r.stderr).toMatch(/outcomes\[1\]: expected .*got "happiness"/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(defaultOutDir(exp))).toBe(false);
  });

  it('a missing file, malformed JSON and bad arguments', async () => {
    const missing = await experimentCli([join(dir, 'nope.json')]);
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.stderr).toMatch(/nope\.json": no such file/);
    const broken = await experimentCli([file('broken.json', '{"format": "dsw-experiment",\n  "name": }')]);
    expect(broken.code).toBe(EXIT.badInput);
    expect(broken.stderr).toMatch(/line 2, column \d+/);
    const args = await experimentCli(['x.json', '--shard', '4/4', '--threads', '0', '--thread', '2']);
    expect(args.code).toBe(EXIT.badInput);
    expect(args.stderr).toContain('--shard: expected K/N with 0 ≤ K < N');
    expect(args.stderr).toContain('--threads: expected an integer between 1 and 256, got "0"');
    expect(args.stderr).toContain('unknown option --thread (did you mean --threads?)');
    const merge = await experimentCli(['merge', 'a', '--shard', '0/2']);
    expect(merge.code).toBe(EXIT.badInput);
    expect(merge.stderr).toMatch(/merge: expected --out DIR/);
    expect(merge.stderr).toMatch(/--shard: not an option of merge/);
  });

  it('a directory holding another experiment, unless --force', async () => {
    const a = experimentFile();
    const out = join(dir, 'shared-out');
    expect((await experimentCli([a, '--out', out, '--quiet'])).code).toBe(EXIT.ok);
    const before = dirBytes(out);
    const b = experimentFile(gridExperiment({ seed: 99 }));
    const refused = await experimentCli([b, '--out', out]);
    expect(refused.code).toBe(EXIT.badInput);
    expect(refused.ran).toEqual([]);
    expect(refused.stderr).toMatch(/holds another experiment .*--force/);
    expect(dirBytes(out)).toEqual(before);
    const forced = await experimentCli([b, '--out', out, '--force', '--quiet']);
    expect(forced.code, forced.stderr).toBe(EXIT.ok);
    expect(forced.ran).toEqual([0, 1, 2, 3, 4, 5]);
    expect(JSON.parse(readFileSync(join(out, 'experiment.json'), 'utf8')).experiment.seed).toBe(99);
  });
});

describe('merge', () => {
  it('refuses parts of another experiment (naming the directory), conflicting records, and says which shard is missing', async () => {
    const exp = experimentFile();
    const parts = [0, 1, 2].map((k) => join(dir, `m-part-${k}`));
    for (const [k, part] of parts.entries()) expect((await experimentCli([exp, '--shard', `${k}/3`, '--out', part, '--quiet'])).code).toBe(EXIT.ok);

    const missing = await experimentCli(['merge', parts[0], parts[2], '--out', join(dir, 'm-missing')]);
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.stderr).toMatch(/2 of 6 points missing: every point of shard 1\/3/);
    expect(finalBytes(join(dir, 'm-missing'))['summary.json']).toBeUndefined();
    // the points found are kept: running the experiment there runs only the missing ones
    const filled = await experimentCli([exp, '--out', join(dir, 'm-missing'), '--quiet']);
    expect(filled.ran).toEqual([1, 4]);

    const other = join(dir, 'm-other');
    expect((await experimentCli([experimentFile(gridExperiment({ replicates: 3 })), '--shard', '1/3', '--out', other, '--quiet'])).code).toBe(EXIT.ok);
    const mixed = await experimentCli(['merge', parts[0], other, parts[2], '--out', join(dir, 'm-mixed')]);
    expect(mixed.code).toBe(EXIT.badInput);
    expect(mixed.stderr).toMatch(/m-other holds another experiment/);
    expect(existsSync(join(dir, 'm-mixed'))).toBe(false);

    const tampered = join(dir, 'm-tampered');
    expect((await experimentCli([exp, '--shard', '0/3', '--out', tampered, '--quiet'])).code).toBe(EXIT.ok);
    const path = join(tampered, 'points', '000003.json');
    const record = JSON.parse(readFileSync(path, 'utf8'));
    record.outcomes.reports.total[0] += 1;
    writeFileSync(path, JSON.stringify(record));
    const conflict = await experimentCli(['merge', ...parts, tampered, '--out', join(dir, 'm-conflict')]);
    expect(conflict.code).toBe(EXIT.badInput);
    expect(conflict.stderr).toMatch(/point 3: .*m-part-0 and .*m-tampered hold different results/);

    const whole = await experimentCli(['merge', ...parts, parts[1], '--out', join(dir, 'm-whole')]);
    expect(whole.code, whole.stderr).toBe(EXIT.ok);
    expect(dirBytes(join(dir, 'm-whole'))).toEqual(dirBytes(join(dir, 'm-missing')));
  });
});
