/**
 * `npm run calibrate [-- --replicates N --seed S --threads T --skip-c0 --markdown --write-docs]`
 *
 * Runs the calibration targets of ../shared/CALIBRATION.md at the default
 * world and prints, for each, the source, the range, the model's value with
 * its 90 % interval over replicates, and PASS or FAIL; exits 1 on a FAIL.
 * C0 (every field of the scenario format changes some output) runs the
 * field-effect check at default world sizes over 260 weeks; `--skip-c0`
 * leaves it out for quick iterations. Replicates (and C0's fields) are spread
 * over `--threads` worker threads; the numbers are the same for any count.
 * `--markdown` prints the table as docs/calibration.md shows it;
 * `--write-docs` rewrites that table in docs/calibration.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import * as Comlink from 'comlink';
import { LIMITS } from '../src/cli/args.ts';
import { createThreadRunner, nodeWorker } from '../workers/node-worker.ts';
import { calibrateAsync, MEASURED, type TargetResult } from '../src/sim/calibration.ts';
import { ENGINE_VERSION } from '../src/sim/engine.ts';
import { ALL_FIELDS, fieldEffects, probesOf, REFERENCE_WORLDS, type FieldEffect } from '../src/sim/field-effects.ts';
import type { FieldEffectsApi } from './field-effects-api.ts';

const DOCS = new URL('../docs/calibration.md', import.meta.url);
const START = '<!-- calibration:start -->';
const END = '<!-- calibration:end -->';
/** C0's horizon, as CALIBRATION.md states it. */
const C0_WEEKS = 260;

function usage(message: string): never {
  console.error(`calibrate: ${message}`);
  console.error('usage: npm run calibrate -- [--replicates N] [--seed S] [--threads T] [--skip-c0] [--markdown] [--write-docs]');
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      replicates: { type: 'string', default: '8' },
      seed: { type: 'string', default: '1' },
      threads: { type: 'string' },
      'skip-c0': { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      'write-docs': { type: 'boolean', default: false },
    },
  });
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}
const args = parsed.values;
// The command line's own limits (docs/cli.md), so a seed means the same here and in `npm run sim`.
const int = (name: string, text: string, { min, max }: { min: number; max: number }) => {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) usage(`--${name} must be an integer from ${min} to ${max}, got '${text}'`);
  return n;
};
const replicates = int('replicates', args.replicates, LIMITS.runs);
const seed = int('seed', args.seed, LIMITS.seed);
const threads = args.threads === undefined ? Math.min(2, availableParallelism()) : int('threads', args.threads, LIMITS.threads);
// The docs show the whole table, so they are never written without C0.
if (args['write-docs'] && args['skip-c0']) usage('--write-docs needs C0: leave out --skip-c0');

/** Progress on stderr, only for a person watching (a redirected run stays clean). */
const progress = (text: string) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
};

// C1-C7, each world's replicates spread over the threads.
let started = performance.now();
const runner = createThreadRunner(threads);
const results = await calibrateAsync({
  seed,
  replicates,
  runner,
  onWorld: (name, i, n) => progress(`C1-C7: ${i + 1} of ${n} worlds run (${name})`),
});
runner.dispose();
const targetSeconds = (performance.now() - started) / 1000;

/** C0: every field's probes, in schema order; fields are dealt round-robin to the threads. */
async function c0(): Promise<FieldEffect[]> {
  const total = ALL_FIELDS.flatMap(probesOf).length;
  let done = 0;
  const onProbe = () => progress(`C0: ${++done} of ${total} probes`);
  if (threads === 1) return [...fieldEffects({ seed, weeks: C0_WEEKS, onProbe }).effects];
  const shares = Array.from({ length: Math.min(threads, ALL_FIELDS.length) }, (_, k) => ALL_FIELDS.map((_, i) => i).filter((i) => i % threads === k));
  const parts = await Promise.all(
    shares.map(async (fields) => {
      const worker = nodeWorker({ api: new URL('./field-effects-api.ts', import.meta.url) });
      const api = Comlink.wrap<FieldEffectsApi>(worker.endpoint);
      worker.keepAlive?.(true);
      const faulted = new Promise<never>((_, reject) => worker.onFault((message) => reject(new Error(`a C0 thread failed: ${message}`))));
      try {
        return await Promise.race([api.run({ fields, seed, weeks: C0_WEEKS }, Comlink.proxy(onProbe)), faulted]);
      } finally {
        worker.terminate();
      }
    }),
  );
  // Back in schema order: a field's probes are contiguous and its path is unique.
  const byPath = new Map<string, FieldEffect[]>();
  for (const e of parts.flat()) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  return ALL_FIELDS.flatMap((f) => byPath.get(f.path) ?? []);
}

