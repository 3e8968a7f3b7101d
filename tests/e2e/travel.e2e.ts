import { readFile, writeFile } from 'node:fs/promises';
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { validateScenario } from '../../src/scenario/load.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { COMPARE_ROWS, OUTCOME_COLUMNS } from '../../src/ui/workspace/compare.ts';
import { decodeShareLink, encodeShareHash } from '../../src/ui/workspace/share.ts';
import { baseUrl, launchChromium, screenshot } from './browser.ts';
import { SCREENSHOTS } from './paths.ts';
import { openView, runToEnd, setNumberLever, setSpeed, shareLink, tid, uploadScenario, waitForStatus } from './driver.ts';

/**
 * Comparisons that travel and browser history (issue 10, points 3 and 10), in
 * the production build: a comparison shared by link opens elsewhere with the
 * same pins, view and figures; it exports as CSV and as one image; a pin opens
 * in the workbench with its results; Compare shows progress, never a blank
 * panel; Back and Forward move between scenario states with their results; a
 * reload mid-run starts the run again; a tampered pins part is reported and
 * the scenario kept. Tests in this file share one page and run in order.
 */

const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';
/** A small world, so that each run takes a moment. */
const SMALL = {
  name: 'Workshop',
  weeks: 52,
  seed: 11,
  assumptions: { population: { consumers: 2000, clients: 300 } },
  interventions: { labourInspection: { inspectorsPer10kWorkers: 2 } },
} satisfies ScenarioInput;

function link(input: ScenarioInput, runs: number): string {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return encodeShareHash(r.scenario, runs);
}

/**
 * Watches every frame: frames where Compare has pins but neither progress nor
 * a table (a blank panel), frames with each, and the run statuses in order.
 */
