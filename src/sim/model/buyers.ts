import type { SimContext } from './context.ts';
import { sequence } from '../rng.ts';
import { SECTOR_INFO, SECTORS } from '../../scenario/sectors.ts';
import type { Behaviour } from './behaviour.ts';
import { eventIds, stateIds } from './ids.ts';

const S = stateIds('corporateBuyer', ['unscreened', 'screening', 'certified']);
const E = eventIds('corporateBuyer', ['screen', 'certify', 'lapse']);
const PARTNER = 1;
const K = SECTORS.length;

/**
 * Brands, retailers and importers (¶14(b), ¶15(c), ¶32). Partners in a
 * due-diligence partnership screen their suppliers; others follow when enough
 * households avoid tainted goods (¶25(a)). flags bit 0 = partner.
 */
export function buyerBehaviour(sim: SimContext) {
  const a = sim.agents.corporateBuyer;
  const A = sim.scenario.assumptions;
  const sc = A.supplyChain;
  const world = sim.world;
  const pressure = new Float64Array(K);

  /** Probability of each event for agent i in state s, written at p[o + event] (zeroed). */
  function hazards(i: number, s: number, p: Float64Array, o: number): void {
    const partner = (a.flags[i] & PARTNER) !== 0;
    if (s === S.unscreened) p[o + E.screen] = partner ? sc.partnerJoinRate : pressure[a.sector[i]];
    else {
      if (s === S.screening) p[o + E.certify] = sc.certifyRate;
      if (!partner) p[o + E.lapse] = sc.lapseRate;
    }
  }

  return {
    type: 'corporateBuyer' as const,
    init() {
      const traits = sequence(sim.stream(3));
      SECTORS.forEach((sector, k) => {
        if (!SECTOR_INFO[sector].supplyChain || !A.sectors[sector].enabled) return;
        for (let j = 0; j < A.population.corporateBuyersPerSector; j++) sim.spawn('corporateBuyer', k, traits());
      });
    },
    start() {
      // The partnership forms at week 0: exactly round(share × n) partners per sector, spread evenly.
      const share = sim.scenario.interventions.supplyChain.dueDiligenceShare;
      const seen = new Float64Array(K);
      for (let i = 0; i < a.n; i++) {
        const j = seen[a.sector[i]]++;
        a.flags[i] = Math.floor((j + 1) * share + 1e-9) > Math.floor(j * share + 1e-9) ? PARTNER : 0;
      }
    },
    prepare() {
      for (let k = 0; k < K; k++) pressure[k] = sc.consumerPressure * world.consumerAvoidingShare[k];
    },
    hazards: (i: number, s: number, p: Float64Array) => hazards(i, s, p, 0),
    fill(list: Int32Array, count: number, p: Float64Array, stride: number) {
      const state = a.state;
      for (let j = 0; j < count; j++) hazards(list[j], state[list[j]], p, j * stride);
    },
    apply() {},
    census() {
      const certified = new Float64Array(K);
      const all = new Float64Array(K);
      for (let i = 0; i < a.n; i++) {
        const k = a.sector[i];
        all[k]++;
        if (a.state[i] === S.certified) certified[k]++;
      }
      for (let k = 0; k < K; k++) {
        world.certifiedShare[k] = all[k] > 0 ? certified[k] / all[k] : 0;
      }
    },
  } satisfies Behaviour;
}
