import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import {
  readKey,
  restoreSaved,
  restoreWorkspace,
  serialiseSaved,
  serialiseWorkspace,
  writeKey,
  type WorkspaceState,
} from '../../src/ui/workspace/persist.ts';

const scenario = scenarioSchema.parse({ name: 'Package A', seed: 7, interventions: { labourInspection: { inspectorsPer10kWorkers: 1 } } });
const reference = scenarioSchema.parse({ name: 'Baseline' });
const state: WorkspaceState = {
  scenario,
  reference,
  presetId: 'baseline',
  runs: 5,
  speed: 'fast',
  grouping: 'kind',
  pins: [{ id: 'p1', scenario, runs: 5 }],
};

describe('workspace persistence', () => {
  it('round-trips', () => {
    const r = restoreWorkspace(serialiseWorkspace(state));
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.state).toEqual(state);
  });

  it('reads nothing as none', () => {
    expect(restoreWorkspace(null).kind).toBe('none');
    expect(restoreWorkspace('').kind).toBe('none');
  });

  it.each(['{', 'null', '[]', '"x"', '{"v":2}', '{"v":1,"scenario":'])('reports %s as corrupt', (text) => {
    expect(restoreWorkspace(text).kind).toBe('corrupt');
  });

  it('reports an invalid scenario with paths', () => {
    const r = restoreWorkspace(JSON.stringify({ v: 1, scenario: { name: 'x', weeks: -3 } }));
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.problems[0].path).toBe('scenario.weeks');
    expect(r.problems[0].message.startsWith('scenario.weeks')).toBe(true);
  });

  it('falls back to defaults for bad settings and drops bad pins', () => {
    const text = JSON.stringify({ v: 1, scenario: { name: 'x' }, runs: 'many', speed: 'warp', grouping: 7, presetId: '<img>', pins: [{ id: 'ok', scenario: { name: 'y' } }, { id: 'bad', scenario: { weeks: 'x' } }, 5] });
    const r = restoreWorkspace(text);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.state.runs).toBe(1);
    expect(r.state.speed).toBe('medium');
    expect(r.state.grouping).toBe('level');
    expect(r.state.presetId).toBe('baseline');
    expect(r.state.pins.map((p) => p.id)).toEqual(['ok']);
  });
});

describe('saved scenarios', () => {
  it('round-trip', () => {
    const list = [{ id: 'a1', savedAt: '2024-01-01T00:00:00.000Z', scenario }];
    expect(restoreSaved(serialiseSaved(list))).toEqual({ list, dropped: 0 });
  });

  it('keep the good entries when some are broken', () => {
    const text = JSON.stringify([{ id: 'a1', savedAt: 'x', scenario: { name: 'ok' } }, { id: 'a2', scenario: { name: 5 } }, 'junk']);
    const r = restoreSaved(text);
    expect(r.list.map((s) => s.id)).toEqual(['a1']);
    expect(r.dropped).toBe(2);
  });

  it('report an unreadable list', () => {
    expect(restoreSaved('{oops')).toEqual({ list: [], dropped: 1 });
    expect(restoreSaved(null)).toEqual({ list: [], dropped: 0 });
  });
});

describe('storage access', () => {
  it('survives storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    expect(readKey(throwing, 'k')).toBeNull();
    expect(writeKey(throwing, 'k', 'v')).toBe(false);
    expect(readKey(null, 'k')).toBeNull();
    expect(writeKey(null, 'k', 'v')).toBe(false);
  });
});