const WATCH = `
  window.__travel = { blank: 0, progress: 0, table: 0, statuses: [] };
  const tick = () => {
    const t = window.__travel;
    const v = document.querySelector('[data-testid="compare-view"]');
    if (v && v.querySelector('[data-testid="pin-0"]')) {
      const progress = v.querySelector('[data-testid="compare-progress"]');
      const table = v.querySelector('[data-testid="compare-table"]');
      if (!progress && !table) t.blank++;
      if (progress) t.progress++;
      if (table) t.table++;
    }
    const s = document.querySelector('[data-testid="progress"]')?.getAttribute('data-status');
    if (s && t.statuses[t.statuses.length - 1] !== s) t.statuses.push(s);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

interface Watched {
  blank: number;
  progress: number;
  table: number;
  statuses: string[];
}

interface Opened {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

async function open(browser: Browser, hash: string, width = 1440): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.goto(new URL(hash, baseUrl()).href, { waitUntil: 'load' });
  await page.waitForSelector(tid('scenario-bar'));
  return { page, errors, close: () => context.close() };
}

const watched = (page: Page) => page.evaluate(() => (window as unknown as { __travel: Watched }).__travel);

/** The exact figures of every cell of the comparison table (data attributes). */
async function figures(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval(`${tid('compare-table')} [data-testid^="cell-"]`, (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-testid')!, ['data-value', 'data-change', 'data-change-lo', 'data-change-hi'].map((a) => e.getAttribute(a) ?? '')])),
  );
}

/** Waits until both pins have their column in the table. */
async function tableOfTwo(page: Page): Promise<void> {
  await page.waitForSelector(tid(`cell-${COMPARE_ROWS[0].metric}-1`), { timeout: 300_000 });
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(tid(button))]);
  return readFile(await file.path());
}

describe('comparisons that travel, and browser history', () => {
  let browser: Browser;
  let app: Opened;
  let shared = '';
  let before: Record<string, string[]> = {};

  beforeAll(async () => {
    browser = await launchChromium();
    app = await open(browser, link(SMALL, 3));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('pins two packages, and the link carries them and the Compare view', async () => {
    const { page } = app;
    await setSpeed(page, 'instant');
    await runToEnd(page);
    await page.click(tid('pin-button'));
    await setNumberLever(page, INSPECTORS, '4');
    await runToEnd(page);
    await page.click(tid('pin-button'));
    await openView(page, 'compare');
    await tableOfTwo(page);
    before = await figures(page);
    expect(Object.keys(before)).toHaveLength(2 * COMPARE_ROWS.length);
    expect(Object.values(before).every(([value]) => value !== '' && Number.isFinite(Number(value)))).toBe(true);

    shared = await shareLink(page);
    const parts = decodeShareLink(new URL(shared).hash);
    expect(parts.view).toBe('compare');
    expect(parts.pins.kind === 'ok' && parts.pins.pins.map((p) => [p.scenario.interventions.labourInspection.inspectorsPer10kWorkers, p.runs])).toEqual([[2, 3], [4, 3]]);
    console.log(`[e2e] share link with 2 pins and the view: ${new URL(shared).hash.length} characters`);
    await screenshot(page, 'travel-compare-1440');
    expect(app.errors).toEqual([]);
  });

  it('the link opens in a fresh browser: same pins, Compare shown with progress (never blank), same figures after rerun', async () => {
    const other = await open(browser, new URL(shared).hash);
    const { page } = other;
    await page.waitForSelector(tid('compare-view'));
    expect(await page.getAttribute(tid('view-compare'), 'aria-selected')).toBe('true');
    expect(await page.$$eval('[data-testid^="pin-"][data-state]', (els) => els.length)).toBe(2);
    await tableOfTwo(page);
    // Wait until nothing is computing, so the figures are final.
    await page.waitForSelector(`${tid('compare-view')}[data-pending="0"]`);
    expect(await figures(page)).toEqual(before);
    const seen = await watched(page);
    expect(seen.blank, 'frames of Compare with pins but neither progress nor table').toBe(0);
    expect(seen.progress, 'frames showing the pins computing').toBeGreaterThan(0);
    expect(await page.textContent(tid('notice-link-loaded'))).toMatch(/2 pinned packages/);
    expect(other.errors).toEqual([]);
    await other.close();
  });

  it('exports the comparison as CSV: one row per package and outcome, levers and intervals', async () => {
    const { page } = app;
    const rows = csvParse((await download(page, 'compare-export-csv')).toString('utf8'));
    expect(rows).toHaveLength(2 * COMPARE_ROWS.length);
    expect(rows.columns).toEqual(expect.arrayContaining(['package', 'name', INSPECTORS, ...OUTCOME_COLUMNS]));
    expect(new Set(rows.map((r) => `${r.package}/${r.measure}`)).size).toBe(rows.length);
    expect([...new Set(rows.map((r) => r[INSPECTORS]))]).toEqual(['2', '4']);
    for (const r of rows) {
      for (const col of ['value', 'value_p05', 'value_p95', 'baseline']) expect(Number.isFinite(Number(r[col])) && r[col] !== '', `${r.measure} ${col}`).toBe(true);
      expect(Number(r.value_p05)).toBeLessThanOrEqual(Number(r.value_p95));
      expect(['clear', 'none', 'same', 'single']).toContain(r.effect);
    }
    // The CSV holds the table's figures.
    const first = rows.find((r) => r.package === '1' && r.measure === COMPARE_ROWS[0].metric)!;
    expect(first.value).toBe(before[`cell-${COMPARE_ROWS[0].metric}-0`][0]);
  });

  it('exports the comparison as one image: a valid SVG with table and charts, and a PNG', async () => {
    const { page } = app;
    const svg = (await download(page, 'compare-export-svg')).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const check = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror') !== null, lines: doc.querySelectorAll('path[data-line]').length, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '') };
    }, svg);
    expect(check.error).toBe(false);
    expect(check.lines).toBeGreaterThanOrEqual(4 * 2);
    expect(check.texts.some((t) => /illustrative model/i.test(t))).toBe(true);
    expect(check.texts.filter((t) => t === 'Workshop').length).toBeGreaterThan(0);
    const png = await download(page, 'compare-export-png');
    await writeFile(`${SCREENSHOTS}/travel-comparison-export.png`, png);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(w).toBeGreaterThan(1000);
    expect(h).toBeGreaterThan(500);
  });

  it('"Open in workbench" shows the pin with its results, without pressing Run', async () => {
    const { page } = app;
    const key = await page.getAttribute(tid('results'), 'data-run-key');
    await page.click(tid('pin-open-0'));
    await page.waitForSelector(tid('charts-view'));
    expect(await page.inputValue(tid(`lever-${INSPECTORS}`))).toBe('2');
    expect(await page.getAttribute(tid('results'), 'data-run-status')).toBe('done');
    expect(await page.getAttribute(tid('results'), 'data-stale')).toBe('false');
    expect(await page.getAttribute(tid('results'), 'data-run-key')).not.toBe(key);
    expect(await page.getAttribute(tid('results'), 'data-figures')).toBeTruthy();
    const seen = await watched(page);
    expect(seen.statuses.at(-1)).toBe('done');
  });

  it('Back and Forward move between two edits inside the app, with their results', async () => {
    const { page } = app;
    const origin = new URL(page.url()).origin;
    const entries = await page.evaluate(() => history.length);
    await setNumberLever(page, INSPECTORS, '3');
    await runToEnd(page);
    const three = await page.getAttribute(tid('results'), 'data-run-key');
    const threeHash = await page.evaluate(() => location.hash);
    // Another field: edits of one field within a second merge into one step, like a slider drag.
    await page.fill(tid('seed-input'), '12');
    await page.press(tid('seed-input'), 'Enter');
    await runToEnd(page);
    const five = await page.getAttribute(tid('results'), 'data-run-key');
    // Each committed edit is an entry of its own (written a moment after the change; the pin opened
    // just before may add one more). The unit tests count entries exactly.
    // (A sync only: Back below must land on the first edit, Forward on the second.)
    await page.waitForFunction(([n, h]) => history.length >= (n as number) + 1 && location.hash !== h, [entries, threeHash] as const);

    await page.goBack();
    await expect.poll(() => page.inputValue(tid('seed-input'))).toBe('11');
    expect(await page.inputValue(tid(`lever-${INSPECTORS}`))).toBe('3');
    expect(new URL(page.url()).origin).toBe(origin);
    await waitForStatus(page, 'done');
    expect(await page.getAttribute(tid('results'), 'data-run-key')).toBe(three);
    expect(await page.getAttribute(tid('results'), 'data-stale')).toBe('false');

    await page.goForward();
    await expect.poll(() => page.inputValue(tid('seed-input'))).toBe('12');
    await waitForStatus(page, 'done');
    expect(await page.getAttribute(tid('results'), 'data-run-key')).toBe(five);
    expect(await page.getAttribute(tid('results'), 'data-stale')).toBe('false');
    expect(await page.getAttribute(tid('results'), 'data-figures')).toBeTruthy();
    expect(app.errors).toEqual([]);
  });

  it('a reload mid-run starts the run again (running, then done)', async () => {
    const { page } = app;
    await page.fill(tid('weeks-input'), '520');
    await page.press(tid('weeks-input'), 'Enter');
    await setSpeed(page, 'medium');
    await page.click(tid('run-button'));
    await waitForStatus(page, 'running');
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(tid('scenario-bar'));
    expect(await page.inputValue(tid('weeks-input'))).toBe('520');
    await waitForStatus(page, 'done', 300_000);
    const seen = await watched(page);
    // Statuses seen since the reload, in order: the run started again by itself.
    expect(seen.statuses).toEqual(['running', 'done']);
    expect(await page.getAttribute(tid('results'), 'data-stale')).toBe('false');
    expect(app.errors).toEqual([]);
  });

  it('Back after the reload stays in the app: the state before the reload, with its results', async () => {
    const { page } = app;
    await page.goBack({ waitUntil: 'load' });
    await page.waitForSelector(tid('scenario-bar'));
    await expect.poll(() => page.inputValue(tid('weeks-input'))).toBe('52');
    await waitForStatus(page, 'done', 300_000);
    expect(await page.getAttribute(tid('results'), 'data-stale')).toBe('false');
    expect(await page.$$(tid('notice-link-loaded'))).toHaveLength(0);
    await page.goForward({ waitUntil: 'load' });
    await expect.poll(() => page.inputValue(tid('weeks-input'))).toBe('520');
    await waitForStatus(page, 'done', 300_000);
    expect(await page.getAttribute(tid('results'), 'data-stale')).toBe('false');
    expect(app.errors).toEqual([]);
  });

  it('returning to Compare after a reload shows the pins computing, never a blank panel', async () => {
    const { page } = app;
    await page.click(tid('view-compare'));
    // A look at the panel while the pins compute (for people; the counts below are the test).
    const progress = await page.waitForSelector(tid('compare-progress'), { timeout: 60_000 }).catch(() => null);
    if (progress) await page.locator(tid('compare-view')).screenshot({ path: `${SCREENSHOTS}/travel-compare-computing.png` }).catch(() => {});
    await tableOfTwo(page);
    const seen = await watched(page);
    expect(seen.blank).toBe(0);
    expect(seen.progress).toBeGreaterThan(0);
  });

  it('a tampered pins part gives a notice and keeps the scenario', async () => {
    const hash = new URL(shared).hash;
    const p = /&p=([^&]*)/.exec(hash)![1];
    const other = await open(browser, hash.split(`p=${p}`).join(`p=${p.slice(0, 12)}`));
    const { page } = other;
    await page.waitForSelector(tid('notice-link-pins-damaged'));
    expect(await page.textContent(tid('notice-link-pins-damaged'))).toMatch(/damaged/);
    expect(await page.inputValue(tid('scenario-name'))).toBe('Workshop');
    expect(await page.inputValue(tid(`lever-${INSPECTORS}`))).toBe('4');
    expect(await page.getAttribute(tid('view-compare'), 'aria-selected')).toBe('true');
    expect(await page.$$(tid('pin-0'))).toHaveLength(0);
    expect(other.errors).toEqual([]);
    await other.close();
  });

  it('a comparison file (File menu) opens elsewhere with its pins and view', async () => {
    const { page } = app;
    await page.click(tid('file-menu'));
    const text = (await download(page, 'download-comparison')).toString('utf8');
    expect(JSON.parse(text)).toMatchObject({ comparison: 1, view: 'compare' });
    const other = await open(browser, '');
    await uploadScenario(other.page, 'workshop-comparison.json', text);
    await other.page.waitForSelector(tid('compare-view'));
    await tableOfTwo(other.page);
    await other.page.waitForSelector(`${tid('compare-view')}[data-pending="0"]`);
    expect(await figures(other.page)).toEqual(before);
    expect(other.errors).toEqual([]);
    await other.close();
  });

  it('Compare on a phone (390 px) fits the screen', async () => {
    const phone = await open(browser, new URL(shared).hash, 390);
    const { page } = phone;
    await tableOfTwo(phone.page);
    await page.waitForSelector(`${tid('compare-view')}[data-pending="0"]`);
    await screenshot(page, 'travel-compare-390');
    await page.locator(tid('compare-view')).screenshot({ path: `${SCREENSHOTS}/travel-compare-390-view.png` });
    await phone.close();
  });
});
