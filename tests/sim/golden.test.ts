import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/engine.ts';
import { METRICS, SLOTS } from '../../src/sim/metrics.ts';
import { metricSeries } from '../../src/sim/series.ts';
import { presets } from './helpers.ts';

/**
 * Golden files: each preset, seed 1, every metric in total and per sector
 * every 13 weeks. An intended change of behaviour is re-recorded with
 * `UPDATE_GOLDEN=1 npx vitest run tests/sim/golden.test.ts` and shows up in review.
 */
const DIR = join(import.meta.dirname, '../golden');
const EVERY = 13;

function fingerprint(input: unknown): string {
  const s = scenarioSchema.parse(input);
  const run = simulate(s, { seed: 1, run: 0 });
  const lines: string[] = [];
  for (const m of METRICS) {
    for (const slot of SLOTS) {
      const x = metricSeries(run, m, slot);
      const sampled: number[] = [];
      for (let w = EVERY - 1; w < x.length; w += EVERY) sampled.push(Number(x[w].toPrecision(8)));
      lines.push(`  ${JSON.stringify(`${m}/${slot}`)}: ${JSON.stringify(sampled)}`);
    }
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

describe('golden files for presets', () => {
  it.each(presets())('%s', (file, input) => {
    const path = join(DIR, file);
    const actual = fingerprint(input);
    if (process.env.UPDATE_GOLDEN || !existsSync(path)) {
      if (process.env.CI && !existsSync(path)) throw new Error(`missing golden file ${file}`);
      writeFileSync(path, actual);
    }
    expect(actual).toBe(readFileSync(path, 'utf8'));
  });
});
