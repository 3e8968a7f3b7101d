import { describe, expect, it } from 'vitest';
import { csvParseRows } from 'd3';
import { addHandIn, openWorkshop, type Board } from '../../src/board/board.ts';
import { debriefCsv } from '../../src/board/debrief.ts';
import { createHandIn } from '../../src/board/formats.ts';
import { competitionRanks, rankPackages, statsOfRuns, tradeoffOf } from '../../src/board/rank.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { IMMUNITY, INSPECTORS, workshopOf } from './fixtures.ts';

const OUTCOMES = [{ outcome: 'derivedDemand', better: 'lower' }, { outcome: 'reports', better: 'higher' }] as const;

describe('competitionRanks', () => {
  it('shares ranks between equal scores and puts NaN last', () => {
    expect(competitionRanks([3, 1, 3, 0])).toEqual([3, 2, 3, 1]);
    expect(competitionRanks([Number.NaN, 2, 1])).toEqual([3, 2, 1]);
  });
});

describe('rankPackages', () => {
  // Baseline replicates and packages as paired statistics: replicate r of each shares its chance (+r).
  const base = { derivedDemand: [100, 101, 102, 103], reports: [10, 11, 12, 13] };
  const shift = (d: number, r: number) => ({ derivedDemand: base.derivedDemand.map((v) => v + d), reports: base.reports.map((v) => v + r) });

  it('ranks on each outcome in its better direction, with paired intervals, and overall by mean rank', () => {
    const ranked = rankPackages(OUTCOMES, base, [
      { team: 'cuts demand', stats: shift(-20, 0.5) },
      { team: 'more reports', stats: shift(-5, 5) },
      { team: 'worse', stats: shift(+10, -2) },
    ]);
    expect(ranked.map((r) => r.team)).toEqual(['cuts demand', 'more reports', 'worse']);
    const [a, b, c] = ranked;
    expect(a.cells.derivedDemand.rank).toBe(1);
    expect(b.cells.reports.rank).toBe(1);
    expect(a.overall).toBe(1);
    expect(b.overall).toBe(1); // ranks 2+1 and 1+2: equal means share the rank
    expect(c.overall).toBe(3);
    expect(a.cells.derivedDemand.verdict).toBe('better');
    expect(c.cells.derivedDemand.verdict).toBe('worse');
    expect(c.cells.reports.verdict).toBe('worse');
    // Exactly paired shifts: the interval collapses on the difference.
    expect(a.cells.derivedDemand.difference).toBeCloseTo(-20);
    expect(a.cells.derivedDemand.lo).toBeCloseTo(-20);
    expect(a.cells.derivedDemand.change).toBeCloseTo(-20 / 101.5);
  });

  it('says "no clear effect" when the paired interval includes 0', () => {
    const noisy = { derivedDemand: [101, 99, 103, 101], reports: base.reports };
    const [r] = rankPackages(OUTCOMES, base, [{ team: 'noise', stats: noisy }]);
    expect(r.cells.derivedDemand.verdict).toBe('no clear effect');
    expect(r.cells.derivedDemand.lo).toBeLessThan(0);
    expect(r.cells.derivedDemand.hi).toBeGreaterThan(0);
  });

  it('a single run has no interval: unknown', () => {
    const [r] = rankPackages(OUTCOMES, { derivedDemand: [100], reports: [10] }, [{ team: 'one', stats: { derivedDemand: [90], reports: [11] } }]);
    expect(r.cells.derivedDemand.verdict).toBe('unknown');
  });
});

describe('tradeoffOf', () => {
  it('marks the non-dominated packages on the two outcomes', () => {
    const base = { derivedDemand: [100, 100, 100], reports: [10, 10, 10] };
    const s = (d: number, r: number) => ({ derivedDemand: [100 + d, 100 + d, 100 + d], reports: [10 + r, 10 + r, 10 + r] });
    const ranked = rankPackages(OUTCOMES, base, [
      { team: 'A', stats: s(-20, 1) },
      { team: 'B', stats: s(-5, 4) },
      { team: 'C', stats: s(-4, 2) }, // worse than B on both
    ]);
    const t = tradeoffOf(OUTCOMES, ['derivedDemand', 'reports'], ranked);
    expect(Object.fromEntries(t.points.map((p) => [p.team, p.dominated]))).toEqual({ A: false, B: false, C: true });
    expect(t.x).toEqual({ outcome: 'derivedDemand', better: 'lower' });
    expect(t.points.find((p) => p.team === 'A')!.x).toBeCloseTo(-0.2);
  });
});

describe('a workshop run end to end (sync runner)', () => {
  it('ranks real packages against the base, and the debrief CSV has one row per package', async () => {
    const base = { ...workshopOf().baseScenario, weeks: 60 };
    const w = workshopOf(base, 'Test room', 3);
    let board: Board = openWorkshop(w);
    for (const [team, levers] of [
      ['Inspect', { [INSPECTORS]: 4 }],
      ['Immunity', { [IMMUNITY]: true }],
      ['Nothing', {}],
    ] as const) board = addHandIn(board, createHandIn(w, team, levers)).board;
    const runner = createSyncRunner();
    const run = async (s: typeof base) => statsOfRuns(await runner.run({ scenario: s, seed: s.seed, runs: w.runs }));
    const baseline = await run(w.baseScenario);
    const packages = [];
    for (const p of board.packages) packages.push({ team: p.handIn.team, stats: await run(p.scenario) });
    const ranked = rankPackages(w.outcomes, baseline, packages);
    const nothing = ranked.find((r) => r.team === 'Nothing')!;
    // The empty package is the base itself: no difference at all, on every outcome.
    expect(nothing.cells.derivedDemand.difference).toBe(0);
    expect(nothing.cells.reports.change).toBe(0);
    const t = tradeoffOf(w.outcomes, w.tradeoff, ranked);
    const csv = csvParseRows(debriefCsv(w, board.packages, ranked, t).trim());
    expect(csv).toHaveLength(4);
    const header = csv[0];
    expect(header).toContain(INSPECTORS);
    expect(header).toContain('derivedDemand_change_lo');
    const teams = csv.slice(1).map((row) => row[header.indexOf('team')]);
    expect(teams.sort()).toEqual(['Immunity', 'Inspect', 'Nothing']);
    const inspectRow = csv.slice(1).find((row) => row[header.indexOf('team')] === 'Inspect')!;
    expect(inspectRow[header.indexOf(INSPECTORS)]).toBe('4');
    const nothingRow = csv.slice(1).find((row) => row[header.indexOf('team')] === 'Nothing')!;
    expect(nothingRow[header.indexOf(INSPECTORS)]).toBe(String(base.interventions.labourInspection.inspectorsPer10kWorkers));
  }, 120_000);
});
