import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../src/ui/messages/en.ts';
import { zh } from '../../src/ui/messages/zh.ts';
import { baseUrl, launchChromium, openApp, type AppPage } from './browser.ts';
import { openView, runToEnd, setSpeed, shareLink, tid } from './driver.ts';

/**
 * Two languages (issue 12), in the production build: the language switch is
 * reached and used with the keyboard; the whole page (headings, charts' axes,
 * numbers by Intl, <html lang>) follows without a reload and without losing
 * the run; a reload keeps the language; a copied link opens in it in a fresh
 * browser; and back to English. Tests in this file share one page and run in order.
 */

/** Tabs from the top of the page (its skip link) to the language switch: it is in the keyboard order. */
async function tabToLanguage(page: Page): Promise<number> {
  await page.focus(tid('skip-link'));
  for (let i = 1; i <= 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'language-select')) return i;
  }
  throw new Error('the language switch was not reached with Tab');
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const h1 = (page: Page) => page.textContent('h1');

/** Each y-axis label of a chart against Intl's own formatting of its value in `tag` (as i18n.axis: compact from 10,000). */
async function ticksByIntl(page: Page, plot: string, tag: string): Promise<{ shown: string[]; expected: string[] }> {
  return page.evaluate(
    ([sel, t]) => {
      const ticks = [...document.querySelectorAll(`${sel} text[data-tick]`)];
      const int = new Intl.NumberFormat(t, { maximumFractionDigits: 0 });
      const dec = new Intl.NumberFormat(t, { maximumSignificantDigits: 3 });
      const compact = new Intl.NumberFormat(t, { notation: 'compact', maximumSignificantDigits: 3 });
      return {
        shown: ticks.map((x) => x.textContent ?? ''),
        expected: ticks.map((x) => {
          const v = Number(x.getAttribute('data-tick'));
          return Math.abs(v) >= 10_000 ? compact.format(v) : Math.abs(v) >= 100 || Number.isInteger(v) ? int.format(v) : dec.format(v);
        }),
      };
    },
    [plot, tag] as const,
  );
}

describe('two languages', () => {
  let browser: Browser;
  let app: AppPage;
  let runKey: string | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, '', { viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens in English (the browser asks for English)', async () => {
    const { page } = app;
    expect(await h1(page)).toBe(en['app.title']);
    expect(await htmlLang(page)).toBe('en');
    await setSpeed(page, 'instant');
    await runToEnd(page);
    runKey = await page.getAttribute(tid('results'), 'data-run-key');
    expect(runKey).toBeTruthy();
  });

  it('switches to 中文 with the keyboard: headings, tabs, axes and numbers follow; the run is kept', async () => {
    const { page } = app;
    const presses = await tabToLanguage(page);
    expect(presses).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans', undefined, { timeout: 60_000 });
    expect(await page.inputValue(tid('language-select'))).toBe('zh');
    expect(await h1(page)).toBe(zh['app.title']);
    expect((await page.textContent(tid('view-charts')))?.trim()).toBe(zh['view.charts']);
    expect(await page.textContent(tid('disclaimer'))).toContain(zh['app.disclaimer']);
    expect(await page.title()).toBe(zh['app.documentTitle']);
    // The charts' own text (drawn in SVG) follows too: titles and the weeks' axis.
    const demand = (await page.textContent(tid('charts-view'))) ?? '';
    expect(demand).toContain(zh['chart.demand.title']);
    expect(demand).not.toContain(en['chart.demand.title']);
    // The lines' own labels (legend and the hover table, drawn from the chart's adopted data) follow too.
    await page.waitForFunction(
      ([sel, english]) => !(document.querySelector(sel)?.textContent ?? english).includes(english),
      [tid('chart-reports'), en['metric.reportsByWorkers']] as const,
      { timeout: 60_000 },
    );
    expect(await page.textContent(tid('chart-reports'))).toContain(zh['metric.reportsByWorkers']);
    expect(await page.locator(`${tid('plot-exploited')} text`, { hasText: zh['chart.xLabel'] }).count()).toBeGreaterThan(0);
    // Numbers by Intl in Chinese.
    const ticks = await ticksByIntl(page, tid('plot-exploited'), 'zh-Hans');
    expect(ticks.shown.length).toBeGreaterThan(1);
    expect(ticks.shown).toEqual(ticks.expected);
    // No reload, no rerun: the same finished run is on screen, and the address carries the language.
    expect(await page.getAttribute(tid('results'), 'data-run-key')).toBe(runKey);
    expect(await page.getAttribute(tid('results'), 'data-run-status')).toBe('done');
    await page.waitForFunction(() => /[#&]l=zh(&|$)/.test(location.hash), undefined, { timeout: 60_000 });
    // Every view shows Chinese headings.
    await openView(page, 'compare');
    expect(await page.textContent(tid('compare-view'))).toContain(zh['compare.title']);
    await openView(page, 'charts');
  });

  it('a reload keeps the language', async () => {
    const { page } = app;
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('h1');
    expect(await h1(page)).toBe(zh['app.title']);
    expect(await htmlLang(page)).toBe('zh-Hans');
    expect(await page.inputValue(tid('language-select'))).toBe('zh');
  });

  it('a copied link opens in Chinese in a fresh browser', async () => {
    const url = await shareLink(app.page);
    expect(new URL(url).hash).toMatch(/&l=zh(&|$)/);
    const other = await openApp(browser, new URL(url).hash ? `/${new URL(url).hash}` : '', { viewport: { width: 390, height: 844 } });
    try {
      await other.page.waitForSelector('h1');
      expect(await h1(other.page)).toBe(zh['app.title']);
      expect(await htmlLang(other.page)).toBe('zh-Hans');
      // At 390 px the Chinese page fits the screen: nothing sticks out sideways, the language switch is on screen.
      expect(await other.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = await other.page.locator(tid('language-select')).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      // The notice that the link was opened is in Chinese too.
      await other.page.waitForFunction((t) => document.body.textContent?.includes(t), zh['msg.link.loaded'].slice(0, 6), { timeout: 60_000 });
      // A notice on screen follows a switch.
      await other.page.selectOption(tid('language-select'), 'en');
      await other.page.waitForFunction((t) => document.body.textContent?.includes(t), en['msg.link.loaded'].slice(0, 10), { timeout: 60_000 });
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('a browser that prefers Chinese opens in Chinese; its own choice of English then sticks', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(baseUrl(), { waitUntil: 'load' });
      await page.waitForSelector('h1');
      expect(await h1(page)).toBe(zh['app.title']);
      expect(await htmlLang(page)).toBe('zh-Hans');
      await page.selectOption(tid('language-select'), 'en');
      await page.waitForFunction(() => /[#&]l=en(&|$)/.test(location.hash), undefined, { timeout: 60_000 });
      // The saved workspace (written on leaving) wins over the browser's language at the next visit.
      await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
      await page.goto(baseUrl(), { waitUntil: 'load' });
      await page.waitForSelector('h1');
      expect(await h1(page)).toBe(en['app.title']);
    } finally {
      await context.close();
    }
  });

  it('switches back to English with the keyboard', async () => {
    const { page } = app;
    await tabToLanguage(page);
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 60_000 });
    expect(await h1(page)).toBe(en['app.title']);
    expect((await page.textContent(tid('view-charts')))?.trim()).toBe(en['view.charts']);
    await page.waitForFunction(() => /[#&]l=en(&|$)/.test(location.hash), undefined, { timeout: 60_000 });
    expect(app.errors).toEqual([]);
    expect(app.dialogs).toEqual([]);
  });
});
