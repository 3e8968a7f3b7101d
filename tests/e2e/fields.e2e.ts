import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runKey } from '../../src/ui/workspace/run-key.ts';
import { decodeShareHash } from '../../src/ui/workspace/share.ts';
import { launchChromium, openApp, screenshot, type AppPage } from './browser.ts';
import { setSpeed, shareLink, tid, waitForStatus, weekShown } from './driver.ts';

/**
 * One truth on screen (issue 10, points 1 and 9): a box holding text that is
 * not applied blocks Run and Pin and says which field, the slider never
 * pretends the box's text is in use, and the top bar's boxes say their range
 * once, with a red outline, instead of a raw message or a silent clamp.
 * Tests in this file share one page and run in order.
 */

const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';
const box = (page: Page, id: string) => page.locator(tid(id));

/** Types into a box and leaves it, as a user does (the change lands on blur). */
async function type(page: Page, id: string, text: string): Promise<void> {
  await box(page, id).fill(text);
  await box(page, id).press('Tab');
}

const isDisabled = (page: Page, id: string) => page.$eval(tid(id), (b) => (b as HTMLButtonElement).disabled);

/** How many elements on the page say something is wrong with the field (alerts naming it). */
const alertsNaming = (page: Page, name: string) =>
  page.$$eval('[role="alert"]', (els, n) => els.filter((e) => (e.textContent ?? '').includes(n)).length, name);

/** The border of an invalid box is the error colour, not the normal line colour. */
async function outlinedRed(page: Page, id: string): Promise<boolean> {
  return page.$eval(tid(id), (el) => {
    const error = getComputedStyle(document.documentElement).getPropertyValue('--error').trim();
    const probe = document.createElement('span');
    probe.style.color = error;
    document.body.append(probe);
    const wanted = getComputedStyle(probe).color;
    probe.remove();
    return el.getAttribute('aria-invalid') === 'true' && getComputedStyle(el).borderTopColor === wanted;
  });
}

