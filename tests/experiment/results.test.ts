import { csvParse, csvParseRows } from 'd3';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/experiment/analysis.ts';
import { LEADING_COLUMNS, outcomesCSV, recordOf, summaryJSON, tidyHeader, tidyRows, variedPaths } from '../../src/experiment/results.ts';
import type { Experiment, ExperimentPoint, ExperimentSummary, PointRecord, PointRole } from '../../src/experiment/types.ts';
import { scenarioHash } from '../../src/scenario/hash.ts';
import { comparisonWindow } from '../../src/sim/comparison.ts';
import { metricSeries, type RunSeries } from '../../src/sim/series.ts';
import { finiteMean } from '../../src/sim/stats.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { smallWorld } from '../support/small-world.ts';

const WEEKS = 30;
const SEED = 11;
const SCENARIO = smallWorld('cli', { weeks: WEEKS, seed: SEED });

function experiment(over: Partial<Experiment> = {}): Experiment {
  return {
    name: 'results test',
    scenario: SCENARIO,
    seed: SEED,
    replicates: 2,
    weeks: WEEKS,
    outcomes: ['reports', 'derivedDemand', 'victimsInExploitation'],
    slots: ['total', 'agriculture'],
    series: 'weekly',
    design: { type: 'list', points: [] },
    ...over,
  };
}

const point = (index: number, role: PointRole, values: Record<string, unknown> = {}): ExperimentPoint => ({ index, role, values, scenario: SCENARIO });

describe('recordOf on a real run', () => {
  const exp = experiment();
  const p = point(0, { kind: 'list', label: 'base' });
  let runs: RunSeries[];
  let rec: PointRecord;
  beforeAll(async () => {
    runs = await createSyncRunner().run({ scenario: SCENARIO, seed: SEED, runs: 2, weeks: WEEKS });
    rec = recordOf(p, exp, runs);
  });

  it('names the point, its scenario, seed and shape', () => {
    expect(rec).toMatchObject({ index: 0, scenarioHash: scenarioHash(SCENARIO), seed: SEED, replicates: 2, weeks: WEEKS });
    expect(Object.keys(rec.outcomes)).toEqual(exp.outcomes);
    expect(Object.keys(rec.outcomes.reports)).toEqual(exp.slots);
  });

  it('keeps every week of every replicate, in run order, as plain arrays', () => {
    for (const outcome of exp.outcomes) {
      for (const slot of exp.slots) {
        const weekly = rec.weekly![outcome][slot];
        expect(weekly).toHaveLength(2);
        weekly.forEach((series, r) => {
          expect(Array.isArray(series)).toBe(true);
          expect(series).toEqual(Array.from(metricSeries(runs[r], outcome, slot)));
        });
      }
    }
    // Replicates differ somewhere, so the order above was really checked.
    expect(rec.weekly!.reports.total[0]).not.toEqual(rec.weekly!.reports.total[1]);
    expect(JSON.parse(JSON.stringify(rec))).toEqual(rec);
  });

  it('gives each replicate the mean of its weeks over the comparison window', () => {
    const { fromWeek, toWeek } = comparisonWindow(WEEKS);
    for (const outcome of exp.outcomes) {
      for (const slot of exp.slots) {
        rec.outcomes[outcome][slot].forEach((v, r) => expect(v).toBeCloseTo(finiteMean(rec.weekly![outcome][slot][r], fromWeek, toWeek), 12));
      }
    }
  });

  it('keeps no weeks when the experiment keeps only outcomes, and refuses a wrong number of runs', () => {
    const outcomesOnly = recordOf(p, experiment({ series: 'outcomes' }), runs);
    expect(outcomesOnly.weekly).toBeUndefined();
    expect(outcomesOnly.outcomes).toEqual(rec.outcomes);
    expect(() => recordOf(p, experiment({ replicates: 3 }), runs)).toThrow(/2 runs, the experiment asks for 3/);
  });

  it('writes tidy rows that parse back to the recorded weeks', () => {
    const header = tidyHeader(exp, [p]);
    const rows = tidyRows(exp, [p], rec);
    const table = csvParse(header + rows);
    expect(table).toHaveLength(2 * WEEKS * 3 * 2);
    const row = table.find((d) => d.replicate === '1' && d.week === '17' && d.metric === 'derivedDemand' && d.sector === 'agriculture')!;
    expect(Number(row.value)).toBe(rec.weekly!.derivedDemand.agriculture[1][16]);
    expect(row).toMatchObject({ point: '0', run: '1', seed: String(SEED), scenario_hash: rec.scenarioHash, role: 'list', label: 'base' });
  });
});

// Synthetic records: exact values chosen to need every digit.
const ODD = [0.1 + 0.2, 1 / 3, 1e-7, 123456789.125, Number.NaN];

function syntheticRecord(exp: Experiment, index: number): PointRecord {
  const outcomes: Record<string, Record<string, number[]>> = {};
  const weekly: Record<string, Record<string, number[][]>> = {};
  exp.outcomes.forEach((o, k) => {
    outcomes[o] = {};
    weekly[o] = {};
    for (const s of exp.slots) {
      outcomes[o][s] = Array.from({ length: exp.replicates }, (_, r) => ODD[(index + r + k) % ODD.length] * (index + 1));
      weekly[o][s] = Array.from({ length: exp.replicates }, (_, r) => Array.from({ length: exp.weeks }, (_, w) => ODD[(w + r + k) % ODD.length] + index));
    }
  });
  return { index, scenarioHash: `hash${index}`, seed: exp.seed, replicates: exp.replicates, weeks: exp.weeks, outcomes, weekly };
}

