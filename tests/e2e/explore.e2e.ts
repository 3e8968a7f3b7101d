import { readFile } from 'node:fs/promises';
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { validateScenario } from '../../src/scenario/load.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { encodeShareHash } from '../../src/ui/workspace/share.ts';
import { launchChromium, openApp, screenshot, type AppPage } from './browser.ts';
import { openView, tid } from './driver.ts';
import { SCREENSHOTS } from './paths.ts';

/**
 * The Explore view (issue 11, "In the app") in the production build: a small
 * tornado drawn sorted by swing, its CSV the rows of its bars; a run
 * cancelled says so and leaves the page responsive; a bad experiment file
 * lists its problems and changes nothing; a good one shows its analysis.
 * Counts and states only, never timings. Tests share one page, in order.
 */

/** A small world with one measure, so that runs take a moment and attribution/robustness have a package. */
const SMALL = {
  name: 'Explore workshop',
  weeks: 52,
  seed: 5,
  assumptions: { population: { consumers: 1500, clients: 250 } },
  interventions: { labourInspection: { inspectorsPer10kWorkers: 2 } },
} satisfies ScenarioInput;

const INPUTS = ['assumptions.population.consumers', 'assumptions.population.clients', 'assumptions.sectors.sexual.workers'];

function link(input: ScenarioInput): string {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return encodeShareHash(r.scenario, 1);
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(tid(button))]);
  return readFile(await file.path(), 'utf8');
}

async function panelStatus(page: Page, id: string): Promise<string | null> {
  return page.getAttribute(tid(`explore-${id}`), 'data-status');
}

async function waitPanel(page: Page, id: string, wanted: string): Promise<void> {
  await page.waitForSelector(`${tid(`explore-${id}`)}[data-status="${wanted}"]`, { timeout: 300_000 });
}

async function setNumber(page: Page, testid: string, value: string): Promise<void> {
  await page.fill(tid(testid), value);
  await page.press(tid(testid), 'Tab');
}

