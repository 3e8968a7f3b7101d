import { describe, expect, it } from 'vitest';
import { isFlow, METRICS, METRIC_INFO, unitOf } from '../../src/sim/metrics.ts';

describe('metric units', () => {
  it('flows are the metrics counted per week; stocks and shares are not', () => {
    expect(isFlow('newlyTrafficked')).toBe(true);
    expect(isFlow('consumerDemand')).toBe(true);
    expect(isFlow('victimsInExploitation')).toBe(false);
    expect(isFlow('hiddenShare')).toBe(false);
    expect(isFlow('derivedDemand')).toBe(false);
  });

  it('the unit shown says "per week" exactly for flows', () => {
    for (const m of METRICS) {
      expect(unitOf(m).endsWith(' per week'), m).toBe(isFlow(m));
      expect(unitOf(m).startsWith(METRIC_INFO[m].unit), m).toBe(true);
    }
    expect(unitOf('newlyTrafficked')).toBe('workers per week');
    expect(unitOf('hiddenShare')).toBe('share');
  });
});
