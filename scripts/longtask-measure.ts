import type { Page } from 'playwright-core';
import { validateScenario } from '../src/scenario/load.ts';
import type { Scenario, ScenarioInput } from '../src/scenario/schema.ts';
import { agentCount, BROWSER_LIMITS, checkLimits } from '../src/sim/limits.ts';
import type { MainThreadWork } from '../workers/main-thread-work.ts';

/**
 * The main-thread check of issue 3, shared by the browser test
 * (tests/e2e/longtask.e2e.ts) and `npm run bench:longtask`
 * (scripts/longtask.ts): while the largest population the app allows runs,
 * count the main thread's work per streamed chunk (workers/main-thread-work.ts,
 * which the test asserts: counts hold on a loaded machine) and record every
 * main-thread task over the 50 ms budget with Chromium's `longtask`
 * PerformanceObserver (a timing, which only the benchmark reports).
 */

/** The budget of one main-thread task, in ms (a figure of the benchmark, not a test). */
export const LONG_TASK_MS = 50;

function valid(input: ScenarioInput): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.scenario;
}

/**
 * The default scenario with as many households added as the app's limit
 * (BROWSER_LIMITS.maxAgents) allows: the largest population one can run in
 * the browser. Throws if the limit would refuse it, or would accept one agent more.
 */
export function largestBrowserScenario(): Scenario {
  const base: ScenarioInput = { name: 'Largest population the app allows' };
  const others = agentCount(valid({ ...base, assumptions: { population: { consumers: 0 } } }));
  const scenario = valid({ ...base, assumptions: { population: { consumers: BROWSER_LIMITS.maxAgents - others } } });
  if (agentCount(scenario) !== BROWSER_LIMITS.maxAgents) throw new Error(`expected ${BROWSER_LIMITS.maxAgents} agents, made ${agentCount(scenario)}`);
  const refused = checkLimits(scenario, BROWSER_LIMITS);
  if (refused.length > 0) throw new Error(`the largest population is refused: ${refused.map((p) => p.message).join('; ')}`);
  const oneMore = valid({ ...base, assumptions: { population: { consumers: BROWSER_LIMITS.maxAgents - others + 1 } } });
  if (checkLimits(oneMore, BROWSER_LIMITS).length === 0) throw new Error('one agent more is not refused: the limit is not where expected');
  return scenario;
}

export interface LongTaskReport {
  readonly agents: number;
  readonly weeks: number;
  /** Wall time from pressing Run to the run being done. */
  readonly runMs: number;
  /** Main-thread tasks over 50 ms from pressing Run until a second after the end. */
  readonly tasks: readonly { readonly start: number; readonly duration: number }[];
  /** The main thread's work over the same span (workers/main-thread-work.ts). */
  readonly work: MainThreadWork;
}

const readWork = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __mainThreadWork: MainThreadWork }).__mainThreadWork }));

/**
 * Presses Run on a page that shows `scenario` (the app's data-testids) and
 * records long tasks until the run is done and has settled.
 */
export async function measureRun(page: Page, scenario: Scenario, timeout = 900_000): Promise<LongTaskReport> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
  const status = (wanted: string) =>
    page.waitForFunction((s) => document.querySelector('[data-testid="progress"]')?.getAttribute('data-status') === s, wanted, { timeout });
  const workBefore = await readWork(page);
  const started = await page.evaluate(() => performance.now());
  await page.click('[data-testid="run-button"]');
  await status('running');
  await status('done');
  const ended = await page.evaluate(() => performance.now());
  // The last chunks are drawn after the computation ends.
  await page.waitForTimeout(1000);
  const all = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const workAfter = await readWork(page);
  const work = Object.fromEntries(Object.entries(workAfter).map(([k, v]) => [k, v - workBefore[k as keyof MainThreadWork]])) as unknown as MainThreadWork;
  return { agents: agentCount(scenario), weeks: scenario.weeks, runMs: ended - started, tasks: all.filter((t) => t.start >= started), work };
}

export function formatReport(r: LongTaskReport, what = "the app's limit"): string {
  const longest = r.tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  return (
    `longtask: ${r.agents.toLocaleString('en')} agents (${what}), ${r.weeks} weeks, replicates in web workers; ` +
    `run took ${(r.runMs / 1000).toFixed(1)} s; ${r.tasks.length} main-thread task(s) over ${LONG_TASK_MS} ms` +
    (r.tasks.length ? `, longest ${Math.round(longest)} ms (${r.tasks.map((t) => Math.round(t.duration)).join(', ')} ms)` : '') +
    `; main thread: ${r.work.batches} batch(es), ${r.work.chunks} chunks, ${r.work.chunkWrites} chunk writes, ${r.work.sources} snapshots, ` +
    `${r.work.meanLines} running-mean lines, ${r.work.bandLines} band lines, ${r.work.workerBands} band sets from a worker`
  );
}
