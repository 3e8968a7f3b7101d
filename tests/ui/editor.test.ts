import { describe, expect, it } from 'vitest';
import { RUNS_FIELD, ScenarioEditor } from '../../src/ui/workspace/editor.svelte.ts';
import { DEFAULT_RUNS, MAX_RUNS } from '../../src/ui/workspace/share.ts';
import { INSPECTORS, steppingClock, tiny } from './workspace-fixtures.ts';

function editor() {
  let changes = 0;
  const ed = new ScenarioEditor({ initial: tiny(), now: steppingClock(), onChange: () => changes++ });
  return { ed, changes: () => changes };
}

describe('ScenarioEditor', () => {
  it('validates an edit, and undo/redo walk back and forth', () => {
    const { ed: ws } = editor();
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
    const { ed: ws, changes } = editor();
    const before = ws.scenario;
    const problems = ws.set(INSPECTORS, 500);
    expect(problems[0].path).toBe(INSPECTORS);
    expect(ws.scenario).toBe(before);
    expect(ws.canUndo).toBe(false);
    expect(changes()).toBe(0);
  });

  it('marks fields that differ from the preset and resets them', () => {
    const { ed: ws } = editor();
    ws.set(INSPECTORS, 3);
    expect(ws.referenceValue(INSPECTORS)).toBe(0.25);
    ws.resetToReference(INSPECTORS);
    expect(ws.get(INSPECTORS)).toBe(0.25);
  });

  it('starts with five Monte Carlo runs (one run is noisy) and clamps the number of runs', () => {
    const { ed, changes } = editor();
    expect(ed.runs).toBe(DEFAULT_RUNS);
    expect(DEFAULT_RUNS).toBe(5);
    ed.setRuns(10_000);
    expect(ed.runs).toBe(MAX_RUNS);
    expect(changes()).toBe(1);
  });

  it('opens a whole scenario as the new reference, in one undo step or none', () => {
    const { ed } = editor();
    const other = { ...tiny('Other'), seed: 9 };
    ed.open(other, { presetId: 'other', runs: 2 });
    expect(ed.scenario).toBe(other);
    expect(ed.reference).toBe(other);
    expect(ed.presetId).toBe('other');
    expect(ed.runs).toBe(2);
    ed.undo();
    expect(ed.scenario.name).toBe('Baseline');
    ed.open(other, { presetId: 'link', record: false });
    expect(ed.canUndo).toBe(false);
  });

  it('keys the results by scenario and number of runs', () => {
    const { ed } = editor();
    const before = ed.key;
    ed.set(INSPECTORS, 2);
    expect(ed.key).not.toBe(before);
    const edited = ed.key;
    ed.setRuns(3);
    expect(ed.key).not.toBe(edited);
  });
});

describe('invalid drafts (issue 10: Run uses only what the screen shows)', () => {
  const draft = (path: string, text = '-4') => ({ path, label: path, text, message: 'Enter a number from 0 to 50.' });

  it('holds what a box could not apply, in the order made, one entry per field', () => {
    const { ed, changes } = editor();
    ed.drafts.hold(draft(INSPECTORS));
    ed.drafts.hold(draft('weeks', '-5'));
    ed.drafts.hold(draft(INSPECTORS, '-7'));
    expect(ed.drafts.list.map((d) => [d.path, d.text])).toEqual([
      [INSPECTORS, '-7'],
      ['weeks', '-5'],
    ]);
    expect(ed.drafts.count).toBe(2);
    // Holding a draft changes nothing applied: the scenario, its key and what is saved stay.
    expect(ed.get(INSPECTORS)).toBe(0.25);
    expect(changes()).toBe(0);
  });

  it('drops a field\'s draft when a valid value for it lands, and only that field\'s', () => {
    const { ed } = editor();
    ed.drafts.hold(draft(INSPECTORS));
    ed.drafts.hold(draft('weeks', '-5'));
    expect(ed.set(INSPECTORS, 600)).not.toEqual([]);
    expect(ed.drafts.get(INSPECTORS)?.text).toBe('-4');
    expect(ed.set(INSPECTORS, 4)).toEqual([]);
    expect(ed.drafts.get(INSPECTORS)).toBeUndefined();
    expect(ed.drafts.list.map((d) => d.path)).toEqual(['weeks']);
  });

  it('drops the drafts of boxes within a field when the field is set (a campaign and its weeks)', () => {
    const { ed } = editor();
    const campaign = 'interventions.awareness.consumers';
    ed.drafts.hold(draft(`${campaign}.fromWeek`, '0'));
    ed.drafts.hold(draft(`${campaign}x`, '0'));
    ed.drafts.drop(campaign, true);
    expect(ed.drafts.list.map((d) => d.path)).toEqual([`${campaign}x`]);
    ed.drafts.drop(`${campaign}x`);
    expect(ed.drafts.count).toBe(0);
  });

  it('forgets every draft when another scenario is shown: opened, undone, redone or restored', () => {
    const { ed } = editor();
    ed.set(INSPECTORS, 2);
    for (const show of [() => ed.undo(), () => ed.redo(), () => ed.open(tiny('Other'), { presetId: 'other' }), () => ed.restore({ scenario: tiny(), reference: tiny(), presetId: 'x', runs: 3 })]) {
      ed.drafts.hold(draft('weeks', '-5'));
      show();
      expect(ed.drafts.count).toBe(0);
    }
  });

  it('drops the runs draft when a number of runs lands', () => {
    const { ed } = editor();
    ed.drafts.hold(draft(RUNS_FIELD, '0'));
    ed.setRuns(7);
    expect(ed.runs).toBe(7);
    expect(ed.drafts.count).toBe(0);
  });
});
