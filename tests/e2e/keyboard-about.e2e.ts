import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, type AppPage } from './browser.ts';
import { SCREENSHOTS } from './paths.ts';
import { openView, selectPreset, setNumberLever, setSpeed, shareLink, tid, waitForStatus } from './driver.ts';

/**
 * Issue 10, points 2 and 6: the About text and the Preset menu say what the
 * scenario on screen is (after edits, undo/redo, a share link and "Open in
 * workbench"), and the keyboard alone reaches the results and keeps its place
 * while Run turns into Pause and back.
 */

const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';
const BASELINE_WORDS = 'Every demand-side measure off';

const about = (page: Page) => page.textContent(tid('description-text')).then((t) => t ?? '');
const aboutKind = (page: Page) => page.getAttribute(tid('description-text'), 'data-kind');
const presetShown = (page: Page) => page.$eval(tid('preset-select'), (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? '');
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? document.activeElement?.tagName ?? '');

/** Presses Tab (or Shift+Tab) until the element with `testid` has focus (keyboard only); fails after `max` presses. */
async function tabTo(page: Page, testid: string, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === testid) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${testid} not reached in ${max} tabs; focus is on ${await focused(page)}`);
}

async function expectBaseline(page: Page): Promise<void> {
  await expect.poll(() => aboutKind(page)).toBe('preset');
  expect(await about(page)).toContain(BASELINE_WORDS);
  expect(await presetShown(page)).toMatch(/^Baseline/);
}

async function expectEditedInspectors(page: Page, value: string): Promise<void> {
  await expect.poll(() => aboutKind(page)).toBe('edited');
  const text = await about(page);
  expect(text).toMatch(/^Edited from Baseline/);
  expect(text).toContain(`Inspectors: ${value} inspectors per 10,000 workers (was 0.25 inspectors per 10,000 workers)`);
  expect(text).not.toContain(BASELINE_WORDS);
  expect(await presetShown(page)).toMatch(/^Edited from Baseline/);
}

describe('About text and Preset menu follow the scenario', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser);
    await app.page.waitForSelector(tid('description-text'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts as the baseline preset', async () => {
    await expectBaseline(app.page);
  });

  it('a lever edit makes it "Edited from Baseline" with the change; undo and redo follow', async () => {
    const { page } = app;
    await setNumberLever(page, INSPECTORS, '4');
    await expectEditedInspectors(page, '4');
    await page.click(tid('undo-button'));
    await expectBaseline(page);
    await page.click(tid('redo-button'));
    await expectEditedInspectors(page, '4');
  });

  it('a share link opens with the same description in a fresh browser', async () => {
    const url = await shareLink(app.page);
    const other = await openApp(browser, url.replace(/^https?:\/\/[^/]+\//, ''));
    try {
      await other.page.waitForSelector(tid('description-text'));
      await expectEditedInspectors(other.page, '4');
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('"Open in workbench" on a pin restores the description; picking the preset gives it back', async () => {
    const { page } = app;
    await setSpeed(page, 'instant');
    await page.click(tid('run-button'));
    await waitForStatus(page, 'done');
    await page.waitForSelector(`${tid('pin-button')}:not([disabled])`);
    await page.click(tid('pin-button'));
    await selectPreset(page, 'baseline');
    await expectBaseline(page);
    await openView(page, 'compare');
    await page.click(tid('pin-open-0'));
    await expectEditedInspectors(page, '4');
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator(tid('description-text')).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/about-edited-${width}.png` });
      await page.click(tid('description-toggle'));
      await page.screenshot({ path: `${SCREENSHOTS}/about-edited-open-${width}.png` });
      await page.click(tid('description-toggle'));
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await selectPreset(page, 'baseline');
    await expectBaseline(page);
    expect(app.errors).toEqual([]);
  });
});

describe('keyboard only', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser);
    await app.page.waitForSelector(tid('run-button'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the first Tab reaches "Skip to results", Enter puts focus on the results', async () => {
    const { page } = app;
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('skip-link');
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('results');
    expect(await page.evaluate(() => location.hash)).toBe(hash);
  });

  it('has labelled landmarks: banner, navigation, main, complementary', async () => {
    const { page } = app;
    const marks = await page.evaluate(() =>
      [...document.querySelectorAll('header, nav, main, aside')].map((e) => `${e.tagName.toLowerCase()}:${e.getAttribute('aria-label') ?? (e.getAttribute('aria-labelledby') ? 'labelled' : '')}`),
    );
    expect(marks).toEqual(expect.arrayContaining(['nav:Views', 'main:labelled', 'aside:Interventions']));
    expect(marks.some((m) => m.startsWith('header'))).toBe(true);
  });

  it('Enter on Run keeps focus on the run control as it becomes Pause and Run again', async () => {
    const { page } = app;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, 'run-button');
    await page.keyboard.press('Enter');
    await page.waitForSelector(tid('pause-button'));
    expect(await focused(page)).toBe('pause-button');
    await waitForStatus(page, 'done');
    await page.waitForSelector(tid('run-button'), { timeout: 60_000 });
    expect(await focused(page)).toBe('run-button');
  });

  it('Escape closes the File menu and gives focus back to its button', async () => {
    const { page } = app;
    // From Run, back through the bar.
    await tabTo(page, 'file-menu', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.$eval(tid('file-menu'), (s) => (s.parentElement as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('share-button');
    await page.keyboard.press('Escape');
    expect(await page.$eval(tid('file-menu'), (s) => (s.parentElement as HTMLDetailsElement).open)).toBe(false);
    expect(await focused(page)).toBe('file-menu');
  });

  it('Escape closes the Lesson and gives focus back to the Lesson button', async () => {
    const { page } = app;
    await tabTo(page, 'lesson-button', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector(tid('lesson-panel'));
    expect(await focused(page)).toBe('lesson-panel');
    await page.keyboard.press('Escape');
    await page.waitForSelector(tid('lesson-panel'), { state: 'detached' });
    expect(await focused(page)).toBe('lesson-button');
    expect(app.errors).toEqual([]);
  });
});
