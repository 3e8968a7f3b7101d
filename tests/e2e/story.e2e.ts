import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, type AppPage } from './browser.ts';
import { openView, runToEnd, setSpeed, shareLink, tid } from './driver.ts';

/**
 * Follow one agent (issue 12), in the production build: from a state chosen
 * in the actor flows and at random by actor type. The story is replayed from
 * the seeded run, so the same agent tells the same story every time: opened
 * again, and on a fresh page opened with the same link.
 */

interface Told {
  agent: string;
  title: string;
  picked: string;
  facts: string;
  timeline: string;
  strip: { x: number; width: number; state: string }[];
}

/** Everything the story panel shows, once a story is there. */
async function told(page: Page): Promise<Told> {
  await page.waitForSelector(tid('story-timeline'), { timeout: 120_000 });
  const text = async (id: string) => ((await page.textContent(tid(id))) ?? '').trim();
  return {
    agent: (await page.getAttribute(tid('story-result'), 'data-agent')) ?? '',
    title: await text('story-title'),
    picked: await text('story-picked'),
    facts: await text('story-facts'),
    timeline: await page.$eval(tid('story-timeline'), (t) => (t as HTMLElement).innerText),
    strip: await page.$$eval(`${tid('story-strip')} rect[data-state]`, (rs) =>
      rs.map((r) => ({ x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')), state: r.getAttribute('data-state') ?? '' })),
    ),
  };
}

/** The 0-based week the flows show ("Week 260" → 259). */
async function flowWeek(page: Page): Promise<number> {
  const text = (await page.textContent(tid('flow-week'))) ?? '';
  return Number(text.replace(/\D/g, '')) - 1;
}

async function closeStory(page: Page): Promise<void> {
  await page.click(tid('story-close'));
  await page.waitForSelector(tid('story-result'), { state: 'detached' });
}

/** Runs the scenario to the end and follows one agent in `state` of `type` from the flows. */
async function followFromState(page: Page, type: string, state: string): Promise<Told> {
  await openView(page, 'flows');
  await page.click(tid(`flow-tab-${type}`));
  await page.click(tid(`flow-node-${state}`));
  await page.waitForSelector(tid('flow-explanation'));
  await page.click(`${tid('story-follow-state')}:not([disabled])`);
  return told(page);
}

describe('follow one agent', () => {
  let browser: Browser;
  let app: AppPage;
  let first: Told;
  let link: string;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, '', { viewport: { width: 1440, height: 900 } });
    await setSpeed(app.page, 'instant');
    await runToEnd(app.page);
    link = await shareLink(app.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('follows an agent from a state in the flows: its story is in that state at the week shown', async () => {
    const { page } = app;
    first = await followFromState(page, 'worker', 'employed');
    const week = await flowWeek(page);
    expect(week).toBeGreaterThan(0);
    expect(first.agent).toMatch(/^worker:\d+:-?\d+$/);
    expect(first.title).toMatch(/^The story of worker no\. \d+$/);
    expect(first.picked).toContain('“employed”');
    expect(first.picked).toContain(`week ${week + 1}`);
    const at = first.strip.find((s) => s.x <= week && week < s.x + s.width);
    expect(at?.state).toBe('employed');
    // Rows: the start, at least the end, each with a week.
    const rows = first.timeline.split('\n').filter((l) => /^\d/.test(l.trim()));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(first.timeline).toMatch(/Week\s+What happened\s+Who it met/);
    // The story takes the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('story-title');
    expect(app.errors).toEqual([]);
  });

  it('tells the same story when the same agent is followed again', async () => {
    const { page } = app;
    await closeStory(page);
    await page.click(`${tid('story-follow-state')}:not([disabled])`);
    expect(await told(page)).toEqual(first);
  });

  it('"another agent" is another employed worker; closing returns to nothing shown', async () => {
    const { page } = app;
    await page.click(tid('story-another'));
    await page.waitForFunction(([sel, before]) => {
      const a = document.querySelector(sel)?.getAttribute('data-agent');
      return a && a !== before;
    }, [tid('story-result'), first.agent] as const, { timeout: 120_000 });
    const other = await told(page);
    expect(other.agent).not.toBe(first.agent);
    expect(other.picked).toContain('“employed”');
    await closeStory(page);
  });

  it('tells the same story on a fresh page opened with the same link', async () => {
    const fresh = await openApp(browser, link.slice(link.indexOf('#')), { viewport: { width: 1440, height: 900 } });
    try {
      await setSpeed(fresh.page, 'instant');
      await runToEnd(fresh.page);
      expect(await followFromState(fresh.page, 'worker', 'employed')).toEqual(first);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.context.close();
    }
  });

  it('a random worker, followed twice with the keyboard alone, is the same agent with the same story', async () => {
    const { page } = app;
    await page.focus(tid('story-type'));
    await page.selectOption(tid('story-type'), 'worker');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('story-follow-random');
    await page.keyboard.press('Enter');
    const a = await told(page);
    expect(a.picked).toMatch(/among all Workers in week \d+/);
    // Escape closes the story and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await page.waitForSelector(tid('story-result'), { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('story-follow-random');
    await page.keyboard.press('Enter');
    const b = await told(page);
    expect(b).toEqual(a);
  });

  it('follows a client, whose machine has two regions, and an employer', async () => {
    const { page } = app;
    await closeStory(page);
    const client = await followFromState(page, 'client', 'market.buying');
    expect(client.agent).toMatch(/^client:/);
    const week = await flowWeek(page);
    expect(client.strip.find((s) => s.x <= week && week < s.x + s.width)?.state).toMatch(/market\.buying/);
    await closeStory(page);
    const employer = await followFromState(page, 'employer', 'exploiting');
    expect(employer.agent).toMatch(/^employer:/);
    expect(employer.facts).toMatch(/Sector: /);
  });

  it('screenshots at 390, 1024 and 1440 px', async () => {
    const { page } = app;
    await closeStory(page);
    await followFromState(page, 'worker', 'exploited');
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator(tid('story-panel')).scrollIntoViewIfNeeded();
      await page.locator(tid('story-panel')).screenshot({ path: `/tmp/story-${width}.png`, timeout: 120_000 });
    }
    await page.locator(tid('flow-explanation')).screenshot({ path: '/tmp/story-explanation.png', timeout: 120_000 });
  });

  it('a story of one run closes when another run is shown', async () => {
    const { page } = app;
    await page.waitForSelector(tid('story-timeline'));
    await page.selectOption(tid('preset-select'), 'awareness-campaign');
    await runToEnd(page);
    await page.waitForSelector(tid('story-result'), { state: 'detached', timeout: 120_000 });
    // The flows and the panel are still there: only the story of the old run went.
    expect(await page.locator(tid('story-panel')).count()).toBe(1);
    expect(await page.locator(tid('flow-explanation')).count()).toBe(1);
  });
});
