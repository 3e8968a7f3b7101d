import { METRIC_INFO, METRICS } from './metrics.ts';
import type { SimContext } from './model/context.ts';
import { SECTORS } from '../scenario/sectors.ts';
import { offsetOf } from './series.ts';

/**
 * Writes one week's row: for each metric, the total then each sector, as its
 * reporter in METRIC_INFO says.
 */
export function collectWeek(sim: Pick<SimContext, 'world' | 'tallied'>, row: Float64Array): void {
  const K = SECTORS.length;
  const w = sim.world;
  for (const metric of METRICS) {
    const report = METRIC_INFO[metric].report;
    let total = 0;
    let num = 0;
    let den = 0;
    for (let k = 0; k < K; k++) {
      let v: number;
      switch (report.kind) {
        case 'ratio': {
          const n = report.num(w, k);
          const d = report.den(w, k);
          num += n;
          den += d;
          v = d > 0 ? n / d : 0;
          break;
        }
        case 'stock':
          v = report.of(w, k);
          break;
        case 'sum':
          v = report.of.reduce((s, r) => s + sim.tallied(r, k), 0);
          break;
        case 'events':
          v = sim.tallied(metric, k);
          break;
      }
      row[offsetOf(metric, SECTORS[k])] = v;
      total += v;
    }
    row[offsetOf(metric)] = report.kind === 'ratio' ? (den > 0 ? num / den : 0) : total;
  }
}
