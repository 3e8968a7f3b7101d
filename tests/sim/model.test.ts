import { describe, expect, it } from 'vitest';
import { collectWeek } from '../../src/sim/collect.ts';
import { Simulation, withoutMeasures } from '../../src/sim/engine.ts';
import { METRICS, SLOTS } from '../../src/sim/metrics.ts';
import { Agents } from '../../src/sim/model/agents.ts';
import { campaignReach, ema, pick } from '../../src/sim/model/util.ts';
import { SECTORS } from '../../src/scenario/sectors.ts';
import { ROW } from '../../src/sim/series.ts';
import { scenario } from './helpers.ts';

describe('campaignReach', () => {
  it.each([
    [0.3, 0, 0.3],
    [0.3, 500, 0.3],
    [{ reach: 0.2, fromWeek: 10 }, 9, 0],
    [{ reach: 0.2, fromWeek: 10 }, 10, 0.2],
    [{ reach: 0.2, fromWeek: 10, toWeek: 20 }, 20, 0.2],
    [{ reach: 0.2, fromWeek: 10, toWeek: 20 }, 21, 0],
  ] as const)('%j in week %i reaches %f', (c, week, expected) => {
    expect(campaignReach(c, week)).toBe(expected);
  });
});

describe('helpers', () => {
  it('pick draws uniformly over a list and returns -1 on none', () => {
    const list = Int32Array.from([5, 6, 7, 8]);
    expect([0, 0.26, 0.5, 0.99].map((u) => pick(list, u))).toEqual([5, 6, 7, 8]);
    expect(pick(new Int32Array(0), 0.5)).toBe(-1);
  });
  it('ema moves a fraction 1/memory towards the value', () => {
    expect(ema(0, 10, 5)).toBe(2);
    expect(ema(4, 4, 26)).toBe(4);
  });
});

describe('Agents', () => {
  it('grows without losing agents and recycles slots', () => {
    const a = new Agents(2);
    for (let i = 0; i < 40; i++) {
      const j = a.add(i % 3, i / 40);
      a.link[j] = i * 10;
      a.state[j] = i % 5;
    }
    expect(a.n).toBe(40);
    expect(a.capacity).toBeGreaterThanOrEqual(40);
    expect(Array.from(a.link.subarray(0, 40))).toEqual(Array.from({ length: 40 }, (_, i) => i * 10));
    expect(a.pending.subarray(0, 40).every((p) => p === -1)).toBe(true);
    a.reset(7, 2, 0.5);
    expect([a.state[7], a.sector[7], a.link[7], a.vacant[7]]).toEqual([0, 2, -1, 0]);
  });
  it('delivers forced events one week later', () => {
    const a = new Agents(4);
    a.add(0, 0);
    a.pendingNext[0] = 3;
    a.beginWeek();
    expect(a.pending[0]).toBe(3);
    a.beginWeek();
    expect(a.pending[0]).toBe(-1);
  });
});

describe('collect', () => {
  it('totals shares as ratios of sums and counts as sums', () => {
    const sim = new Simulation(scenario({ weeks: 1, assumptions: { simulation: { burnInWeeks: 0 }, population: { consumers: 100, clients: 10 } } }), { seed: 1, run: 0 });
    const w = sim.world;
    w.awareCount.set([1, 30, 0]);
    w.buyerPopulation.set([10, 60, 30]);
    w.exploited.set([4, 5, 6]);
    const row = new Float64Array(ROW);
    collectWeek(sim, row);
    const at = (m: (typeof METRICS)[number], slot: number) => row[METRICS.indexOf(m) * SLOTS.length + slot];
    expect(at('awareShare', 0)).toBeCloseTo(31 / 100);
    expect(at('awareShare', 1 + SECTORS.indexOf('agriculture'))).toBeCloseTo(0.5);
    expect(at('victimsInExploitation', 0)).toBe(15);
  });
});

describe('burn-in', () => {
  it('runs with no demand-side measures before week 0, keeping the prostitution regime', () => {
    const s = scenario({ interventions: { prostitutionRegime: 'regulate', awareness: { consumers: 0.5 }, supplyChain: { dueDiligenceShare: 1 } } });
    const before = withoutMeasures(s);
    expect(before.interventions.prostitutionRegime).toBe('regulate');
    expect(before.interventions.awareness.consumers).toBe(0);
    expect(before.interventions.supplyChain.dueDiligenceShare).toBe(0);
    expect(before.assumptions).toBe(s.assumptions);
  });
  it('starts week 0 with the scenario in force: partners chosen, burn-in cases kept', () => {
    const s = scenario({ weeks: 2, interventions: { supplyChain: { dueDiligenceShare: 0.5 } }, assumptions: { population: { consumers: 500, clients: 100 } } });
    const sim = new Simulation(s, { seed: 3, run: 0 });
    expect(sim.scenario).toBe(s);
    const b = sim.agents.corporateBuyer;
    const partners = Array.from(b.flags.subarray(0, b.n)).filter((f) => f & 1).length;
    expect(partners).toBe(Math.round(0.5 * s.assumptions.population.corporateBuyersPerSector) * 2);
    expect(sim.agents.case.n).toBeGreaterThan(0);
  });
});
