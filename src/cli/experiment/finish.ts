import { isAbsolute, join, relative, resolve } from 'node:path';
import { scenarioHash } from '../../scenario/hash.ts';
import { ENGINE_VERSION } from '../../sim/engine.ts';
import { analyse } from '../../experiment/analysis.ts';
import { expandDesign } from '../../experiment/design.ts';
import { outcomesCSV, summaryJSON, tidyHeader, tidyRows } from '../../experiment/results.ts';
import { reportText } from '../../experiment/report.ts';
import { experimentHash } from '../../experiment/schema.ts';
import {
  atomicFile,
  OUTCOMES_FILE,
  readManifest,
  readRecord,
  recordIndices,
  recordMatches,
  REPORT_FILE,
  RUNS_FILE,
  SUMMARY_FILE,
  writeFileAtomic,
  type Manifest,
  type RecordExpectation,
} from '../../experiment/store.ts';
import type { Experiment, ExperimentPoint, PointRecord } from '../../experiment/types.ts';
import { printable } from '../cli.ts';
import type { ProgressSink } from '../progress.ts';

/** What a record of each point must say (store.ts recordMatches). */
export function expectations(experiment: Experiment, points: readonly ExperimentPoint[]): RecordExpectation[] {
  return points.map((p) => ({
    index: p.index,
    scenarioHash: scenarioHash(p.scenario),
    seed: experiment.seed,
    replicates: experiment.replicates,
    weeks: experiment.weeks,
    outcomes: experiment.outcomes,
    slots: experiment.slots,
    weekly: experiment.series === 'weekly',
  }));
}

/** The indices whose record file in `dir` is the finished record of that point. */
export function presentIndices(dir: string, expected: readonly RecordExpectation[]): Set<number> {
  const present = new Set<number>();
  for (const i of recordIndices(dir)) if (i < expected.length && recordMatches(readRecord(dir, i), expected[i])) present.add(i);
  return present;
}

/**
 * The experiment a manifest describes, its points and whether it is the one
 * its hash says (a hand-edited or damaged manifest is not merged or finished).
 */
export function fromManifest(manifest: Manifest): { ok: true; experiment: Experiment; points: readonly ExperimentPoint[] } | { ok: false; message: string } {
  try {
    const experiment = manifest.experiment;
    if (experimentHash(experiment) !== manifest.experimentHash) return { ok: false, message: 'its experiment does not match its experimentHash (was it edited?)' };
    if (manifest.engineVersion !== ENGINE_VERSION) {
      return { ok: false, message: `it was run by engine ${manifest.engineVersion}, this is engine ${ENGINE_VERSION}; run the experiment again` };
    }
    return { ok: true, experiment, points: expandDesign(experiment) };
  } catch (e) {
    return { ok: false, message: `its experiment cannot be expanded (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Only the second-order bands read every week; the other analyses need the outcomes alone (memory). */
const forAnalysis = (experiment: Experiment, record: PointRecord): PointRecord => {
  if (experiment.design.type === 'monte-carlo' || record.weekly === undefined) return record;
  const { weekly: _dropped, ...rest } = record;
  return rest;
};

/**
 * Writes runs.csv (weekly series only), outcomes.csv and summary.json of a
 * complete result directory, each atomically, from what is on disk: the
 * manifest's experiment and the records read back in point order. So the
 * bytes are the same whoever ran which point, in which order, in how many
 * processes. runs.csv is streamed one point at a time.
 */
export function writeFinalFiles(dir: string): readonly string[] {
  const read = readManifest(dir);
  if (read.kind !== 'ok') throw new Error(read.kind === 'bad' ? read.message : `${dir} has no ${'experiment.json'}`);
  const resolved = fromManifest(read.manifest);
  if (!resolved.ok) throw new Error(`${join(dir, 'experiment.json')}: ${resolved.message}`);
  const { experiment, points } = resolved;
  const expected = expectations(experiment, points);
  const load = (i: number): PointRecord => {
    const value = readRecord(dir, i);
    if (!recordMatches(value, expected[i])) throw new Error(`the record of point ${i} is missing or damaged; run the experiment again to redo it`);
    return value;
  };
  const written: string[] = [];
  if (experiment.series === 'weekly') {
    const runs = atomicFile(join(dir, RUNS_FILE));
    try {
      runs.write(tidyHeader(experiment, points));
      for (const p of points) runs.write(tidyRows(experiment, points, load(p.index)));
      runs.commit();
    } catch (e) {
      runs.discard();
      throw e;
    }
    written.push(RUNS_FILE);
  }
  const records = points.map((p) => forAnalysis(experiment, load(p.index)));
  writeFileAtomic(join(dir, OUTCOMES_FILE), outcomesCSV(experiment, points, records));
  const summary = analyse(experiment, points, records, read.manifest.experimentHash);
  writeFileAtomic(join(dir, SUMMARY_FILE), summaryJSON(summary));
  writeFileAtomic(join(dir, REPORT_FILE), reportText(summary));
  written.push(OUTCOMES_FILE, SUMMARY_FILE, REPORT_FILE);
  return written;
}

export const say = (sink: ProgressSink, lines: readonly string[]): void => {
  for (const l of lines) sink.write(`${printable(l)}\n`);
};

/** A directory as messages name it: relative to the working directory when inside it, else absolute. */
export function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(dir) : rel;
}
