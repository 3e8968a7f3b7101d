import { describe, expect, it } from 'vitest';
import { chartLines } from '../../src/ui/charts/build.ts';
import type { MetricSource } from '../../src/ui/workspace/source.ts';

function flat(values: Record<string, number>, weeks = 10): MetricSource {
  return {
    weeks,
    runs: 1,
    knownWeeks: weeks,
    completeWeeks: weeks,
    first: undefined,
    line: (metric) => ({ values: new Float64Array(weeks).fill(values[metric] ?? 0) }),
    replicates: (metric) => [new Float64Array(weeks).fill(values[metric] ?? 0)],
  };
}

describe('chartLines', () => {
  const specs = [{ metric: 'consumerDemand', label: 'Consumer demand', colour: 'blue' }] as const;

  it('an index line can be read back in absolute terms, with its unit', () => {
    const [line] = chartLines(specs, flat({ consumerDemand: 640 }), flat({ consumerDemand: 800 }), { smooth: 1, index: true });
    expect(line.values[0]).toBeCloseTo(80);
    expect(line.ghost?.[0]).toBeCloseTo(100);
    expect(line.absolute?.unit).toBe('units per week');
    expect(line.values[0] * line.absolute!.per).toBeCloseTo(640);
    expect(line.ghost![0] * line.absolute!.per).toBeCloseTo(800);
  });

  it('lines in their own units need no absolute reading', () => {
    const [line] = chartLines(specs, flat({ consumerDemand: 640 }), null, { smooth: 1 });
    expect(line.absolute).toBeUndefined();
    expect(line.values[0]).toBe(640);
  });

  it('no reference (a zero baseline) gives no absolute reading rather than a wrong one', () => {
    const [line] = chartLines(specs, flat({ consumerDemand: 0 }), flat({ consumerDemand: 0 }), { smooth: 1, index: true });
    expect(line.absolute).toBeUndefined();
  });
});
