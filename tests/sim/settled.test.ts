import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { Simulation, simulate, withoutMeasures } from '../../src/sim/engine.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import type { RunSeries } from '../../src/sim/series.ts';
import { captureSettled, SettledCache, settledKey, type SettledState } from '../../src/sim/settled.ts';
import { validScenarioInput } from '../scenario/arbitraries.ts';
import { WORLDS } from '../support/small-world.ts';
import { presets, scenario, smallScenario } from './helpers.ts';

/**
 * Issue 10: a run started from the settled post-burn-in state of another
 * scenario with the same assumptions and regime gives the same bytes as one
 * that simulated its own burn-in.
 */

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function expectSameSeries(got: RunSeries, want: RunSeries): void {
  expect(got.weeks).toBe(want.weeks);
  expect(bytes(got.values).equals(bytes(want.values)), 'values').toBe(true);
  for (const t of ACTOR_TYPES) {
    expect(bytes(got.states[t]).equals(bytes(want.states[t])), `states of ${t}`).toBe(true);
    expect(bytes(got.transitions[t]).equals(bytes(want.transitions[t])), `transitions of ${t}`).toBe(true);
  }
}

const cache = () => new SettledCache({ maxEntries: 8, maxBytes: 1024 ** 3 });

/** Runs `from` with the store (capturing its settled state), then `to` from it; returns `to`'s series and the store. */
function viaSettled(from: Scenario, to: Scenario, seed: number, run = 0) {
  const store = cache();
  simulate(from, { seed, run, settled: store });
  expect(store.size).toBe(1);
  const series = new Simulation(to, { seed, run, settled: store }).run();
  return { series, store };
}

/** The same assumptions and regime, every lever at its default: the preset's own baseline. */
const baselineOf = (s: Scenario): Scenario => ({ ...withoutMeasures(s), name: `${s.name} (baseline)` });

/** Every array of a settled state, in a fixed order, as one buffer. */
function fingerprint(state: SettledState): Buffer {
  const parts: Buffer[] = [];
  const walk = (v: unknown): void => {
    if (ArrayBuffer.isView(v)) parts.push(Buffer.from(bytes(v)));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) for (const k of Object.keys(v).sort()) walk((v as Record<string, unknown>)[k]);
    else parts.push(Buffer.from(String(v)));
  };
  walk({ agents: state.agents, world: state.world, counts: state.counts, tallies: state.tallies });
  return Buffer.concat(parts);
}

