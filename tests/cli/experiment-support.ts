import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runExperimentCli } from '../../src/cli/experiment/cli.ts';
import { WORLDS } from '../support/small-world.ts';

/** Tiny experiment files (the CLI world, a few weeks) and the experiment CLI called in-process. */

export const FINAL_FILES = ['runs.csv', 'outcomes.csv', 'summary.json', 'report.md'] as const;

/** A grid of 3 × 2 = 6 points over the CLI world, inline, 2 replicates of `weeks` weeks. */
export function gridExperiment(over: Record<string, unknown> = {}, weeks = 6): Record<string, unknown> {
  return {
    format: 'dsw-experiment',
    version: 1,
    name: 'tiny grid',
    scenario: WORLDS.cli,
    replicates: 2,
    weeks,
    outcomes: ['reports', 'derivedDemand'],
    sectors: ['total', 'agriculture'],
    design: {
      type: 'grid',
      axes: [
        { path: 'interventions.labourInspection.inspectorsPer10kWorkers', values: [0, 2, 4] },
        { path: 'assumptions.population.clients', values: [40, 60] },
      ],
    },
    ...over,
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Indices of the points run, in the order their records were written. */
  ran: number[];
}

export async function experimentCli(argv: readonly string[], options: { signal?: AbortSignal; onPointDone?: (index: number) => void } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const ran: number[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      stdout += String(chunk);
      done();
    },
  });
  const code = await runExperimentCli(argv, {
    stdout: out,
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    cores: 1,
    signal: options.signal,
    onPointDone: (i) => {
      ran.push(i);
      options.onPointDone?.(i);
    },
  });
  return { code, stdout, stderr, ran };
}

/** Every file of a result directory (points included) by relative path: what "the same bytes" compares. */
export function dirBytes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name === 'points') for (const p of readdirSync(join(dir, 'points')).sort()) out[`points/${p}`] = readFileSync(join(dir, 'points', p), 'utf8');
    else out[name] = readFileSync(join(dir, name), 'utf8');
  }
  return out;
}

/** The final files only. */
export const finalBytes = (dir: string): Record<string, string | undefined> =>
  Object.fromEntries(FINAL_FILES.map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined]));
