import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { validateScenario } from '../../src/scenario/load.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { encodeShareHash } from '../../src/ui/workspace/share.ts';
import { launchChromium, openApp, screenshot, type AppPage } from './browser.ts';
import { openView, tid } from './driver.ts';
import { SCREENSHOTS } from './paths.ts';
import { experimentCli } from '../cli/experiment-support.ts';
import { WORLDS } from '../support/small-world.ts';

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
  // Generous guards, not budgets: the CI machine is busy and the workers may still be computing.
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(tid(button), { timeout: 120_000 })]);
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

  it('runs a small second-order band: a mean path and two band paths, the CSV a row per week', async () => {
    const { page } = app;
    await setNumber(page, 'explore-second-order-draws', '3');
    await setNumber(page, 'explore-second-order-replicates', '2');
    await page.click(tid('explore-run-second-order'));
    await waitPanel(page, 'second-order', 'done');
    expect(await page.getAttribute(tid('explore-second-order'), 'data-total')).toBe('3');
    const chart = `${tid('explore-second-order')} ${tid('second-order-chart')}`;
    expect(await page.getAttribute(chart, 'data-weeks')).toBe('12');
    const mean = await page.$$eval(`${chart} ${tid('second-order-mean')}`, (els) => els.map((e) => e.getAttribute('d') ?? ''));
    expect(mean).toHaveLength(1);
    expect(mean[0]).toMatch(/^M/);
    const bands = await page.$$eval(`${chart} ${tid('second-order-band')}`, (els) => els.map((e) => ({ band: e.getAttribute('data-band'), d: e.getAttribute('d') ?? '' })));
    expect(bands.map((b) => b.band).sort()).toEqual(['assumptions', 'chance']);
    for (const b of bands) expect(b.d).toMatch(/^M.*Z$/);
    expect(await page.textContent(tid('second-order-shares'))).toMatch(/\d+% of the spread .* comes from assumptions, \d+% from chance/);
    const rows = csvParse(await download(page, 'explore-csv-second-order'));
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => Number(r.week))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rows.columns).toEqual(['week', 'outcome', 'mean', 'assumptions_p05', 'assumptions_p95', 'chance_p05', 'chance_p95', 'total_p05', 'total_p95']);
    const svg = await download(page, 'explore-svg-second-order');
    expect(svg).toContain('second-order-mean');
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
      for (const id of ['second-order', 'tornado', 'morris', 'attribution', 'robustness', 'frontier']) {
        await page.locator(tid(`explore-${id}`)).screenshot({ path: `${SCREENSHOTS}/explore-${id}-${width}.png`, timeout: 120_000 });
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

  it('opens a summary.json the command line wrote: its chart shown, nothing run; a tampered one lists its problems and changes nothing', async () => {
    const { page } = app;
    const dir = mkdtempSync(join(tmpdir(), 'explore-e2e-'));
    try {
      const exp = join(dir, 'deep.json');
      writeFileSync(
        exp,
        JSON.stringify({
          format: 'dsw-experiment',
          version: 1,
          name: 'tiny deep uncertainty',
          scenario: WORLDS.cli,
          replicates: 2,
          weeks: 6,
          outcomes: ['derivedDemand'],
          design: { type: 'monte-carlo', draws: 3, inputs: ['assumptions.population.consumers', 'assumptions.population.clients'] },
        }),
      );
      const out = join(dir, 'out');
      const cli = await experimentCli([exp, '--out', out, '--quiet']);
      expect(cli.code, cli.stderr).toBe(0);
      const summary = readFileSync(join(out, 'summary.json'), 'utf8');

      await page.setInputFiles(tid('explore-file-input'), { name: 'summary.json', mimeType: 'application/json', buffer: Buffer.from(summary) });
      await page.waitForSelector(`${tid('explore-file-opened')}[data-kind="results"]`);
      expect(await page.textContent(tid('explore-file-opened'))).toContain('(3 points × 2 replicates, 6 weeks), computed by the command line');
      expect(await panelStatus(page, 'file')).toBe('done');
      expect(await page.getAttribute(tid('explore-file-results'), 'data-design')).toBe('monte-carlo');
      const chart = `${tid('explore-file-results')} ${tid('second-order-chart')}`;
      expect(await page.getAttribute(chart, 'data-weeks')).toBe('6');
      expect(await page.locator(`${chart} ${tid('second-order-band')}`).count()).toBe(2);
      expect(await page.locator(`${chart} ${tid('second-order-mean')}`).count()).toBe(1);
      const rows = csvParse(await download(page, 'explore-csv-file-second-order'));
      expect(rows).toHaveLength(6);
      for (const width of [390, 1024, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForFunction((w) => window.innerWidth === w, width);
        await page.locator(tid('explore-file')).screenshot({ path: `${SCREENSHOTS}/explore-file-results-${width}.png`, timeout: 120_000 });
      }

      const hashBefore = await page.evaluate(() => location.hash);
      const tampered = JSON.parse(summary);
      tampered.secondOrder[0].varianceShare.chance = 'half';
      tampered.points = 'three';
      await page.setInputFiles(tid('explore-file-input'), { name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
      await page.waitForSelector(tid('explore-file-problems'));
      const text = (await page.textContent(tid('explore-file-problems'))) ?? '';
      expect(text).toContain('secondOrder[0].varianceShare.chance');
      expect(text).toContain('points');
      expect(text).not.toMatch(/at \w+ \(|TypeError|stack/);
      // The results shown before stay, and the scenario is as it was.
      expect(await page.locator(chart).count()).toBe(1);
      expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
      expect(app.errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
