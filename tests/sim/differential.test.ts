import { describe, expect, it } from 'vitest';
import { COMPILED } from '../../src/sim/compile.ts';
import { Simulation } from '../../src/sim/engine.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { createReferenceSimulation } from '../../src/sim/reference.ts';
import { WORLDS } from '../support/small-world.ts';
import { presets, scenario } from './helpers.ts';

describe('differential: compiled tables against xstate itself', () => {
  it.each(presets())('%s: identical state counts, transitions and metrics every week', (_file, input) => {
    const s = scenario(input as never, WORLDS.reference);
    const fast = new Simulation(s, { seed: 11, run: 0 });
    const ref = createReferenceSimulation(s, { seed: 11, run: 0 });
    let fired = 0;
    for (let w = 0; w < s.weeks; w++) {
      fast.step();
      ref.step();
      for (const t of ACTOR_TYPES) {
        const n = COMPILED[t].states.length;
        expect(Array.from(fast.series.states[t].subarray(w * n, (w + 1) * n)), `${t} week ${w}`).toEqual(
          Array.from(ref.series.states[t].subarray(w * n, (w + 1) * n)),
        );
      }
    }
    for (const t of ACTOR_TYPES) {
      expect(Array.from(fast.series.transitions[t])).toEqual(Array.from(ref.series.transitions[t]));
      fired += fast.series.transitions[t].reduce((a, b) => a + b, 0);
    }
    expect(Array.from(fast.series.values)).toEqual(Array.from(ref.series.values));
    // The comparison means something only if agents actually moved.
    expect(fired).toBeGreaterThan(1000);
  });

  it('detects a wrong table entry', () => {
    const s = scenario(WORLDS.reference);
    const c = COMPILED.worker;
    const table = c.tables[1];
    const cell = c.stateId('recruited') * c.events.length + c.events.indexOf('entrap');
    const saved = table[cell];
    table[cell] = c.stateId('employed');
    try {
      const fast = new Simulation(s, { seed: 11, run: 0 }).run();
      const ref = createReferenceSimulation(s, { seed: 11, run: 0 }).run();
      expect(Array.from(fast.values)).not.toEqual(Array.from(ref.values));
    } finally {
      table[cell] = saved;
    }
  });
});
