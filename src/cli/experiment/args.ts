import { parseArgs } from 'node:util';
import { didYouMean } from '../../scenario/suggest.ts';
import { parseShard, WHOLE, type Shard } from '../../experiment/schedule.ts';
import { LIMITS } from '../args.ts';

/** The command line of `npm run experiment` (docs/experiments.md). */

export interface RunOptions {
  readonly file: string;
  /** Default: next to the file, `<file without .json>.results/`. */
  readonly out?: string;
  /** Default: one per core. */
  readonly threads?: number;
  readonly shard: Shard;
  readonly quiet: boolean;
  readonly force: boolean;
}

export interface MergeOptions {
  readonly dirs: readonly string[];
  readonly out: string;
  readonly quiet: boolean;
}

export type ParsedExperimentArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly options: RunOptions }
  | { readonly kind: 'merge'; readonly options: MergeOptions }
  | { readonly kind: 'bad'; readonly problems: readonly string[] };

export const USAGE = `Usage: npm run experiment -- <experiment.json> [options]
       npm run experiment -- merge <dir>... --out DIR

Runs every point of an experiment file (a base scenario and a design: grid,
list, monte-carlo, one-at-a-time, morris, attribution or robustness) and writes
its results to a directory: experiment.json, points/*.json (one record per
point, kept when interrupted), and once every point is there runs.csv (weekly
series only), outcomes.csv and summary.json. Results are illustrative, not a
forecast. Running the same command again resumes: points already written are
skipped, and a finished experiment rewrites the same bytes.

Options:
  --out DIR, -o       result directory (default: next to the file,
                      <file without .json>.results/)
  --threads T         worker threads (default: one per core); results are
                      identical for every T
  --shard K/N         run only the points whose index is K modulo N (0 ≤ K < N);
                      join the parts with merge
  --force             DIR holds another experiment: delete its results and run
  --quiet, -q         no progress on standard error
  --help, -h          this text

merge <dir>... --out DIR
                      joins the result directories of the shards of one
                      experiment into DIR and writes the final files, byte for
                      byte what one process would have written

Exit codes: 0 done, 1 a run failed (or merge: points missing), 2 bad arguments
or experiment file (nothing run), 130 interrupted (what is done is kept).
See docs/experiments.md.`;

const SPEC = {
  out: { type: 'string', short: 'o' },
  threads: { type: 'string' },
  shard: { type: 'string' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;
type Name = keyof typeof SPEC;
const NAMES = Object.keys(SPEC) as Name[];
/** Options merge accepts. */
const MERGE_NAMES: readonly Name[] = ['out', 'quiet', 'help'];

const got = (raw: string) => JSON.stringify(raw);

/** Reads the command line; reports every problem at once. */
export function parseExperimentArgs(argv: readonly string[]): ParsedExperimentArgs {
  const { tokens } = parseArgs({ args: [...argv], options: SPEC, strict: false, allowPositionals: true, tokens: true });
  const problems: string[] = [];
  const positionals: string[] = [];
  const strings: Partial<Record<Name, string>> = {};
  const flags = new Set<Name>();
  const seen = new Set<Name>();
  let swallow = false;
  for (const t of tokens) {
    if (t.kind === 'positional') {
      // The value of a mistyped option (`--thread 2`) is not a second file.
      if (!swallow) positionals.push(t.value);
      swallow = false;
    }
    if (t.kind !== 'option') continue;
    swallow = false;
    const spec = (SPEC as Record<string, { type: string }>)[t.name];
    if (!spec) {
      const near = didYouMean(t.name, NAMES) as Name | undefined;
      problems.push(`unknown option ${t.rawName}${near ? ` (did you mean --${near}?)` : ''}`);
      swallow = near !== undefined && SPEC[near].type === 'string' && t.value === undefined;
      continue;
    }
    const name = t.name as Name;
    seen.add(name);
    if (spec.type === 'boolean') {
      if (t.value !== undefined) problems.push(`${t.rawName}: takes no value, got ${got(t.value)}`);
      flags.add(name);
      continue;
    }
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--'))) {
      problems.push(`--${name}: expected a value${t.value === undefined ? '' : `, got option ${got(t.value)}`}`);
      continue;
    }
    if (strings[name] !== undefined) {
      problems.push(`--${name}: given more than once`);
      continue;
    }
    strings[name] = t.value;
  }
  if (flags.has('help')) return { kind: 'help' };

  const out = strings.out;
  if (out === '') problems.push('--out: expected a directory name, got ""');

  if (positionals[0] === 'merge') {
    for (const name of seen) if (!MERGE_NAMES.includes(name)) problems.push(`--${name}: not an option of merge (only --out and --quiet)`);
    const dirs = positionals.slice(1);
    if (dirs.length === 0) problems.push('merge: expected the result directories to join: npm run experiment -- merge <dir>... --out DIR');
    if (out === undefined) problems.push('merge: expected --out DIR, the directory to write the joined results to');
    if (problems.length > 0) return { kind: 'bad', problems };
    return { kind: 'merge', options: { dirs, out: out!, quiet: flags.has('quiet') } };
  }

  if (positionals.length === 0) problems.push('missing the experiment file: npm run experiment -- <experiment.json> [options]');
  if (positionals.length > 1) problems.push(`expected one experiment file, got ${positionals.length}: ${positionals.map(got).join(', ')}`);
  let threads: number | undefined;
  if (strings.threads !== undefined) {
    const raw = strings.threads;
    const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (n >= LIMITS.threads.min && n <= LIMITS.threads.max) threads = n;
    else problems.push(`--threads: expected an integer between ${LIMITS.threads.min} and ${LIMITS.threads.max}, got ${got(raw)}`);
  }
  let shard = WHOLE;
  if (strings.shard !== undefined) {
    const parsed = parseShard(strings.shard);
    if (parsed.ok) shard = parsed.shard;
    else problems.push(parsed.message);
  }
  if (problems.length > 0) return { kind: 'bad', problems };
  return { kind: 'run', options: { file: positionals[0], out, threads, shard, quiet: flags.has('quiet'), force: flags.has('force') } };
}
