import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as lzModule from 'lz-string';
import { csvParseRows } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createHandIn, createWorkshop, encodeHandInHash } from '../../src/board/formats.ts';
import { defaultScenario } from '../../src/scenario/load.ts';
import { launchChromium, openApp, screenshot, type AppPage } from './browser.ts';
import { setNumberLever, tid } from './driver.ts';

/**
 * The facilitator's board (issue 12): a facilitator opens a workshop, three
 * teams hand in their packages (two by link, one by file), the board ranks
 * them against the base scenario and draws the trade-off, the debrief prints
 * and downloads; bad hand-ins are refused with a clear message and never
 * remove a package; a reload keeps every package; the hand-in's QR code reads
 * back (jsQR) as the hand-in link.
 */

const lz = ((lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule) as typeof lzModule;
const JSQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');
const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';
const LONG = 300_000;

/** Makes the team's hand-in on the team page and returns its link (and the page's file download, when asked). */
async function handIn(page: Page, team: string, lever: [string, string], file = false): Promise<{ link: string; fileText?: string }> {
  // On a phone the levers are in a drawer.
  const drawer = (await page.locator(tid('levers-open')).count()) > 0;
  if (drawer) await page.click(tid('levers-open'));
  await setNumberLever(page, lever[0], lever[1]);
  if (drawer) await page.click(tid('levers-close'));
  if (!(await page.locator(tid('hand-in-team')).count())) await page.click(tid('hand-in-open'));
  await page.fill(tid('hand-in-team'), team);
  await page.click(tid('hand-in-make'));
  await page.waitForSelector(tid('hand-in-link'));
  const link = await page.inputValue(tid('hand-in-link'));
  if (!file) return { link };
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('hand-in-download'))]);
  return { link, fileText: await readFile(await download.path(), 'utf8') };
}

/** Decodes a QR code on the page with jsQR, from a screenshot of the element (as a phone would see it). */
async function readQr(page: Page, selector: string): Promise<string | null> {
  const png = await page.locator(selector).screenshot();
  if (!(await page.evaluate(() => 'jsQR' in window))) await page.evaluate(readFileSync(JSQR, 'utf8'));
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const jsQR = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
    return jsQR(data.data, data.width, data.height)?.data ?? null;
  }, png.toString('base64'));
}

async function message(page: Page): Promise<{ code: string | null; text: string }> {
  const el = page.locator(tid('board-message'));
  return { code: await el.getAttribute('data-code'), text: (await el.textContent()) ?? '' };
}

async function packages(page: Page): Promise<number> {
  return Number(await page.getAttribute(tid('board-view'), 'data-packages'));
}

