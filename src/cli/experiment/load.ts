import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { MAX_SCENARIO_BYTES, parseScenarioText, type Problem } from '../../scenario/load.ts';
import { problem } from '../../scenario/problem.ts';
import { ExperimentError, expandDesign } from '../../experiment/design.ts';
import { experimentHash, parseExperimentText } from '../../experiment/schema.ts';
import type { Experiment, ExperimentPoint } from '../../experiment/types.ts';

/**
 * The CLI's one call site of the experiment loader: read the file, resolve
 * the scenario it names (relative to the file), validate, expand the design.
 * Every problem comes back as a finished line for standard error.
 */

export type LoadedExperiment =
  | { readonly ok: true; readonly experiment: Experiment; readonly points: readonly ExperimentPoint[]; readonly hash: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

function readText(file: string, what: string): { text: string } | { problem: string } {
  const name = JSON.stringify(file);
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { problem: `${name} is a folder, not ${what}` };
    // Refused before reading: a huge file should not fill memory to be rejected.
    if (stat.size > MAX_SCENARIO_BYTES) return { problem: `${file} is ${(stat.size / 1048576).toFixed(1)} MB; ${what}s are at most ${MAX_SCENARIO_BYTES / 1048576} MB` };
    return { text: readFileSync(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? `${name}: no such file` : `cannot read ${name} (${code ?? 'unknown error'})` };
  }
}

/** `file: message`, unless the message already names the file. */
const inFile = (file: string, p: Problem) => (p.message.startsWith(file) ? p.message : `${file}: ${p.message}`);

export function loadExperiment(file: string): LoadedExperiment {
  const read = readText(file, 'an experiment file');
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const parsed = parseExperimentText(read.text, {
    source: file,
    readScenario(path) {
      const full = isAbsolute(path) ? path : join(dirname(file), path);
      const text = readText(full, 'a scenario file');
      if ('problem' in text) return { ok: false, problems: [problem('scenario', 'a readable scenario file', JSON.stringify(path), `scenario: ${text.problem}`)] };
      const loaded = parseScenarioText(text.text, full);
      return loaded.ok ? { ok: true, scenario: loaded.scenario } : { ok: false, problems: loaded.problems.map((p) => ({ ...p, message: `scenario ${inFile(full, p)}` })) };
    },
  });
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => inFile(file, p)) };
  let points: readonly ExperimentPoint[];
  try {
    points = expandDesign(parsed.experiment);
  } catch (e) {
    if (!(e instanceof ExperimentError)) throw e;
    return { ok: false, problems: e.problems.map((p: Problem) => inFile(file, p)) };
  }
  return { ok: true, experiment: parsed.experiment, points, hash: experimentHash(parsed.experiment), warnings: parsed.warnings ?? [] };
}

/** Default result directory: next to the file, `<file without .json>.results`. */
export function defaultOutDir(file: string): string {
  const full = resolve(file);
  const ext = extname(full).toLowerCase() === '.json' ? extname(full) : '';
  return join(dirname(full), `${basename(full, ext)}.results`);
}
