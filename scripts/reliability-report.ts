/**
 * Prints, at the end of `npm test`, what the reliability tests tried (issue 4):
 * counts of random inputs, faults injected and hostile links, summed per suite.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const file = join(import.meta.dirname, '../test-artifacts/reliability/tally.jsonl');
if (!existsSync(file)) {
  console.log('reliability report: no tallies recorded');
  process.exit(0);
}
const totals = new Map<string, Map<string, number>>();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { suite, ...counts } = JSON.parse(line) as { suite: string } & Record<string, number>;
  const t = totals.get(suite) ?? new Map<string, number>();
  for (const [k, v] of Object.entries(counts)) t.set(k, (t.get(k) ?? 0) + v);
  totals.set(suite, t);
}
console.log('\nReliability report (issue 4): what was tried in this test run');
for (const [suite, counts] of totals) {
  console.log(`  ${suite}`);
  for (const [k, v] of counts) console.log(`    ${k.padEnd(36)} ${v.toLocaleString('en')}`);
}
if (process.argv.includes('--clear')) rmSync(file);
