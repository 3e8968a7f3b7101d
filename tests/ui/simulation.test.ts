import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import type { SimRunner } from '../../src/sim/runner.ts';
import { baselineFor } from '../../src/ui/workspace/presets.ts';
import { Simulation, type RunState } from '../../src/ui/workspace/simulation.svelte.ts';
import { tiny } from './workspace-fixtures.ts';

function simulation(createRunner: () => SimRunner = () => createSyncRunner({ chunkWeeks: 4 })) {
  let t = 0;
  return new Simulation({ createRunner, now: () => (t += 5000) });
}

const quiet = { started: () => {}, published: () => {} };

function edited(): Scenario {
  const s = tiny();
  s.interventions.labourInspection.inspectorsPer10kWorkers = 5;
  return s;
}

describe('Simulation', () => {
  it('runs a scenario and its baseline, streaming snapshots, and reuses a finished baseline', async () => {
    const sim = simulation();
    const published: RunState[] = [];
    let started = 0;
    const s = edited();
    const outcome = await sim.start(s, 2, baselineFor(s, tiny()), { started: () => started++, published: (x) => published.push(x) });
    expect(outcome).toEqual({ kind: 'done' });
    expect(started).toBe(1);
    expect(sim.status).toBe('done');
    expect(sim.current?.done).toBe(true);
    expect(sim.baseline?.done).toBe(true);
    expect(sim.baseline?.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(0.25);
    expect(sim.progress).toEqual({ done: 2 * 12 * 2, total: 2 * 12 * 2 });
    expect(published.at(-1)?.done).toBe(true);
    expect(sim.finished(sim.current!.key)).toBe(true);
    expect(sim.csv()?.startsWith('run_stat,sector,metric,week,value')).toBe(true);

    const baseline = sim.baseline;
    const again = { ...s, seed: s.seed };
    again.interventions = { ...s.interventions, labourInspection: { ...s.interventions.labourInspection, inspectorsPer10kWorkers: 4 } };
    await sim.start(again, 2, baselineFor(again, tiny()), quiet);
    expect(sim.baseline).toBe(baseline);
    expect(sim.progress.total).toBe(2 * 12);
  });

  it('stops at once', async () => {
    const sim = simulation();
    const s = edited();
    const running = sim.start(s, 1, baselineFor(s, tiny()), quiet);
    sim.stop();
    expect(await running).toEqual({ kind: 'cancelled' });
    expect(sim.status).toBe('stopped');
  });

  it('lets a newer run take over', async () => {
    const sim = simulation();
    const s = edited();
    const first = sim.start(s, 1, baselineFor(s, tiny()), quiet);
    const second = sim.start(s, 2, baselineFor(s, tiny()), quiet);
    expect(await first).toEqual({ kind: 'cancelled' });
    expect(await second).toEqual({ kind: 'done' });
    expect(sim.current?.runs).toBe(2);
  });

  it('ends on the first failure, keeps what it had, and starts a fresh runner next time', async () => {
    let created = 0;
    const sim = simulation(() => {
      created++;
      return { run: () => Promise.reject(new Error('worker died')) };
    });
    const s = edited();
    const outcome = await sim.start(s, 1, baselineFor(s, tiny()), quiet);
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && (outcome.reason as Error).message).toBe('worker died');
    expect(sim.status).toBe('failed');
    expect(sim.current?.error).toBe('worker died');
    expect(sim.csv()).toBeNull();
    void sim.runner;
    expect(created).toBe(2);
  });
});

describe('Simulation snapshots while replicates compute (issue 10, point 4)', () => {
  it('publish only when what the charts draw changes: run 1 week by week, then one more complete run at a time', async () => {
    const sim = simulation();
    const seen: string[] = [];
    const s = tiny();
    const outcome = await sim.start(s, 3, baselineFor(s, tiny()), {
      started: () => {},
      published: (x) => {
        const shown = x.source.shown!;
        seen.push(`${shown.runs}/${shown.streaming}/${x.source.knownWeeks}${x.done ? ' done' : ''}`);
      },
    });
    expect(outcome).toEqual({ kind: 'done' });
    // 12 weeks in chunks of 4, three runs one after another: nine chunks, six snapshots.
    expect(seen).toEqual(['1/0/4', '1/0/8', '1/null/12', '2/null/12', '3/null/12', '3/null/12 done']);
    expect(sim.current?.source.shown).toEqual({ runs: 3, streaming: null, banded: true });
  });
});
