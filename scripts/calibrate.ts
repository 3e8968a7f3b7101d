/**
 * `npm run calibrate [-- --replicates N --seed S --markdown]`
 *
 * Runs the calibration targets of ../shared/CALIBRATION.md (C1-C7) at the
 * default world and prints, for each, the source, the range, the model's
 * value with its 90 % interval over replicates, and PASS or FAIL; exits 1 on
 * a FAIL. C0 (every field changes some output) is `tests/sim/field-effects.test.ts`.
 * `--markdown` prints the table as docs/calibration.md shows it.
 */
import { parseArgs } from 'node:util';
import { calibrate, type TargetResult } from '../src/sim/calibration.ts';
import { ENGINE_VERSION } from '../src/sim/engine.ts';

const { values: args } = parseArgs({
  options: { replicates: { type: 'string', default: '8' }, seed: { type: 'string', default: '1' }, markdown: { type: 'boolean', default: false } },
});
const replicates = Number(args.replicates);
const seed = Number(args.seed);

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const started = performance.now();
const results = calibrate({ seed, replicates });
const seconds = ((performance.now() - started) / 1000).toFixed(0);

function markdown(rs: readonly TargetResult[]): string {
  const rows = rs.map(
    (r) => `| ${r.target.id} | ${r.target.title} | ${r.target.range} | ${fmt(r.mean)} ${r.target.unit} (${fmt(r.p05)} to ${fmt(r.p95)}) | ${r.pass ? 'PASS' : 'FAIL'} | ${r.target.source} |`,
  );
  return ['| # | target | range | model: mean (90 % of replicates) | result | source |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

if (args.markdown) console.log(markdown(results));
else {
  for (const r of results) {
    console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.target.id}  ${r.target.title}`);
    console.log(`      range ${r.target.range}; model ${fmt(r.mean)} ${r.target.unit}, 90 % of replicates ${fmt(r.p05)} to ${fmt(r.p95)}`);
    console.log(`      source: ${r.target.source}`);
  }
}
const failed = results.filter((r) => !r.pass).length;
console.log(`\nengine ${ENGINE_VERSION}, seed ${seed}, ${replicates} replicates, ${seconds} s: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
