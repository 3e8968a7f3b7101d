import { randomBeta } from 'd3';
import type { SimContext } from './context.ts';
import { sequence } from '../rng.ts';
import { SECTOR_INFO, SECTORS } from '../../scenario/sectors.ts';
import type { Behaviour } from './behaviour.ts';
import type { CaseDesk } from './case-desk.ts';
import { eventIds, stateIds } from './ids.ts';
import { campaignReach, pos } from './util.ts';

const S = stateIds('consumer', ['unaware', 'aware', 'avoiding']);
const E = eventIds('consumer', ['reach', 'commit', 'lapse', 'forget', 'report', 'renew', 'renewAware']);
const SCHOOLED = 1;

/**
 * Households buying farm and factory goods (¶10-11). trait = price sensitivity;
 * flags bit 0 = reached by school education (¶33).
 */
export function consumerBehaviour(sim: SimContext, cases: CaseDesk): Behaviour {
  const a = sim.agents.consumer;
  const A = sim.scenario.assumptions;
  const aw = A.awareness;
  const I = sim.scenario.interventions;
  const world = sim.world;
  let reach = 0;
  let school = 0;
  const commit = new Float64Array(SECTORS.length);
  const report = new Float64Array(SECTORS.length);

  /** Probability of each event for agent i in state s, written at p[o + event] (zeroed). */
  function hazards(i: number, s: number, p: Float64Array, o: number): void {
    const k = a.sector[i];
    p[o + E.renew] = aw.cohortTurnover * (1 - school);
    p[o + E.renewAware] = aw.cohortTurnover * school;
    if (s === S.unaware) {
      p[o + E.reach] = a.flags[i] & SCHOOLED ? Math.min(1, 2 * reach) : reach;
    } else {
      p[o + E.report] = report[k];
      p[o + E.forget] = a.flags[i] & SCHOOLED ? aw.decay * aw.schoolDurability : aw.decay;
      if (s === S.aware) p[o + E.commit] = commit[k] * (1 - A.market.certifiedPriceEffect * a.trait[i]);
      else p[o + E.lapse] = aw.lapse;
    }
  }

  return {
    type: 'consumer',
    init() {
      const traits = randomBeta.source(sequence(sim.stream(1)))(2, 2);
      const goods = SECTORS.map((s, k) => ({ s, k })).filter(({ s }) => !SECTOR_INFO[s].clientMarket);
      const n = A.population.consumers;
      const agri = Math.round(n * A.population.consumerShareAgriculture);
      for (const { s, k } of goods) {
        if (!A.sectors[s].enabled) continue;
        const size = s === 'agriculture' ? agri : n - agri;
        // Start near the no-campaign balance of media awareness and decay.
        const aware = aw.mediaBaseline / (aw.mediaBaseline + aw.decay);
        const avoiding = aw.attitudeToAction / (aw.attitudeToAction + aw.lapse);
        const setup = sequence(sim.stream(11));
        for (let j = 0; j < size; j++) {
          const i = sim.spawn('consumer', k, traits());
          if (setup() < aware) a.state[i] = setup() < avoiding ? S.avoiding : S.aware;
        }
      }
    },
    reference() {
      // Final demand with nobody avoiding, against which employers' market is measured.
      SECTORS.forEach((sector, k) => {
        if (!SECTOR_INFO[sector].clientMarket) world.ref.marketVolume[k] = world.buyerPopulation[k] * A.market.unitsPerConsumerWeek;
      });
    },
    prepare(w) {
      reach = 1 - (1 - campaignReach(I.awareness.consumers, w)) * (1 - aw.mediaBaseline);
      school = w >= aw.schoolLagWeeks ? campaignReach(I.awareness.schools, w - aw.schoolLagWeeks) * aw.schoolEffect : 0;
      for (let k = 0; k < SECTORS.length; k++) {
        commit[k] = aw.attitudeToAction * (1 + aw.certifiedBoost * world.certifiedShare[k]);
        report[k] = aw.consumerReportRate * world.taintedShare[k];
      }
    },
    hazards: (i: number, s: number, p: Float64Array) => hazards(i, s, p, 0),
    fill(list: Int32Array, count: number, p: Float64Array, stride: number) {
      const state = a.state;
      for (let j = 0; j < count; j++) hazards(list[j], state[list[j]], p, j * stride);
    },
    bounds(out, nS) {
      // Hazards are linear in the trait and differ by the school flag: their
      // largest values are at trait 0 or 1, schooled or not.
      const t = aw.cohortTurnover;
      const renew = pos(t * (1 - school)) + pos(t * school);
      const reached = Math.max(pos(Math.min(1, 2 * reach)), pos(reach));
      const forget = Math.max(pos(aw.decay), pos(aw.decay * aw.schoolDurability));
      for (let k = 0; k < SECTORS.length; k++) {
        const aware = renew + pos(report[k]) + forget;
        out[k * nS + S.unaware] = renew + reached;
        out[k * nS + S.aware] = aware + Math.max(pos(commit[k]), pos(commit[k] * (1 - A.market.certifiedPriceEffect)));
        out[k * nS + S.avoiding] = aware + pos(aw.lapse);
      }
    },
    apply(i, _from, ev) {
      if (ev === E.report) {
        const k = a.sector[i];
        sim.tally('reportsByConsumers', k);
        cases.report('consumer', k, i, 0.4);
      } else if (ev === E.renew || ev === E.renewAware) {
        a.flags[i] = ev === E.renewAware ? SCHOOLED : 0;
      }
    },
    census() {
      const counts = sim.counts.consumer;
      const nS = counts.length / SECTORS.length;
      const all = SECTORS.map((_, k) => counts[k * nS + S.unaware] + counts[k * nS + S.aware] + counts[k * nS + S.avoiding]);
      const aware = SECTORS.map((_, k) => all[k] - counts[k * nS + S.unaware]);
      const avoiding = SECTORS.map((_, k) => counts[k * nS + S.avoiding]);
      const u = A.market.unitsPerConsumerWeek;
      const cut = A.market.avoidanceCut;
      SECTORS.forEach((sector, k) => {
        if (SECTOR_INFO[sector].clientMarket) return;
        world.consumerAvoidingShare[k] = all[k] > 0 ? avoiding[k] / all[k] : 0;
        world.awareCount[k] = aware[k];
        world.avoidingCount[k] = avoiding[k];
        world.buyerPopulation[k] = all[k];
        // Avoiding households buy certified goods where buyers offer them, and
        // cut back elsewhere (¶11); the rest buy from the market as a whole.
        const cert = world.certifiedShare[k];
        const g = world.taintedShare[k];
        const c = world.certifiedTaintedShare[k];
        const normal = all[k] - avoiding[k];
        const generic = normal + avoiding[k] * (1 - cert) * (1 - cut);
        const volume = u * (generic + avoiding[k] * cert);
        world.marketVolume[k] = volume;
        world.consumerDemand[k] = u * (generic * g + avoiding[k] * cert * c);
        world.hiddenVolume[k] = u * generic * world.hiddenOutputShare[k];
      });
    },
  } satisfies Behaviour;
}
