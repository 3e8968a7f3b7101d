import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/load.ts';
import { ScenarioEditor } from '../../src/ui/workspace/editor.svelte.ts';
import { ScenarioFiles } from '../../src/ui/workspace/files.svelte.ts';
import { Notices } from '../../src/ui/workspace/notices.svelte.ts';
import { INSPECTORS, steppingClock, tiny } from './workspace-fixtures.ts';

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
