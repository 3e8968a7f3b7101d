import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { COMPILED } from '../../src/sim/compile.ts';
import { BOUND_MARGIN, Simulation } from '../../src/sim/engine.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import type { Behaviour } from '../../src/sim/model/behaviour.ts';
import { SECTORS } from '../../src/scenario/sectors.ts';
import { validScenarioInput } from '../scenario/arbitraries.ts';
import { tally } from '../support/tally.ts';
import { presets, scenario, smallScenario } from './helpers.ts';

/**
 * The fast engine skips an agent whose draw is at or above the bound its
 * behaviour gives for the agent's sector and state, without computing its
 * hazards. That keeps every number only if the bound (with the engine's
 * small margin for rounding) is never below the agent's total hazard. Each week, at the moment the engine asks for the
 * bounds, these tests compute every agent's hazards and compare.
 */
interface Check {
  agents: number;
  worst: { type: string; state: string; total: number; bound: number } | undefined;
}

function checkBounds(s: Scenario, seed: number): Check {
  const sim = new Simulation(s, { seed, run: 0 });
  const result: Check = { agents: 0, worst: undefined };
  const p = new Float64Array(64);
  for (const type of ACTOR_TYPES) {
    const b = sim.behaviours[type] as Behaviour;
    const own = b.bounds?.bind(b);
    if (!own) continue;
    const c = COMPILED[type];
    const nE = c.events.length;
    b.bounds = (out, nS) => {
      own(out, nS);
      const a = sim.agents[type];
      for (let i = 0; i < a.n; i++) {
        const from = a.state[i];
        // Agents the engine always computes: forced events and unbounded flags.
        if (a.vacant[i] || c.final[from] || a.pending[i] >= 0 || a.flags[i] & (b.unbounded ?? 0)) continue;
        p.fill(0);
        b.hazards(i, from, p);
        // The total the engine accumulates: positive hazards of accepted events.
        let total = 0;
        for (let e = 0; e < nE; e++) if (p[e] > 0 && c.tables[a.sector[i]][from * nE + e] >= 0) total += p[e];
        // The engine adds a margin for rounding; beyond it a bound is wrong.
        const bound = out[a.sector[i] * nS + from] + BOUND_MARGIN;
        result.agents++;
        // A bound of 1 or more never skips anyone (draws are below 1).
        if (bound < 1 && total > bound && (!result.worst || total - bound > result.worst.total - result.worst.bound)) {
          result.worst = { type, state: c.states[from], total, bound };
        }
      }
    };
  }
  sim.run();
  return result;
}

describe('hazard bounds', () => {
  it('every behaviour with bounds gives them per sector and state', () => {
    const sim = new Simulation(scenario({ weeks: 1 }), { seed: 1, run: 0 });
    for (const type of ACTOR_TYPES) {
      const b = sim.behaviours[type] as Behaviour;
      if (!b.bounds) continue;
      const nS = COMPILED[type].states.length;
      const out = new Float64Array(SECTORS.length * nS).fill(1);
      b.bounds(out, nS);
      for (const x of out) expect(x >= 0 && x <= 2, `${type}: bound ${x}`).toBe(true);
    }
  });

  it.each(presets())('%s: no agent ever has more hazard than its bound', (_file, input) => {
    const check = checkBounds(scenario(input, { weeks: 60, assumptions: { simulation: { burnInWeeks: 0 } } }), 3);
    expect(check.worst).toBeUndefined();
    expect(check.agents).toBeGreaterThan(10_000);
  });

  it('holds for random valid scenarios, any assumption anywhere in its range', () => {
    let agents = 0;
    fc.assert(
      fc.property(validScenarioInput, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (input, seed) => {
        const check = checkBounds(smallScenario(input), seed);
        agents += check.agents;
        if (check.worst) throw new Error(`bound too low: ${JSON.stringify(check.worst)}`);
      }),
      { numRuns: 120, seed: 7 },
    );
    tally('hazard bounds', { 'agent-weeks checked against their bound': agents });
  });
});
