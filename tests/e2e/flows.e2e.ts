import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { SCREENSHOTS } from './paths.ts';
import { launchChromium, openApp, type AppPage } from './browser.ts';
import { openView, runToEnd, setSpeed, tid } from './driver.ts';

/**
 * Actor flows on a projector (issue 10, point 8): in the production build, at
 * the sizes of a room's screen and of a laptop, every label of every diagram
 * is measured as Chromium draws it: none overlaps another, node text stays in
 * its box, nothing is under 12 px on screen; axe-core finds no serious or
 * critical violation in any of the diagrams.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VIEWS = ['overview', ...ACTOR_TYPES] as const;

interface Rect { x: number; y: number; width: number; height: number }
interface Measured {
  readonly text: string;
  readonly kind: string;
  readonly rect: Rect;
  /** Font size on screen: computed size times the SVG's scale. */
  readonly px: number;
  /** The node box the text belongs to, if any. */
  readonly node?: string;
}

async function measure(page: Page): Promise<{ texts: Measured[]; nodes: Record<string, Rect> }> {
  return page.$eval(tid('flow-diagram'), (svg) => {
    const s = svg as SVGSVGElement;
    const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    const plain = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const nodes: Record<string, Rect> = {};
    for (const g of s.querySelectorAll('[data-testid^="flow-node-"]')) nodes[g.getAttribute('data-testid')!] = plain(g.querySelector('rect.box')!.getBoundingClientRect());
    const texts = [...s.querySelectorAll('text')].map((t) => ({
      text: t.textContent ?? '',
      kind: t.getAttribute('class') ?? '',
      rect: plain(t.getBoundingClientRect()),
      px: parseFloat(getComputedStyle(t).fontSize) * scale,
      node: t.closest('[data-testid^="flow-node-"]')?.getAttribute('data-testid') ?? undefined,
    }));
    return { texts, nodes };
  });
}

// Half a pixel of slack for anti-aliased edges of glyph boxes.
const SLACK = 0.5;
const overlap = (a: Rect, b: Rect) =>
  a.x + SLACK < b.x + b.width && b.x + SLACK < a.x + a.width && a.y + SLACK < b.y + b.height && b.y + SLACK < a.y + a.height;
const within = (a: Rect, b: Rect) =>
  a.x >= b.x - SLACK && a.y >= b.y - SLACK && a.x + a.width <= b.x + b.width + SLACK && a.y + a.height <= b.y + b.height + SLACK;

async function show(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  await page.click(tid(`flow-tab-${view}`));
  await page.waitForSelector(`${tid('flow-diagram')}[data-view="${view}"]`);
}

function expectLegible(where: string, m: { texts: Measured[]; nodes: Record<string, Rect> }): void {
  expect(m.texts.length, where).toBeGreaterThan(0);
  for (const t of m.texts) {
    expect(t.px, `${where}: "${t.text}" on screen`).toBeGreaterThanOrEqual(12);
    if (t.node) expect(within(t.rect, m.nodes[t.node]), `${where}: "${t.text}" inside ${t.node}`).toBe(true);
    else for (const [id, r] of Object.entries(m.nodes)) expect(overlap(t.rect, r), `${where}: "${t.text}" on ${id}`).toBe(false);
  }
  for (let i = 0; i < m.texts.length; i++) {
    for (let j = i + 1; j < m.texts.length; j++) {
      const [a, b] = [m.texts[i], m.texts[j]];
      expect(overlap(a.rect, b.rect), `${where}: "${a.text}" on "${b.text}"`).toBe(false);
    }
  }
}

describe('actor flows on a projector', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, '', { viewport: { width: 1280, height: 720 } });
    await setSpeed(app.page, 'instant');
    await runToEnd(app.page);
    await openView(app.page, 'flows');
    await app.page.waitForSelector(tid('flow-diagram'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [1280, 720],
    [1440, 900],
    [1024, 768],
    [390, 844],
  ])('at %i×%i: no label overlaps another or a node, node text stays in its box, none under 12 px', async (width, height) => {
    const { page } = app;
    await page.setViewportSize({ width, height });
    for (const view of VIEWS) {
      await show(page, view);
      await page.waitForTimeout(50);
      expectLegible(`${view} at ${width}`, await measure(page));
      if (view === 'overview' || view === 'employer') {
        await page.locator(tid('actor-flows')).screenshot({ path: `${SCREENSHOTS}/flows-${view}-${width}.png` });
      }
    }
  });

  it('shows overview counts with their denominators and actor counts as shares', async () => {
    const { page } = app;
    await show(page, 'overview');
    for (const id of ['consumers', 'clients', 'corporateBuyers', 'employers', 'recruiters', 'workers']) {
      expect(await page.textContent(tid(`flow-node-${id}`)), id).toMatch(/\d[\d,.]* of [1-9][\d,]*/);
    }
    await show(page, 'employer');
    expect(await page.textContent(tid('flow-node-exploiting'))).toMatch(/\d[\d,.]* \(\d[\d.]*%\)/);
  });

  it('gives each node an accessible name that contains its visible text', async () => {
    const { page } = app;
    for (const view of ['overview', 'employer'] as const) {
      await show(page, view);
      const node = page.locator('[data-testid^="flow-node-"]').first();
      const name = (await node.evaluate((e) => e.getAttribute('aria-label'))) ?? '';
      const visible = await node.evaluate((e) => [...e.querySelectorAll('text')].map((t) => t.textContent).join(' '));
      // No aria-label: the name comes from the visible text itself.
      expect(name, view).toBe('');
      expect(visible.length, view).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: visible }).count(), `${view}: a button named "${visible}"`).toBeGreaterThan(0);
    }
  });

  it('axe-core: no serious or critical violation in the overview or any actor tab', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    // The app's Content-Security-Policy forbids inline scripts (addScriptTag); evaluation through the driver is not subject to it.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    for (const view of VIEWS) {
      await show(page, view);
      const found = await page.evaluate(async (sel) => {
        type Result = { id: string; impact: string | null; nodes: { target: string[] }[] };
        const axe = (window as unknown as { axe: { run: (c: Element, o: object) => Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
        // label-content-name-mismatch is experimental in axe-core, so off unless asked for.
        const r = await axe.run(document.querySelector(sel)!, { rules: { 'label-content-name-mismatch': { enabled: true } } });
        return {
          serious: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`),
          namedButtons: r.passes.find((p) => p.id === 'aria-command-name')?.nodes.length ?? 0,
        };
      }, tid('flows-view'));
      // The check ran over the diagram's nodes (buttons named by their text).
      expect(found.namedButtons, view).toBeGreaterThan(0);
      expect(found.serious, view).toEqual([]);
    }
    expect(app.errors).toEqual([]);
  });
});
