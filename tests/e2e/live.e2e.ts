import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { validateScenario } from '../../src/scenario/load.ts';
import { encodeShareHash } from '../../src/ui/workspace/share.ts';
import { LIVE_MS } from '../../src/ui/workspace/live.ts';
import { launchChromium, openApp, screenshot } from './browser.ts';
import { linePaths, setNumberLever, setSpeed, tid, waitForStatus, weekShown } from './driver.ts';

/**
 * Issue 10, points 4, 10 and 11 in the browser: a chart on load, Live reruns
 * as levers change (and nothing reruns with Live off), a 20-run job that says
 * which runs its chart shows, and a transport whose button names what a press
 * does. No test here presses Run unless it says so.
 */

const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';

const runKey = (page: Page) => page.getAttribute(tid('results'), 'data-run-key');
const figures = (page: Page) => page.getAttribute(tid('results'), 'data-figures');
const action = (page: Page) => page.getAttribute('[data-testid="run-button"], [data-testid="pause-button"]', 'data-action');
const buttonText = async (page: Page) => ((await page.textContent('[data-testid="run-button"], [data-testid="pause-button"]')) ?? '').trim();
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');

/** Waits until the results on screen are finished and for the levers as they are. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const r = document.querySelector('[data-testid="results"]');
      return r?.getAttribute('data-run-status') === 'done' && r.getAttribute('data-stale') === 'false' && !!r.getAttribute('data-figures');
    },
    undefined,
    { timeout: 180_000 },
  );
}

describe('Live and the transport in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws a chart on load without pressing Run, landing on the finished answer', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await settled(page);
    await page.waitForFunction((sel) => (document.querySelector(sel)?.getAttribute('d')?.length ?? 0) > 20, `${tid('plot-demand')} path[data-line]`);
    expect(await page.$(tid('charts-empty'))).toBeNull();
    expect(await weekShown(page)).toBe('Week 260 of 260');
    // Five runs: the finished chart has its band.
    expect(await page.$$(`${tid('plot-demand')} g.bands path`)).not.toHaveLength(0);
    expect(await action(page)).toBe('replay');
    expect(await buttonText(page)).toMatch(/Replay/);
    await screenshot(page, 'live-01-on-load-1440');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('Live on: a lever change redraws without Run (new run key, new figures); Undo reruns back to the same figures', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await settled(page);
    const key0 = await runKey(page);
    const figures0 = await figures(page);
    const paths0 = await linePaths(page, 'plot-demand');

    await setNumberLever(page, INSPECTORS, '4');
    await page.waitForFunction((k) => document.querySelector('[data-testid="results"]')?.getAttribute('data-run-key') !== k, key0);
    await settled(page);
    expect(await runKey(page)).not.toBe(key0);
    expect(await figures(page)).not.toBe(figures0);
    await expect.poll(() => linePaths(page, 'plot-demand')).not.toEqual(paths0);
    expect(await page.$(tid('stale-note'))).toBeNull();

    await page.click(tid('undo-button'));
    await page.waitForFunction((k) => document.querySelector('[data-testid="results"]')?.getAttribute('data-run-key') === k, key0);
    await settled(page);
    // Deterministic: the same scenario gives the same figures.
    expect(await figures(page)).toBe(figures0);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('Live off: nothing reruns until Run, and the page opens without running while it is off', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await settled(page);
    const key0 = await runKey(page);
    await page.click(tid('live-toggle'));
    expect(await page.isChecked(tid('live-toggle'))).toBe(false);
    await setNumberLever(page, INSPECTORS, '3');
    // Many times the Live delay: nothing starts by itself.
    await page.waitForTimeout(LIVE_MS * 8);
    expect(await runKey(page)).toBe(key0);
    expect(await page.getAttribute(tid('results'), 'data-stale')).toBe('true');
    expect(await page.textContent(tid('stale-note'))).toMatch(/press Rerun/);
    expect(await action(page)).toBe('rerun');
    expect(await buttonText(page)).toMatch(/Rerun/);

    await setSpeed(page, 'instant');
    await page.click(tid('run-button'));
    await settled(page);
    expect(await runKey(page)).not.toBe(key0);

    // Saved with the workspace: after a reload Live is still off and nothing runs until Run.
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(tid('scenario-bar'));
    expect(await page.isChecked(tid('live-toggle'))).toBe(false);
    await page.waitForTimeout(LIVE_MS * 8);
    expect(await page.textContent(tid('charts-empty'))).toMatch(/Live is off: press Run/);
    expect(await page.getAttribute(tid('progress'), 'data-status')).toBe('idle');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('a scenario above the Live limit opens with a clear call to Run instead of running, and Run runs it', async () => {
    const checked = validateScenario({ name: 'Too large for Live', weeks: 1040 });
    if (!checked.ok) throw new Error('the scenario is invalid');
    // 1,040 weeks × 6 runs of the default world: 4.8 times its cost (LIVE_COST_MULTIPLE is 4).
    const app = await openApp(browser, encodeShareHash(checked.scenario, 6));
    const { page } = app;
    await page.waitForSelector(tid('live-hold'));
    await page.waitForTimeout(LIVE_MS * 8);
    expect(await page.getAttribute(tid('progress'), 'data-status')).toBe('idle');
    expect(await page.textContent(tid('charts-empty'))).toMatch(/^Live paused: 44,660 agents × 1040 weeks × 6 runs is more than 4 times the default world\. Press Run to compute it\.$/);
    expect(await page.textContent(tid('live-hold'))).toMatch(/Press Run/);
    expect(await action(page)).toBe('run');
    await page.click(tid('run-button'));
    await waitForStatus(page, 'running');
    await page.click(tid('stop-button'));
    await waitForStatus(page, 'stopped');
    // Stopped part way: the status says which runs there are, never a week of the whole job.
    expect(await weekShown(page)).toMatch(/^(Run 1 of 6 · week \d+|\d of 6 runs complete)$/);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('during a 20-run job the chart says which runs it shows ("k of 20"), k rising, and never claims week 260 while runs compute', async () => {
    const checked = validateScenario({ name: 'Twenty runs' });
    if (!checked.ok) throw new Error('the default scenario is invalid');
    const app = await openApp(browser, encodeShareHash(checked.scenario, 20));
    const { page } = app;
    // Everything the page shows, recorded in the page every 40 ms until the job is done.
    await page.evaluate(() => {
      const w = window as unknown as { __samples: { status: string; pct: number; week: string; chart: string; complete: string; bands: number }[] };
      w.__samples = [];
      const timer = setInterval(() => {
        const status = document.querySelector('[data-testid="progress"]')?.getAttribute('data-status') ?? '';
        const chart = document.querySelector('[data-testid="chart-status"]');
        w.__samples.push({
          status,
          pct: (document.querySelector('[data-testid="progress"] progress') as HTMLProgressElement | null)?.value ?? 0,
          week: document.querySelector('[data-testid="week-indicator"]')?.textContent?.trim() ?? '',
          chart: chart?.textContent?.trim() ?? '',
          complete: chart?.getAttribute('data-complete') ?? '',
          bands: document.querySelectorAll('[data-testid="plot-demand"] g.bands path').length,
        });
        if (status === 'done') clearInterval(timer);
      }, 40);
    });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="chart-status"]')?.getAttribute('data-complete') ?? 0) >= 3, undefined, { timeout: 300_000 });
    await screenshot(page, 'live-02-computing-1440');
    await waitForStatus(page, 'done', 600_000);
    const samples = await page.evaluate(() => (window as unknown as { __samples: { status: string; pct: number; week: string; chart: string; complete: string; bands: number }[] }).__samples);
    const running = samples.filter((s) => s.status === 'running');
    expect(running.length).toBeGreaterThan(10);
    // The status never reads "Week 260 of 260" while the job computes.
    for (const s of running) expect(s.week, `at ${Math.round(s.pct * 100)} %`).not.toMatch(/Week 260 of 260/);
    // Which runs the chart shows, as it shows them: k of 20, never falling.
    const counts = running.filter((s) => s.complete !== '' && s.complete !== '0').map((s) => Number(s.complete));
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]);
    for (const s of running.filter((x) => x.complete !== '' && x.complete !== '0')) {
      expect(s.chart).toContain(`${s.complete} of 20 runs complete`);
      expect(s.week).toBe(`${s.complete} of 20 runs complete`);
      // A band once three runs are complete, never before.
      if (Number(s.complete) < 3) expect(s.bands).toBe(0);
    }
    const firstRun = running.filter((s) => /^Run 1 of 20/.test(s.chart));
    for (const s of firstRun) expect(s.bands).toBe(0);
    expect(running.some((s) => Number(s.complete) >= 3 && s.bands > 0)).toBe(true);
    // Done: the whole job, and the status says so.
    await expect.poll(() => weekShown(page)).toBe('Week 260 of 260');
    expect(await page.$(tid('chart-status'))).toBeNull();
    console.log(`[e2e] live: 20-run job sampled ${running.length} times while computing; run 1 streaming in ${firstRun.length}; complete counts seen ${[...new Set(counts)].join(', ')}`);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('Stop is enabled during playback and stops it; Pause turns the button into Resume, which resumes; focus stays on the button', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await settled(page);
    // Playback of the finished run may take a frame or two to come to rest after the run is done.
    await expect.poll(() => page.isEnabled(tid('stop-button'))).toBe(false);
    await setSpeed(page, 'slow');
    await page.focus(tid('run-button'));
    await page.keyboard.press('Enter'); // Replay
    await page.waitForSelector(tid('pause-button'));
    expect(await buttonText(page)).toMatch(/Pause/);
    expect(await focusedTestId(page)).toBe('pause-button');
    // Nothing computes (the results are finished), yet Stop is on: it stops playback.
    expect(await page.getAttribute(tid('progress'), 'data-status')).toBe('done');
    expect(await page.isEnabled(tid('stop-button'))).toBe(true);
    await page.click(tid('stop-button'));
    await page.waitForSelector(tid('run-button'));
    const stoppedAt = await weekShown(page);
    expect(await action(page)).toBe('play');
    expect(await page.isEnabled(tid('stop-button'))).toBe(false);
    await page.waitForTimeout(300);
    expect(await weekShown(page)).toBe(stoppedAt);

    const weekOf = async () => Number((await weekShown(page)).match(/Week (\d+)/)?.[1] ?? 0);
    const stoppedWeek = await weekOf();
    await page.focus(tid('run-button'));
    await page.keyboard.press('Enter'); // Play
    await page.waitForSelector(tid('pause-button'));
    await expect.poll(weekOf).toBeGreaterThan(stoppedWeek);
    await page.keyboard.press('Enter'); // Pause
    await page.waitForSelector(tid('run-button'));
    expect(await action(page)).toBe('resume');
    expect(await buttonText(page)).toMatch(/Resume/);
    expect(await focusedTestId(page)).toBe('run-button');
    const pausedAt = await weekOf();
    expect(pausedAt).toBeGreaterThan(0);
    await page.keyboard.press('Enter'); // Resume
    await page.waitForSelector(tid('pause-button'));
    expect(await focusedTestId(page)).toBe('pause-button');
    await expect.poll(weekOf).toBeGreaterThan(pausedAt);
    await screenshot(page, 'live-03-playing-1440');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('looks right at 390 px: on load, and while a 20-run job computes', async () => {
    const checked = validateScenario({ name: 'Twenty runs' });
    if (!checked.ok) throw new Error('the default scenario is invalid');
    const app = await openApp(browser, encodeShareHash(checked.scenario, 20), { viewport: { width: 390, height: 844 } });
    const { page } = app;
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="chart-status"]')?.getAttribute('data-complete') ?? 0) >= 1, undefined, { timeout: 300_000 });
    await screenshot(page, 'live-04-computing-390');
    await waitForStatus(page, 'done', 600_000);
    await screenshot(page, 'live-05-done-390');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
