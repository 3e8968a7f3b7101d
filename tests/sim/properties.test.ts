import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/engine.ts';
import { WORLDS } from '../support/small-world.ts';
import { drop, meanOver, scenario } from './helpers.ts';

/**
 * MODEL.md "Properties the model must satisfy", each over random but valid
 * assumptions: every run draws multipliers for assumptions that shape the
 * whole system, and a seed. Directions are asserted, with margins that the
 * defaults clear comfortably.
 */

const factor = fc.double({ min: 0.8, max: 1.25, noNaN: true });
const world = fc.record({
  demandElasticity: factor,
  labourSupplyElasticity: factor,
  decay: factor,
  exploitRate: factor,
  reformRate: factor,
  fillRate: factor,
  worsenRate: factor,
  noticeRate: factor,
  reportRate: factor,
  chargeRate: factor,
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});
type WorldDraw = typeof world extends fc.Arbitrary<infer T> ? T : never;

const D = scenario({}).assumptions;

/** Default assumptions scaled by a draw, all inside their schema ranges. */
function assumptions(d: WorldDraw) {
  return {
    weeks: 182,
    assumptions: {
      market: { demandElasticity: D.market.demandElasticity * d.demandElasticity, labourSupplyElasticity: D.market.labourSupplyElasticity * d.labourSupplyElasticity },
      awareness: { decay: D.awareness.decay * d.decay },
      employers: { exploitRate: D.employers.exploitRate * d.exploitRate, reformRate: D.employers.reformRate * d.reformRate },
      workers: { fillRate: D.workers.fillRate * d.fillRate, worsenRate: D.workers.worsenRate * d.worsenRate },
      clients: { noticeRate: D.clients.noticeRate * d.noticeRate, reportRate: D.clients.reportRate * d.reportRate },
      enforcement: { chargeRate: D.enforcement.chargeRate * d.chargeRate },
    },
  };
}

const RUNS = { numRuns: 3, seed: 20261128, endOnFailure: true } as const;
const seedsOf = (d: WorldDraw) => [d.seed, d.seed + 1];

