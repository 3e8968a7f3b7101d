import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { scenarioHash } from '../../src/scenario/load.ts';
import { ENGINE_VERSION } from '../../src/sim/engine.ts';
import { summarise } from '../../src/sim/stats.ts';
import { toCSV, toOutputDocument } from '../../src/sim/output.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { ACTOR_DIAGRAMS } from '../../src/ui/flows/diagrams.ts';
import { decodeShareHash } from '../../src/ui/workspace/share.ts';
import { SCREENSHOTS } from './paths.ts';
import { launchChromium, openApp, screenshot, type AppPage } from './browser.ts';
import {
  exportCsv, flowCounts, flowWidths, linePaths, openView, runToEnd, selectPreset, setNumberLever, setSpeed, shareLink,
  tid, uploadScenario, waitForStatus, weekShown,
} from './driver.ts';

/**
 * The workbench end to end (issue 3): one user's session in the production
 * build, step by step. Tests in this file share one page and run in order.
 */

const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';

describe('the workbench in Chromium', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console errors and shows the disclaimer', async () => {
    const { page } = app;
    await page.waitForSelector(tid('scenario-bar'));
    await page.waitForSelector(tid('interventions-panel'));
    expect(await page.textContent(tid('disclaimer'))).toMatch(/illustrative model, not a forecast/i);
    await page.waitForTimeout(300);
    await screenshot(page, '01-start');
    expect(app.errors).toEqual([]);
  });

  it('picks a preset: its name and levers load', async () => {
    const { page } = app;
    await selectPreset(page, 'labour-inspection');
    await expect.poll(() => page.inputValue(tid('scenario-name'))).toMatch(/inspection/i);
    const inspectors = Number(await page.inputValue(tid(`lever-${INSPECTORS}`)));
    expect(inspectors).toBeGreaterThan(0);
  });

  it('changes a lever: the value lands, is marked as changed and can be undone', async () => {
    const { page } = app;
    await setNumberLever(page, INSPECTORS, '3.5');
    await expect.poll(() => page.inputValue(tid(`lever-${INSPECTORS}`))).toBe('3.5');
    await page.waitForSelector(tid('measure-changed-labourInspection'));
    expect(await page.isEnabled(tid('undo-button'))).toBe(true);
  });

  it('runs: the charts grow as weeks stream in and end complete', async () => {
    const { page } = app;
    await setSpeed(page, 'fast');
    // Live has already rerun the changed lever: let it settle, then turn Live off and take a new seed,
    // so the press below computes a run no worker has seen.
    await waitForStatus(page, 'done');
    await page.waitForFunction((sel) => !document.querySelector(sel), tid('pause-button'), { timeout: 60_000 });
    await page.uncheck(tid('live-toggle'));
    await page.fill(tid('seed-input'), '4242');
    await page.press(tid('seed-input'), 'Enter');
    const before = await weekShown(page);
    // Points of the first drawn line of consumer demand at every change of the chart, from the press on
    // (points of the path, not its characters: a single run's jagged line and the smoother mean of
    // complete runs print their coordinates with different lengths).
    await page.evaluate(([sel, week]) => {
      const w = window as unknown as { __points: number[]; __weeks: string[]; __watch: MutationObserver };
      w.__points = [];
      w.__weeks = [];
      const count = () => (document.querySelector(sel)?.getAttribute('d')?.match(/[ML]/g) ?? []).length;
      w.__watch = new MutationObserver(() => {
        w.__points.push(count());
        w.__weeks.push(document.querySelector(week)?.textContent?.trim() ?? '');
      });
      w.__watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['d'] });
    }, [`${tid('plot-demand')} path[data-line]`, tid('week-indicator')] as const);
    await page.click(tid('run-button'));
    await page.waitForFunction(() => (window as unknown as { __points: number[] }).__points.length > 0);
    await waitForStatus(page, 'done');
    await page.waitForFunction((sel) => !document.querySelector(sel), tid('pause-button'), { timeout: 60_000 });
    const late = await linePaths(page, 'plot-demand');
    expect(late.length).toBeGreaterThanOrEqual(2);
    const { seen, weeks } = await page.evaluate(() => {
      const w = window as unknown as { __points: number[]; __weeks: string[]; __watch: MutationObserver };
      w.__watch.disconnect();
      return { seen: w.__points.filter((n) => n > 0), weeks: [...new Set(w.__weeks)] };
    });
    const final = (late[0].match(/[ML]/g) ?? []).length;
    expect(final).toBeGreaterThanOrEqual(260);
    // The line was drawn shorter than its end while the run went on, and grew to it.
    expect(Math.min(...seen)).toBeLessThan(final);
    expect(seen.at(-1)).toBe(final);
    // The week shown moved on through the run and ends where it was before the press (the last week).
    expect(weeks.length, weeks.join(' | ')).toBeGreaterThan(2);
    expect(await weekShown(page)).toBe(before);
    for (const plot of ['plot-exploited', 'plot-newly', 'plot-reports', 'plot-justice']) {
      // Charts out of view take the last data once streaming has settled.
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, `${tid(plot)} path[data-line]`, { timeout: 10_000 });
      const paths = await linePaths(page, plot);
      expect(paths.length, plot).toBeGreaterThan(0);
      expect(paths.every((d) => d.length > 20), plot).toBe(true);
    }
    await screenshot(page, '02-charts');
    expect(app.errors).toEqual([]);
  });

  it('shows the actor flows with live numbers that change with the week, and explains a state', async () => {
    const { page } = app;
    await openView(page, 'flows');
    await page.waitForSelector(tid('flow-diagram'));
    const endOverview = await flowCounts(page);
    expect(Number(endOverview.employers)).toBeGreaterThan(0);
    expect(Number(endOverview.workers)).toBeGreaterThan(0);
    await screenshot(page, '03-flows-overview');

    await page.click(tid('flow-tab-worker'));
    await page.waitForSelector(`${tid('flow-diagram')}[data-view="worker"]`);
    const end = await flowCounts(page);
    const endWidths = await flowWidths(page);
    expect(Object.keys(end)).toEqual(expect.arrayContaining(['at-risk', 'recruited', 'employed', 'exploited', 'identified', 'assisted']));

    // Back to the first week: the numbers on the states and the widths of the flows change.
    await page.click(tid('reset-button'));
    await page.click(tid('step-button'));
    await expect.poll(() => flowCounts(page)).not.toEqual(end);
    const first = await flowCounts(page);
    expect(Object.values(first).every((v) => v !== '' && Number.isFinite(Number(v)))).toBe(true);
    expect(await flowWidths(page)).not.toEqual(endWidths);

    await page.click(tid('flow-node-exploited'));
    const text = await page.textContent(tid('flow-explanation'));
    expect(text).toMatch(/victim/i);
    expect(text).toMatch(/¶\d+/);
    await screenshot(page, '04-flows-worker');

    // Every actor machine has its diagram, generated from its definition.
    for (const type of ACTOR_TYPES) {
      await page.click(tid(`flow-tab-${type}`));
      await page.waitForSelector(`${tid('flow-diagram')}[data-view="${type}"]`);
      const shown = Object.keys(await flowCounts(page)).sort();
      expect(shown, type).toEqual(ACTOR_DIAGRAMS[type].graph.lanes.flatMap((l) => l.nodes).sort());
      await page.locator(tid('actor-flows')).screenshot({ path: `${SCREENSHOTS}/04-flows-${type}.png` });
    }
    expect(app.errors).toEqual([]);
  });

  it('compares two runs: both pinned, overlaid and in a table of differences', async () => {
    const { page } = app;
    await setSpeed(page, 'instant');
    await runToEnd(page);
    await page.click(tid('pin-button'));
    await selectPreset(page, 'awareness-campaign');
    await runToEnd(page);
    await page.click(tid('pin-button'));
    await openView(page, 'compare');
    await page.waitForSelector(tid('pin-1'));
    await page.waitForSelector(tid('compare-table'), { timeout: 120_000 });
    const cells = await page.$$eval(`${tid('compare-table')} [data-testid^="cell-"]`, (els) =>
      els.map((e) => [e.getAttribute('data-testid')!, e.textContent?.trim() ?? '', e.getAttribute('data-effect') ?? '', e.getAttribute('title') ?? '', e.querySelector('.change')?.textContent ?? ''] as const),
    );
    // Five runs each: every cell is judged on paired differences. A clear effect shows its
    // change and interval; an unclear one says so instead of a percentage.
    for (const [id, , effect, title, bracketed] of cells) {
      expect(['clear', 'none', 'same'], id).toContain(effect);
      const change = bracketed.replace(/^\((.*)\)$/, '$1');
      if (effect === 'none') expect([change, title], id).toEqual(['no clear effect', expect.stringMatching(/^No clear effect:.*90% interval/)]);
      // From a zero baseline a change has no percentage ('–') and no relative interval.
      if (effect === 'clear' && change !== '–') expect([change, title], id).toEqual([expect.stringMatching(/^[+−-]?[\d,.]+%$/), expect.stringMatching(/^90% interval of the change: /)]);
    }
    await page.waitForSelector(tid('compare-effect-legend'));
    const rows = new Map<string, string[]>();
    for (const [id, text] of cells) {
      const metric = id.replace(/^cell-/, '').replace(/-[^-]+$/, '');
      rows.set(metric, [...(rows.get(metric) ?? []), text]);
    }
    expect(rows.size).toBeGreaterThan(3);
    // Two different policy packages differ somewhere.
    expect([...rows.values()].some((r) => new Set(r).size > 1)).toBe(true);
    await screenshot(page, '05-compare');
    expect(app.errors).toEqual([]);
  });

  it('share link round-trip: a fresh browser opens the link and gets the same numbers, equal to Node', async () => {
    const { page } = app;
    await openView(page, 'charts');
    await page.fill(tid('seed-input'), '4242');
    await page.press(tid('seed-input'), 'Enter');
    await runToEnd(page);
    const csv = await exportCsv(page);
    const link = await shareLink(page);

    const other = await openApp(browser, link.slice(link.indexOf('#')));
    await other.page.waitForSelector(tid('scenario-bar'));
    expect(await other.page.inputValue(tid('scenario-name'))).toBe(await page.inputValue(tid('scenario-name')));
    expect(await other.page.inputValue(tid('seed-input'))).toBe('4242');
    await setSpeed(other.page, 'instant');
    await runToEnd(other.page);
    const again = await exportCsv(other.page);
    expect(again.length).toBeGreaterThan(1000);
    expect(again).toBe(csv);
    expect(other.errors).toEqual([]);
    await other.context.close();

    // The same file as the command-line runner writes for that scenario and seed.
    const decoded = decodeShareHash(new URL(link).hash);
    if (decoded.kind !== 'ok') throw new Error(`the share link did not decode: ${decoded.kind}`);
    const { scenario, runs } = decoded;
    const series = await createSyncRunner().run({ scenario, seed: scenario.seed, runs });
    const node = toCSV(toOutputDocument({ scenario, hash: scenarioHash(scenario), engineVersion: ENGINE_VERSION, seed: scenario.seed }, summarise(series)));
    expect(csv).toBe(node);
  });

  it('uploading a broken scenario file shows the validation message and changes nothing', async () => {
    const { page } = app;
    const name = await page.inputValue(tid('scenario-name'));
    const inspectors = await page.inputValue(tid(`lever-${INSPECTORS}`));
    await uploadScenario(page, 'broken.json', JSON.stringify({ name: 'Broken', interventions: { labourInspection: { inspectorsPer10kWorkers: 'high' } } }));
    const problems = await page.waitForSelector(tid('upload-problems'));
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('interventions.labourInspection.inspectorsPer10kWorkers');
    expect(text).toMatch(/expected a number/i);
    expect(text).toContain('"high"');
    expect(await page.inputValue(tid('scenario-name'))).toBe(name);
    expect(await page.inputValue(tid(`lever-${INSPECTORS}`))).toBe(inspectors);
    await screenshot(page, '06-upload-problems');

    await uploadScenario(page, 'not-json.json', '{ "name": "x", ');
    await expect.poll(async () => (await page.textContent(tid('upload-problems'))) ?? '').toMatch(/not-json\.json/);
    expect(await page.inputValue(tid('scenario-name'))).toBe(name);
    expect(app.errors).toEqual([]);
  });
});
