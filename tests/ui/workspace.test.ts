import { describe, expect, it } from 'vitest';
import { defaultScenario, scenarioHash } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { Workspace, type WorkspaceEnv } from '../../src/ui/workspace.svelte.ts';
import { SAVED_KEY, WORKSPACE_KEY, type KeyValueStore } from '../../src/ui/workspace/persist.ts';
import { DEFAULT_RUNS, encodeShareHash } from '../../src/ui/workspace/share.ts';

/** A tiny baseline so runs take milliseconds. */
function tiny(name = 'Baseline'): Scenario {
  const s = defaultScenario();
  s.name = name;
  s.weeks = 12;
  s.assumptions.population.consumers = 200;
  s.assumptions.population.clients = 30;
  s.assumptions.population.corporateBuyersPerSector = 3;
  for (const sector of ['sexual', 'agriculture', 'manufacturing'] as const) {
    s.assumptions.sectors[sector].employers = 10;
    s.assumptions.sectors[sector].recruiters = 4;
    s.assumptions.sectors[sector].workers = 60;
  }
  return s;
}

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

function env(overrides: Partial<WorkspaceEnv> = {}): WorkspaceEnv & { hash: { value: string } } {
  const hash = { value: '' };
  let t = 0;
  return {
    presets: [{ id: 'baseline', scenario: tiny() }, { id: 'other', scenario: { ...tiny('Other'), seed: 9 } }],
    createRunner: () => createSyncRunner({ chunkWeeks: 4 }),
    storage: new MemoryStore(),
    location: { getHash: () => hash.value, setHash: (h) => (hash.value = h) },
    now: () => (t += 5000),
    hash,
    ...overrides,
  };
}

const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';

describe('Workspace editing', () => {
  it('validates an edit, and undo/redo walk back and forth', () => {
    const ws = new Workspace(env());
    expect(ws.set(INSPECTORS, 2)).toEqual([]);
    expect(ws.get(INSPECTORS)).toBe(2);
    expect(ws.set('interventions.prostitutionRegime', 'regulate')).toEqual([]);
    ws.undo();
    expect(ws.get('interventions.prostitutionRegime')).toBe('criminalise-selling');
    ws.undo();
    expect(ws.get(INSPECTORS)).toBe(0.25);
    expect(ws.canUndo).toBe(false);
    ws.redo();
    expect(ws.get(INSPECTORS)).toBe(2);
  });

  it('rejects an invalid value with its path and changes nothing', () => {
    const ws = new Workspace(env());
    const before = ws.scenario;
    const problems = ws.set(INSPECTORS, 500);
    expect(problems[0].path).toBe(INSPECTORS);
    expect(ws.scenario).toBe(before);
    expect(ws.canUndo).toBe(false);
  });

  it('marks fields that differ from the preset and resets them', () => {
    const ws = new Workspace(env());
    ws.set(INSPECTORS, 3);
    expect(ws.referenceValue(INSPECTORS)).toBe(0.25);
    ws.resetToReference(INSPECTORS);
    expect(ws.get(INSPECTORS)).toBe(0.25);
  });

  it('edits the description as part of the scenario: undoable, saved, and the results stay current', async () => {
    const e = env();
    const ws = new Workspace(e);
    await ws.run();
    const before = ws.scenario.description;
    expect(ws.set('description', 'Labour inspection doubled (¶15(d)). <b>not markup</b>')).toEqual([]);
    expect(ws.scenario.description).toBe('Labour inspection doubled (¶15(d)). <b>not markup</b>');
    expect(ws.stale).toBe(false);
    expect(ws.set('description', 'x'.repeat(5001))[0]?.path).toBe('description');
    ws.undo();
    expect(ws.scenario.description).toBe(before);
    ws.redo();
    ws.persistNow();
    const again = new Workspace({ ...e, location: { getHash: () => '', setHash: () => {} } });
    expect(again.scenario.description).toBe('Labour inspection doubled (¶15(d)). <b>not markup</b>');
  });

  it('loads presets as one undo step', () => {
    const ws = new Workspace(env());
    ws.loadPreset('other');
    expect(ws.scenario.name).toBe('Other');
    expect(ws.scenario.seed).toBe(9);
    ws.undo();
    expect(ws.scenario.name).toBe('Baseline');
  });
});

describe('Workspace defaults', () => {
  it('starts a new workspace with five Monte Carlo runs (one run is noisy)', () => {
    expect(new Workspace(env()).runs).toBe(DEFAULT_RUNS);
    expect(DEFAULT_RUNS).toBe(5);
  });
});

