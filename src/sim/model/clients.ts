import { randomBeta } from 'd3';
import type { SimContext } from './context.ts';
import { draw, sequence } from '../rng.ts';
import { SECTOR_INFO, SECTORS } from '../../scenario/sectors.ts';
import type { Behaviour } from './behaviour.ts';
import { OFFENCE, TARGET, type CaseDesk } from './case-desk.ts';
import { configurationId, eventIds, regionLeaves } from './ids.ts';
import { campaignReach, clamp01, ema, pos, sanctionCosts } from './util.ts';

const E = eventIds('client', ['start', 'stop', 'notice', 'report', 'ignore', 'quit', 'resume', 'arrest', 'release', 'return', 'learn', 'forget']);
/** Per state: what the client does in the market, and whether aware. */
const MARKET = regionLeaves('client', 'market');
const AWARE = regionLeaves('client', 'awareness').map((leaf) => leaf === 'aware');
const UNAWARE_BUYING = configurationId('client', { awareness: 'unaware', market: 'buying' });

/**
 * Buyers of commercial sex (¶11, ¶16-17, ¶20, ¶36). trait = risk tolerance.
 * A client's market region and awareness region move independently, one event
 * a week.
 */
export function clientBehaviour(sim: SimContext, cases: CaseDesk) {
  const a = sim.agents.client;
  const A = sim.scenario.assumptions;
  const C = A.clients;
  const I = sim.scenario.interventions;
  const cu = I.criminaliseUse;
  const regime = A.prostitution[I.prostitutionRegime];
  const world = sim.world;
  const useLiable = cu.variant !== 'none' && cu.scope !== 'employers';
  const arrestStream = sim.stream(20);
  const sexual = SECTORS.findIndex((s) => SECTOR_INFO[s].clientMarket);

  let learn = 0;
  let start = 0;
  let notice = 0;
  let reportShare = 0;
  let arrestBuying = 0;
  let arrestSuspicious = 0;
  let buyingOffenceShare = 0;

  const cost = sanctionCosts(sim.scenario);
  /**
   * Perceived expected sanction per year of buying (USD): the arrests clients
   * have seen recently (per buying client), times the expected cost of the
   * offence an arrest is for, each on the one scale of sanctions (¶17, ¶20).
   */
  const expectedSanction = () => {
    const arrestYear = Math.min(1, 52 * world.clientArrestRate[sexual]);
    const useConviction = cases.useConviction;
    const buying = A.enforcement.buyingConviction * cost.buying;
    const use = useLiable ? useConviction * cost.use : 0;
    return arrestYear * (buyingOffenceShare * buying + (1 - buyingOffenceShare) * use);
  };

  /** Probability of each event for agent i in state s, written at p[o + event] (zeroed). */
  function hazards(i: number, s: number, p: Float64Array, o: number): void {
    const aware = AWARE[s];
    const tolerance = a.trait[i];
    if (aware) p[o + E.forget] = A.awareness.decay;
    else p[o + E.learn] = learn;
    switch (MARKET[s]) {
      case 'inactive':
        p[o + E.start] = clamp01(start * (0.5 + tolerance));
        break;
      case 'buying':
        p[o + E.stop] = C.stopRate;
        p[o + E.notice] = clamp01(notice * (aware ? 1 + A.awareness.clientNoticeBoost : 1));
        p[o + E.arrest] = arrestBuying;
        break;
      case 'suspicious': {
        // Decides this week: report, stop buying, or carry on.
        const report = clamp01(reportShare * (aware ? 1 + A.awareness.clientReportBoost : 1));
        const quit = C.quitAfterNotice * (aware ? 2 : 1);
        p[o + E.report] = report;
        p[o + E.quit] = quit;
        p[o + E.arrest] = arrestSuspicious;
        p[o + E.ignore] = Math.max(0, 1 - report - quit - arrestSuspicious);
        p[o + E.forget] = 0;
        p[o + E.learn] = 0;
        break;
      }
      case 'reporting':
        p[o + E.resume] = 0.9;
        p[o + E.quit] = 0.1;
        p[o + E.forget] = 0;
        p[o + E.learn] = 0;
        break;
      case 'deterred':
        p[o + E.return] = C.returnRate;
        break;
      case 'arrested':
        // Released when the case ends (forced by the case).
        break;
    }
  }

  return {
    type: 'client',
    init() {
      if (sexual < 0 || !A.sectors[SECTORS[sexual]].enabled) return;
      const traits = randomBeta.source(sequence(sim.stream(2)))(2, 2);
      // Start near the balance of starting and stopping, before any deterrence.
      const buying = (C.startRate * regime.marketScale) / (C.startRate * regime.marketScale + C.stopRate);
      const setup = sequence(sim.stream(12));
      for (let j = 0; j < A.population.clients; j++) {
        const i = sim.spawn('client', sexual, traits());
        if (setup() < buying) a.state[i] = UNAWARE_BUYING;
      }
    },
    reference() {
      // The market with no restriction and no deterrence (¶17).
      if (sexual < 0) return;
      world.ref.marketVolume[sexual] = (a.n * C.startRate) / (C.startRate + C.stopRate) * A.market.transactionsPerClientWeek;
    },
    prepare(w) {
      learn = 1 - (1 - campaignReach(I.awareness.clients, w)) * (1 - A.awareness.mediaBaseline);
      // Police reach clients in visible segments more than in hidden ones.
      const visible = 1 - regime.hiddenShare * (1 - A.inspection.hiddenDetectionFactor);
      const useBuying = useLiable && cu.variant === 'exploitation-conditions' ? world.victimShare[sexual] : 0;
      arrestBuying = C.arrestRate * visible * (regime.clientLiability + useBuying);
      // Under option B only users who knew (here: who noticed) are liable (¶20, ¶35).
      arrestSuspicious = C.arrestRate * visible * (regime.clientLiability + (useLiable ? 1 : 0));
      buyingOffenceShare = regime.clientLiability + useBuying > 0 ? regime.clientLiability / (regime.clientLiability + useBuying) : useLiable ? 0 : 1;
      const e = expectedSanction();
      const deterrence = e / (e + C.deterrenceScale);
      start = C.startRate * regime.marketScale * (1 - deterrence);
      notice = C.noticeRate * world.victimShare[sexual];
      // Fear of self-incrimination silences reports (¶16): from the use offence
      // unless immunity holds, and from a buying offence under the regime (¶17).
      const fearUse = useLiable ? C.fearOfSelfIncrimination * (cu.reportingImmunity ? 1 - C.immunityTrust : 1) : 0;
      const fearBuy = C.fearOfSelfIncrimination * regime.clientLiability;
      reportShare = C.reportRate * (1 - fearUse) * (1 - fearBuy);
    },
    hazards: (i: number, s: number, p: Float64Array) => hazards(i, s, p, 0),
    fill(list: Int32Array, count: number, p: Float64Array, stride: number) {
      const state = a.state;
      for (let j = 0; j < count; j++) hazards(list[j], state[list[j]], p, j * stride);
    },
    bounds(out, nS) {
      // Over risk tolerance 0 to 1.
      for (let s = 0; s < nS; s++) {
        const aware = AWARE[s];
        const awareness = pos(aware ? A.awareness.decay : learn);
        let market: number;
        switch (MARKET[s]) {
          case 'inactive':
            market = clamp01(1.5 * start);
            break;
          case 'buying':
            market = pos(C.stopRate) + clamp01(notice * (aware ? 1 + A.awareness.clientNoticeBoost : 1)) + pos(arrestBuying);
            break;
          case 'deterred':
            market = pos(C.returnRate);
            break;
          case 'arrested':
            market = 0;
            break;
          default:
            continue; // deciding and reporting clients always act: the bound of 1 stays
        }
        for (let k = 0; k < SECTORS.length; k++) out[k * nS + s] = awareness + market;
      }
    },
    apply(i, _from, ev, _to, w) {
      const k = a.sector[i];
      if (ev === E.notice) sim.tally('suspiciousClients', k);
      else if (ev === E.report) {
        sim.tally('reportsByClients', k);
        cases.report('client', k, i, 0.5);
      } else if (ev === E.arrest) {
        const offence = draw(arrestStream, i, w) < buyingOffenceShare ? OFFENCE.buying : OFFENCE.use;
        cases.open(TARGET.client, i, k, offence, 0.3 + 0.5 * draw(arrestStream + 1, i, w));
        // Police attention (¶17): an arrested client's evidence may lead to the venue.
        cases.report('police', k, i, 0.6);
      }
    },
    census() {
      if (sexual < 0) return;
      let buying = 0, aware = 0, deterred = 0;
      const counts = sim.counts.client;
      const nS = MARKET.length;
      for (let s = 0; s < nS; s++) {
        const n = counts[sexual * nS + s];
        const m = MARKET[s];
        if (m === 'buying' || m === 'suspicious' || m === 'reporting') buying += n;
        if (m === 'deterred') deterred += n;
        if (AWARE[s]) aware += n;
      }
      world.awareCount[sexual] = aware;
      world.avoidingCount[sexual] = deterred;
      world.buyerPopulation[sexual] = a.n;
      // What clients remember of police activity: arrests per buying client (¶17, ¶20).
      const arrests = sim.tallied('casesAgainstClients', sexual);
      world.clientArrestRate[sexual] = ema(world.clientArrestRate[sexual], arrests / Math.max(1, buying), A.employers.signalMemoryWeeks);
      const volume = buying * A.market.transactionsPerClientWeek;
      world.marketVolume[sexual] = volume;
      world.consumerDemand[sexual] = volume * world.victimShare[sexual];
      world.hiddenVolume[sexual] = volume * world.hiddenOutputShare[sexual];
    },
  } satisfies Behaviour;
}
