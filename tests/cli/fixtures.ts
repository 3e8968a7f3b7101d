import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema.ts';

/** A scenario small enough to run in milliseconds (tests only). */
export const SMALL: ScenarioInput = {
  name: 'small test scenario',
  weeks: 20,
  seed: 3,
  assumptions: {
    population: { consumers: 300, clients: 60, corporateBuyersPerSector: 3 },
    sectors: {
      sexual: { employers: 10, recruiters: 4, workers: 60 },
      agriculture: { employers: 10, recruiters: 4, workers: 80 },
      manufacturing: { enabled: false },
    },
  },
};

export const smallScenario = (extra: Partial<ScenarioInput> = {}) => scenarioSchema.parse({ ...SMALL, ...extra });

/** A temporary folder for a test file, removed afterwards, and a writer of files into it. */
export function tempFiles(prefix: string): { dir: string; file(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
