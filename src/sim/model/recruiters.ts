import { randomBeta } from 'd3';
import type { SimContext } from './context.ts';
import { draw, sequence } from '../rng.ts';
import { SECTORS } from '../../scenario/sectors.ts';
import type { Behaviour } from './behaviour.ts';
import { OFFENCE, TARGET, type CaseDesk } from './case-desk.ts';
import { configurationId, eventIds, regionLeaves } from './ids.ts';
import { sanctionCosts } from './util.ts';

const E = eventIds('recruiter', ['license', 'revoke', 'shutDown', 'reenter', 'exploit', 'reform']);
const K = SECTORS.length;
/** Per state: the standing with the licensing authority, and whether exploitative. */
const LICENCE = regionLeaves('recruiter', 'licence');
const EXPLOITATIVE = regionLeaves('recruiter', 'conduct').map((leaf) => leaf === 'exploitative');
const EXPLOITATIVE_UNREGISTERED = configurationId('recruiter', { conduct: 'exploitative', licence: 'unregistered' });

/**
 * Recruiters, agents and transporters (¶14(c)): turn exploitative when derived
 * demand pulls and the licensing authority's audits (¶15(b)) and cross-border
 * cooperation (¶4(d), ¶18) do not deter. trait = risk tolerance.
 */
export function recruiterBehaviour(sim: SimContext, cases: CaseDesk) {
  const a = sim.agents.recruiter;
  const A = sim.scenario.assumptions;
  const R = A.recruiters;
  const L = sim.scenario.interventions.recruiterLicensing;
  const world = sim.world;
  const events = sim.stream(50);
  const gain = new Float64Array(K);
  const audit = (L.auditRate / 52) * R.auditDetection;
  const crossBorder = L.crossBorderCooperation;
  // Unlicensed operators are caught when licences are required: by the
  // authority's reach beyond its licensees, and through origin countries.
  const unlicensed = L.required ? (R.unlicensedDetection + (L.auditRate / 52) * R.auditReachUnlicensed) * (1 + crossBorder) : 0;
  const transnational = crossBorder * R.unlicensedDetection;
  const penalty = R.revocationCost + A.enforcement.caseOpenShare * A.enforcement.exploitationConviction * sanctionCosts(sim.scenario).trafficking;

  const detection = (s: number) =>
    LICENCE[s] === 'licensed' ? audit : LICENCE[s] === 'unregistered' ? unlicensed + transnational : 0;

  /** Probability of each event for agent i in state s, written at p[o + event] (zeroed). */
  function hazards(i: number, s: number, p: Float64Array, o: number): void {
    const k = a.sector[i];
    const licence = LICENCE[s];
    const exploitative = EXPLOITATIVE[s];
    const caution = 1.5 - a.trait[i];
    const expected = 52 * detection(s) * penalty;
    const attraction = gain[k] / (gain[k] + (expected + R.moralCost) * caution);
    if (licence === 'revoked') {
      p[o + E.reenter] = R.reentryRate * (1 - 0.9 * crossBorder);
      return;
    }
    if (exploitative) {
      p[o + E.reform] = R.reformRate * (1 - attraction);
      if (licence === 'licensed') p[o + E.revoke] = audit;
      else p[o + E.shutDown] = unlicensed + transnational;
    } else {
      p[o + E.exploit] = R.exploitRate * attraction;
      if (licence === 'unregistered') p[o + E.shutDown] = unlicensed * 0.3;
    }
    if (licence === 'unregistered' && L.required) p[o + E.license] = R.applyRate * (exploitative ? 0.2 : 1);
  }

  return {
    type: 'recruiter' as const,
    init() {
      const traits = randomBeta.source(sequence(sim.stream(6)))(2, 2);
      const setup = sequence(sim.stream(7));
      SECTORS.forEach((sector, k) => {
        if (!A.sectors[sector].enabled) return;
        for (let j = 0; j < A.sectors[sector].recruiters; j++) {
          const i = sim.spawn('recruiter', k, traits());
          if (setup() < R.initialExploitativeShare) a.state[i] = EXPLOITATIVE_UNREGISTERED;
        }
      });
    },
    prepare() {
      for (let k = 0; k < K; k++) {
        // Derived demand pulls recruiters into exploitation (¶12).
        const pull = world.exploiting[k] / Math.max(1, world.activeEmployers[k]);
        gain[k] = R.gainPerPlacement * 52 * R.ordersPerExploitative * (0.5 + pull * 5);
      }
    },
    hazards: (i: number, s: number, p: Float64Array) => hazards(i, s, p, 0),
    fill(list: Int32Array, count: number, p: Float64Array, stride: number) {
      const state = a.state;
      for (let j = 0; j < count; j++) hazards(list[j], state[list[j]], p, j * stride);
    },
    apply(i: number, from: number, ev: number, _to: number, w: number) {
      if ((ev === E.revoke || ev === E.shutDown) && EXPLOITATIVE[from]) {
        const k = a.sector[i];
        sim.tally('reportsByInspectors', k);
        if (draw(events, i, w) < A.enforcement.caseOpenShare) {
          cases.open(TARGET.recruiter, i, k, OFFENCE.exploitation, 0.4 + 0.5 * draw(events + 1, i, w));
        }
      }
    },
    census() {
      world.exploitativeRecruiters.fill(0);
      for (let i = 0; i < a.n; i++) {
        const s = a.state[i];
        if (EXPLOITATIVE[s] && LICENCE[s] !== 'revoked') world.exploitativeRecruiters[a.sector[i]]++;
      }
      // Derived demand (¶12): places exploiters hold or seek, filled or not, and recruiters' own orders.
      for (let k = 0; k < K; k++) world.derivedDemand[k] = world.placesSought[k] + R.ordersPerExploitative * world.exploitativeRecruiters[k];
    },
    reference() {
      world.ref.exploitativeRecruiters.set(world.exploitativeRecruiters);
    },
  } satisfies Behaviour & Record<string, unknown>;
}
