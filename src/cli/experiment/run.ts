import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BYTES_PER_WEEK, checkLimits, CLI_LIMITS } from '../../sim/limits.ts';
import { ENGINE_VERSION } from '../../sim/engine.ts';
import type { SimRunner } from '../../sim/runner.ts';
import { recordOf } from '../../experiment/results.ts';
import { pendingIndices, shardIndices } from '../../experiment/schedule.ts';
import {
  clearResults,
  REPORT_FILE,
  ensureDirs,
  isNonDirectory,
  MANIFEST_FILE,
  manifestText,
  readManifest,
  writeFileAtomic,
  writeRecord,
} from '../../experiment/store.ts';
import { createThreadRunner } from '../../../workers/node-worker.ts';
import { SERIES_BUDGET_BYTES } from '../cli.ts';
import type { RunOptions } from './args.ts';
import type { DesignType } from '../../experiment/types.ts';

/** Designs in which no two points share their assumptions (so no burn-in is ever reused across points). */
const OWN_ASSUMPTIONS: ReadonlySet<DesignType> = new Set(['morris', 'one-at-a-time', 'monte-carlo']);
import { canonicalStringify } from '../../scenario/hash.ts';
import { expectations, fromManifest, presentIndices, say, shownPath, writeFinalFiles } from './finish.ts';
import { defaultOutDir, loadExperiment } from './load.ts';
import { createPointProgress, silentPointProgress } from './progress.ts';
import { EXIT, type ExperimentIO } from './io.ts';

/**
 * `npm run experiment -- <file>`: validate everything first (nothing runs and
 * no directory appears for a bad file), then run the points this process owns
 * that have no record yet, lowest index first, up to T points in flight on
 * one thread pool, each record written atomically as its point finishes.
 * The final files are written when the directory holds every point.
 */
