import type { Page } from 'playwright-core';
import { validateScenario } from '../src/scenario/load.ts';
import type { Scenario, ScenarioInput } from '../src/scenario/schema.ts';
import { agentCount, BROWSER_LIMITS, checkLimits } from '../src/sim/limits.ts';

/**
 * The long-task check of issue 3, shared by the browser test
 * (tests/e2e/longtask.e2e.ts, which asserts) and scripts/longtask.ts (which
 * only prints): while the largest population the app allows runs, record every
 * main-thread task over 50 ms with Chromium's `longtask` PerformanceObserver.
 */

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
}

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
  const started = await page.evaluate(() => performance.now());
  await page.click('[data-testid="run-button"]');
  await status('running');
  await status('done');
  const ended = await page.evaluate(() => performance.now());
  // The last chunks are drawn after the computation ends.
  await page.waitForTimeout(1000);
  const all = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  return { agents: agentCount(scenario), weeks: scenario.weeks, runMs: ended - started, tasks: all.filter((t) => t.start >= started) };
}

export function formatReport(r: LongTaskReport): string {
  const longest = r.tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  return (
    `longtask: ${r.agents.toLocaleString('en')} agents (the app's limit), ${r.weeks} weeks, scenario and baseline in web workers; ` +
    `run took ${(r.runMs / 1000).toFixed(1)} s; ${r.tasks.length} main-thread task(s) over 50 ms` +
    (r.tasks.length ? `, longest ${Math.round(longest)} ms (${r.tasks.map((t) => Math.round(t.duration)).join(', ')} ms)` : '')
  );
}
