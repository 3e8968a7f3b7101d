import { describe, expect, it } from 'vitest';
import { agentCount, BROWSER_LIMITS, checkLimits, CLI_LIMITS, runBytes } from '../../src/sim/limits.ts';
import { Simulation } from '../../src/sim/engine.ts';
import { scenario } from './helpers.ts';

describe('limits derived from memory', () => {
  it('counts the agents a scenario creates, as the engine does', () => {
    const s = scenario({ weeks: 1, assumptions: { population: { consumers: 500, clients: 70 }, sectors: { agriculture: { enabled: false } } } });
    const sim = new Simulation(s, { seed: 1, run: 0 });
    const created = Object.entries(sim.agents).reduce((n, [type, a]) => n + (type === 'case' ? 0 : a.n), 0);
    expect(agentCount(s)).toBe(created);
  });

  it('accepts the defaults everywhere', () => {
    const s = scenario();
    expect(checkLimits(s, CLI_LIMITS)).toEqual([]);
    expect(checkLimits(s, BROWSER_LIMITS)).toEqual([]);
  });

  it('refuses a population over the limit and says what fits', () => {
    const s = scenario({ assumptions: { population: { consumers: 2_000_000 } } });
    const problems = checkLimits(s, BROWSER_LIMITS);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].path).toBe('assumptions.population');
    expect(problems[0].message).toMatch(/expected at most 250,000 agents in one run here, got 2,0\d\d,\d\d\d agents/);
  });

  it('refuses a run that would exceed its memory, naming the agents that fit', () => {
    const s = scenario({ assumptions: { population: { consumers: 2_000_000 } } });
    const tiny = { maxAgents: 1e9, runBytes: 32 * 1024 ** 2 };
    const [problem] = checkLimits(s, tiny);
    expect(runBytes(s)).toBeGreaterThan(tiny.runBytes);
    expect(problem.message).toMatch(/needs about [\d,]+ MB; at most [\d,]+ agents fit in 32 MB/);
  });
});