export async function runExperiment(options: RunOptions, io: ExperimentIO): Promise<number> {
  const loaded = loadExperiment(options.file);
  if (!loaded.ok) {
    say(io.stderr, loaded.problems);
    return EXIT.badInput;
  }
  const { experiment, points, hash } = loaded;
  say(io.stderr, loaded.warnings.map((w) => `warning: ${w}`));
  const dir = options.out ?? defaultOutDir(options.file);
  const shown = shownPath(dir);

  const problems: string[] = [];
  // Each point must fit on its own, before anything starts.
  for (const message of new Set(points.flatMap((p) => checkLimits(p.scenario, CLI_LIMITS, experiment.weeks).map((x) => x.message)))) problems.push(message);
  if (isNonDirectory(dir)) problems.push(`--out: ${JSON.stringify(shown)} is a file, not a directory`);
  const previous = isNonDirectory(dir) ? undefined : readManifest(dir);
  const same = previous?.kind === 'ok' && previous.manifest.experimentHash === hash && previous.manifest.engineVersion === ENGINE_VERSION;
  if (previous?.kind === 'ok' && !same && !options.force) {
    const other = previous.manifest;
    const why = other.experimentHash !== hash ? `experiment ${other.experimentHash}, this is ${hash}` : `engine ${other.engineVersion}, this is engine ${ENGINE_VERSION}`;
    problems.push(`${shown} holds another experiment (${why}); choose another --out, or --force to delete its results and run this one`);
  }
  if (previous?.kind === 'bad' && !options.force) problems.push(`${previous.message}; choose another --out, or --force to replace it`);
  if (problems.length > 0) {
    say(io.stderr, problems);
    return EXIT.badInput;
  }

  const owned = shardIndices(points.length, options.shard);
  try {
    // --force: the other experiment's results go first.
    if (previous !== undefined && previous.kind !== 'none' && !same) clearResults(dir);
    ensureDirs(dir);
    writeFileAtomic(join(dir, MANIFEST_FILE), manifestText(experiment, hash, ENGINE_VERSION));
  } catch (e) {
    say(io.stderr, [`--out: cannot write to ${JSON.stringify(shown)} (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
    return EXIT.badInput;
  }
  // What merge and the final files will read back: the points must be these very points.
  const back = readManifest(dir);
  const resolved = back.kind === 'ok' ? fromManifest(back.manifest) : undefined;
  const expected = expectations(experiment, points);
  if (!resolved?.ok || canonicalStringify(expectations(resolved.experiment, resolved.points)) !== canonicalStringify(expected)) {
    say(io.stderr, [`error: ${shown}/${MANIFEST_FILE} does not expand to the points of ${options.file} (a bug: please report it)`]);
    return EXIT.failed;
  }
  const present = presentIndices(dir, expected);
  const pending = pendingIndices(owned, present);
  const ownedDone = () => owned.filter((i) => present.has(i)).length;

  const threads = Math.max(1, Math.min(options.threads ?? io.cores ?? availableParallelism(), pending.length * experiment.replicates));
  // Points in flight: enough to keep every thread busy when a point has fewer replicates than threads,
  // and one more waiting in the pool's queue, so a thread that finishes starts the next point at once
  // instead of waiting for this thread to write the last record and send another.
  const lanes = Math.max(1, Math.min(threads > 1 ? threads + 1 : 1, pending.length));
  const memory = lanes * experiment.replicates * experiment.weeks * BYTES_PER_WEEK;
  if (memory > SERIES_BUDGET_BYTES) {
    say(io.stderr, [`${lanes} points of ${experiment.replicates} replicates of ${experiment.weeks} weeks in flight would hold about ${(memory / 1024 ** 3).toFixed(1)} GiB; use fewer --threads or replicates`]);
    return EXIT.badInput;
  }

  const controller = new AbortController();
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    controller.abort();
  };
  // `on`, not `once`: npm, tsx and the terminal may each deliver a SIGINT, and a
  // second one must not fall through to the default (which exits without a word).
  process.on('SIGINT', interrupt);
  if (io.signal?.aborted) interrupt();
  io.signal?.addEventListener('abort', interrupt, { once: true });
  const label = experiment.name.slice(0, 30);
  const progress = options.quiet ? silentPointProgress : createPointProgress(io.stderr, label, { now: io.now });
  const partial = new Map<number, number>();
  let runs = 0;
  let ranHere = 0;
  const draw = () => {
    let inFlight = 0;
    for (const v of partial.values()) inFlight += v;
    progress.update({ done: ownedDone(), total: owned.length, runs, ranHere, partial: inFlight });
  };
  let failure: { index: number; error: unknown } | undefined;
  let runner: (SimRunner & { dispose(): void }) | undefined;
  try {
    if (pending.length > 0 && !controller.signal.aborted) {
      // Designs whose every point draws its own assumptions never reuse a settled state: do not copy them between threads.
      runner = createThreadRunner(threads, { shareSettled: !OWN_ASSUMPTIONS.has(experiment.design.type) });
      let next = 0;
      const lane = async (r: SimRunner) => {
        while (!controller.signal.aborted && next < pending.length) {
          const index = pending[next++];
          const point = points[index];
          try {
            const series = await r.run(
              { scenario: point.scenario, seed: experiment.seed, runs: experiment.replicates, weeks: experiment.weeks },
              {
                signal: controller.signal,
                onProgress: (done, total) => {
                  partial.set(index, done / total);
                  draw();
                },
              },
            );
            writeRecord(dir, recordOf(point, experiment, series));
          } catch (error) {
            partial.delete(index);
            if (!controller.signal.aborted) {
              failure = { index, error };
              controller.abort();
            }
            return;
          }
          partial.delete(index);
          present.add(index);
          ranHere++;
          runs += experiment.replicates;
          io.onPointDone?.(index);
          draw();
        }
      };
      draw();
      const pool = runner;
      await Promise.all(Array.from({ length: lanes }, () => lane(pool)));
    }
    progress.finish();
    const kept = ownedDone();
    if (failure) {
      const { index, error } = failure;
      say(io.stderr, [`error: point ${index} failed: ${error instanceof Error ? error.message : String(error)}`, `${kept} of ${owned.length} points kept in ${shown}; run the same command again to resume`]);
      return EXIT.failed;
    }
    if (interrupted) {
      say(io.stderr, [`interrupted: ${kept} of ${owned.length} points kept in ${shown}; run the same command again to resume`]);
      return EXIT.interrupted;
    }
    const all = presentIndices(dir, expected);
    if (all.size < points.length) {
      say(io.stderr, options.quiet ? [] : [
        `shard ${options.shard.k}/${options.shard.n}: ${kept} of ${owned.length} points in ${shown}; ${all.size} of ${points.length} points of the experiment are there`,
        `when every shard is done: npm run experiment -- merge <the shards' directories> --out DIR`,
      ]);
      return EXIT.ok;
    }
    const written = writeFinalFiles(dir);
    // The report to read first (also report.md); results stay in the directory's files.
    if (!options.quiet) io.stdout.write(readFileSync(join(dir, REPORT_FILE), 'utf8'));
    if (!options.quiet) say(io.stderr, [`${points.length} points (${ranHere} run now, ${points.length - ranHere} already there): ${written.join(', ')} written to ${shown}`]);
    return EXIT.ok;
  } catch (e) {
    progress.finish();
    say(io.stderr, [`error: ${e instanceof Error ? e.message : String(e)}`]);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', interrupt);
    io.signal?.removeEventListener('abort', interrupt);
    runner?.dispose();
  }
}
