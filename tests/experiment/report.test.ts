import { describe, expect, test } from 'vitest';
import { reportText } from '../../src/experiment/report.ts';
import type { ExperimentSummary } from '../../src/experiment/types.ts';

const base: ExperimentSummary = { name: 'R', experimentHash: 'h', design: 'morris', points: 4, replicates: 1, weeks: 10, pointOutcomes: [] };
const spread = (mean: number) => ({ mean, p05: mean - 1, p95: mean + 1 });

describe('the report', () => {
  test('ranks Morris entries as the summary does, keeps the first ten and explains μ* and σ', () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ path: `assumptions.a${i}`, mu: -i, muStar: 12 - i, sigma: 0.5, effects: 3 }));
    const text = reportText({ ...base, morris: [{ outcome: 'derivedDemand', slot: 'total', entries }] });
    const rows = text.split('\n').filter((l) => l.startsWith('| ') && l.includes('assumptions.a'));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toContain('| 1 | assumptions.a0 | 12 |');
    expect(rows[9]).toContain('assumptions.a9');
    expect(text).toMatch(/μ\*: how much/);
    expect(text).toMatch(/Illustrative, not a forecast/);
  });

  test('marks side effects and the frontier, and prints the same bytes twice', () => {
    const summary: ExperimentSummary = {
      ...base,
      design: 'robustness',
      robustness: [
        { package: 'P', outcome: 'derivedDemand', slot: 'total', better: 'lower', draws: 10, wins: 0.9, difference: spread(-5), sideEffect: false },
        { package: 'P', outcome: 'reports', slot: 'total', better: 'higher', draws: 10, wins: 0.2, difference: spread(-2), sideEffect: true },
      ],
      frontier: { x: { outcome: 'derivedDemand', better: 'lower' }, y: { outcome: 'reports', better: 'higher' }, points: [{ label: 'P', x: -5, y: -2, dominated: false }, { label: 'Q', x: -1, y: -3, dominated: true }] },
    };
    const text = reportText(summary);
    expect(text).toMatch(/\| P \| reports \(total, higher is better\) \| 20% of 10 \| -2 \[-3, -1\] \| side effect \|/);
    expect(text).toMatch(/\| P \| derivedDemand \(total, lower is better\) \| 90% of 10 \| -5 \[-6, -4\] \|  \|/);
    expect(text).toMatch(/\| Q \| -1 \| -3 \| no \|/);
    expect(reportText(summary)).toBe(text);
  });
});
