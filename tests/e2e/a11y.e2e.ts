import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, type AppPage } from './browser.ts';
import { openView, runToEnd, selectPreset, setSpeed, tid } from './driver.ts';

/**
 * axe-core over the whole page (issue 10, "Keyboard and screen reader"), in
 * the production build: every view (Compare with two pinned packages, Explore with results), every
 * dialog, menu and drawer open, the levers' drawer of a narrow screen, and
 * presenter text, the facilitator's board and a team's hand-in panel. No serious or critical violation anywhere.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Serious and critical violations on the whole page, one line each; also how many rules ran, so an empty list means something. */
async function audit(page: Page): Promise<{ serious: string[]; rules: number }> {
  // The app's Content-Security-Policy forbids inline scripts (addScriptTag); evaluation through the driver is not subject to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeResult[]; passes: AxeResult[] }> } }).axe;
    // label-content-name-mismatch is experimental in axe-core, so off unless asked for.
    const r = await axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } });
    return {
      serious: r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`),
      rules: r.violations.length + r.passes.length,
    };
  });
}

async function expectClean(page: Page, where: string): Promise<void> {
  const { serious, rules } = await audit(page);
  expect(rules, `${where}: rules that ran`).toBeGreaterThan(20);
  expect(serious, where).toEqual([]);
}

describe('axe-core over every view and dialog', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, '', { viewport: { width: 1440, height: 900 } });
    const { page } = app;
    await setSpeed(page, 'instant');
    await runToEnd(page);
    await page.click(`${tid('pin-button')}:not([disabled])`);
    await selectPreset(page, 'awareness-campaign');
    await runToEnd(page);
    await page.click(`${tid('pin-button')}:not([disabled])`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Charts', async () => {
    await openView(app.page, 'charts');
    await expectClean(app.page, 'charts');
  });

  it('Flows (overview and an actor)', async () => {
    const { page } = app;
    await openView(page, 'flows');
    await expectClean(page, 'flows overview');
    await page.click(tid('flow-tab-employer'));
    await page.click(tid('flow-node-exploiting'));
    await page.waitForSelector(tid('flow-explanation'));
    await expectClean(page, 'flows employer with a state explained');
    // Follow one agent in that state (issue 12): the story panel.
    await page.click(`${tid('story-follow-state')}:not([disabled])`);
    await page.waitForSelector(tid('story-timeline'), { timeout: 120_000 });
    await expectClean(page, 'flows with one agent\'s story');
    await page.click(tid('story-close'));
    await page.click(tid('flow-tab-overview'));
  });

  it('Compare with two pinned packages', async () => {
    const { page } = app;
    await openView(page, 'compare');
    await page.waitForSelector(tid('compare-table'), { timeout: 180_000 });
    expect(await page.locator('[data-testid^="pin-open-"]').count()).toBe(2);
    await expectClean(page, 'compare');
    await openView(page, 'charts');
  });

  it('Explore with second-order bands, a tornado, a robustness run over the two pins and the frontier drawn, the inputs list open', async () => {
    const { page } = app;
    await openView(page, 'explore');
    for (const [id, value] of [['explore-weeks', '4'], ['explore-tornado-replicates', '1'], ['explore-draws', '2'], ['explore-robustness-replicates', '1'], ['explore-second-order-draws', '2'], ['explore-second-order-replicates', '2']] as const) {
      await page.fill(tid(id), value);
      await page.press(tid(id), 'Tab');
    }
    await page.click(`${tid('explore-inputs')} summary`);
    await page.click(tid('explore-inputs-none'));
    await page.locator(tid('explore-input')).first().check();
    await page.click(tid('explore-run-tornado'));
    await page.click(tid('explore-run-robustness'));
    await page.click(tid('explore-run-second-order'));
    for (const id of ['tornado', 'robustness', 'second-order']) await page.waitForSelector(`${tid(`explore-${id}`)}[data-status="done"]`, { timeout: 300_000 });
    expect(await page.locator(tid('tornado-bar')).count()).toBe(1);
    expect(await page.locator(tid('frontier-point')).count()).toBeGreaterThan(0);
    expect(await page.locator(tid('second-order-chart')).count()).toBe(1);
    await expectClean(page, 'explore');
    await openView(page, 'charts');
  });

  it('the Assumptions drawer open', async () => {
    const { page } = app;
    await page.click(tid('assumptions-open'));
    await page.waitForSelector(`${tid('assumptions-drawer')}[open]`);
    await expectClean(page, 'assumptions drawer');
    await page.keyboard.press('Escape');
    await page.waitForSelector(`${tid('assumptions-drawer')}:not([open])`, { state: 'attached' });
  });

  it('the File menu open', async () => {
    const { page } = app;
    await page.click(tid('file-menu'));
    await page.waitForSelector(tid('share-button'));
    await expectClean(page, 'file menu');
    await page.keyboard.press('Escape');
    await page.waitForSelector(tid('share-button'), { state: 'hidden' });
  });

  it('the Preset menu open (an edited scenario: its "Edited from" entry shows)', async () => {
    const { page } = app;
    await page.fill(tid('lever-interventions.labourInspection.inspectorsPer10kWorkers'), '3');
    await page.press(tid('lever-interventions.labourInspection.inspectorsPer10kWorkers'), 'Enter');
    await page.waitForSelector(tid('preset-edited'), { state: 'attached' });
    await page.focus(tid('preset-select'));
    await page.keyboard.press('Alt+ArrowDown');
    await expectClean(page, 'preset menu');
    await page.keyboard.press('Escape');
  });

  it('the About editor open', async () => {
    const { page } = app;
    await page.click(tid('description-edit'));
    await page.waitForSelector(tid('description-input'));
    await expectClean(page, 'about editor');
    await page.keyboard.press('Escape');
    await page.waitForSelector(tid('description-input'), { state: 'detached' });
  });

  it('the Lesson picker, a lesson\'s first and comparison steps, and the panel in presenter mode', async () => {
    const { page } = app;
    await page.click(tid('lesson-button'));
    await page.waitForSelector(tid('lesson-picker'));
    await expectClean(page, 'lesson picker');
    await page.click(tid('lesson-pick-consumer-vs-derived'));
    await page.waitForSelector(`${tid('lesson-panel')}[data-busy="false"][data-step="1"]`, { timeout: 300_000 });
    await expectClean(page, 'lesson step 1');
    await page.click(tid('lesson-presenter'));
    await page.waitForSelector(`.lesson-side ${tid('lesson-panel')}`);
    for (let i = 0; i < 3; i++) {
      await page.waitForSelector(`${tid('lesson-next')}:not([disabled])`, { timeout: 300_000 });
      await page.click(tid('lesson-next'));
    }
    await page.waitForSelector(`${tid('lesson-panel')}[data-busy="false"][data-step="4"]`, { timeout: 300_000 });
    await page.waitForSelector(tid('compare-table'), { timeout: 180_000 });
    await page.waitForSelector('[data-lesson-pointed="compareRow:derivedDemand"]', { timeout: 60_000 });
    await expectClean(page, 'lesson in presenter mode, comparison step');
    await page.click(tid('lesson-presenter'));
    await page.keyboard.press('Escape');
    await page.waitForSelector(tid('lesson-panel'), { state: 'detached' });
  });

  it('the levers drawer open at 768 px', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 768, height: 1024 });
    await openView(page, 'charts');
    await expectClean(page, 'charts at 768');
    await page.click(tid('levers-open'));
    await page.waitForSelector(`${tid('levers-drawer')}[open]`);
    await expectClean(page, 'levers drawer at 768');
    await page.keyboard.press('Escape');
    await page.waitForSelector(`${tid('levers-drawer')}:not([open])`, { state: 'attached' });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('presenter text size', async () => {
    const { page } = app;
    await page.selectOption(tid('text-size'), 'presenter');
    for (const view of ['charts', 'flows', 'compare', 'explore'] as const) {
      await openView(page, view);
      await expectClean(page, `presenter ${view}`);
    }
    await page.selectOption(tid('text-size'), 'normal');
    expect(app.errors).toEqual([]);
  });

  it('in Chinese (issue 12): every view', async () => {
    const { page } = app;
    await page.selectOption(tid('language-select'), 'zh');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    for (const view of ['charts', 'flows', 'compare', 'explore'] as const) {
      await openView(page, view);
      await expectClean(page, `中文 ${view}`);
    }
    await page.selectOption(tid('language-select'), 'en');
    await openView(page, 'charts');
    expect(app.errors).toEqual([]);
  });

  it('the facilitator’s board (a workshop open, a package in) and a team’s hand-in panel', async () => {
    const { page } = app;
    await page.click(tid('view-board'));
    await page.waitForSelector(tid('board-create'));
    await expectClean(page, 'board: new workshop form');
    await page.fill(tid('board-name'), 'Axe room');
    await page.fill(tid('board-runs'), '2');
    await page.click(tid('board-create-submit'));
    await page.waitForSelector(tid('board-workshop'));
    const teamLink = await page.inputValue(tid('board-team-link'));
    await page.goto(teamLink);
    await page.waitForSelector(tid('team-panel'));
    await page.click(tid('hand-in-open'));
    await page.fill(tid('hand-in-team'), 'Axe team');
    await page.click(tid('hand-in-make'));
    const handIn = await page.inputValue(tid('hand-in-link'));
    await expectClean(page, 'team hand-in panel');
    await page.goto(handIn);
    await page.waitForSelector(`${tid('board-view')}[data-complete="true"]`, { timeout: 300_000 });
    await page.waitForSelector(tid('board-tradeoff'));
    await expectClean(page, 'board with a ranked package');
    expect(app.errors).toEqual([]);
  });
});
