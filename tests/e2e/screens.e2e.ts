import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEXT_SCALE, TEXT_SIZE_KEY } from '../../src/ui/text-size.ts';
import { SCREENSHOTS } from './paths.ts';
import { launchChromium, openApp, type AppPage } from './browser.ts';
import { openView, runToEnd, selectPreset, setSpeed, tid, waitForStatus } from './driver.ts';

/**
 * Any screen and a projector (issue 10, points 5 and 7), in the production
 * build: no sideways scroll at 390, 768, 1024 and 1440 px in any view or with
 * any dialog open, nothing cut off, tabs clear of the title; on narrow screens
 * the levers fold into a drawer so the first chart is on the first screen; the
 * lesson's panel never covers what a step points at; a presenter text size
 * scales the page and the charts, is remembered, and still fits.
 */

const WIDTHS = [390, 768, 1024, 1440] as const;
const VIEWS = ['charts', 'flows', 'compare'] as const;
const heightOf = (w: number) => (w < 500 ? 844 : w < 1100 ? 768 : 900);

interface Box { x: number; y: number; width: number; height: number }
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Page width beyond the window (0 when nothing scrolls sideways). */
const sideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

/**
 * Controls and plots that are cut off: partly outside the window, or outside an ancestor that clips
 * (overflow or paint containment) without scrolling. Content of a box that scrolls sideways on purpose
 * (a wide flow diagram, a wide table) is not cut off: it scrolls.
 */
function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement | SVGElement>('button, select, input:not([type="file"]), summary, svg.plot, [role="tab"]');
    for (const el of els) {
      if (!el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;
      const name = `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}]`;
      let scrolls = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') {
          scrolls = true;
          break;
        }
        if (cs.overflowX !== 'visible' || /paint|strict|content/.test(cs.contain)) {
          const ar = a.getBoundingClientRect();
          if (r.left < ar.left - 1 || r.right > ar.right + 1) out.push(`${name} clipped by ${a.tagName.toLowerCase()}.${a.className}`);
        }
      }
      if (!scrolls && el.closest('dialog') === null && (r.left < -1 || r.right > window.innerWidth + 1)) out.push(`${name} outside the window (${Math.round(r.left)}..${Math.round(r.right)})`);
    }
    return out;
  });
}

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return b;
}

/** Runs the baseline and one package at instant speed and pins both: the Compare view then has two columns. */
async function pinTwo(page: Page): Promise<void> {
  await setSpeed(page, 'instant');
  await selectPreset(page, 'baseline');
  await runToEnd(page);
  await page.click(`${tid('pin-button')}:not([disabled])`);
  await selectPreset(page, 'awareness-campaign');
  await runToEnd(page);
  await page.click(`${tid('pin-button')}:not([disabled])`);
  await openView(page, 'compare');
  await page.waitForSelector(tid('compare-table'), { timeout: 180_000 });
}

/** The ways a dialog, menu or drawer is opened, and closed again (Escape, as a user would). */
const DIALOGS: Record<string, { open: (page: Page) => Promise<void>; close: (page: Page) => Promise<void> }> = {
  'assumptions drawer': {
    open: async (page) => {
      await page.click(tid('assumptions-open'));
      await page.waitForSelector(`${tid('assumptions-drawer')}[open]`);
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.waitForSelector(`${tid('assumptions-drawer')}:not([open])`, { state: 'attached' });
    },
  },
  'file menu': {
    open: async (page) => {
      await page.click(tid('file-menu'));
      await page.waitForSelector(tid('share-button'));
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.waitForSelector(tid('share-button'), { state: 'hidden' });
    },
  },
  'preset menu': {
    open: async (page) => {
      await page.focus(tid('preset-select'));
      await page.keyboard.press('Alt+ArrowDown');
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
    },
  },
  'about editor': {
    open: async (page) => {
      await page.click(tid('description-edit'));
      await page.waitForSelector(tid('description-input'));
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.waitForSelector(tid('description-input'), { state: 'detached' });
    },
  },
  lesson: {
    open: async (page) => {
      await page.click(tid('lesson-button'));
      await page.waitForSelector(tid('lesson-panel'));
    },
    close: async (page) => {
      await page.click(tid('lesson-close'));
      await page.waitForSelector(tid('lesson-panel'), { state: 'detached' });
    },
  },
  'levers drawer': {
    open: async (page) => {
      await page.click(tid('levers-open'));
      await page.waitForSelector(`${tid('levers-drawer')}[open]`);
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.waitForSelector(`${tid('levers-drawer')}:not([open])`, { state: 'attached' });
    },
  },
};