describe('the facilitator’s board', () => {
  let browser: Browser;
  let facilitator: AppPage;
  let teamLink = '';
  const links: Record<string, string> = {};
  let fileText = '';
  let qrText: string | null = null;
  let qrPng: Buffer;

  beforeAll(async () => {
    browser = await launchChromium();
    facilitator = await openApp(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the facilitator opens a workshop on the scenario on screen, with a team link and its QR code', async () => {
    const { page } = facilitator;
    // A short horizon keeps the workshop quick on a busy machine.
    await page.fill(tid('weeks-input'), '60');
    await page.press(tid('weeks-input'), 'Enter');
    await page.click(tid('view-board'));
    await page.waitForSelector(tid('board-create'));
    // A name is needed: the form says so rather than opening a nameless workshop.
    await page.click(tid('board-create-submit'));
    await page.waitForSelector(tid('board-create-error'));
    await page.fill(tid('board-name'), 'Athens working group');
    await page.fill(tid('board-runs'), '3');
    await page.click(tid('board-create-submit'));
    await page.waitForSelector(tid('board-workshop'));
    teamLink = await page.inputValue(tid('board-team-link'));
    expect(teamLink).toContain('#w=');
    expect(await readQr(page, tid('board-team-qr'))).toBe(teamLink);
  });

  it('three teams open the team link, each in its own browser, build packages on the base and hand them in (the QR code reads back as the link)', async () => {
    const teams: [string, string, string, boolean][] = [
      ['A', 'Inspectors', INSPECTORS, false],
      ['B', 'Due diligence', 'interventions.supplyChain.dueDiligenceShare', false],
      ['C', 'Worker organisations', 'interventions.workerProtection.workerOrganisations', true],
    ];
    for (const [key, name, lever, file] of teams) {
      // Team B works on a phone.
      const team = await openApp(browser, new URL(teamLink).hash, key === 'B' ? { viewport: { width: 390, height: 844 } } : {});
      const { page } = team;
      await page.waitForSelector(tid('team-panel'));
      // The team works on the workshop's base scenario.
      expect(await page.inputValue(tid('weeks-input'))).toBe('60');
      const made = await handIn(page, name, [lever, key === 'A' ? '3' : key === 'B' ? '0.8' : '0.7'], file);
      links[key] = made.link;
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, `board-team-${key === 'B' ? 390 : 1440}-${key}`);
      if (made.fileText) fileText = made.fileText;
      if (key === 'A') {
        qrText = await readQr(page, tid('hand-in-qr'));
        qrPng = await page.locator(tid('hand-in-qr')).screenshot();
      }
      expect(await page.locator(`${tid('hand-in-levers')} li`).count()).toBe(1);
      expect(team.errors).toEqual([]);
      await team.context.close();
    }
    expect(qrText).toBe(links.A);
    expect(new Set(Object.values(links)).size).toBe(3);
    expect(JSON.parse(fileText).team).toBe('Worker organisations');
  });

  it('three packages arrive (by a pasted link, by opening a link, by a file) and the board ranks them with the trade-off', async () => {
    const { page } = facilitator;
    await page.fill(tid('board-paste'), links.A);
    await page.click(tid('board-paste-add'));
    await page.waitForSelector(`${tid('board-message')}[data-code="added"]`);
    // A hand-in link opened in the facilitator's browser goes onto the board.
    await page.goto(links.B);
    await page.waitForFunction(() => document.querySelector('[data-testid="board-view"]')?.getAttribute('data-packages') === '2');
    expect(new URL(page.url()).hash).not.toContain('#h=');
    await page.setInputFiles(tid('board-file'), { name: 'hand-in-worker-organisations.json', mimeType: 'application/json', buffer: Buffer.from(fileText) });
    await page.waitForFunction(() => document.querySelector('[data-testid="board-view"]')?.getAttribute('data-packages') === '3');
    // The QR code as a photo: the same package again changes nothing.
    await page.setInputFiles(tid('board-file'), { name: 'qr.png', mimeType: 'image/png', buffer: qrPng });
    await page.waitForSelector(`${tid('board-message')}[data-code="same"]`, { timeout: 60_000 });
    await page.waitForSelector(`${tid('board-view')}[data-complete="true"]`, { timeout: LONG });
    const rows = page.locator(tid('board-row'));
    expect(await rows.count()).toBe(3);
    const ranks = (await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))))) as number[];
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(ranks[0]).toBe(1);
    // Every cell has its interval.
    const cells = await page.locator(`${tid('board-row')} td[data-outcome]`).evaluateAll((els) => els.map((e) => [e.getAttribute('data-lo'), e.getAttribute('data-hi')]));
    expect(cells.length).toBe(9);
    for (const [lo, hi] of cells) expect(Number(lo)).toBeLessThanOrEqual(Number(hi));
    const points = page.locator(tid('tradeoff-point'));
    expect(await points.count()).toBe(3);
    const dominated = await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-dominated')));
    expect(dominated).toContain('false');
    // The overlay: the base scenario and the three packages (the chart adopts new data in a frame of its own).
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="board-overlay-plot"] path[data-line]').length === 4);
  });

  it('bad hand-ins get a clear message and the three packages stay', async () => {
    const { page } = facilitator;
    const bad: [string, string, RegExp][] = [];
    // Tampered: characters changed in the middle of a link.
    const at = Math.floor(links.A.length * 0.6);
    bad.push([links.A.slice(0, at) + (links.A[at] === 'x' ? 'y' : 'x') + links.A.slice(at + 1, at + 4) + 'QQ' + links.A.slice(at + 6), 'tampered or damaged', /Not added/]);
    // Another base scenario.
    const other = createWorkshop({ name: 'Another room', base: { ...defaultScenario(), seed: 4242 }, outcomes: [{ outcome: 'derivedDemand', better: 'lower' }, { outcome: 'reports', better: 'higher' }], tradeoff: ['derivedDemand', 'reports'], runs: 3 });
    if (!other.ok) throw new Error('fixture');
    bad.push([`http://localhost/${encodeHandInHash(createHandIn(other.value, 'Stranger', {}))}`, 'other-workshop', /another workshop \(“Another room”\)/]);
    // A newer format.
    const newer = { ...JSON.parse(fileText), formatVersion: 2 };
    bad.push([`#h=${lz.compressToEncodedURIComponent(JSON.stringify(newer))}`, 'newer', /newer version of the workbench \(format 2\)/]);
    for (const [link, code, text] of bad) {
      await page.fill(tid('board-paste'), link);
      await page.click(tid('board-paste-add'));
      await page.waitForFunction((c) => {
        const el = document.querySelector('[data-testid="board-message"]');
        const got = el?.getAttribute('data-code') ?? '';
        return el?.getAttribute('role') === 'alert' && (c === 'tampered or damaged' ? ['tampered', 'damaged', 'json', 'invalid', 'kind'].includes(got) : got === c);
      }, code);
      const m = await message(page);
      expect(m.text).toMatch(text);
      expect(m.text).toContain('keeps its 3 packages');
      expect(await packages(page)).toBe(3);
      // The problem says where, what was expected and what was found.
      expect(await page.locator(`${tid('board-problems')} li`).count()).toBeGreaterThan(0);
    }
    expect(await page.locator(tid('board-row')).count()).toBe(3);
    await screenshot(page, 'board-1440-message');
  });

  it('the debrief: a CSV of three packages with levers and outcomes, and a printable page', async () => {
    const { page } = facilitator;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('board-csv'))]);
    const rows = csvParseRows((await readFile(await download.path(), 'utf8')).trim());
    expect(rows).toHaveLength(4);
    const header = rows[0];
    expect(header).toContain(INSPECTORS);
    expect(header).toContain('derivedDemand_change_lo');
    expect(rows.slice(1).map((r) => r[header.indexOf('team')]).sort()).toEqual(['Due diligence', 'Inspectors', 'Worker organisations']);
    expect(rows.slice(1).find((r) => r[header.indexOf('team')] === 'Inspectors')![header.indexOf(INSPECTORS)]).toBe('3');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator(tid('board-take')).isVisible()).toBe(false);
    expect(await page.locator(tid('scenario-bar')).isVisible()).toBe(false);
    expect(await page.locator(tid('board-ranking')).isVisible()).toBe(true);
    expect(await page.locator(tid('board-tradeoff')).isVisible()).toBe(true);
    expect(await page.locator('#workshop-title').textContent()).toContain('Athens working group');
    await screenshot(page, 'board-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('a reload keeps every package', async () => {
    const { page } = facilitator;
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(tid('board-view'));
    expect(await packages(page)).toBe(3);
    await page.waitForSelector(`${tid('board-view')}[data-complete="true"]`, { timeout: LONG });
    expect(await page.locator(tid('board-row')).count()).toBe(3);
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => window.innerWidth === w, width);
      // Nothing sideways: the page is as wide as the window.
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, `board-${width}`);
    }
    expect(facilitator.errors).toEqual([]);
  });
});
