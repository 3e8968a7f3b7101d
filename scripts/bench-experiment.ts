/**
 * `npm run bench:experiment [-- --trajectories N --threads T --file F]`
 *
 * Wall time of the Morris design over every assumption
 * (experiments/morris-all.json: the default world, 260 weeks, 20
 * trajectories) through the experiment CLI, in this process, on every core by
 * default (issue 11, "Speed": at most 10 minutes on the 2-core machine).
 * `--trajectories N` runs only the first N trajectories' worth of the design
 * (N trajectories, same seed) and extrapolates to the file's count: every
 * trajectory has the same number of points of the same world, so time per
 * point carries over. Figures only: nothing here asserts a timing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runExperimentCli } from '../src/cli/experiment/cli.ts';
import { duration } from '../src/cli/experiment/progress.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: { trajectories: { type: 'string' }, threads: { type: 'string' }, file: { type: 'string' } },
});
const file = resolve(values.file ?? join(ROOT, 'experiments/morris-all.json'));
const threads = Number(values.threads ?? availableParallelism());
const raw = JSON.parse(readFileSync(file, 'utf8')) as { scenario: unknown; design: { type: string; trajectories?: number } };
if (raw.design.type !== 'morris') throw new Error(`${file}: expected a morris design, got ${raw.design.type}`);
const fullTrajectories = raw.design.trajectories ?? 20;
const trajectories = Number(values.trajectories ?? fullTrajectories);
if (!Number.isInteger(trajectories) || trajectories < 1) throw new Error(`--trajectories: expected a positive integer, got ${values.trajectories}`);

// The slice is written next to nothing: a scenario path is made absolute so it still resolves.
const work = mkdtempSync(join(tmpdir(), 'bench-experiment-'));
const scenario = typeof raw.scenario === 'string' && !isAbsolute(raw.scenario) ? join(dirname(file), raw.scenario) : raw.scenario;
const slice = join(work, 'morris.json');
writeFileSync(slice, JSON.stringify({ ...raw, scenario, design: { ...raw.design, trajectories } }));

let points = 0;
const start = performance.now();
// CPU time of this process, its worker threads included: with the wall time, how many cores were busy.
const cpuStart = process.cpuUsage();
const code = await runExperimentCli([slice, '--out', join(work, 'results'), '--threads', String(threads), '--quiet'], {
  stdout: process.stdout,
  stderr: process.stderr,
  onPointDone: () => points++,
});
const wall = performance.now() - start;
const used = process.cpuUsage(cpuStart);
const cpu = (used.user + used.system) / 1000;
if (code !== 0) {
  rmSync(work, { recursive: true, force: true });
  process.exitCode = code;
  throw new Error(`the experiment exited with code ${code}`);
}
// Replicates as resolved (the file may leave them to the default).
const { replicates } = (JSON.parse(readFileSync(join(work, 'results', 'experiment.json'), 'utf8')) as { experiment: { replicates: number } }).experiment;
rmSync(work, { recursive: true, force: true });
const perPoint = wall / points;
const fullPoints = (points / trajectories) * fullTrajectories;
const lines = [
  `Morris over every assumption (${file.replace(ROOT, '')}), ${threads} thread${threads > 1 ? 's' : ''}`,
  `  trajectories run   ${trajectories} of ${fullTrajectories}`,
  `  points             ${points}`,
  `  runs               ${points * replicates} (${replicates} replicate${replicates > 1 ? 's' : ''} a point)`,
  `  wall time          ${duration(wall)} (loading, runs, records and final files)`,
  `  CPU time           ${duration(cpu)}: ${(cpu / wall).toFixed(2)} cores busy on average (less than ${threads}: other work on the machine, or the main thread waiting)`,
  `  time per point     ${duration(perPoint)} wall, ${duration(cpu / points)} CPU`,
  trajectories === fullTrajectories
    ? `  ${fullTrajectories} trajectories   ${duration(wall)} (measured)`
    : `  ${fullTrajectories} trajectories   about ${duration(perPoint * fullPoints)} for ${fullPoints} points (extrapolated from ${trajectories}: wall time per point × points)`,
  `  with ${threads} cores free   about ${duration((cpu / points / threads) * fullPoints)} for ${fullPoints} points (CPU time per point × points / ${threads})`,
];
process.stdout.write(`${lines.join('\n')}\n`);