describe('any screen', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, '', { viewport: { width: 1440, height: 900 } });
    await pinTwo(app.page);
    await openView(app.page, 'charts');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(WIDTHS)('at %i px: no sideways scroll, nothing cut off, tabs clear of the title, in every view and with every dialog open', async (width) => {
    const { page } = app;
    await page.setViewportSize({ width, height: heightOf(width) });
    const narrow = width <= 1100;
    // The layout follows the window's resize event: wait for it rather than read it at once.
    await expect.poll(() => page.isVisible(tid('levers-open')), { message: 'Measures button' }).toBe(narrow);
    await expect.poll(() => page.locator('aside.levers').count(), { message: 'levers beside the results' }).toBe(narrow ? 0 : 1);
    for (const view of VIEWS) {
      await openView(page, view);
      if (view === 'compare') await page.waitForSelector(tid('compare-table'));
      await page.waitForTimeout(100);
      const where = `${view} at ${width}`;
      expect(await sideways(page), where).toBeLessThanOrEqual(0);
      expect(await cutOff(page), where).toEqual([]);
      expect(intersects(await box(page, 'h1'), await box(page, '[role="tablist"]')), `${where}: tabs on the title`).toBe(false);
      await page.screenshot({ path: `${SCREENSHOTS}/screens-${view}-${width}.png` });
      for (const [name, d] of Object.entries(DIALOGS)) {
        if (name === 'levers drawer' && !narrow) continue;
        await d.open(page);
        await page.waitForTimeout(50);
        expect(await sideways(page), `${where} with the ${name} open`).toBeLessThanOrEqual(0);
        if (name === 'file menu') expect(await cutOff(page), `${where} with the ${name} open`).toEqual([]);
        if (view === 'charts') await page.screenshot({ path: `${SCREENSHOTS}/screens-${name.replace(/ /g, '-')}-${width}.png` });
        await d.close(page);
      }
    }
    await openView(page, 'charts');
    expect(app.errors).toEqual([]);
  });

  it.each([1120, 1440])('at %i px the levers column beside the results never scrolls sideways (nothing in it is wider)', async (width) => {
    const { page } = app;
    await page.setViewportSize({ width, height: 900 });
    await openView(page, 'charts');
    const [scroll, client] = await page.$eval('aside.levers', (a) => [a.scrollWidth, a.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    // Every control stays inside its lever card.
    const outside = await page.$$eval('aside.levers article', (cards) =>
      cards.flatMap((c) => {
        const r = c.getBoundingClientRect();
        return [...c.querySelectorAll('input, select, button')]
          .filter((e) => e.checkVisibility() && (e as HTMLInputElement).type !== 'radio')
          .filter((e) => e.getBoundingClientRect().right > r.right + 0.5 || e.getBoundingClientRect().left < r.left - 0.5)
          .map((e) => `${c.getAttribute('data-testid')}: ${e.getAttribute('data-testid') ?? e.tagName}`);
      }),
    );
    expect(outside).toEqual([]);
    await page.locator('aside.levers').screenshot({ path: `${SCREENSHOTS}/screens-levers-${width}.png` });
  });

  it('at 1280×720 the flows overview fits its canvas beside the levers (no sideways scroll)', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openView(page, 'flows');
    await page.click(tid('flow-tab-overview'));
    const [scroll, client] = await page.$eval(tid('flow-diagram'), (svg) => [svg.parentElement!.scrollWidth, svg.parentElement!.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await openView(page, 'charts');
  });

  it('at 1024×768 the first chart starts on the first screen, before any lever', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const chart = await box(page, tid('chart-demand'));
    expect(chart.y).toBeGreaterThan(0);
    expect(chart.y).toBeLessThan(768 * 0.7);
    // No lever control is laid out on the page (they are in the closed drawer).
    expect(await page.locator(`${tid('interventions-panel')}`).isVisible()).toBe(false);
  });

  it('narrow screens: "Measures" opens the levers in a drawer that traps focus; Escape and ✕ close it and focus returns', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 768, height: 1024 });
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
    const inDrawer = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid="levers-drawer"]'));

    await page.click(tid('levers-open'));
    await page.waitForSelector(`${tid('levers-drawer')}[open]`);
    expect(await page.isVisible(tid('interventions-panel'))).toBe(true);
    expect(await inDrawer()).toBe(true);
    // Forward past the last control and back past the first: focus stays in the drawer.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inDrawer(), `Shift+Tab ${i + 1}: focus on ${await focused()}`).toBe(true);
    }
    await page.focus(`${tid('levers-drawer')} ${tid('levers-close')}`);
    await page.keyboard.press('Shift+Tab');
    expect(await inDrawer()).toBe(true);
    expect(await focused()).not.toBe('levers-close');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('levers-close');
    const [scroll, client] = await page.$eval(tid('levers-drawer'), (d) => [d.scrollWidth, d.clientWidth]);
    expect(scroll, 'the drawer scrolls sideways').toBeLessThanOrEqual(client);
    // A lever works from the drawer.
    const lever = page.locator(`${tid('levers-drawer')} input[type="text"], ${tid('levers-drawer')} input[inputmode]`).first();
    expect(await lever.isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await page.waitForSelector(`${tid('levers-drawer')}:not([open])`, { state: 'attached' });
    expect(await focused()).toBe('levers-open');
    expect(await page.isVisible(tid('interventions-panel'))).toBe(false);

    await page.click(tid('levers-open'));
    await page.waitForSelector(`${tid('levers-drawer')}[open]`);
    await page.click(tid('levers-close'));
    await page.waitForSelector(`${tid('levers-drawer')}:not([open])`, { state: 'attached' });
    expect(await focused()).toBe('levers-open');

    // Wide again: the levers are back beside the results, the button gone.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForSelector(`aside.levers ${tid('interventions-panel')}`);
    expect(await page.isVisible(tid('levers-open'))).toBe(false);
  });
});