describe('fields in Chromium: the screen and the run agree', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser);
    await app.page.waitForSelector(tid('scenario-bar'));
    // This file is about what Run runs: Live (tests/e2e/live.e2e.ts) is turned off once the run the page starts as it opens is done.
    await waitForStatus(app.page, 'done');
    await app.page.click(tid('live-toggle'));
    await setSpeed(app.page, 'instant');
    // Short runs: the test is about what is run, not about the model.
    await type(app.page, 'runs-input', '2');
    await type(app.page, 'weeks-input', '26');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('inspectors 4 then −4 and weeks −5: Run, Step and Pin are off and say which fields to fix', async () => {
    const { page } = app;
    await type(page, `lever-${INSPECTORS}`, '4');
    await type(page, `lever-${INSPECTORS}`, '-4');
    await type(page, 'weeks-input', '-5');

    expect(await isDisabled(page, 'run-button')).toBe(true);
    expect(await isDisabled(page, 'step-button')).toBe(true);
    expect(await isDisabled(page, 'pin-button')).toBe(true);
    const reason = (await page.textContent(tid('run-blocked'))) ?? '';
    expect(reason).toMatch(/^Fix 2 fields to run or pin: .*[Ii]nspect.*, Weeks\./);
    expect(await page.getAttribute(tid('run-button'), 'aria-describedby')).toBe('run-blocked');
    expect(await page.getAttribute(tid('pin-button'), 'title')).toContain('Fix 2 fields');

    // The boxes keep what was typed, marked; nothing of it is applied.
    expect(await box(page, `lever-${INSPECTORS}`).inputValue()).toBe('-4');
    expect(await box(page, 'weeks-input').inputValue()).toBe('-5');
    expect(await outlinedRed(page, `lever-${INSPECTORS}`)).toBe(true);
    expect(await outlinedRed(page, 'weeks-input')).toBe(true);

    // The slider shows the value in use (4) and says it is not the box's text.
    const slider = box(page, `lever-${INSPECTORS}-slider`);
    expect(Number(await slider.inputValue())).toBe(4);
    expect(await slider.getAttribute('data-applied')).toBe('false');
    expect(await page.textContent(tid(`lever-${INSPECTORS}-error`))).toContain('the model still uses 4');

    // The link (like every export) carries only applied values.
    const link = decodeShareHash(new URL(await shareLink(page)).hash);
    expect(link.kind).toBe('ok');
    if (link.kind === 'ok') {
      expect(link.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(4);
      expect(link.scenario.weeks).toBe(26);
    }
    await page.keyboard.press('Escape');

    for (const w of [390, 1024, 1440]) {
      await page.setViewportSize({ width: w, height: 900 });
      await screenshot(page, `fields-blocked-${w}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('fixed, Run is on again and runs exactly the values shown; slider and box agree', async () => {
    const { page } = app;
    await type(page, `lever-${INSPECTORS}`, '3');
    expect(await page.textContent(tid('run-blocked'))).toMatch(/^Fix 1 field to run or pin: Weeks\./);
    await type(page, 'weeks-input', '13');
    expect(await page.$(tid('run-blocked'))).toBeNull();
    expect(await isDisabled(page, 'run-button')).toBe(false);

    const slider = box(page, `lever-${INSPECTORS}-slider`);
    expect(await box(page, `lever-${INSPECTORS}`).inputValue()).toBe('3');
    expect(Number(await slider.inputValue())).toBe(3);
    expect(await slider.getAttribute('data-applied')).toBe('true');

    await page.click(tid('run-button'));
    await waitForStatus(page, 'done');
    expect(await weekShown(page)).toBe('Week 13 of 13');
    const link = decodeShareHash(new URL(await shareLink(page)).hash);
    await page.keyboard.press('Escape');
    expect(link.kind).toBe('ok');
    if (link.kind !== 'ok') return;
    expect(link.scenario.interventions.labourInspection.inspectorsPer10kWorkers).toBe(3);
    expect(link.scenario.weeks).toBe(13);
    expect(await page.getAttribute(tid('results'), 'data-run-key')).toBe(runKey(link.scenario, 2));
    expect(await isDisabled(page, 'pin-button')).toBe(false);

    // Moving the slider while the box holds refused text replaces that text: they agree again.
    await type(page, `lever-${INSPECTORS}`, '-4');
    await slider.focus();
    await slider.press('ArrowRight');
    const shown = await box(page, `lever-${INSPECTORS}`).inputValue();
    expect(Number(shown)).toBe(Number(await slider.inputValue()));
    expect(Number(shown)).toBeGreaterThan(3);
    expect(await slider.getAttribute('data-applied')).toBe('true');
    expect(await page.$(tid('run-blocked'))).toBeNull();
  });

  it('a value past the slider\'s usual end stretches the slider to it; a campaign\'s weeks block Run like any box', async () => {
    const { page } = app;
    const reach = 'lever-interventions.awareness.consumers';
    await type(page, reach, '0.5');
    expect(Number(await box(page, `${reach}-slider`).inputValue())).toBe(0.5);
    expect(Number(await box(page, `${reach}-slider`).getAttribute('max'))).toBeGreaterThanOrEqual(0.5);

    await page.check(tid(`${reach}-window`));
    await type(page, `${reach}-from`, '0');
    expect(await outlinedRed(page, `${reach}-from`)).toBe(true);
    expect(await page.textContent(tid('run-blocked'))).toMatch(/^Fix 1 field to run or pin: From week\./);
    await type(page, `${reach}-from`, '2');
    expect(await page.$(tid('run-blocked'))).toBeNull();
    expect(await isDisabled(page, 'run-button')).toBe(false);
  });

  it('Weeks 1e9: a red outline and one message naming the range, never a raw one', async () => {
    const { page } = app;
    await type(page, 'weeks-input', '1e9');
    expect(await outlinedRed(page, 'weeks-input')).toBe(true);
    expect(await page.textContent(tid('bar-error-weeks'))).toBe('Weeks: Enter a whole number from 1 to 1,040.');
    expect(await alertsNaming(page, 'Weeks')).toBe(1);
    expect(await page.textContent('body')).not.toMatch(/weeks: expected/);
    expect(await isDisabled(page, 'run-button')).toBe(true);
    // Esc puts the value in use back.
    await box(page, 'weeks-input').focus();
    await box(page, 'weeks-input').press('Escape');
    expect(await box(page, 'weeks-input').inputValue()).toBe('13');
    expect(await page.$(tid('bar-error-weeks'))).toBeNull();
    expect(await isDisabled(page, 'run-button')).toBe(false);
  });

  it('Runs 0 and 1000 are not silently changed: the range is said and Run waits', async () => {
    const { page } = app;
    for (const text of ['0', '1000']) {
      await type(page, 'runs-input', text);
      expect(await box(page, 'runs-input').inputValue()).toBe(text);
      expect(await outlinedRed(page, 'runs-input')).toBe(true);
      expect(await page.textContent(tid('bar-error-runs'))).toBe('Runs: Enter a whole number from 1 to 50.');
      expect(await page.textContent(tid('run-blocked'))).toMatch(/^Fix 1 field to run or pin: Runs\./);
      expect(await isDisabled(page, 'run-button')).toBe(true);
    }
    await type(page, 'runs-input', '3');
    expect(await page.$(tid('bar-error-runs'))).toBeNull();
    expect(await isDisabled(page, 'run-button')).toBe(false);
  });

  it('a Seed error is shown once', async () => {
    const { page } = app;
    for (const text of ['-1', '1.5']) {
      await type(page, 'seed-input', text);
      expect(await alertsNaming(page, 'Seed')).toBe(1);
      expect(await page.textContent(tid('bar-error-seed'))).toBe('Seed: Enter a whole number from 0 to 4,294,967,295.');
      expect(await outlinedRed(page, 'seed-input')).toBe(true);
    }
    await type(page, 'seed-input', '77');
    expect(await alertsNaming(page, 'Seed')).toBe(0);
    expect(app.errors).toEqual([]);
    expect(app.dialogs).toEqual([]);
  });
});
