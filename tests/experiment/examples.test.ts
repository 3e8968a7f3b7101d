import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { designInputs, expandDesign } from '../../src/experiment/design.ts';
import { parseExperimentText, type ScenarioReadResult } from '../../src/experiment/schema.ts';
import type { DesignType } from '../../src/experiment/types.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';

/** Every example experiment parses against the real scenario files and expands (no runs). */

const dir = resolve(import.meta.dirname, '../../experiments');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function load(file: string) {
  const path = resolve(dir, file);
  const readScenario = (p: string): ScenarioReadResult => {
    const r = parseScenarioText(readFileSync(resolve(dirname(path), p), 'utf8'), p);
    return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, problems: r.problems };
  };
  return parseExperimentText(readFileSync(path, 'utf8'), { source: file, readScenario });
}

describe('example experiments', () => {
  test('there is one of every design, and the benchmark\'s Morris over every assumption', () => {
    const types = new Set<DesignType>();
    for (const f of files) {
      const r = load(f);
      if (r.ok) types.add(r.experiment.design.type);
    }
    expect([...types].sort()).toEqual(['attribution', 'grid', 'list', 'monte-carlo', 'morris', 'one-at-a-time', 'robustness']);
    expect(files).toContain('morris-all.json');
  });

  test.each(files)('%s parses without warnings and expands', (file) => {
    const r = load(file);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.warnings).toBeUndefined();
    const points = expandDesign(r.experiment);
    expect(points.length).toBeGreaterThan(0);
    expect(points.map((p) => p.index)).toEqual(points.map((_, i) => i));
    const d = r.experiment.design;
    if (d.type === 'robustness') expect(r.experiment.frontier?.map((g) => [g.outcome, g.better])).toEqual([['derivedDemand', 'lower'], ['reports', 'higher']]);
    if (d.type === 'morris' && d.inputs === 'all') {
      expect(d.trajectories).toBe(20);
      expect(points).toHaveLength(20 * (designInputs(r.experiment).inputs.length + 1));
    }
  });
});
