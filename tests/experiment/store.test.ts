import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  atomicFile,
  clearResults,
  ensureDirs,
  manifestText,
  pointFileName,
  pointPath,
  readManifest,
  readRecord,
  recordIndices,
  recordMatches,
  writeFileAtomic,
  writeRecord,
  type RecordExpectation,
} from '../../src/experiment/store.ts';
import type { Experiment, PointRecord } from '../../src/experiment/types.ts';
import { tempFiles } from '../cli/fixtures.ts';

const { dir: root } = tempFiles('experiment-store-');
let n = 0;
const freshDir = () => {
  const d = join(root, `d${n++}`);
  ensureDirs(d);
  return d;
};

/** A fake record: the store does not care where the numbers come from. */
function fakeRecord(index: number, replicates = 2, weeks = 3): PointRecord {
  const per = (r: number) => Array.from({ length: weeks }, (_, w) => index + r / 10 + w / 1000 + 1 / 3);
  return {
    index,
    scenarioHash: `hash${index}`,
    seed: 7,
    replicates,
    weeks,
    outcomes: { consumerDemand: { total: Array.from({ length: replicates }, (_, r) => index * 1.1 + r) } },
    weekly: { consumerDemand: { total: Array.from({ length: replicates }, (_, r) => per(r)) } },
  };
}
const expectFor = (index: number, over: Partial<RecordExpectation> = {}): RecordExpectation => ({
  index,
  scenarioHash: `hash${index}`,
  seed: 7,
  replicates: 2,
  weeks: 3,
  outcomes: ['consumerDemand'],
  slots: ['total'],
  weekly: true,
  ...over,
});

describe('records', () => {
  it('round-trip exactly, under points/NNNNNN.json, and are found by index', () => {
    const dir = freshDir();
    for (const i of [12, 0, 3]) writeRecord(dir, fakeRecord(i));
    expect(readdirSync(join(dir, 'points')).sort()).toEqual(['000000.json', '000003.json', '000012.json']);
    expect(recordIndices(dir)).toEqual([0, 3, 12]);
    for (const i of [0, 3, 12]) {
      const back = readRecord(dir, i);
      expect(back).toEqual(fakeRecord(i));
      expect(recordMatches(back, expectFor(i))).toBe(true);
    }
    expect(pointFileName(1_234_567)).toBe('1234567.json');
  });

  it('a record of another point, seed, size or a damaged file does not count', () => {
    const dir = freshDir();
    writeRecord(dir, fakeRecord(4));
    const r = readRecord(dir, 4);
    expect(recordMatches(r, expectFor(5))).toBe(false);
    expect(recordMatches(r, expectFor(4, { scenarioHash: 'other' }))).toBe(false);
    expect(recordMatches(r, expectFor(4, { seed: 8 }))).toBe(false);
    expect(recordMatches(r, expectFor(4, { replicates: 3 }))).toBe(false);
    expect(recordMatches(r, expectFor(4, { weeks: 4 }))).toBe(false);
    expect(recordMatches(r, expectFor(4, { outcomes: ['consumerDemand', 'reports'] }))).toBe(false);
    expect(recordMatches({ ...fakeRecord(4), weekly: undefined }, expectFor(4))).toBe(false);
    expect(recordMatches({ ...fakeRecord(4), weekly: undefined }, expectFor(4, { weekly: false }))).toBe(true);
    writeFileSync(pointPath(dir, 4), '{"index": 4, "scenarioHash": "ha');
    expect(readRecord(dir, 4)).toBeUndefined();
    expect(readRecord(dir, 99)).toBeUndefined();
  });

  it('temporary and foreign files in points/ are ignored; clearResults empties it', () => {
    const dir = freshDir();
    writeRecord(dir, fakeRecord(1));
    writeFileSync(join(dir, 'points', '000002.json.abc.tmp'), 'half');
    writeFileSync(join(dir, 'points', 'notes.txt'), 'x');
    expect(recordIndices(dir)).toEqual([1]);
    writeFileSync(join(dir, 'summary.json'), '{}');
    clearResults(dir);
    expect(recordIndices(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('atomic files', () => {
  it('nothing is visible until commit; discard leaves nothing; the old bytes stay until then', () => {
    const dir = freshDir();
    const path = join(dir, 'runs.csv');
    writeFileAtomic(path, 'old\n');
    const f = atomicFile(path);
    f.write('a,b\n');
    f.write('1,2\n');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    f.commit();
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n');
    const g = atomicFile(path);
    g.write('partial');
    g.discard();
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the manifest', () => {
  const experiment = { name: 'm', seed: 1, design: { type: 'list', points: [] }, outcomes: ['reports'], replicates: 2 } as unknown as Experiment;

  it('keeps the key order of the experiment (a design\'s order means something) and reads back', () => {
    const reordered = { replicates: 2, outcomes: ['reports'], design: { points: [], type: 'list' }, seed: 1, name: 'm' } as unknown as Experiment;
    const text = manifestText(experiment, 'abc', '2.0.0');
    expect(manifestText(experiment, 'abc', '2.0.0')).toBe(text);
    expect(manifestText(reordered, 'abc', '2.0.0')).not.toBe(text);
    expect(Object.keys(JSON.parse(text))).toEqual(['experimentHash', 'engineVersion', 'experiment']);
    const dir = freshDir();
    expect(readManifest(dir)).toEqual({ kind: 'none' });
    writeFileAtomic(join(dir, 'experiment.json'), text);
    const read = readManifest(dir);
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') {
      expect(read.manifest).toEqual({ experimentHash: 'abc', engineVersion: '2.0.0', experiment: JSON.parse(JSON.stringify(experiment)) });
      expect(Object.keys(read.manifest.experiment)).toEqual(Object.keys(experiment));
    }
  });

  it('something else in experiment.json is reported, not thrown', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'experiment.json'), '{"format": "dsw-experiment"}');
    const read = readManifest(dir);
    expect(read.kind).toBe('bad');
    if (read.kind === 'bad') expect(read.message).toMatch(/experiment\.json: expected the manifest of an experiment/);
  });
});
