/**
 * `npm run bench:explore [-- --rounds N --replicates R]` — the app's tornado (issue 11, "Speed": over
 * the 20 assumptions that matter most to the chosen outcome in at most 60 s,
 * the page responsive throughout), printed: builds the app, serves it, and in
 * Debian's Chromium at the default world (260 weeks) opens Explore, keeps the
 * default inputs (the 20 with the largest Morris μ* for derived demand,
 * src/experiment/screening.ts) and the default replicates, presses Run on the
 * tornado and times it to done. Meanwhile it records the page's long tasks
 * (PerformanceObserver 'longtask': main-thread tasks over 50 ms) and how late a
 * timer that asks every 100 ms comes back (what a click would wait). A
 * benchmark: nothing asserts these figures.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBuiltApp } from './built-app.ts';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '1' }, replicates: { type: 'string' } } });
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Math.max(1, Number(args.rounds) || 1);
const tid = (id: string) => `[data-testid="${id}"]`;

interface Probe {
  longTasks: number[];
  lags: number[];
}

const app = await openBuiltApp(ROOT, 'test-artifacts/dist-bench-explore');
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForSelector(tid('scenario-bar'));
    // The page's own first run settles first: the tornado is timed on its own.
    await page.waitForFunction(() => document.querySelector('[data-testid="progress"]')?.getAttribute('data-status') === 'done', undefined, { timeout: 300_000 });
    await page.click(tid('view-explore'));
    await page.waitForSelector(tid('explore-tornado'));
    if (args.replicates) await page.fill(tid('explore-tornado-replicates'), args.replicates);
    const inputs = await page.$$eval(`${tid('explore-input')} input:checked, input${tid('explore-input')}:checked`, (xs) => xs.length);
    // As a string: tsx would wrap named functions in a helper the page does not have.
    await page.evaluate(`(() => {
      const probe = { longTasks: [], lags: [] };
      window.__probe = probe;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: false });
      let last = performance.now();
      const tick = () => { const now = performance.now(); probe.lags.push(now - last - 100); last = now; setTimeout(tick, 100); };
      setTimeout(tick, 100);
    })()`);
    const t0 = Date.now();
    await page.click(tid('explore-run-tornado'));
    await page.waitForFunction(() => document.querySelector('[data-testid="explore-tornado"]')?.getAttribute('data-status') === 'done', undefined, { timeout: 600_000 });
    const seconds = (Date.now() - t0) / 1000;
    const { points, probe } = await page.evaluate(() => ({
      points: Number(document.querySelector('[data-testid="explore-tornado"]')?.getAttribute('data-total')),
      probe: (window as unknown as { __probe: Probe }).__probe,
    }));
    const longest = Math.max(0, ...probe.longTasks);
    const lags = [...probe.lags].sort((a, b) => a - b);
    const p95 = lags[Math.floor(0.95 * (lags.length - 1))] ?? 0;
    console.log(
      `round ${round}: tornado over ${inputs} assumptions, ${points} points: done in ${seconds.toFixed(1)} s; ` +
        `${probe.longTasks.length} long tasks, longest ${longest.toFixed(0)} ms; timer lag p95 ${p95.toFixed(0)} ms, max ${Math.max(0, ...lags).toFixed(0)} ms`,
    );
    await context.close();
  }
} finally {
  await app.close();
}
