import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { COMPILED } from '../../src/sim/compile.ts';
import { countStates, Simulation } from '../../src/sim/engine.ts';
import { createReferenceSimulation } from '../../src/sim/reference.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { validScenarioInput } from '../scenario/arbitraries.ts';
import { presets, scenario, smallScenario } from './helpers.ts';

/**
 * The engine keeps its counts of agents by sector and state up to date with
 * every move, new case and freed slot, rather than counting every week; the
 * census and the recorded state series read them. After every week they must
 * equal a fresh count.
 */
function mismatches(sim: Simulation): string[] {
  const out: string[] = [];
  while (!sim.done) {
    sim.step();
    for (const t of ACTOR_TYPES) {
      const fresh = new Float64Array(sim.counts[t].length);
      countStates(sim.agents[t], COMPILED[t].states.length, fresh);
      if (fresh.join() !== sim.counts[t].join()) out.push(`week ${sim.week - 1}, ${t}: kept ${sim.counts[t].join()} but counted ${fresh.join()}`);
    }
  }
  return out;
}

const short = (s: Scenario) => ({ ...s, weeks: 40 });

describe('state counts', () => {
  it.each(presets())('%s: kept counts equal a fresh count every week', (_file, input) => {
    expect(mismatches(new Simulation(short(scenario(input)), { seed: 5, run: 0 }))).toEqual([]);
  });

  it('hold in the reference engine too', () => {
    const s = scenario({ weeks: 10, assumptions: { simulation: { burnInWeeks: 4 }, population: { consumers: 300, clients: 200 } } });
    expect(mismatches(createReferenceSimulation(s, { seed: 2, run: 0 }))).toEqual([]);
  });

  it('hold for random valid scenarios', () => {
    fc.assert(
      fc.property(validScenarioInput, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (input, seed) => {
        const bad = mismatches(new Simulation(smallScenario(input), { seed, run: 0 }));
        if (bad.length > 0) throw new Error(bad[0]);
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});