describe('properties of the model (MODEL.md)', () => {
  it('1. consumer awareness lowers consumer demand clearly, derived demand much less, unless buyers screen (¶11-12)', () => {
    fc.assert(
      fc.property(world, (d) => {
        // Victims fluctuate more than the campaign moves purchases: eight seeds, four years.
        const opts = { seeds: Array.from({ length: 8 }, (_, j) => d.seed + j), from: 52 };
        const M = ['consumerDemand', 'derivedDemand'] as const;
        const long = { weeks: 260 };
        const campaign = { interventions: { awareness: { consumers: 0.05 } } };
        // Alone: no buyer screens, whatever households do.
        const alone = { assumptions: { supplyChain: { consumerPressure: 0 } } };
        // Buyers who start screening suppliers when households avoid tainted goods.
        const screening = { interventions: { supplyChain: { auditRate: 4 } }, assumptions: { supplyChain: { consumerPressure: 0.3 } } };
        const base = meanOver(scenario(WORLDS.properties, assumptions(d), long, alone), M, opts);
        const aware = meanOver(scenario(WORLDS.properties, assumptions(d), long, alone, campaign), M, opts);
        const consumerDrop = drop(base.consumerDemand, aware.consumerDemand);
        const derivedDrop = drop(base.derivedDemand, aware.derivedDemand);
        expect(consumerDrop).toBeGreaterThan(0.05);
        expect(derivedDrop).toBeLessThan(0.5 * consumerDrop);
        const screened = meanOver(scenario(WORLDS.properties, assumptions(d), long, screening), M, opts);
        const both = meanOver(scenario(WORLDS.properties, assumptions(d), long, screening, campaign), M, opts);
        const derivedDropScreened = drop(screened.derivedDemand, both.derivedDemand);
        const consumerDropScreened = drop(screened.consumerDemand, both.consumerDemand);
        // When buyers respond by screening, derived demand falls more.
        expect(consumerDropScreened).toBeGreaterThan(0.05);
        expect(derivedDropScreened).toBeGreaterThan(Math.max(derivedDrop, 0));
      }),
      { ...RUNS, numRuns: 2 },
    );
  });

  it('2. criminalising client use lowers reports per suspicious client; immunity removes most of the drop (¶16)', () => {
    fc.assert(
      fc.property(world, (d) => {
        const opts = { seeds: seedsOf(d), from: 13 };
        const M = ['reportsByClients', 'suspiciousClients'] as const;
        const rate = (x: Record<string, number>) => x.reportsByClients / x.suspiciousClients;
        const use = { variant: 'known-victim', scope: 'clients' } as const;
        const base = rate(meanOver(scenario(WORLDS.properties, assumptions(d)), M, opts));
        const crim = rate(meanOver(scenario(WORLDS.properties, assumptions(d), { interventions: { criminaliseUse: use } }), M, opts));
        const immune = rate(meanOver(scenario(WORLDS.properties, assumptions(d), { interventions: { criminaliseUse: { ...use, reportingImmunity: true } } }), M, opts));
        expect(crim).toBeLessThan(0.8 * base);
        expect((immune - crim) / (base - crim)).toBeGreaterThan(0.5);
      }),
      RUNS,
    );
  });

  it('3. at equal evidence, conviction probability orders actual < inferred ≤ reason-to-believe (¶20, ¶36)', () => {
    const probability = fc.double({ min: 0.01, max: 0.98, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(probability, probability, probability), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('exploitation-conditions', 'known-victim'), (ps, evidence, variant) => {
        // Inference proves actual knowledge (¶36); reason to believe is a lower standard (¶20).
        const [a, i, r] = [...ps].sort((x, y) => x - y);
        fc.pre(a < i && i <= r);
        const conviction = (knowledge: 'actual' | 'reason-to-believe' | 'inferred') => {
          // No burn-in, so the case opened here is the only one.
          const s = scenario({
            weeks: 1,
            interventions: { criminaliseUse: { variant, knowledge, scope: 'clients' } },
            assumptions: { simulation: { burnInWeeks: 0 }, enforcement: { convictionActual: a, convictionReasonToBelieve: r, convictionInferred: i } },
          });
          const sim = new Simulation(s, { seed: 1, run: 0 });
          const cases = sim.behaviours.case;
          cases.open(0, 0, 0, 1, evidence); // a use-offence case against a client
          cases.endWeek(0);
          const c = sim.agents.case;
          expect(c.n).toBe(1);
          c.state[c.n - 1] = 3; // charged
          const p = new Float64Array(8);
          cases.hazards(c.n - 1, 3, p);
          return p[3] / (p[3] + p[4]);
        };
        const [ca, cr, ci] = [conviction('actual'), conviction('reason-to-believe'), conviction('inferred')];
        expect(ca).toBeLessThanOrEqual(ci);
        expect(ci).toBeLessThanOrEqual(cr);
        if (ca < 1) expect(ca).toBeLessThan(ci);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('3b. over a run, the share of use-offence cases ending in conviction follows the knowledge test', () => {
    // Many liable clients and active policing, so there are hundreds of cases,
    // and capacity for all of them, so that none waits until it goes stale.
    const busy = { weeks: 260, assumptions: { population: { clients: 20_000 }, clients: { arrestRate: 0.05 }, enforcement: { capacityPer10kWorkers: 10_000 } } };
    const share = (knowledge: 'actual' | 'reason-to-believe' | 'inferred') => {
      const s = scenario(WORLDS.properties, busy, { interventions: { criminaliseUse: { variant: 'known-victim', knowledge, scope: 'clients' } } });
      const x = meanOver(s, ['convictionsOfClients', 'casesAgainstClients'], { seeds: [1], from: 0 });
      expect(x.casesAgainstClients * 260).toBeGreaterThan(200);
      return x.convictionsOfClients / x.casesAgainstClients;
    };
    const [a, r, i] = [share('actual'), share('reason-to-believe'), share('inferred')];
    expect(a).toBeLessThan(i);
    expect(i).toBeLessThan(r);
  });

  it('4. licensing with audits lowers the share of exploitative recruiters; without audits it does little', () => {
    fc.assert(
      fc.property(world, (d) => {
        const opts = { seeds: [...seedsOf(d), d.seed + 2], from: 104 };
        const M = ['exploitativeRecruiters'] as const;
        const base = meanOver(scenario(WORLDS.properties, assumptions(d)), M, opts).exploitativeRecruiters;
        const audited = meanOver(scenario(WORLDS.properties, assumptions(d), { interventions: { recruiterLicensing: { required: true, auditRate: 2 } } }), M, opts).exploitativeRecruiters;
        const paper = meanOver(scenario(WORLDS.properties, assumptions(d), { interventions: { recruiterLicensing: { required: true, auditRate: 0 } } }), M, opts).exploitativeRecruiters;
        expect(drop(base, audited)).toBeGreaterThan(0.25);
        expect(Math.abs(drop(base, paper))).toBeLessThan(0.4 * drop(base, audited));
      }),
      RUNS,
    );
  });

  it('5. more labour inspection raises victims identified soon and lowers victims in exploitation later', () => {
    fc.assert(
      fc.property(world, (d) => {
        const seeds = [...seedsOf(d), d.seed + 2];
        const more = { interventions: { labourInspection: { inspectorsPer10kWorkers: 10 } } };
        const early = (extra = {}) => meanOver(scenario(WORLDS.properties, assumptions(d), extra), ['victimsIdentified'], { seeds, from: 0, to: 26 }).victimsIdentified;
        const late = (extra = {}) => meanOver(scenario(WORLDS.properties, assumptions(d), extra), ['victimsInExploitation'], { seeds, from: 130 }).victimsInExploitation;
        expect(early(more)).toBeGreaterThan(1.2 * early());
        expect(late(more)).toBeLessThan(0.9 * late());
      }),
      RUNS,
    );
  });

  it('6. due diligence lowers exploitation among suppliers of screening buyers; some moves to subcontractors unless audits reach them', () => {
    /** Average exploiting share of direct suppliers and of subcontractors of screening buyers, weeks 104-182. */
    const shares = (s: ReturnType<typeof scenario>, seed: number, screeningOf: Uint8Array | undefined) => {
      const sim = new Simulation(s, { seed, run: 0 });
      const e = sim.agents.employer;
      const b = sim.agents.corporateBuyer;
      const acc = { direct: 0, directN: 0, sub: 0, subN: 0 };
      while (!sim.done) {
        sim.step();
        if (sim.week < 104 || sim.week % 4 !== 0) continue;
        for (let i = 0; i < e.n; i++) {
          const buyer = e.link[i];
          if (buyer < 0) continue;
          // Compare the same suppliers in both runs: those whose buyer is a partner.
          const partner = screeningOf ? screeningOf[buyer] : b.flags[buyer] & 1;
          if (!partner || e.state[i] === 4) continue;
          const bad = e.state[i] === 1 || e.state[i] === 2 ? 1 : 0;
          if (e.flags[i] & 1) { acc.sub += bad; acc.subN++; } else { acc.direct += bad; acc.directN++; }
        }
      }
      return { direct: acc.direct / acc.directN, sub: acc.sub / acc.subN, partners: Uint8Array.from({ length: b.n }, (_, j) => b.flags[j] & 1) };
    };
    fc.assert(
      fc.property(world, (d) => {
        const big = { assumptions: { sectors: { agriculture: { employers: 600, workers: 9000 }, manufacturing: { employers: 600, workers: 9000 } } } };
        const ddWeak = { interventions: { supplyChain: { dueDiligenceShare: 0.5, auditRate: 4 } }, assumptions: { supplyChain: { subcontractorReach: 0.05 } } };
        const ddFull = { interventions: { supplyChain: { dueDiligenceShare: 0.5, auditRate: 4 } }, assumptions: { supplyChain: { subcontractorReach: 1 } } };
        let directDrop = 0, subRiseWeak = 0, subRiseFull = 0;
        for (const seed of seedsOf(d)) {
          const weak = shares(scenario(WORLDS.properties, big, assumptions(d), ddWeak), seed, undefined);
          const full = shares(scenario(WORLDS.properties, big, assumptions(d), ddFull), seed, weak.partners);
          const base = shares(scenario(WORLDS.properties, big, assumptions(d)), seed, weak.partners);
          directDrop += base.direct - weak.direct;
          subRiseWeak += weak.sub - base.sub;
          subRiseFull += full.sub - base.sub;
        }
        expect(directDrop).toBeGreaterThan(0);
        expect(subRiseWeak).toBeGreaterThan(0);
        expect(subRiseFull).toBeLessThan(subRiseWeak);
      }),
      RUNS,
    );
  });

  it('7. prostitution regimes trade market size against visibility (¶17)', () => {
    fc.assert(
      fc.property(world, (d) => {
        const opts = { seeds: seedsOf(d), from: 26, slot: 'sexual' as const };
        const M = ['marketVolume', 'hiddenShare', 'victimsIdentified', 'victimsInExploitation'] as const;
        const run = (regime: 'criminalise-buying' | 'criminalise-both' | 'decriminalise') => meanOver(scenario(WORLDS.properties, assumptions(d), { interventions: { prostitutionRegime: regime } }), M, opts);
        const open = run('decriminalise');
        for (const banned of [run('criminalise-buying'), run('criminalise-both')]) {
          expect(banned.marketVolume).toBeLessThan(0.9 * open.marketVolume);
          expect(banned.hiddenShare).toBeGreaterThan(open.hiddenShare + 0.1);
          expect(banned.victimsIdentified / banned.victimsInExploitation).toBeLessThan(open.victimsIdentified / open.victimsInExploitation);
        }
      }),
      RUNS,
    );
  });

  it('8. worker protection lowers newly trafficked and re-trafficking (¶15(e))', () => {
    fc.assert(
      fc.property(world, (d) => {
        const opts = { seeds: seedsOf(d), from: 52 };
        const M = ['newlyTrafficked', 'reTrafficked'] as const;
        const base = meanOver(scenario(WORLDS.properties, assumptions(d)), M, opts);
        const prot = meanOver(scenario(WORLDS.properties, assumptions(d), { interventions: { workerProtection: { workerOrganisations: 0.7, migrantRights: 0.7 } } }), M, opts);
        expect(prot.newlyTrafficked).toBeLessThan(0.9 * base.newlyTrafficked);
        expect(prot.reTrafficked).toBeLessThan(0.9 * base.reTrafficked);
      }),
      RUNS,
    );
  });
});
