import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { encodeShareHash } from '../../src/ui/workspace/share.ts';
import { formatReport, largestBrowserScenario, measureRun } from '../../scripts/longtask-measure.ts';
import { launchChromium, openApp, screenshot } from './browser.ts';
import { tid } from './driver.ts';

/**
 * The page never freezes (issue 3): during a run of the largest population
 * the app allows, no main-thread task takes longer than 50 ms, as Chromium's
 * `longtask` PerformanceObserver reports them. The one timing assertion of
 * the suite, as the issue asks; the figures are printed.
 */
describe('main-thread responsiveness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // A busy machine (other jobs, a GC pause of the browser itself) can show a
  // one-off long task; a real regression shows on every attempt.
  it('no task longer than 50 ms on the main thread while the largest allowed population runs', { retry: 2 }, async () => {
    const scenario = largestBrowserScenario();
    const app = await openApp(browser, encodeShareHash(scenario, 1));
    await app.page.waitForSelector(tid('scenario-bar'));
    await app.page.waitForTimeout(500);
    const report = await measureRun(app.page, scenario);
    console.log(`[e2e] ${formatReport(report)}`);
    await screenshot(app.page, '09-largest-run');
    expect(app.errors).toEqual([]);
    expect(report.tasks).toEqual([]);
    await app.context.close();
  });
});
