import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BUILTIN_LESSON_ORDER } from '../../src/lesson/builtin-files.ts';
import { textIn, type Lesson } from '../../src/lesson/schema.ts';
import { lessonHash } from '../../src/ui/lesson/link.ts';
import { targetName } from '../../src/ui/lesson.ts';
import { launchChromium, openApp, type AppPage } from './browser.ts';
import { setSpeed, tid } from './driver.ts';
import { ROOT } from './paths.ts';

/**
 * Issue 12, lessons as data: with the keyboard alone a trainer opens each
 * built-in lesson from the picker and goes through every step to the end;
 * each step's counter is right, its target is pointed at and the panel never
 * covers it. Presenter mode puts the panel beside the results. Links open a
 * lesson; a broken one gives a notice and leaves the work alone.
 *
 * The keyboard walk runs in Chinese (the language switch, `language-select`); LESSON_LANG=en runs it in English.
 */
const LANG = (process.env.LESSON_LANG ?? 'zh') as 'en' | 'zh';

const lessonText = (id: string) => {
  const dir = join(ROOT, 'lessons');
  const file = BUILTIN_LESSON_ORDER.indexOf(id as never) + 1;
  return readFileSync(join(dir, `${String(file).padStart(2, '0')}-${id}.json`), 'utf8');
};
/** Only the steps and targets are read here; the files are validated in tests/lesson/load.test.ts. */
const lessonOf = (id: string): Lesson => JSON.parse(lessonText(id)) as Lesson;

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
async function tabTo(page: Page, testid: string, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === testid) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${testid} not reached in ${max} tabs; focus is on ${await focused(page)}`);
}

interface Box { x: number; y: number; width: number; height: number }
const boxOf = (page: Page, selector: string) =>
  page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
/** The part of an element on screen: its box clipped by every ancestor that scrolls or clips (a wide table scrolls in its card). */
const visibleBoxOf = (page: Page, selector: string) =>
  page.$eval(selector, (e) => {
    let r = e.getBoundingClientRect();
    let [x0, y0, x1, y1] = [r.left, r.top, r.right, r.bottom];
    for (let p = e.parentElement; p; p = p.parentElement) {
      const st = getComputedStyle(p);
      if (st.overflowX === 'visible' && st.overflowY === 'visible') continue;
      r = p.getBoundingClientRect();
      [x0, y0, x1, y1] = [Math.max(x0, r.left), Math.max(y0, r.top), Math.min(x1, r.right), Math.min(y1, r.bottom)];
    }
    return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
  });
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function stepDone(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`${tid('lesson-panel')}[data-step="${n}"][data-busy="false"]`, { timeout: 300_000 });
}

/** Goes through every step of a lesson with Page Down (the panel has focus), checking counter, target and placement. */
async function walk(page: Page, lesson: Lesson, width: number, lang: 'en' | 'zh' = 'en'): Promise<void> {
  const total = lesson.steps.length;
  for (const [i, step] of lesson.steps.entries()) {
    await stepDone(page, i + 1);
    expect(await page.textContent('#lesson-title')).toBe(textIn(step.title, lang));
    expect(await page.textContent('#lesson-body')).toBe(textIn(step.body, lang));
    const counter = await page.textContent(tid('lesson-counter'));
    expect(counter).toContain(String(i + 1));
    expect(counter).toContain(String(total));
    if (step.target) {
      const name = targetName(step.target);
      const sel = `.lesson-target[data-lesson-pointed="${name}"]`;
      await page.waitForSelector(sel, { timeout: 120_000 });
      // The smooth scroll into view has ended when the target's box stops moving.
      let last = '';
      await expect.poll(async () => {
        const b = JSON.stringify(await boxOf(page, sel));
        const same = b === last;
        last = b;
        return same;
      }, { timeout: 10_000, interval: 250 }).toBe(true);
      const panel = await boxOf(page, tid('lesson-panel'));
      const target = await visibleBoxOf(page, sel);
      expect(target.width * target.height, `${lesson.id} step ${i + 1}: ${name} on screen`).toBeGreaterThan(0);
      expect(intersects(panel, target), `${lesson.id} step ${i + 1} at ${width}: panel ${JSON.stringify(panel)} over ${name} ${JSON.stringify(target)}`).toBe(false);
    }
    if (i < total - 1) {
      await page.keyboard.press(i % 2 === 0 ? 'PageDown' : 'ArrowRight');
      await page.waitForSelector(`${tid('lesson-panel')}[data-step="${i + 2}"]`);
    }
  }
  await page.waitForSelector(tid('lesson-finish'));
}

describe('lessons, with the keyboard alone', () => {
  let browser: Browser;
  let app: AppPage;
  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, '', { viewport: { width: 1440, height: 900 } });
    await setSpeed(app.page, 'instant');
    await app.page.selectOption(tid('language-select'), LANG);
    await app.page.waitForFunction((l) => document.documentElement.lang.startsWith(l), LANG);
  });
  afterAll(async () => {
    await app?.context.close();
    await browser?.close();
  });

  it('lists the five built-in lessons in the picker', async () => {
    const { page } = app;
    await page.focus(tid('lesson-button'));
    await page.keyboard.press('Enter');
    await page.waitForSelector(tid('lesson-picker'));
    expect(await focused(page)).toBe('lesson-panel');
    const ids = await page.$$eval(`${tid('lesson-picker')} button`, (bs) => bs.map((b) => b.getAttribute('data-testid')));
    expect(ids).toEqual(BUILTIN_LESSON_ORDER.map((id) => `lesson-pick-${id}`));
    await page.screenshot({ path: `/tmp/lesson-picker-${LANG}.png` });
    await page.keyboard.press('Escape');
    await page.waitForSelector(tid('lesson-panel'), { state: 'detached' });
    expect(await focused(page)).toBe('lesson-button');
  });

  for (const id of BUILTIN_LESSON_ORDER) {
    it(`goes through "${id}" to the end`, async () => {
      const { page } = app;
      const lesson = lessonOf(id);
      await tabTo(page, 'lesson-button', 'Shift+Tab');
      await page.keyboard.press('Enter');
      await page.waitForSelector(tid('lesson-picker'));
      await tabTo(page, `lesson-pick-${id}`);
      await page.keyboard.press('Enter');
      await walk(page, lesson, 1440, LANG);
      // Back with Page Up keeps the counter in step.
      await page.keyboard.press('PageUp');
      await stepDone(page, lesson.steps.length - 1);
      await page.keyboard.press('ArrowRight');
      await stepDone(page, lesson.steps.length);
      await tabTo(page, 'lesson-finish');
      await page.keyboard.press('Enter');
      await page.waitForSelector(tid('lesson-panel'), { state: 'detached' });
      expect(app.errors).toEqual([]);
    }, 900_000);
  }
});

describe('presenter mode, links and broken lessons', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([[1024, 768], [1440, 900]])('at %i px the panel sits beside the results, never over a target, in large type', async (width, height) => {
    const app = await openApp(browser, lessonHash({ id: 'reporting-dilemma' }), { viewport: { width, height } });
    const { page } = app;
    try {
      await setSpeed(page, 'instant');
      await stepDone(page, 1);
      const normalSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      await page.click(tid('lesson-presenter'));
      await page.waitForSelector(`.lesson-side ${tid('lesson-panel')}`);
      const presenterSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(presenterSize).toBeGreaterThan(normalSize);
      expect(await page.getAttribute('html', 'data-presenter')).toBe('on');
      // The arrow keys do not move steps while focus is in a form field.
      await page.focus(tid('lesson-presenter'));
      await page.keyboard.press('ArrowRight');
      expect(await page.getAttribute(tid('lesson-panel'), 'data-step')).toBe('1');
      await page.focus(tid('lesson-panel'));
      await walk(page, lessonOf('reporting-dilemma'), width);
      const panel = await boxOf(page, tid('lesson-panel'));
      const results = await boxOf(page, tid('results'));
      expect(intersects(panel, results), 'panel beside the results').toBe(false);
      await page.screenshot({ path: `/tmp/lesson-presenter-${width}.png` });
      await page.keyboard.press('Escape');
      await page.waitForSelector(tid('lesson-panel'), { state: 'detached' });
      expect(await page.getAttribute('html', 'data-presenter')).toBeNull();
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  }, 900_000);

  it('at 390 px the panel is in the flow above the results', async () => {
    const app = await openApp(browser, lessonHash({ id: 'proving-knowledge' }), { viewport: { width: 390, height: 844 } });
    const { page } = app;
    try {
      await setSpeed(page, 'instant');
      await stepDone(page, 1);
      await page.waitForSelector('.lesson-target[data-lesson-pointed="chart:justice"]', { timeout: 120_000 });
      const panel = await boxOf(page, tid('lesson-panel'));
      expect(panel.x).toBeGreaterThanOrEqual(0);
      expect(panel.x + panel.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: '/tmp/lesson-panel-390.png' });
    } finally {
      await app.context.close();
    }
  }, 600_000);

  it('a custom lesson opens from a link; a broken one gives a notice and keeps the work', async () => {
    const mine = { formatVersion: 1, id: 'mine', title: { en: 'My lesson' }, summary: { en: 'Mine.' }, paragraphs: ['¶16'],
      steps: [{ title: { en: 'Only step' }, body: { en: 'Look at the reports.' }, scenario: { preset: 'reporting-immunity' }, run: { runs: 2, weeks: 52 }, target: { chart: 'reports' } }] };
    const app = await openApp(browser, lessonHash({ text: JSON.stringify(mine) }), { viewport: { width: 1440, height: 900 } });
    const { page } = app;
    try {
      await stepDone(page, 1);
      expect(await page.textContent('#lesson-title')).toBe('Only step');
      await page.waitForSelector('.lesson-target[data-lesson-pointed="chart:reports"]', { timeout: 120_000 });
      await page.keyboard.press('Escape');
      const before = await page.$eval(tid('scenario-name'), (e) => (e as HTMLInputElement).value ?? e.textContent);
      expect(before).toMatch(/immunity/);
      const broken = { ...mine, steps: [{ ...mine.steps[0], scenario: { preset: 'no-such-preset' } }] };
      await page.evaluate((h) => {
        window.location.hash = h;
        location.reload();
      }, lessonHash({ text: JSON.stringify(broken) }));
      await page.waitForSelector('text=could not be opened', { timeout: 60_000 });
      expect(await page.content()).toContain('steps[0].scenario.preset');
      expect(await page.$(tid('lesson-panel'))).toBeNull();
      // The work on screen is the reporting-immunity scenario the first lesson opened, kept through the reload.
      expect(await page.$eval(tid('scenario-name'), (e) => (e as HTMLInputElement).value ?? e.textContent)).toBe(before);
    } finally {
      await app.context.close();
    }
  }, 600_000);
});
