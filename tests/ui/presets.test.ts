import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/scenario/load.ts';
import { BASELINE_ID, baselineFor, presetsFromFiles } from '../../src/ui/workspace/presets.ts';

const dir = join(import.meta.dirname, '../../scenarios');
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => [`../../scenarios/${f}`, readFileSync(join(dir, f), 'utf8')]),
);

describe('presets', () => {
  it('load every scenario file with the CLI loader, baseline first', () => {
    const { presets, broken } = presetsFromFiles(files);
    expect(broken).toEqual([]);
    expect(presets.length).toBe(Object.keys(files).length);
    expect(presets[0].id).toBe(BASELINE_ID);
  });

  it('report a broken file instead of failing, and still have a baseline', () => {
    const { presets, broken } = presetsFromFiles({ 'x/bad.json': '{"name": 5}' });
    expect(broken.map((b) => b.id)).toEqual(['bad']);
    expect(broken[0].problems[0].path).toBe('name');
    expect(presets.map((p) => p.id)).toEqual([BASELINE_ID]);
  });

  it('have the lesson presets', () => {
    const ids = presetsFromFiles(files).presets.map((p) => p.id);
    for (const id of ['baseline', 'awareness-campaign', 'supply-chain-due-diligence']) expect(ids).toContain(id);
  });
});

describe('baselineFor', () => {
  it('keeps assumptions, horizon and seed and takes the baseline interventions', () => {
    const base = defaultScenario();
    const s = defaultScenario();
    s.seed = 99;
    s.weeks = 52;
    s.assumptions.population.clients = 777;
    s.interventions.labourInspection.inspectorsPer10kWorkers = 3;
    const b = baselineFor(s, base);
    expect(b.seed).toBe(99);
    expect(b.weeks).toBe(52);
    expect(b.assumptions.population.clients).toBe(777);
    expect(b.interventions).toEqual(base.interventions);
  });
});