describe('tidy and outcomes CSV', () => {
  const exp = experiment({ weeks: 4, replicates: 3, outcomes: ['reports', 'derivedDemand'], slots: ['total'] });
  const points = [
    point(0, { kind: 'oat-base' }, { 'a.x': 1 }),
    point(1, { kind: 'list', label: 'odd, "quoted"\nlabel' }, { 'b.y': 'text, with a comma', 'a.x': 2.5 }),
    point(2, { kind: 'morris', trajectory: 0, step: 1, path: 'c.z', delta: -0.5 }, { 'c.z': [1, { k: 2 }] }),
  ];
  const records = points.map((p) => syntheticRecord(exp, p.index));

  it('has one varied column per path, in order of first appearance', () => {
    expect(variedPaths(points)).toEqual(['a.x', 'b.y', 'c.z']);
    const [header] = csvParseRows(tidyHeader(exp, points));
    expect(header).toEqual([...LEADING_COLUMNS, 'a.x', 'b.y', 'c.z', 'week', 'metric', 'sector', 'value']);
  });

  it('gives every row as many cells as the header, and values that parse back equal', () => {
    const text = tidyHeader(exp, points) + records.map((r) => tidyRows(exp, points, r)).join('');
    const rows = csvParseRows(text);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
    expect(rows).toHaveLength(1 + 3 * 3 * 4 * 2);
    const table = csvParse(text);
    for (const d of table) {
      const rec = records[Number(d.point)];
      const expected = rec.weekly![d.metric!][d.sector!][Number(d.replicate)][Number(d.week) - 1];
      if (Number.isNaN(expected)) expect(d.value).toBe('');
      else expect(Number(d.value)).toBe(expected);
      expect(Number(d.run)).toBe(Number(d.point) * 3 + Number(d.replicate));
    }
    const odd = table.find((d) => d.point === '1')!;
    expect(odd).toMatchObject({ label: 'odd, "quoted"\nlabel', 'a.x': '2.5', 'b.y': 'text, with a comma', 'c.z': '', role: 'list' });
    expect(table.find((d) => d.point === '2')).toMatchObject({ label: 'c.z', 'c.z': '[1,{"k":2}]', 'a.x': '' });
  });

  it('writes nothing weekly when the experiment keeps only outcomes', () => {
    expect(tidyRows({ ...exp, series: 'outcomes' }, points, records[0])).toBe('');
  });

  it('writes one outcome row per run, outcome and sector, same leading columns', () => {
    const text = outcomesCSV(exp, points, records);
    const rows = csvParseRows(text);
    expect(rows[0]).toEqual([...LEADING_COLUMNS, 'a.x', 'b.y', 'c.z', 'outcome', 'sector', 'value']);
    expect(rows).toHaveLength(1 + 3 * 3 * 2);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
    for (const d of csvParse(text)) {
      const expected = records[Number(d.point)].outcomes[d.outcome!][d.sector!][Number(d.replicate)];
      if (Number.isNaN(expected)) expect(d.value).toBe('');
      else expect(Number(d.value)).toBe(expected);
    }
    expect(() => outcomesCSV(exp, points, records.slice(0, 2))).toThrow(/no record for point 2/);
  });

  it('gives the same bytes for the same input', () => {
    const build = () => {
      const ps = points.map((p) => ({ ...p, values: { ...p.values } }));
      const rs = ps.map((p) => syntheticRecord(exp, p.index));
      return tidyHeader(exp, ps) + rs.map((r) => tidyRows(exp, ps, r)).join('') + outcomesCSV(exp, ps, rs);
    };
    expect(build()).toBe(build());
  });
});

describe('summaryJSON', () => {
  const exp = experiment({ design: { type: 'one-at-a-time', inputs: 'all', ranges: {} }, outcomes: ['reports'], slots: ['total'], series: 'outcomes' });
  const points = [
    point(0, { kind: 'oat-base' }),
    point(1, { kind: 'oat', path: 'p', end: 'low' }, { p: 1 }),
    point(2, { kind: 'oat', path: 'p', end: 'high' }, { p: 2 }),
  ];
  const records = points.map((p, i) => ({ ...syntheticRecord(exp, p.index), weekly: undefined, outcomes: { reports: { total: [[1, 2], [Number.NaN, Number.NaN], [3, 5]][i] } } }));
  const summary = analyse(exp, points, records, 'feed');

  it('is indented JSON with a trailing newline, NaN as null, and parses back', () => {
    const text = summaryJSON(summary);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "experimentHash": "feed",\n');
    const back = JSON.parse(text);
    expect(back.pointOutcomes[1].outcomes.reports.total).toEqual({ mean: null, p05: null, p95: null });
    expect(back.tornado[0].base).toBe(1.5);
    expect('morris' in back).toBe(false);
  });

  it('prints keys in a fixed order, whatever order the summary was built in', () => {
    const reversed = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reversed);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]));
      return v;
    };
    const shuffled = reversed(JSON.parse(summaryJSON(summary))) as ExperimentSummary;
    // Maps (values, outcomes per slot) keep their order: only this summary's single keys make them comparable.
    expect(summaryJSON(shuffled)).toBe(summaryJSON(summary));
    expect(Object.keys(JSON.parse(summaryJSON(summary)))).toEqual(['name', 'experimentHash', 'design', 'points', 'replicates', 'weeks', 'pointOutcomes', 'tornado']);
  });
});