describe('Explore', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, link(SMALL));
    await app.page.waitForSelector(tid('scenario-bar'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs a small tornado: bars sorted by swing, and the CSV holds the rows of the bars', async () => {
    const { page } = app;
    await openView(page, 'explore');
    expect(await panelStatus(page, 'tornado')).toBe('idle');
    await setNumber(page, 'explore-weeks', '12');
    await setNumber(page, 'explore-tornado-replicates', '1');
    await page.click(`${tid('explore-inputs')} summary`);
    await page.click(tid('explore-inputs-none'));
    for (const path of INPUTS) await page.check(`${tid('explore-input')}[data-path="${path}"]`);
    await page.click(tid('explore-run-tornado'));
    await waitPanel(page, 'tornado', 'done');
    expect(await page.getAttribute(tid('explore-tornado'), 'data-total')).toBe(String(1 + 2 * INPUTS.length));
    expect(await page.getAttribute(tid('explore-tornado'), 'data-done')).toBe(String(1 + 2 * INPUTS.length));

    const bars = await page.$$eval(`${tid('explore-tornado')} ${tid('tornado-bar')}`, (els) => els.map((e) => ({ path: e.getAttribute('data-path')!, swing: Number(e.getAttribute('data-swing')) })));
    expect(bars.map((b) => b.path).sort()).toEqual([...INPUTS].sort());
    for (let i = 1; i < bars.length; i++) expect(bars[i - 1].swing).toBeGreaterThanOrEqual(bars[i].swing);

    const rows = csvParse(await download(page, 'explore-csv-tornado'));
    expect(rows.map((r) => r.path)).toEqual(bars.map((b) => b.path));
    expect(rows.map((r) => Number(r.swing))).toEqual(bars.map((b) => b.swing));
    expect(rows.every((r) => r.outcome === 'derivedDemand')).toBe(true);

    const svg = await download(page, 'explore-svg-tornado');
    expect(svg).toContain('<svg');
    expect(svg).toContain('Illustrative');

  });

  it('runs Morris, attribution and robustness (with the frontier) on the same small settings', async () => {
    const { page } = app;
    await setNumber(page, 'explore-trajectories', '2');
    await setNumber(page, 'explore-draws', '3');
    await setNumber(page, 'explore-robustness-replicates', '1');
    await page.click(tid('explore-run-morris'));
    await page.click(tid('explore-run-attribution'));
    await page.click(tid('explore-run-robustness'));
    for (const id of ['morris', 'attribution', 'robustness']) await waitPanel(page, id, 'done');
    expect(await page.locator(`${tid('explore-morris')} ${tid('morris-point')}`).count()).toBe(INPUTS.length);
    // Baseline, the one measure alone, interaction, package.
    expect(await page.locator(`${tid('explore-attribution')} ${tid('waterfall-step')}`).count()).toBe(4);
    // One package (the scenario's) on every headline outcome.
    expect(await page.locator(`${tid('explore-robustness')} ${tid('robustness-bar')}`).count()).toBe(8);
    expect(await page.locator(`${tid('explore-frontier')} ${tid('frontier-point')}`).count()).toBe(1);
    const rows = csvParse(await download(page, 'explore-csv-robustness'));
    expect(rows).toHaveLength(8);

    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => window.innerWidth === w, width);
      await screenshot(page, `explore-${width}`);
      for (const id of ['tornado', 'morris', 'attribution', 'robustness', 'frontier']) {
        await page.locator(tid(`explore-${id}`)).screenshot({ path: `${SCREENSHOTS}/explore-${id}-${width}.png` });
      }
    }
  });

  it('cancel stops a run at once, says "cancelled", and the page stays responsive', async () => {
    const { page } = app;
    await setNumber(page, 'explore-weeks', '52');
    await setNumber(page, 'explore-draws', '200');
    await page.click(tid('explore-run-robustness'));
    await waitPanel(page, 'robustness', 'running');
    await page.click(tid('explore-cancel-robustness'));
    await waitPanel(page, 'robustness', 'cancelled');
    await page.waitForSelector(tid('explore-cancelled-robustness'));
    expect(await page.locator(`${tid('explore-robustness')} ${tid('robustness-chart')}`).count()).toBe(0);
    // Responsive: a control answers, and the other panels kept their results.
    await setNumber(page, 'explore-draws', '3');
    expect(await page.inputValue(tid('explore-draws'))).toBe('3');
    expect(await page.locator(`${tid('explore-tornado')} ${tid('tornado-bar')}`).count()).toBe(INPUTS.length);
  });

  it('a bad experiment file lists its problems with paths and leaves the scenario as it was', async () => {
    const { page } = app;
    const hashBefore = await page.evaluate(() => location.hash);
    const bad = JSON.stringify({ format: 'dsw-experiment', version: 1, name: 'bad', scenario: SMALL, replicates: 0, design: { type: 'one-at-a-time', inputs: ['assumptions.nope'] } });
    await page.setInputFiles(tid('explore-file-input'), { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await page.waitForSelector(tid('explore-file-problems'));
    const text = await page.textContent(tid('explore-file-problems'));
    expect(text).toMatch(/replicates|design/);
    expect(await page.locator(`${tid('explore-file-problems')} li`).count()).toBeGreaterThan(0);
    expect(await panelStatus(page, 'file')).toBe('idle');
    expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
  });

  it('a good small experiment file runs and its analysis is shown', async () => {
    const { page } = app;
    const good = JSON.stringify({
      format: 'dsw-experiment',
      version: 1,
      name: 'two inputs',
      scenario: { ...SMALL, weeks: 10 },
      replicates: 1,
      outcomes: ['derivedDemand'],
      series: 'outcomes',
      design: { type: 'one-at-a-time', inputs: INPUTS.slice(0, 2) },
    });
    await page.setInputFiles(tid('explore-file-input'), { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await waitPanel(page, 'file', 'done');
    expect(await page.locator(tid('explore-file-error')).count()).toBe(0);
    expect(await page.getAttribute(tid('explore-file-results'), 'data-design')).toBe('one-at-a-time');
    expect(await page.locator(`${tid('explore-file-results')} ${tid('tornado-bar')}`).count()).toBe(2);
    await screenshot(page, 'explore-file-1440');
    expect(app.errors).toEqual([]);
    expect(app.dialogs).toEqual([]);
  });
});
