import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, type AppPage } from './browser.ts';
import { openView, runToEnd, setSpeed, tid, uploadScenario } from './driver.ts';

/**
 * Issue 12, the text outside the message catalogue: in Chinese the
 * assumptions drawer documents every field in Chinese (and its search finds
 * Chinese words), the actor flows draw Chinese labels and explain a clicked
 * state in Chinese, presets are named in Chinese, and a broken file's problems
 * read `path：应为 …，实际为 …`. Screenshots go to ZH_SHOTS (default /tmp/zh-shots).
 */

const SHOTS = process.env.ZH_SHOTS ?? '/tmp/zh-shots';
const HAN = /\p{Script=Han}/u;

describe('Chinese text of fields, flows, presets and problems', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, '', { viewport: { width: 1024, height: 800 } });
    await app.page.waitForSelector(tid('language-select'));
    await app.page.selectOption(tid('language-select'), 'zh');
    await app.page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the presets in Chinese', async () => {
    const { page } = app;
    const options = await page.$$eval(`${tid('preset-select')} option`, (os) => os.map((o) => o.textContent ?? ''));
    expect(options.length).toBeGreaterThan(10);
    expect(options).toContain('基线：无需求侧措施');
    await page.selectOption(tid('preset-select'), 'labour-inspection');
    await expect.poll(() => page.inputValue(tid('scenario-name'))).toBe('劳动监察提高到 ILO 工业化经济体基准的两倍');
    await expect.poll(async () => (await page.textContent(tid('description-text'))) ?? '').toMatch(/劳动监察提高到每 10,000 名工人 2 名监察员/);
  });

  it('documents the assumptions in Chinese, and the search finds Chinese words', async () => {
    const { page } = app;
    await page.click(tid('assumptions-open'));
    const row = tid('assumption-row-assumptions.inspection.visitsPerInspectorWeek');
    await page.waitForSelector(row);
    const text = (await page.textContent(row)) ?? '';
    expect(text).toContain('一名监察员进行的工作场所走访次数');
    expect(text).toContain('示意性');
    await page.fill(tid('assumptions-filter'), '监察员');
    await page.waitForSelector(row);
    const rows = await page.$$eval('[data-testid^="assumption-row-"]', (rs) => rs.map((r) => r.getAttribute('data-testid')));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(30);
    await page.fill(tid('assumptions-filter'), '');
    for (const width of [1024, 390, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      await page.locator(tid('assumptions-drawer')).screenshot({ path: `${SHOTS}/drawer-${width}.png` });
    }
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.click(tid('assumptions-close'));
  });

  it('draws the actor flows in Chinese and explains a clicked state', async () => {
    const { page } = app;
    await setSpeed(page, 'instant');
    await runToEnd(page);
    await openView(page, 'flows');
    await page.click(tid('flow-tab-employer'));
    await page.waitForSelector(`${tid('flow-diagram')}[data-view="employer"]`);
    expect((await page.textContent(tid('flow-node-exploiting'))) ?? '').toContain('剥削中');
    await page.click(tid('flow-node-exploiting'));
    const explanation = await page.waitForSelector(tid('flow-explanation'));
    const said = (await explanation.textContent()) ?? '';
    expect(said).toMatch(HAN);
    expect(said).toContain('派生需求');
    expect(said).toContain('雇主：剥削中');
    expect(said).toMatch(/第 \d+ 周：[\d,]+ \(/);
    expect(said).toContain('¶12');
    for (const width of [1024, 1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator(tid('flows-view')).screenshot({ path: `${SHOTS}/flows-${width}.png` });
    }
    await page.setViewportSize({ width: 1024, height: 800 });
    for (const view of ['overview', 'consumer', 'client', 'corporateBuyer', 'recruiter', 'worker', 'case']) {
      await page.click(tid(`flow-tab-${view}`));
      await page.waitForSelector(`${tid('flow-diagram')}[data-view="${view}"]`);
      expect((await page.textContent(tid('flow-diagram'))) ?? '', view).toMatch(HAN);
      await page.locator(tid('actor-flows')).screenshot({ path: `${SHOTS}/flows-${view}-1024.png` });
    }
  });

  it('lists a broken file\'s problems in Chinese', async () => {
    const { page } = app;
    await uploadScenario(page, 'broken.json', JSON.stringify({ nmae: 'x', weeks: 'ten', interventions: { labourInspection: { inspectorsPer10kWorkers: 'high' } } }));
    const list = await page.waitForSelector(tid('upload-problems'));
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('interventions.labourInspection.inspectorsPer10kWorkers：应为 0 到 50 之间的数，实际为 "high"');
    expect(text).toContain('nmae：未知的键；是否想写 "name"？');
    expect(text).not.toMatch(/expected|got /);
    await list.scrollIntoViewIfNeeded();
    for (const width of [1024, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `${SHOTS}/problems-${width}.png` });
    }
    expect(app.errors).toEqual([]);
  });
});
