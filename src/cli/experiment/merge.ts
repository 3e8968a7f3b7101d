import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fnv1a64 } from '../../scenario/hash.ts';
import { describeMissing, missingIndices } from '../../experiment/schedule.ts';
import {
  ensureDirs,
  isNonDirectory,
  MANIFEST_FILE,
  manifestText,
  readManifest,
  readRecord,
  recordIndices,
  recordMatches,
  recordText,
  REPORT_FILE,
  writeFileAtomic,
  writeRecord,
  type Manifest,
} from '../../experiment/store.ts';
import type { MergeOptions } from './args.ts';
import { shownPath, expectations, fromManifest, say, writeFinalFiles } from './finish.ts';
import { EXIT, type ExperimentIO } from './io.ts';

/**
 * `merge <dir>... --out DIR`: joins the result directories of one
 * experiment's shards. Every directory must hold the same experiment (same
 * hash and engine) and agree on any point two of them hold; then DIR gets the
 * manifest and every record, and, when no point is missing, the final files,
 * which finish.ts builds from disk exactly as a single process does.
 */
export async function mergeExperiment(options: MergeOptions, io: ExperimentIO): Promise<number> {
  const shown = shownPath;
  const problems: string[] = [];
  const manifests: { dir: string; manifest: Manifest }[] = [];
  for (const dir of options.dirs) {
    const read = isNonDirectory(dir) ? ({ kind: 'bad', message: `${shown(dir)} is a file, not a result directory` } as const) : readManifest(dir);
    if (read.kind === 'none') problems.push(`${shown(dir)}: no ${MANIFEST_FILE} here; expected the result directory of an experiment`);
    else if (read.kind === 'bad') problems.push(read.message);
    else manifests.push({ dir, manifest: read.manifest });
  }
  const first = manifests[0];
  if (first) {
    for (const { dir, manifest } of manifests.slice(1)) {
      if (manifest.experimentHash !== first.manifest.experimentHash || manifest.engineVersion !== first.manifest.engineVersion) {
        problems.push(
          `${shown(dir)} holds another experiment (${manifest.experimentHash}, engine ${manifest.engineVersion}) than ${shown(first.dir)} (${first.manifest.experimentHash}, engine ${first.manifest.engineVersion})`,
        );
      }
    }
  }
  const resolved = first ? fromManifest(first.manifest) : undefined;
  if (first && resolved && !resolved.ok) problems.push(`${shown(join(first.dir, MANIFEST_FILE))}: ${resolved.message}`);
  if (isNonDirectory(options.out)) problems.push(`--out: ${JSON.stringify(shown(options.out))} is a file, not a directory`);
  const target = isNonDirectory(options.out) ? undefined : readManifest(options.out);
  if (first && target?.kind === 'ok' && target.manifest.experimentHash !== first.manifest.experimentHash) {
    problems.push(`--out: ${shown(options.out)} holds another experiment (${target.manifest.experimentHash}); choose another --out`);
  }
  if (target?.kind === 'bad') problems.push(`--out: ${target.message}`);
  if (problems.length > 0 || !first || !resolved?.ok) {
    say(io.stderr, problems);
    return EXIT.badInput;
  }

  // Point by point, so no more than one point's records are in memory.
  const { experiment, points } = resolved;
  const expected = expectations(experiment, points);
  const found = manifests.map(({ dir }) => ({ dir, indices: new Set(recordIndices(dir).filter((i) => i < points.length)) }));
  // Two passes, point by point, so one point's records at most are in memory:
  // first agree on every point (fingerprints of the record texts), then copy.
  const chosen = new Map<number, { dir: string; fingerprint: string }>();
  for (const p of points) {
    for (const { dir, indices } of found) {
      if (!indices.has(p.index)) continue;
      const value = readRecord(dir, p.index);
      // A damaged or stray record counts as missing (a rerun of that shard redoes it).
      if (!recordMatches(value, expected[p.index])) continue;
      const fingerprint = fnv1a64(recordText(value));
      const held = chosen.get(p.index);
      if (!held) chosen.set(p.index, { dir, fingerprint });
      else if (held.fingerprint !== fingerprint) problems.push(`point ${p.index}: ${shown(held.dir)} and ${shown(dir)} hold different results for it (were they run by different builds?)`);
    }
  }
  if (problems.length > 0) {
    say(io.stderr, problems);
    return EXIT.badInput;
  }

  try {
    ensureDirs(options.out);
    writeFileAtomic(join(options.out, MANIFEST_FILE), manifestText(experiment, first.manifest.experimentHash, first.manifest.engineVersion));
    for (const [index, { dir }] of chosen) {
      if (resolve(dir) === resolve(options.out)) continue;
      const record = readRecord(dir, index);
      if (recordMatches(record, expected[index])) writeRecord(options.out, record);
    }
  } catch (e) {
    say(io.stderr, [`--out: cannot write to ${JSON.stringify(shown(options.out))} (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
    return EXIT.badInput;
  }
  const missing = missingIndices(points.length, new Set(chosen.keys()));
  if (missing.length > 0) {
    say(io.stderr, [
      `${describeMissing(points.length, missing)}; the ${chosen.size} points found are in ${shown(options.out)}`,
      'run the missing shards (or the experiment with --out pointing at that directory, which runs only what is missing) and merge again',
    ]);
    return EXIT.failed;
  }
  try {
    const written = writeFinalFiles(options.out);
    if (!options.quiet) io.stdout.write(readFileSync(join(options.out, REPORT_FILE), 'utf8'));
    if (!options.quiet) say(io.stderr, [`merged ${options.dirs.length} directories, ${points.length} points: ${written.join(', ')} written to ${shown(options.out)}`]);
    return EXIT.ok;
  } catch (e) {
    say(io.stderr, [`error: ${e instanceof Error ? e.message : String(e)}`]);
    return EXIT.failed;
  }
}