// The lesson panel's placement (never over its target) is checked for every built-in lesson in lessons.e2e.ts.

describe('presenter text size', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const rootPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const axisPx = (page: Page) => page.$eval(`${tid('plot-demand')} svg text`, (t) => parseFloat(t.getAttribute('font-size') ?? 'NaN'));

  it('scales the page and the charts\' axis text, is remembered after a reload, and fits at 1024 and 1440', async () => {
    const app = await openApp(browser, '', { viewport: { width: 1440, height: 900 } });
    const { page } = app;
    try {
      await setSpeed(page, 'instant');
      await runToEnd(page);
      const normal = { root: await rootPx(page), axis: await axisPx(page) };
      expect(await page.inputValue(tid('text-size'))).toBe('normal');

      await page.selectOption(tid('text-size'), 'presenter');
      await expect.poll(() => rootPx(page)).toBeCloseTo(normal.root * TEXT_SCALE.presenter, 1);
      await expect.poll(() => axisPx(page)).toBeCloseTo(normal.axis * TEXT_SCALE.presenter, 1);
      expect(await page.evaluate((k) => localStorage.getItem(k), TEXT_SIZE_KEY)).toBe('presenter');

      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector(tid('text-size'));
      expect(await page.inputValue(tid('text-size'))).toBe('presenter');
      expect(await rootPx(page)).toBeCloseTo(normal.root * TEXT_SCALE.presenter, 1);
      await setSpeed(page, 'instant');
      await page.click(tid('run-button'));
      await waitForStatus(page, 'done', 180_000);

      for (const width of [1024, 1440]) {
        await page.setViewportSize({ width, height: heightOf(width) });
        for (const view of VIEWS) {
          await openView(page, view);
          await page.waitForTimeout(100);
          expect(await sideways(page), `presenter, ${view} at ${width}`).toBeLessThanOrEqual(0);
          expect(await cutOff(page), `presenter, ${view} at ${width}`).toEqual([]);
          await page.screenshot({ path: `${SCREENSHOTS}/presenter-${view}-${width}.png` });
        }
        await openView(page, 'charts');
      }

      await page.selectOption(tid('text-size'), 'normal');
      await expect.poll(() => rootPx(page)).toBeCloseTo(normal.root, 1);
      expect(await page.evaluate((k) => localStorage.getItem(k), TEXT_SIZE_KEY)).toBe('normal');
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });
});
