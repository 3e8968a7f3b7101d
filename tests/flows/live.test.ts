import { describe, expect, it } from 'vitest';
import { COMPILED } from '../../src/sim/compile.ts';
import { simulate } from '../../src/sim/engine.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { metricSeries } from '../../src/sim/series.ts';
import { ACTOR_DIAGRAMS } from '../../src/ui/flows/diagrams.ts';
import { clampWeek, liveFlows, metricAt, peakFlow } from '../../src/ui/flows/live.ts';
import { measureAt, OVERVIEW_FLOWS, OVERVIEW_NODES } from '../../src/ui/flows/overview.ts';
import { smallWorld } from '../support/small-world.ts';

describe('liveFlows on a hand-made series', () => {
  // Client: a parallel machine; compiled states are configurations of two regions.
  const c = COMPILED.client;
  const graph = ACTOR_DIAGRAMS.client.graph;
  const nS = c.states.length;
  const nE = c.events.length;
  const states = new Float64Array(2 * nS);
  const transitions = new Float64Array(2 * nS * nE);
  const buyingAware = c.stateId('awareness.aware|market.buying');
  const buyingUnaware = c.stateId('awareness.unaware|market.buying');
  const inactiveAware = c.stateId('awareness.aware|market.inactive');
  // Week 1: 5 aware buyers, 7 unaware buyers, 11 aware inactive.
  states[nS + buyingAware] = 5;
  states[nS + buyingUnaware] = 7;
  states[nS + inactiveAware] = 11;
  // 2 aware buyers noticed signs, 3 unaware buyers learned, 1 aware buyer forgot.
  transitions[(nS + buyingAware) * nE + c.events.indexOf('notice')] = 2;
  transitions[(nS + buyingUnaware) * nE + c.events.indexOf('learn')] = 3;
  transitions[(nS + buyingAware) * nE + c.events.indexOf('forget')] = 1;

  const live = liveFlows(graph, c, states, transitions, 1);

  it('adds configurations into one count per region state', () => {
    expect(live.counts.get('market.buying')).toBe(12);
    expect(live.counts.get('market.inactive')).toBe(11);
    expect(live.counts.get('awareness.aware')).toBe(16);
    expect(live.counts.get('awareness.unaware')).toBe(7);
    expect(live.counts.get('market.arrested')).toBe(0);
    expect(live.laneTotals.get('market')).toBe(23);
    expect(live.laneTotals.get('awareness')).toBe(23);
  });

  it('puts each fired event on the edge of the region it moves', () => {
    expect(live.flows.get('market.buying->market.suspicious')).toBe(2);
    expect(live.flows.get('awareness.unaware->awareness.aware')).toBe(3);
    expect(live.flows.get('awareness.aware->awareness.unaware')).toBe(1);
    expect([...live.flows.values()].reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('reads week 0 as empty', () => {
    const zero = liveFlows(graph, c, states, transitions, 0);
    expect([...zero.counts.values()].every((v) => v === 0)).toBe(true);
  });

  it('clamps the week to the series', () => {
    expect(clampWeek({ weeks: 10 }, -3)).toBe(0);
    expect(clampWeek({ weeks: 10 }, 4.7)).toBe(4);
    expect(clampWeek({ weeks: 10 }, 99)).toBe(9);
    expect(clampWeek({ weeks: 10 }, Number.NaN)).toBe(0);
  });
});

describe('liveFlows on a simulated run', () => {
  const scenario = smallWorld('flows');
  const series = simulate(scenario, { seed: 4, run: 0 });

  it.each(ACTOR_TYPES)('%s: every agent counted once per lane, every fired event on one edge', (type) => {
    const c = COMPILED[type];
    const { graph } = ACTOR_DIAGRAMS[type];
    const nS = c.states.length;
    const nE = c.events.length;
    for (const week of [0, 12, 29]) {
      const live = liveFlows(graph, c, series.states[type], series.transitions[type], week);
      const agents = series.states[type].subarray(week * nS, (week + 1) * nS).reduce((a, b) => a + b, 0);
      for (const l of graph.lanes) expect(live.laneTotals.get(l.id)).toBe(agents);
      const fired = series.transitions[type].subarray(week * nS * nE, (week + 1) * nS * nE).reduce((a, b) => a + b, 0);
      // In these machines no event moves two regions at once.
      expect([...live.flows.values()].reduce((a, b) => a + b, 0)).toBe(fired);
    }
  });

  it.each(ACTOR_TYPES)('%s: peakFlow is the largest edge flow of any week so far', (type) => {
    const c = COMPILED[type];
    const { graph } = ACTOR_DIAGRAMS[type];
    let want = 0;
    for (let w = 0; w < 20; w++) for (const v of liveFlows(graph, c, series.states[type], series.transitions[type], w).flows.values()) want = Math.max(want, v);
    expect(peakFlow(graph, c, series.transitions[type], 20)).toBe(want);
    expect(peakFlow(graph, c, series.transitions[type], 0)).toBe(0);
  });

  it('shows the exploited workers the metrics report', () => {
    const c = COMPILED.worker;
    const live = liveFlows(ACTOR_DIAGRAMS.worker.graph, c, series.states.worker, series.transitions.worker, 20);
    expect(live.counts.get('exploited')).toBe(metricSeries(series, 'victimsInExploitation')[20]);
  });

  it('reads every overview measure as a finite number', () => {
    const counts = (t: (typeof ACTOR_TYPES)[number]) => liveFlows(ACTOR_DIAGRAMS[t].graph, COMPILED[t], series.states[t], series.transitions[t], 10).counts;
    for (const m of [...OVERVIEW_NODES, ...OVERVIEW_FLOWS].map((x) => x.measure)) {
      const v = measureAt(series, 10, m, counts);
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(measureAt(series, 10, { metric: 'marketVolume', slots: ['sexual', 'agriculture', 'manufacturing'] }, counts)).toBeCloseTo(metricAt(series, 'marketVolume', 10), 6);
  });

  it('names only states that exist in the overview', () => {
    for (const n of OVERVIEW_NODES) {
      if ('state' in n.measure) expect(ACTOR_DIAGRAMS[n.measure.actor].graph.lanes.flatMap((l) => l.nodes)).toContain(n.measure.state);
    }
  });
});
