import { randomBeta } from 'd3';
import type { SimContext } from './context.ts';
import { draw, sequence } from '../rng.ts';
import { SECTOR_INFO, SECTORS } from '../../scenario/sectors.ts';
import type { Behaviour } from './behaviour.ts';
import { OFFENCE, TARGET, type CaseDesk } from './case-desk.ts';
import { eventIds, stateIds } from './ids.ts';
import { campaignReach, deceptionProtection, ema, pos, sanctionCosts } from './util.ts';

const S = stateIds('employer', ['compliant', 'exploiting', 'under-investigation', 'sanctioned', 'closed']);
const E = eventIds('employer', ['exploit', 'reform', 'investigate', 'convict', 'clear', 'drop', 'resume', 'close', 'enter']);
const HIDDEN = 1;
const K = SECTORS.length;
/** The census's lists of employers per sector. */
const [EXPLOITER, OPEN, ACTIVE] = [0, 1, 2];

/**
 * Employers (¶12, ¶14(a)): exploit when the expected gain from trafficked
 * labour outweighs the expected cost of inspection (¶15(d)), buyers' audits
 * (¶15(c)), criminal liability (¶20, ¶38) and conscience, weighed by their own
 * risk tolerance (trait). link = the corporate buyer supplied; flags bit 0 =
 * hidden segment (subcontractor, or private/online venue); aux = open cases.
 */
