import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Experiment, PointRecord } from './types.ts';

/**
 * NODE ONLY: the result directory of an experiment on disk. This is the one
 * file under src/experiment that touches the file system (the CLI's; the app
 * keeps its records in memory).
 *
 *   DIR/experiment.json      the resolved experiment, its hash, the engine version
 *   DIR/points/000000.json   one PointRecord per point
 *   DIR/runs.csv, outcomes.csv, summary.json   once every point is there
 *
 * Every file is written under a unique temporary name and renamed into place,
 * so a crash, Ctrl-C or a second process writing the same file (shards
 * sharing a volume) never leaves a truncated file: a reader sees the old
 * bytes or the new ones.
 */

export const MANIFEST_FILE = 'experiment.json';
export const POINTS_DIR = 'points';
export const RUNS_FILE = 'runs.csv';
export const OUTCOMES_FILE = 'outcomes.csv';
export const SUMMARY_FILE = 'summary.json';
export const REPORT_FILE = 'report.md';

/** What DIR/experiment.json holds. */
export interface Manifest {
  readonly experimentHash: string;
  readonly engineVersion: string;
  /** The experiment as validated: every default filled in, the scenario inline. */
  readonly experiment: Experiment;
}

/**
 * The manifest's bytes: fixed top-level order, two-space indent, the
 * experiment's keys in the order validation gave them. Not sorted: key order
 * carries meaning in a design (a package's changes name its measures in
 * order, and so the points' order), and a merge expands the design again from
 * this file, which must give the very points the run had.
 */
export function manifestText(experiment: Experiment, experimentHash: string, engineVersion: string): string {
  return `${JSON.stringify({ experimentHash, engineVersion, experiment }, null, 2)}\n`;
}

export type ManifestRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly manifest: Manifest }
  | { readonly kind: 'bad'; readonly message: string };

export function readManifest(dir: string): ManifestRead {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'none' };
    return { kind: 'bad', message: `cannot read ${file} (${code ?? 'unknown error'})` };
  }
  try {
    const value = JSON.parse(text) as Partial<Manifest> | null;
    if (value && typeof value.experimentHash === 'string' && typeof value.engineVersion === 'string' && value.experiment && typeof value.experiment === 'object') {
      return { kind: 'ok', manifest: value as Manifest };
    }
  } catch {
    // reported below
  }
  return { kind: 'bad', message: `${file}: expected the manifest of an experiment (experimentHash, engineVersion, experiment), got something else` };
}

/** A file written in pieces, made visible only by `commit` (runs.csv is streamed through one). */
export interface AtomicFile {
  write(text: string): void;
  commit(): void;
  discard(): void;
}

export function atomicFile(path: string): AtomicFile {
  // Unique across processes and machines sharing a volume (pids repeat across containers).
  const temp = `${path}.${randomUUID()}.tmp`;
  const fd = openSync(temp, 'w');
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };
  return {
    write(text) {
      writeSync(fd, text);
    },
    commit() {
      // On disk before it is visible: a crash after the rename cannot leave an empty record.
      fsyncSync(fd);
      close();
      renameSync(temp, path);
    },
    discard() {
      close();
      rmSync(temp, { force: true });
    },
  };
}

export function writeFileAtomic(path: string, text: string): void {
  const file = atomicFile(path);
  try {
    file.write(text);
    file.commit();
  } catch (e) {
    file.discard();
    throw e;
  }
}

/** points/000000.json: six digits, more past a million points. */
export const pointFileName = (index: number): string => `${String(index).padStart(6, '0')}.json`;

export const pointPath = (dir: string, index: number): string => join(dir, POINTS_DIR, pointFileName(index));

/** Creates DIR and DIR/points when missing. */
export function ensureDirs(dir: string): void {
  mkdirSync(join(dir, POINTS_DIR), { recursive: true });
}

export const recordText = (record: PointRecord): string => `${JSON.stringify(record)}\n`;

export function writeRecord(dir: string, record: PointRecord): void {
  writeFileAtomic(pointPath(dir, record.index), recordText(record));
}

/** The record file of a point, parsed; undefined when missing or not JSON (it is then rerun). */
export function readRecord(dir: string, index: number): unknown {
  try {
    return JSON.parse(readFileSync(pointPath(dir, index), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The indices of the record files in DIR/points (temporary files and strangers ignored). */
export function recordIndices(dir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, POINTS_DIR));
  } catch {
    return [];
  }
  return names
    .map((n) => /^(\d{6,})\.json$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** --force: the records of whatever experiment DIR held go (final files too: they describe it). */
export function clearResults(dir: string): void {
  rmSync(join(dir, POINTS_DIR), { recursive: true, force: true });
  for (const f of [RUNS_FILE, OUTCOMES_FILE, SUMMARY_FILE]) rmSync(join(dir, f), { force: true });
}

/** Whether `path` is something other than a directory (a file where DIR should be). */
export function isNonDirectory(path: string): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && !stat.isDirectory();
}

export const exists = (path: string): boolean => statSync(path, { throwIfNoEntry: false }) !== undefined;

/** What a point's record must say to count as done (and to be reused by a resume or a merge). */
export interface RecordExpectation {
  readonly index: number;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly replicates: number;
  readonly weeks: number;
  readonly outcomes: readonly string[];
  readonly slots: readonly string[];
  /** The experiment keeps every week (series 'weekly'). */
  readonly weekly: boolean;
}

const numbers = (v: unknown, length: number) => Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number');

/**
 * Whether a parsed record file is the finished record of this point: its
 * identity (index, scenario hash, seed, replicates, weeks) and the shape of
 * its values. A record of another point, an older design or a damaged file
 * fails, and the point runs again.
 */
export function recordMatches(value: unknown, expected: RecordExpectation): value is PointRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Partial<PointRecord>;
  if (r.index !== expected.index || r.scenarioHash !== expected.scenarioHash || r.seed !== expected.seed) return false;
  if (r.replicates !== expected.replicates || r.weeks !== expected.weeks || !r.outcomes || typeof r.outcomes !== 'object') return false;
  for (const o of expected.outcomes) {
    for (const s of expected.slots) {
      if (!numbers(r.outcomes[o]?.[s], expected.replicates)) return false;
      if (!expected.weekly) continue;
      const runs = r.weekly?.[o]?.[s];
      if (!Array.isArray(runs) || runs.length !== expected.replicates || !runs.every((w) => numbers(w, expected.weeks))) return false;
    }
  }
  return true;
}