describe('settled state', () => {
  it.each(presets())('%s: started from its baseline\'s settled state, bit-identical to a cold run', (_file, input) => {
    const s = scenario(input as never, WORLDS.reference);
    const { series, store } = viaSettled(baselineOf(s), s, 9, 1);
    expect(store.hits).toBe(1);
    expectSameSeries(series, simulate(s, { seed: 9, run: 1 }));
  });

  it('the awareness campaign at the default world, from the baseline\'s settled state', () => {
    const base = defaultScenario();
    const campaign = { ...base, interventions: { ...base.interventions, awareness: { ...base.interventions.awareness, consumers: { reach: 0.03, fromWeek: 26, toWeek: 234 } } } };
    const { series, store } = viaSettled(base, campaign, 1);
    expect(store.hits).toBe(1);
    const cold = simulate(campaign, { seed: 1, run: 0 });
    expectSameSeries(series, cold);
    // The lever did something: the comparison is not between two baselines.
    expect(bytes(cold.values).equals(bytes(simulate(base, { seed: 1, run: 0 }).values))).toBe(false);
  });

  it('random scenarios: the levers of another random scenario, same assumptions and regime', () => {
    let reused = 0;
    fc.assert(
      fc.property(validScenarioInput, validScenarioInput, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (a, b, seed) => {
        const from = smallScenario(a);
        const levers = smallScenario(b).interventions;
        const to: Scenario = { ...from, interventions: { ...levers, prostitutionRegime: from.interventions.prostitutionRegime } };
        const store = cache();
        simulate(from, { seed, run: 0, settled: store });
        const series = new Simulation(to, { seed, run: 0, settled: store }).run();
        // No burn-in, nothing to reuse.
        expect(store.hits).toBe(from.assumptions.simulation.burnInWeeks > 0 ? 1 : 0);
        reused += store.hits;
        expectSameSeries(series, simulate(to, { seed, run: 0 }));
      }),
      { numRuns: 12, seed: 7 },
    );
    expect(reused).toBeGreaterThan(0);
  });

  it('another horizon reuses the state, and gives the cold run\'s bytes', () => {
    const s = scenario(WORLDS.reference);
    const longer = { ...s, weeks: s.weeks + 40 };
    const { series, store } = viaSettled(s, longer, 4);
    expect(store.hits).toBe(1);
    expectSameSeries(series, simulate(longer, { seed: 4, run: 0 }));
  });

  it('a different regime, assumption, seed or run has a different key and does not reuse the state', () => {
    const s = scenario(WORLDS.reference);
    const key = settledKey(withoutMeasures(s), 3, 0);
    const regime = scenario(WORLDS.reference, { interventions: { prostitutionRegime: 'criminalise-buying' } });
    const assumption = scenario(WORLDS.reference, { assumptions: { awareness: { decay: s.assumptions.awareness.decay * 2 } } });
    expect(settledKey(withoutMeasures(regime), 3, 0)).not.toBe(key);
    expect(settledKey(withoutMeasures(assumption), 3, 0)).not.toBe(key);
    expect(settledKey(withoutMeasures(s), 4, 0)).not.toBe(key);
    expect(settledKey(withoutMeasures(s), 3, 1)).not.toBe(key);
    // A lever other than the regime leaves the key alone.
    const lever = scenario(WORLDS.reference, { interventions: { labourInspection: { inspectorsPer10kWorkers: 4 } } });
    expect(settledKey(withoutMeasures(lever), 3, 0)).toBe(key);
    for (const other of [regime, assumption]) {
      const { series, store } = viaSettled(s, other, 3);
      expect(store.hits).toBe(0);
      expect(store.misses).toBe(2);
      expectSameSeries(series, simulate(other, { seed: 3, run: 0 }));
    }
  });

  it('no burn-in, no key', () => {
    const s = scenario(WORLDS.reference, { assumptions: { simulation: { burnInWeeks: 0 } } });
    expect(settledKey(withoutMeasures(s), 1, 0)).toBeUndefined();
    const store = cache();
    simulate(s, { seed: 1, run: 0, settled: store });
    expect(store.size).toBe(0);
  });

  it('a run never changes the state it started from', () => {
    const s = scenario(WORLDS.reference, { interventions: { awareness: { consumers: 0.05 } } });
    const store = cache();
    simulate(baselineOf(s), { seed: 2, run: 0, settled: store });
    const key = settledKey(withoutMeasures(s), 2, 0)!;
    const state = store.get(key)!;
    const before = fingerprint(state);
    const first = new Simulation(s, { seed: 2, run: 0, settled: store }).run();
    expect(fingerprint(state).equals(before)).toBe(true);
    expectSameSeries(new Simulation(s, { seed: 2, run: 0, settled: store }).run(), first);
  });

  it('a captured state is a copy: the run that made it goes on without changing it', () => {
    const s = scenario(WORLDS.reference);
    const sim = new Simulation(s, { seed: 5, run: 0 });
    const state = captureSettled('k', sim);
    const before = fingerprint(state);
    sim.run();
    expect(fingerprint(state).equals(before)).toBe(true);
    expect(state.bytes).toBeGreaterThan(0);
  });
});

describe('SettledCache', () => {
  const state = (key: string, n: number): SettledState => ({ ...captureSettled(key, new Simulation(scenario(WORLDS.cli), { seed: 1, run: 0 })), bytes: n });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const c = new SettledCache({ maxEntries: 2, maxBytes: 1000 });
    c.put(state('a', 1));
    c.put(state('b', 1));
    expect(c.get('a')?.key).toBe('a');
    c.put(state('c', 1));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')?.key).toBe('a');
    expect(c.get('c')?.key).toBe('c');
    expect([c.size, c.hits, c.misses]).toEqual([2, 3, 1]);
  });

  it('keeps at most maxBytes, and refuses a state larger than that', () => {
    const c = new SettledCache({ maxEntries: 10, maxBytes: 100 });
    c.put(state('a', 60));
    c.put(state('b', 30));
    c.put(state('c', 30));
    expect(c.get('a')).toBeUndefined();
    expect(c.bytes).toBe(60);
    c.put(state('huge', 101));
    expect(c.get('huge')).toBeUndefined();
    expect(c.size).toBe(2);
    c.put(state('b', 50));
    expect(c.bytes).toBe(80);
  });
});