let effects: FieldEffect[] | undefined;
let c0Seconds = 0;
if (!args['skip-c0']) {
  started = performance.now();
  effects = await c0();
  c0Seconds = (performance.now() - started) / 1000;
}
progress('');

/** One line of the table, C0 or a target. */
interface Row {
  readonly id: string;
  readonly title: string;
  readonly range: string;
  readonly model: string;
  readonly pass: boolean;
  readonly source: string;
  /** Extra lines for the text output (C0's dead probes). */
  readonly detail?: readonly string[];
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

const targetRow = (r: TargetResult): Row => ({
  id: r.target.id,
  title: r.target.title,
  range: r.target.range,
  model: `${fmt(r.mean)} ${r.target.unit} (${fmt(r.p05)} to ${fmt(r.p95)})`,
  pass: r.pass,
  source: r.target.source,
});

function c0Row(effects: readonly FieldEffect[]): Row {
  const dead = effects.filter((e) => e.world === undefined);
  const fields = new Set(effects.map((e) => e.path)).size;
  const checked = `${fields} fields (${effects.length} probes: a choice has one per option)`;
  const shown = REFERENCE_WORLDS.map((w) => `${w.name} ${effects.filter((e) => e.world === w.name).length}`).join(', ');
  return {
    id: 'C0',
    title: 'every field of the scenario format changes some output',
    range: `in at least one of five worlds (${REFERENCE_WORLDS.map((w) => `${w.name} ${w.regime}`).join(', ')}), over ${C0_WEEKS} weeks`,
    model: dead.length === 0 ? `${checked}; probes shown by ${shown}` : `${checked}; ${dead.length} dead: ${dead.map((d) => d.label).join(', ')}`,
    pass: dead.length === 0,
    source: 'a model whose levers do nothing misleads its users',
    detail: dead.map((d) => `dead: ${d.label} (tried ${d.tried.join(', ') || 'no world'})`),
  };
}

const rows: Row[] = [...(effects ? [c0Row(effects)] : []), ...results.map(targetRow)];
const failed = rows.filter((r) => !r.pass).length;

const cell = (s: string) => s.replaceAll('|', '\\|');
function markdown(rs: readonly Row[]): string {
  const lines = rs.map((r) => `| ${[r.id, r.title, r.range, r.model, r.pass ? 'PASS' : 'FAIL', r.source].map(cell).join(' | ')} |`);
  return [
    '| # | target | range | model: mean (90 % of replicates) | result | source |',
    '|---|---|---|---|---|---|',
    ...lines,
    '',
    // No timings: the block should change only when the numbers do.
    `Engine ${ENGINE_VERSION}, seed ${seed}, ${replicates} replicates. C1-C5 over weeks ${MEASURED.from}-${MEASURED.to}, ` +
      `C7 over weeks 105-260, C6 over weeks 1-104 and 417-520 of a 520-week run; C0 over ${C0_WEEKS} weeks at default world sizes.`,
  ].join('\n');
}

if (args.markdown) console.log(markdown(rows));
else {
  for (const r of rows) {
    console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.id}  ${r.title}`);
    console.log(`      range ${r.range}; model ${r.model}`);
    for (const d of r.detail ?? []) console.log(`      ${d}`);
    console.log(`      source: ${r.source}`);
  }
}

if (args['write-docs']) {
  const text = readFileSync(DOCS, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) usage(`docs/calibration.md has no ${START} ... ${END} block to rewrite`);
  writeFileSync(DOCS, `${text.slice(0, a + START.length)}\n${markdown(rows)}\n${text.slice(b)}`);
}

const timing = `C1-C7 ${targetSeconds.toFixed(0)} s${effects ? `, C0 ${c0Seconds.toFixed(0)} s` : ', C0 skipped'}`;
console.log(
  `\nengine ${ENGINE_VERSION}, seed ${seed}, ${replicates} replicates, ${threads} thread${threads === 1 ? '' : 's'}, ${timing}: ` +
    `${rows.length - failed} passed, ${failed} failed${args['write-docs'] ? '; docs/calibration.md rewritten' : ''}`,
);
process.exit(failed > 0 ? 1 : 0);
