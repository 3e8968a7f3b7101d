import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Issue 4 asks for a report of what was tried (inputs and faults) at the end of
 * the test run. Tests append counts here; scripts/reliability-report.ts prints them.
 */
export const TALLY_DIR = join(import.meta.dirname, '../../test-artifacts/reliability');

export function tally(suite: string, counts: Record<string, number>): void {
  mkdirSync(TALLY_DIR, { recursive: true });
  appendFileSync(join(TALLY_DIR, 'tally.jsonl'), `${JSON.stringify({ suite, ...counts })}\n`);
}