export function employerBehaviour(sim: SimContext, cases: CaseDesk) {
  const a = sim.agents.employer;
  const A = sim.scenario.assumptions;
  const em = A.employers;
  const I = sim.scenario.interventions;
  const cu = I.criminaliseUse;
  const regime = A.prostitution[I.prostitutionRegime];
  const world = sim.world;
  const buyers = sim.agents.corporateBuyer;
  const events = sim.stream(40);

  // Per sector, recomputed weekly.
  const gain = new Float64Array(K);
  /** Gains of a screening buyer's direct suppliers and of its subcontractors, after work moved down the chain. */
  const gainDirect = new Float64Array(K);
  const gainHidden = new Float64Array(K);
  /** Share of each sector's employers that are subcontractors (the flag never changes). */
  const hiddenFraction = new Float64Array(K);
  const countHidden = () => {
    const all = new Float64Array(K);
    hiddenFraction.fill(0);
    for (let i = 0; i < a.n; i++) {
      all[a.sector[i]]++;
      if (a.flags[i] & HIDDEN) hiddenFraction[a.sector[i]]++;
    }
    for (let k = 0; k < K; k++) if (all[k] > 0) hiddenFraction[k] /= all[k];
  };
  // Agents exist already when behaviours are made anew after burn-in.
  countHidden();
  const cost = new Float64Array(K);
  const inspect = new Float64Array(K);
  const moral = SECTORS.map((s) => A.sectors[s].moralCost);
  const audit = (A.supplyChain.auditDetection * I.supplyChain.auditRate) / 52;
  const useCoversEmployers = cu.variant !== 'none' && cu.scope !== 'clients';
  // A case can end in a trafficking conviction and, where the use offence
  // covers employers, in one for the use offence too: each weighed on the one
  // scale of sanctions with its own conviction probability (¶20, ¶38).
  const sanction = sanctionCosts(sim.scenario);
  const protect = deceptionProtection(A, I);
  const fine = I.labourInspection.sanction * A.inspection.finePerceivedWeight;
  // Census scratch: the three lists of employers per sector and their lengths, and output per sector.
  let lists = new Int32Array(0);
  const exploiters = new Int32Array(K);
  const open = new Int32Array(K);
  const actives = new Int32Array(K);
  const output = new Float64Array(K);
  const hidden = new Float64Array(K);

  const buyerScreening = (i: number) => {
    const b = a.link[i];
    return b >= 0 && buyers.prev[b] !== 0; // screening or certified
  };
  const auditHazard = (i: number) =>
    buyerScreening(i) ? audit * (a.flags[i] & HIDDEN ? A.supplyChain.subcontractorReach : 1) : 0;
  /** Attractiveness of exploiting, in [0, 1], for employer i. */
  const attraction = (i: number) => {
    const k = a.sector[i];
    // Work moves down the chain of a screening buyer, to its subcontractors (¶32).
    const g = buyerScreening(i) ? (a.flags[i] & HIDDEN ? gainHidden[k] : gainDirect[k]) : gain[k];
    const hiddenFactor = a.flags[i] & HIDDEN ? A.inspection.hiddenDetectionFactor : 1;
    const c = cost[k] + 52 * (inspect[k] * hiddenFactor * fine + auditHazard(i) * A.supplyChain.dropShare * g / 52 * 26);
    const caution = 1.5 - a.trait[i];
    return g / (g + (c * (1 + A.awareness.employerRiskBoost * world.employerAwareness) + moral[k]) * caution);
  };

  /** Probability of each event for agent i in state s, written at p[o + event] (zeroed). */
  function hazards(i: number, s: number, p: Float64Array, o: number): void {
    switch (s) {
      case S.compliant:
        p[o + E.exploit] = em.exploitRate * attraction(i);
        break;
      case S.exploiting: {
        const k = a.sector[i];
        const found = auditHazard(i);
        p[o + E.investigate] = inspect[k] * (a.flags[i] & HIDDEN ? A.inspection.hiddenDetectionFactor : 1);
        p[o + E.drop] = found * A.supplyChain.dropShare;
        p[o + E.reform] = em.reformRate * (1 - attraction(i)) + found * (1 - A.supplyChain.dropShare);
        break;
      }
      case S['under-investigation']:
        // Outcome forced by its case; with no case open the suspicion lapses.
        if (a.aux[i] === 0) p[o + E.clear] = 0.2;
        break;
      case S.sanctioned:
        p[o + E.resume] = em.resumeRate;
        p[o + E.close] = em.closeRate;
        break;
      case S.closed:
        p[o + E.enter] = em.entryRate;
        break;
    }
  }

  return {
    type: 'employer' as const,
    attraction,
    init() {
      const traits = randomBeta.source(sequence(sim.stream(4)))(2, 2);
      const setup = sequence(sim.stream(5));
      SECTORS.forEach((sector, k) => {
        const sa = A.sectors[sector];
        if (!sa.enabled) return;
        const sectorBuyers: number[] = [];
        for (let b = 0; b < buyers.n; b++) if (buyers.sector[b] === k) sectorBuyers.push(b);
        const hiddenShare = SECTOR_INFO[sector].supplyChain ? (sa as { subcontractorShare?: number }).subcontractorShare ?? 0 : regime.hiddenShare;
        for (let j = 0; j < sa.employers; j++) {
          const i = sim.spawn('employer', k, traits());
          if (setup() < hiddenShare) a.flags[i] = HIDDEN;
          const u = setup();
          if (sectorBuyers.length > 0) a.link[i] = sectorBuyers[Math.floor(u * sectorBuyers.length)];
          if (setup() < sa.initialExploitingShare) a.state[i] = S.exploiting;
        }
      });
      countHidden();
    },
    prepare(w: number) {
      const reach = campaignReach(I.awareness.employers, w);
      world.employerAwareness += reach * (1 - world.employerAwareness) - A.awareness.decay * world.employerAwareness;
      SECTORS.forEach((sector, k) => {
        const sa = A.sectors[sector];
        const ref = world.ref;
        // ¶7: a larger pool of vulnerable labour makes exploitation worth more;
        // ¶11: final demand matters, but weakly.
        // Only the unprotected part of the pool is exploitable labour (¶15(e)).
        const exploitable = (world.atRisk[k] / Math.max(1, world.workers[k])) * (1 - protect);
        const slack = ref.atRiskShare[k] > 0 ? Math.pow(exploitable / ref.atRiskShare[k], A.market.labourSupplyElasticity) : 1;
        // The gain is the profit of the places an exploiter holds: in `sexual`
        // they follow the client market already (census); elsewhere final
        // demand moves the gain only weakly (¶11).
        const goods = !SECTOR_INFO[sector].clientMarket;
        const market = goods && ref.marketVolume[k] > 0 ? Math.pow(world.marketVolume[k] / ref.marketVolume[k], A.market.demandElasticity) : 1;
        gain[k] = sa.profitPerVictimYear * world.placesPerExploiter[k] * slack * market;
        // A screening buyer's direct suppliers move a share of the work they
        // would do with trafficked labour to its subcontractors (¶32): what the
        // subcontractors gain is what the direct suppliers give up, so
        // displacement moves exploitation; it creates none.
        const moved = A.market.subcontractorDisplacement;
        const h = hiddenFraction[k];
        gainDirect[k] = gain[k] * (h > 0 ? 1 - moved : 1);
        gainHidden[k] = h > 0 ? gain[k] * (1 + (moved * (1 - h)) / h) : gain[k];
        const coverage = SECTOR_INFO[sector].clientMarket ? regime.inspectionCoverage : 1;
        const inspectors = (I.labourInspection.inspectorsPer10kWorkers * world.workers[k] * coverage) / 10_000;
        const visits = world.activeEmployers[k] > 0 ? Math.min(1, (inspectors * A.inspection.visitsPerInspectorWeek) / world.activeEmployers[k]) : 0;
        inspect[k] = Math.min(1, visits * A.inspection.targeting) * A.inspection.detectionPerVisit;
        const perCase = A.enforcement.exploitationConviction * sanction.trafficking + (useCoversEmployers ? cases.useConviction * sanction.use : 0);
        cost[k] = 52 * world.employerCaseRate[k] * perCase;
      });
    },
    hazards: (i: number, s: number, p: Float64Array) => hazards(i, s, p, 0),
    fill(list: Int32Array, count: number, p: Float64Array, stride: number) {
      const state = a.state;
      for (let j = 0; j < count; j++) hazards(list[j], state[list[j]], p, j * stride);
    },
    bounds(out: Float64Array, nS: number) {
      // Attraction is at most 1; exploiting employers keep the bound of 1.
      for (let k = 0; k < K; k++) {
        out[k * nS + S.compliant] = pos(em.exploitRate);
        out[k * nS + S['under-investigation']] = 0.2;
        out[k * nS + S.sanctioned] = pos(em.resumeRate) + pos(em.closeRate);
        out[k * nS + S.closed] = pos(em.entryRate);
      }
    },
    apply(i: number, from: number, ev: number, _to: number, w: number) {
      const k = a.sector[i];
      if (ev === E.investigate && a.pending[i] !== ev) {
        // Found by a labour inspector (not forced by a case already open).
        sim.tally('reportsByInspectors', k);
        if (draw(events, i, w) < A.enforcement.caseOpenShare) {
          cases.open(TARGET.employer, i, k, OFFENCE.exploitation, 0.5 + 0.5 * draw(events + 1, i, w));
        }
      } else if (ev === E.drop) {
        if (draw(events, i, w) < A.supplyChain.auditorReportShare) {
          sim.tally('reportsByAuditors', k);
          cases.open(TARGET.employer, i, k, OFFENCE.exploitation, 0.4 + 0.5 * draw(events + 1, i, w));
        }
      }
      void from;
    },
    census() {
      // Reused lists of employer indices per sector; the world gets views of
      // them, which hold until the next census (this runs every week, so the
      // lists are not allocated anew each time).
      if (lists.length < 3 * K * a.n) lists = new Int32Array(3 * K * a.n);
      exploiters.fill(0);
      open.fill(0);
      actives.fill(0);
      const list = (which: number, k: number) => (which * K + k) * a.n;
      // Output follows the people working for each employer: the hidden
      // segment's share is measured from where work actually went (¶32).
      output.fill(0);
      hidden.fill(0);
      world.exploiting.fill(0);
      world.vacancies.fill(0);
      world.placesSought.fill(0);
      for (let k = 0; k < K; k++) {
        // ¶12: pimps' and venue owners' demand comes from clients, so in `sexual`
        // the places an exploiter seeks follow the client market; in goods
        // sectors final demand is not decisive (¶11) and only moves the gain.
        const ref = world.ref.marketVolume[k];
        const market = SECTOR_INFO[SECTORS[k]].clientMarket && ref > 0 ? Math.pow(world.marketVolume[k] / ref, A.market.sexMarketElasticity) : 1;
        world.placesPerExploiter[k] = A.sectors[SECTORS[k]].victimsPerExploiter * market;
      }
      const victims = world.victimsOf;
      const workforce = world.workforceOf;
      for (let i = 0; i < a.n; i++) {
        const s = a.state[i];
        if (s === S.closed) continue;
        const k = a.sector[i];
        lists[list(ACTIVE, k) + actives[k]++] = i;
        const working = workforce[i] ?? 0;
        output[k] += working;
        if (a.flags[i] & HIDDEN) hidden[k] += working;
        if (s === S.exploiting || s === S['under-investigation']) {
          world.exploiting[k]++;
          world.placesSought[k] += world.placesPerExploiter[k];
        }
        if (s === S.exploiting) {
          lists[list(EXPLOITER, k) + exploiters[k]++] = i;
          const vacant = Math.max(0, world.placesPerExploiter[k] - (victims[i] ?? 0));
          world.vacancies[k] += vacant;
          if (vacant > 0) lists[list(OPEN, k) + open[k]++] = i;
        }
      }
      for (let k = 0; k < K; k++) {
        world.activeEmployers[k] = actives[k];
        world.hiddenOutputShare[k] = output[k] > 0 ? hidden[k] / output[k] : 0;
        world.exploiters[k] = lists.subarray(list(EXPLOITER, k), list(EXPLOITER, k) + exploiters[k]);
        world.openExploiters[k] = lists.subarray(list(OPEN, k), list(OPEN, k) + open[k]);
        world.actives[k] = lists.subarray(list(ACTIVE, k), list(ACTIVE, k) + actives[k]);
        const held = Math.max(1, world.exploiting[k]);
        world.employerCaseRate[k] = ema(world.employerCaseRate[k], sim.tallied('casesAgainstEmployers', k) / held, em.signalMemoryWeeks);
      }
    },
  } satisfies Behaviour & Record<string, unknown>;
}