describe('Workspace runs', () => {
  it('runs the scenario and its baseline, then can pin, compare and export', async () => {
    const ws = new Workspace(env());
    ws.set(INSPECTORS, 5);
    await ws.run();
    expect(ws.status).toBe('done');
    expect(ws.current?.done).toBe(true);
    expect(ws.baseline?.done).toBe(true);
    expect(ws.baseline?.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(0.25);
    expect(ws.baseline?.scenario.seed).toBe(ws.scenario.seed);
    expect(ws.current?.source.knownWeeks).toBe(12);
    expect(ws.shownWeeks).toBe(12);
    expect(ws.csv()?.startsWith('run_stat,sector,metric,week,value')).toBe(true);
    expect(ws.stale).toBe(false);
    expect(ws.pin()).toBe(true);
    expect(ws.pins).toHaveLength(1);
    ws.set(INSPECTORS, 1);
    expect(ws.stale).toBe(true);
    expect(ws.pin()).toBe(false);
  });

  it('plays back: reset to week 1, step and replay', async () => {
    const ws = new Workspace(env());
    await ws.run();
    ws.reset();
    expect(ws.shownWeeks).toBe(1);
    ws.step();
    ws.step();
    expect(ws.shownWeeks).toBe(3);
    await ws.run();
    expect(ws.shownWeeks).toBe(12);
  });

  it('stops at once and keeps what it had', async () => {
    const ws = new Workspace(env());
    const running = ws.run();
    ws.stop();
    await running;
    expect(ws.status).toBe('stopped');
    expect(ws.scenario.name).toBe('Baseline');
  });

  it('reports a failing runner and keeps the scenario', async () => {
    const ws = new Workspace(env({ createRunner: () => ({ run: () => Promise.reject(new Error('worker died')) }) }));
    ws.set(INSPECTORS, 2);
    await ws.run();
    expect(ws.status).toBe('failed');
    expect(ws.notices.some((n) => n.code === 'run-failed' && n.text.includes('worker died'))).toBe(true);
    expect(ws.get(INSPECTORS)).toBe(2);
  });

  it('shows a failure at once: the other job is cancelled, not awaited, and its results so far are kept', async () => {
    let baselineAborted = false;
    const runner = {
      run: (req: { scenario: Scenario }, hooks: { signal?: AbortSignal; onChunk?: (c: never) => void } = {}) => {
        const isBaseline = req.scenario.interventions.labourInspection.inspectorsPer10kWorkers === 0.25;
        if (!isBaseline) return new Promise((_, reject) => setTimeout(() => reject(new WorkerFault('The simulation worker stopped unexpectedly (Uncaught Error: killed)')), 5));
        // The baseline would never finish by itself; only the abort ends it.
        return new Promise((_, reject) =>
          hooks.signal?.addEventListener('abort', () => {
            baselineAborted = true;
            reject(new DOMException('stopped', 'AbortError'));
          }),
        );
      },
    };
    const ws = new Workspace(env({ createRunner: () => runner as never }));
    ws.set(INSPECTORS, 2);
    const done = ws.run();
    const winner = await Promise.race([done.then(() => 'run ended'), new Promise((r) => setTimeout(() => r('timed out'), 1000))]);
    expect(winner).toBe('run ended');
    expect(baselineAborted).toBe(true);
    expect(ws.status).toBe('failed');
    const failed = ws.notices.find((n) => n.code === 'run-failed');
    expect(failed?.text).toBe('The simulation worker stopped unexpectedly (killed). Your scenario and the results so far are kept; press Run to try again.');
    expect(ws.get(INSPECTORS)).toBe(2);
    expect(ws.current?.error).toMatch(/killed/);
  });
});

class WorkerFault extends Error {
  override readonly name = 'WorkerFault';
}

describe('Workspace persistence and links', () => {
  it('survives a reload', () => {
    const e = env();
    const ws = new Workspace(e);
    ws.set(INSPECTORS, 4);
    ws.setRuns(3);
    ws.saveCurrent();
    ws.persistNow();
    const again = new Workspace({ ...e, location: { getHash: () => '', setHash: () => {} } });
    expect(again.get(INSPECTORS)).toBe(4);
    expect(again.runs).toBe(3);
    expect(again.saved).toHaveLength(1);
  });

  it('falls back to the baseline on a corrupt workspace but keeps saved scenarios', () => {
    const e = env();
    const first = new Workspace(e);
    first.set(INSPECTORS, 4);
    first.saveCurrent();
    (e.storage as MemoryStore).setItem(WORKSPACE_KEY, '{"v":1,"scenario":{"name":');
    const ws = new Workspace(e);
    expect(ws.notices.map((n) => n.code)).toContain('saved-corrupt');
    expect(ws.scenario.name).toBe('Baseline');
    expect(ws.saved).toHaveLength(1);
    expect((e.storage as MemoryStore).getItem(SAVED_KEY)).not.toBeNull();
  });

  it('lists the problems of an invalid saved workspace', () => {
    const e = env();
    (e.storage as MemoryStore).setItem(WORKSPACE_KEY, JSON.stringify({ v: 1, scenario: { name: 'x', weeks: 'many' } }));
    const ws = new Workspace(e);
    const n = ws.notices.find((x) => x.code === 'saved-invalid');
    expect(n?.problems?.[0].path).toBe('scenario.weeks');
  });

  it('opens a share link with the exact scenario and seed', () => {
    const shared = { ...tiny('Shared <b>bold</b>'), seed: 777 };
    shared.interventions.criminaliseUse.variant = 'exploitation-conditions';
    const e = env();
    e.hash.value = encodeShareHash(shared, 2);
    const ws = new Workspace(e);
    expect(scenarioHash(ws.scenario)).toBe(scenarioHash(shared));
    expect(ws.scenario.name).toBe('Shared <b>bold</b>');
    expect(ws.scenario.seed).toBe(777);
    expect(ws.runs).toBe(2);
    expect(ws.notices.map((n) => n.code)).toContain('link-loaded');
  });

  it('keeps the current work when a link is damaged', () => {
    const e = env();
    const first = new Workspace(e);
    first.set(INSPECTORS, 4);
    first.persistNow();
    const good = encodeShareHash({ ...tiny('Linked'), seed: 3 }, 1);
    e.hash.value = good.slice(0, Math.floor(good.length / 2));
    const ws = new Workspace(e);
    expect(ws.notices.some((n) => n.code.startsWith('link-') && n.kind === 'error')).toBe(true);
    expect(ws.get(INSPECTORS)).toBe(4);
  });

  it('follows a pasted link but ignores its own hash updates', () => {
    const e = env();
    const ws = new Workspace(e);
    ws.set(INSPECTORS, 2);
    ws.persistNow();
    ws.onHashChange();
    expect(ws.notices.some((n) => n.code === 'link-loaded')).toBe(false);
    e.hash.value = encodeShareHash({ ...tiny('Pasted'), seed: 5 }, 1);
    ws.onHashChange();
    expect(ws.scenario.name).toBe('Pasted');
    ws.undo();
    expect(ws.get(INSPECTORS)).toBe(2);
  });
});

describe('Workspace files', () => {
  it('shows the problems of a broken file inline and keeps the scenario', () => {
    const ws = new Workspace(env());
    ws.set(INSPECTORS, 2);
    expect(ws.openText('{"name": "x", "weeks": -1, "interventions": {"prostitutionRegime": "ban"}}', 'bad.json')).toBe(false);
    expect(ws.uploadProblems?.file).toBe('bad.json');
    expect(ws.uploadProblems?.problems.map((p) => p.path)).toEqual(['weeks', 'interventions.prostitutionRegime']);
    expect(ws.get(INSPECTORS)).toBe(2);
    expect(ws.openText('{"name": ', 'broken.json')).toBe(false);
    expect(ws.uploadProblems?.problems[0].message).toMatch(/line 1/);
  });

  it('opens a valid file, and its JSON round-trips', () => {
    const ws = new Workspace(env());
    ws.set(INSPECTORS, 2);
    const text = ws.scenarioJSON();
    const other = new Workspace(env());
    expect(other.openText(text, 'mine.json')).toBe(true);
    expect(scenarioHash(other.scenario)).toBe(scenarioHash(ws.scenario));
    expect(other.uploadProblems).toBeNull();
  });
});

describe('Workspace stepping from scratch', () => {
  it('computes paused on week 1 when Step is pressed before any run: after one step it is week 1', async () => {
    const ws = new Workspace(env());
    ws.step();
    await new Promise((r) => setTimeout(r, 200));
    expect(ws.current?.done).toBe(true);
    expect(ws.playing).toBe(false);
    expect(ws.shownWeeks).toBe(1);
    ws.step();
    expect(ws.shownWeeks).toBe(2);
    ws.reset();
    expect(ws.shownWeeks).toBe(1);
  });
});

describe('Workspace limits', () => {
  it('refuses a run that does not fit, saying what fits, and starts nothing', async () => {
    let started = 0;
    const ws = new Workspace(env({ limits: { maxAgents: 100, runBytes: 1024 ** 3 }, createRunner: () => ({ run: () => (started++, Promise.resolve([])) }) }));
    await ws.run();
    expect(started).toBe(0);
    expect(ws.current).toBeNull();
    const n = ws.notices.find((x) => x.code === 'run-too-large');
    expect(n?.problems?.[0].path).toBe('assumptions.population');
    expect(n?.problems?.[0].message).toMatch(/at most 100 agents/);
  });
});
