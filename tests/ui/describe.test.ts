import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_FIELDS, setAtPath } from '../../src/scenario/fields.ts';
import { scenarioHash, validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { changedPaths, changesText, describeScenario, labelOf, originsOf, valueText } from '../../src/ui/workspace/describe.ts';
import { presetsFromFiles } from '../../src/ui/workspace/presets.ts';

const dir = join(import.meta.dirname, '../../scenarios');
const { presets } = presetsFromFiles(
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  ),
);
const byId = (id: string) => presets.find((p) => p.id === id)!.scenario;
const baseline = byId('baseline');

const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';
const VARIANT = 'interventions.criminaliseUse.variant';

function edit(s: Scenario, path: string, value: unknown): Scenario {
  const r = validateScenario(setAtPath(s, path.split('.'), value));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe('describeScenario', () => {
  it('names the preset a scenario equals, whatever its name and description', () => {
    for (const p of presets) {
      const renamed = { ...p.scenario, name: 'Renamed', description: 'mine' };
      const opened = describeScenario(renamed, presets, p.id);
      expect(opened.kind === 'preset' && opened.origin.id).toBe(p.id);
      // From a link: a preset that models the same thing.
      const linked = describeScenario(renamed, presets, 'link');
      expect(linked.kind === 'preset' && scenarioHash(linked.origin.scenario)).toBe(scenarioHash(p.scenario));
    }
  });

  it('of two presets that model the same thing, the one opened is named', () => {
    // Greece art. 323A is Model Law option B with actual knowledge, the defaults of option B.
    expect(scenarioHash(byId('greece-323a'))).toBe(scenarioHash(byId('model-law-option-b')));
    for (const id of ['greece-323a', 'model-law-option-b']) {
      const d = describeScenario(byId('model-law-option-b'), presets, id);
      expect(d.kind === 'preset' && d.origin.id).toBe(id);
    }
  });

  it('an edited preset is "edited from" it, with each change, its label and its values', () => {
    const s = edit(edit(baseline, INSPECTORS, 4), VARIANT, 'known-victim');
    const d = describeScenario(s, presets, 'baseline');
    expect(d.kind).toBe('edited');
    if (d.kind !== 'edited') return;
    expect(d.origin.id).toBe('baseline');
    expect(d.changes.map((c) => c.path)).toEqual(changedPaths(s, baseline));
    expect(d.changes.map((c) => c.path).sort()).toEqual([VARIANT, INSPECTORS].sort());
    const inspectors = d.changes.find((c) => c.path === INSPECTORS)!;
    expect(inspectors).toMatchObject({ label: 'Inspectors', value: '4 inspectors per 10,000 workers', was: '0.25 inspectors per 10,000 workers' });
    const variant = d.changes.find((c) => c.path === VARIANT)!;
    expect(variant).toMatchObject({ label: 'Offence', value: 'Model Law option B', was: 'No offence' });
    expect(changesText(d.changes)).toContain('Inspectors: 4 inspectors per 10,000 workers (was 0.25 inspectors per 10,000 workers)');
  });

  it('the preset it was opened from wins over a nearer one', () => {
    // Labour inspection's preset, edited back to the baseline's inspectors: nearer the baseline, but opened from labour-inspection.
    const li = byId('labour-inspection');
    const s = edit(li, 'seed', 7);
    const d = describeScenario(s, presets, 'labour-inspection');
    expect(d.kind === 'edited' && d.origin.id).toBe('labour-inspection');
    expect(d.kind === 'edited' && d.changes.map((c) => c.path)).toEqual(['seed']);
  });

  it('a link, file or pin is described against the preset it differs least from', () => {
    const s = edit(byId('combined-package'), INSPECTORS, 3);
    const d = describeScenario(s, presets, 'link');
    expect(d.kind === 'edited' && d.origin.id).toBe('combined-package');
    expect(d.kind === 'edited' && d.changes.map((c) => c.path)).toEqual([INSPECTORS]);
  });

  it('undoing the edits gives the preset back', () => {
    const edited = edit(baseline, INSPECTORS, 2);
    expect(describeScenario(edited, presets, 'baseline').kind).toBe('edited');
    expect(describeScenario(edit(edited, INSPECTORS, 0.25), presets, 'baseline').kind).toBe('preset');
  });

  it('names a saved scenario it equals, under the menu id saved:<id>', () => {
    const mine = edit(baseline, INSPECTORS, 5);
    const origins = originsOf(presets, [{ id: 'k1', scenario: { ...mine, name: 'Mine' } }]);
    const d = describeScenario(mine, origins, 'file');
    expect(d.kind === 'preset' && d.origin.id).toBe('saved:k1');
  });

  it('weeks and seed are changes too; name and description are not', () => {
    const s = { ...edit(edit(baseline, 'weeks', 104), 'seed', 3), name: 'x', description: 'y' };
    expect(changedPaths(s, baseline)).toEqual(['weeks', 'seed']);
    const d = describeScenario(s, presets, 'baseline');
    expect(d.kind === 'edited' && d.changes.map((c) => `${c.label}: ${c.value}`)).toEqual(['Weeks: 104', 'Seed: 3']);
  });

  it('without presets the scenario is custom', () => {
    expect(describeScenario(baseline, [], 'baseline').kind).toBe('custom');
  });
});

describe('labels and values', () => {
  it('every field has a label that is not its raw path', () => {
    for (const f of SCENARIO_FIELDS) expect(labelOf(f.path), f.path).not.toBe(f.path);
  });

  it('a campaign reads as its card title and its reach, with its weeks numbered from 1', () => {
    expect(labelOf('interventions.awareness.consumers')).toBe('Consumer awareness campaign');
    const f = SCENARIO_FIELDS.find((x) => x.path === 'interventions.awareness.consumers');
    expect(valueText({ reach: 0.01, fromWeek: 0, toWeek: 103 }, f)).toBe('0.01 share of group per week, weeks 1–104');
    expect(valueText(true)).toBe('On');
  });
});
