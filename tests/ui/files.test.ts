import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/load.ts';
import { ScenarioEditor } from '../../src/ui/workspace/editor.svelte.ts';
import { readComparison, ScenarioFiles } from '../../src/ui/workspace/files.svelte.ts';
import { Workspace } from '../../src/ui/workspace.svelte.ts';
import { Notices } from '../../src/ui/workspace/notices.svelte.ts';
import { env, INSPECTORS, steppingClock, tiny } from './workspace-fixtures.ts';

function files() {
  const editor = new ScenarioEditor({ initial: tiny(), now: steppingClock(), onChange: () => {} });
  const notices = new Notices();
  return { editor, notices, files: new ScenarioFiles(editor, notices) };
}

describe('ScenarioFiles', () => {
  it('shows the problems of a broken file inline and keeps the scenario', () => {
    const { editor, files: ws } = files();
    editor.set(INSPECTORS, 2);
    expect(ws.openText('{"name": "x", "weeks": -1, "interventions": {"prostitutionRegime": "ban"}}', 'bad.json')).toBe(false);
    expect(ws.uploadProblems?.file).toBe('bad.json');
    expect(ws.uploadProblems?.problems.map((p) => p.path)).toEqual(['weeks', 'interventions.prostitutionRegime']);
    expect(editor.get(INSPECTORS)).toBe(2);
    expect(ws.openText('{"name": ', 'broken.json')).toBe(false);
    expect(ws.uploadProblems?.problems[0].message).toMatch(/line 1/);
  });

  it('opens a valid file, and its JSON round-trips', () => {
    const a = files();
    a.editor.set(INSPECTORS, 2);
    const text = a.files.scenarioJSON();
    const b = files();
    expect(b.files.openText(text, 'mine.json')).toBe(true);
    expect(scenarioHash(b.editor.scenario)).toBe(scenarioHash(a.editor.scenario));
    expect(b.files.uploadProblems).toBeNull();
    expect(b.editor.presetId).toBe('file');
    expect(b.notices.list.map((n) => n.code)).toEqual(['upload-loaded']);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { files: f } = files();
    const big = { name: 'big.json', size: 10 * 1024 ** 3, text: () => Promise.reject(new Error('read')) } as unknown as File;
    expect(await f.openFile(big)).toBe(false);
    expect(f.uploadProblems?.file).toBe('big.json');
    expect(f.uploadProblems?.problems[0].path).toBe('(root)');
  });
});

describe('comparison files (issue 10, point 3)', () => {
  it('round-trip the scenario, its runs, the pinned packages and the view through the workspace', async () => {
    const first = new Workspace(env());
    await first.run();
    first.pins.pin();
    first.editor.set(INSPECTORS, 4);
    await first.run();
    first.pins.pin();
    first.editor.setRuns(3);
    first.view = 'compare';
    const text = first.files.comparisonJSON();
    expect(JSON.parse(text).comparison).toBe(1);

    const ws = new Workspace(env());
    expect(ws.files.openText(text, 'workshop.json')).toBe(true);
    expect(ws.files.uploadProblems).toBeNull();
    expect(scenarioHash(ws.editor.scenario)).toBe(scenarioHash(first.editor.scenario));
    expect(ws.editor.runs).toBe(3);
    expect(ws.view).toBe('compare');
    expect(ws.pins.list.map((p) => [scenarioHash(p.scenario), p.runs])).toEqual(first.pins.list.map((p) => [scenarioHash(p.scenario), p.runs]));
    expect(ws.notices.list.find((n) => n.code === 'upload-loaded')?.text).toMatch(/2 pinned packages/);
  });

  it('list every problem of a broken comparison file with its path, and keep the work', () => {
    const ws = new Workspace(env());
    ws.editor.set(INSPECTORS, 2);
    const bad = JSON.stringify({ comparison: 1, scenario: { name: 'x', weeks: -1 }, pins: [{ runs: 2, scenario: { name: 'p', seed: 'one' } }, 7] });
    expect(ws.files.openText(bad, 'bad.json')).toBe(false);
    expect(ws.files.uploadProblems?.problems.map((p) => p.path)).toEqual(['scenario.weeks', 'pins[0].scenario.seed', 'pins[1]']);
    expect(ws.files.uploadProblems?.problems.every((p) => p.message.startsWith(p.path))).toBe(true);
    expect(ws.editor.get(INSPECTORS)).toBe(2);
    expect(ws.pins.list).toEqual([]);
    expect(readComparison({ comparison: 2, scenario: {} }).ok).toBe(false);
  });
});
