import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/engine.ts';
import { validScenarioInput } from '../scenario/arbitraries.ts';
import { tally } from '../support/tally.ts';
import { smallScenario } from './helpers.ts';

/**
 * Issue 4: every accepted scenario runs to completion with finite metrics.
 * Random valid scenarios (any lever, any assumption anywhere in its range,
 * sectors switched off, zero populations) are run for a few weeks with their
 * populations capped so that hundreds fit in a test; nothing else is changed.
 */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? '1') || 1);
describe('engine fuzz', () => {
  it('every accepted random scenario runs to the end with finite metrics', () => {
    let accepted = 0;
    let agentWeeks = 0;
    fc.assert(
      fc.property(validScenarioInput, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (input, seed) => {
        const scenario = smallScenario(input);
        accepted++;
        const sim = new Simulation(scenario, { seed, run: 0 });
        sim.run();
        const bad = sim.series.values.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0) throw new Error(`non-finite metric at index ${bad}`);
        agentWeeks += Object.values(sim.agents).reduce((n, a) => n + a.n, 0) * sim.weeks;
      }),
      { numRuns: 150 * SCALE, seed: 42 },
    );
    tally('engine fuzz', { 'scenarios run': accepted, 'agent-weeks simulated': agentWeeks });
    expect(accepted).toBe(150 * SCALE);
  });
});
