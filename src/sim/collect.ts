import { METRIC_INFO, METRICS, SLOTS, type Metric } from './metrics.ts';
import type { SimContext } from './model/context.ts';
import type { World } from './model/world.ts';
import { SECTORS } from '../scenario/sectors.ts';

/**
 * Declarative reporters (STYLE.md 5): each stock or ratio metric is a named
 * function of the world at the end of the week; event metrics are the week's
 * tallies. Ratio metrics are totalled as a ratio of sums, not a sum of ratios.
 */
type Stock = (w: World, k: number) => number;
type Ratio = { num: Stock; den: Stock };

const STOCKS: Partial<Record<Metric, Stock>> = {
  consumerDemand: (w, k) => w.consumerDemand[k],
  derivedDemand: (w, k) => w.derivedDemand[k],
  unfilledPlaces: (w, k) => w.vacancies[k],
  marketVolume: (w, k) => w.marketVolume[k],
  victimsInExploitation: (w, k) => w.exploited[k],
  exploitingEmployers: (w, k) => w.exploiting[k],
  exploitativeRecruiters: (w, k) => w.exploitativeRecruiters[k],
};

const RATIOS: Partial<Record<Metric, Ratio>> = {
  hiddenShare: { num: (w, k) => w.hiddenVolume[k], den: (w, k) => w.marketVolume[k] },
  awareShare: { num: (w, k) => w.awareCount[k], den: (w, k) => w.buyerPopulation[k] },
  avoidingShare: { num: (w, k) => w.avoidingCount[k], den: (w, k) => w.buyerPopulation[k] },
};

const REPORT_SOURCES: readonly Metric[] = ['reportsByClients', 'reportsByConsumers', 'reportsByWorkers', 'reportsByInspectors', 'reportsByAuditors'];

/** Writes one week's row: for each metric, the total then each sector. */
export function collectWeek(sim: Pick<SimContext, 'world' | 'tallied'>, row: Float64Array): void {
  const K = SECTORS.length;
  const w = sim.world;
  METRICS.forEach((metric, m) => {
    const at = m * SLOTS.length;
    const stock = STOCKS[metric];
    const ratio = RATIOS[metric];
    let total = 0;
    let num = 0;
    let den = 0;
    for (let k = 0; k < K; k++) {
      let v: number;
      if (ratio) {
        const n = ratio.num(w, k);
        const d = ratio.den(w, k);
        num += n;
        den += d;
        v = d > 0 ? n / d : 0;
      } else if (stock) v = stock(w, k);
      else if (metric === 'reports') v = REPORT_SOURCES.reduce((s, r) => s + sim.tallied(r, k), 0);
      else v = sim.tallied(metric, k);
      row[at + 1 + k] = v;
      total += v;
    }
    row[at] = METRIC_INFO[metric].total === 'ratio' ? (den > 0 ? num / den : 0) : total;
  });
}
