/**
 * `npm run bench:ui [-- --root DIR --against DIR --rounds N --cores N]` — how fast a lever change
 * answers in the app (issue 10, "instant answers"), printed: builds the app,
 * serves it with `vite preview`, and in Debian's Chromium, at the default
 * world and the app's default number of runs, measures from the moment a
 * lever changes (the consumer awareness campaign's reach) to the first curve
 * of the changed scenario drawn, to the run done, and to its finished bands.
 * Cold: a fresh page with Live off, nothing computed (the baseline computes
 * alongside), the lever changed and Run pressed. Warm: Live on, after the run
 * the page makes as it opens, whose settled post-burn-in states the workers
 * keep (src/sim/settled.ts); Live reruns by itself, so the warm figures
 * include its debounce (LIVE_MS) and no Run press. Playback at
 * instant speed, so the figures are the computation's, not the animation's.
 * `--root` measures another checkout of the app the same way; `--against DIR`
 * measures a second checkout too, in turns with the first round by round, so
 * that a before/after comparison meets the same load; `--cores N` tells the page N cores (navigator.hardwareConcurrency),
 * from which the app sizes its worker pool. A benchmark: nothing asserts
 * these timings.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_RUNS } from '../src/ui/workspace/share.ts';
import { openBuiltApp, type BuiltApp } from './built-app.ts';

const { values: args } = parseArgs({ options: { root: { type: 'string' }, against: { type: 'string' }, rounds: { type: 'string', default: '3' }, cores: { type: 'string' } } });
const ROOT = args.root ?? fileURLToPath(new URL('..', import.meta.url));
// Another checkout's build goes to a temporary folder: that checkout stays as it is.
const OUT_DIR = args.root ? join(tmpdir(), `dist-bench-ui-${process.pid}`) : 'test-artifacts/dist-bench-ui';
const ROUNDS = Math.max(1, Number(args.rounds) || 3);
const CORES = args.cores ? Math.max(1, Math.floor(Number(args.cores)) || 1) : undefined;
const LEVER = 'interventions.awareness.consumers';
const tid = (id: string) => `[data-testid="${id}"]`;

interface Timing {
  /** From the lever change to the first drawn curve of the new run, to the run done, to its bands drawn (ms). */
  readonly curve: number;
  readonly done: number;
  readonly bands: number;
}

interface BenchWindow {
  __benchUi: { t0: number; running: number | null; curve: number | null; done: number | null; bands: number | null };
}

/**
 * Watches the page every frame from now on: when the progress bar says a
 * run started, then when the demand chart draws a curve of it, when the run
 * is done, and when its bands are drawn.
 */
function watch(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__benchUi = { t0: performance.now(), running: null, curve: null, done: null, bands: null };
    const tick = () => {
      const b = w.__benchUi;
      const now = performance.now();
      const status = document.querySelector('[data-testid="progress"]')?.getAttribute('data-status');
      if (b.running === null && status === 'running') b.running = now;
      if (b.running !== null) {
        const lines = [...document.querySelectorAll('[data-testid="plot-demand"] path[data-line]')];
        if (b.curve === null && lines.some((p) => (p.getAttribute('d') ?? '').length > 0)) b.curve = now;
        if (b.done === null && status === 'done') b.done = now;
        if (b.bands === null && b.done !== null && document.querySelector('[data-testid="plot-demand"] g.bands path')) b.bands = now;
      }
      if (b.bands === null) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** From `change` to the new run's first curve, its end and its bands; `press`: Run is pressed after the change (Live off). */
async function measure(page: Page, change: () => Promise<void>, options: { press?: boolean } = {}): Promise<Timing> {
  await watch(page);
  await change();
  if (options.press) await page.click(tid('run-button'));
  try {
    await page.waitForFunction(() => (window as unknown as BenchWindow).__benchUi.bands !== null, null, { timeout: 120_000 });
  } catch (error) {
    // A round that never ends is reported with what the page showed, and the benchmark goes on.
    const seen = await page.evaluate(() => ({ ...(window as unknown as BenchWindow).__benchUi, status: document.querySelector('[data-testid="progress"]')?.getAttribute('data-status') }));
    throw new Error(`no bands within 120 s: ${JSON.stringify(seen)}`, { cause: error });
  }
  return page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__benchUi;
    return { curve: b.curve! - b.t0, done: b.done! - b.t0, bands: b.bands! - b.t0 };
  });
}

async function setLever(page: Page, value: string): Promise<void> {
  const box = page.locator(tid(`lever-${LEVER}`));
  await box.fill(value);
  await box.press('Enter');
}

async function freshPage(browser: Browser, url: string, options: { live?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with a helper `__name` that the page does not have (watch's `tick`).
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  // Live off (saved with the workspace): the page computes nothing as it opens, so the first run is cold.
  if (options.live === false) await context.addInitScript({ content: `localStorage.setItem('dsw.workspace.v1', '${JSON.stringify({ v: 1, scenario: { name: 'Baseline' }, runs: DEFAULT_RUNS, live: false })}');` });
  // --cores N: the page is told N cores, so the app sizes its worker pool for N (an experiment, not the machine).
  if (CORES) await context.addInitScript({ content: `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${CORES} });` });
  const page = await context.newPage();
  // What goes wrong in the page is printed: a benchmark that waits for a run that failed says why.
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  page.on('console', (m) => void (m.type() === 'error' && console.error(`page console: ${m.text()}`)));
  await page.goto(url);
  await page.waitForSelector(tid('run-button'));
  await page.selectOption(tid('speed-select'), 'instant');
  // Live on: the run the page starts by itself as it opens ends first. Live off: nothing runs.
  const settled = options.live === false ? ['idle'] : ['done'];
  await page.waitForFunction((want) => want.includes(document.querySelector('[data-testid="progress"]')?.getAttribute('data-status') ?? ''), settled, { timeout: 300_000 });
  await page.waitForTimeout(500);
  return page;
}

const fmt = (t: Timing) => `first curve ${Math.round(t.curve)} ms, done ${Math.round(t.done)} ms, bands ${Math.round(t.bands)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (ts: Timing[]): Timing => ({ curve: median(ts.map((t) => t.curve)), done: median(ts.map((t) => t.done)), bands: median(ts.map((t) => t.bands)) });

/** The apps measured: this checkout (or --root), and --against DIR's, taken in turns round by round so that both meet the same load. */
interface Measured {
  readonly name: string;
  readonly app: BuiltApp;
  readonly cold: Timing[];
  readonly warm: Timing[];
  readonly again: Timing[];
  /** Web workers the page had after its runs. */
  readonly workers: number[];
}

async function round(browser: Browser, m: Measured): Promise<void> {
  const page = await freshPage(browser, m.app.url, { live: false });
  // Cold: the first run of a fresh page (Live off: nothing computed as it opened), the lever changed, then Run.
  m.cold.push(await measure(page, () => setLever(page, '0.03'), { press: true }));
  await page.context().close();
  const next = await freshPage(browser, m.app.url);
  // Warm: the default scenario once (the run the page makes as it opens, Live), then the lever, then the
  // lever again; Live reruns by itself, so the figures include its debounce (LIVE_MS) and no Run press.
  m.warm.push(await measure(next, () => setLever(next, '0.03')));
  m.again.push(await measure(next, () => setLever(next, '0.05')));
  m.workers.push(next.workers().length);
  await next.context().close();
}

const measured: Measured[] = [];
try {
  measured.push({ name: ROOT, app: await openBuiltApp(ROOT, OUT_DIR), cold: [], warm: [], again: [], workers: [] });
  if (args.against) measured.push({ name: args.against, app: await openBuiltApp(args.against, join(tmpdir(), `dist-bench-ui-against-${process.pid}`)), cold: [], warm: [], again: [], workers: [] });
  for (let r = 0; r < ROUNDS; r++) {
    for (const m of measured) {
      try {
        await round(m.app.browser, m);
      } catch (error) {
        console.log(`round ${r + 1} (${m.name}) failed: ${error instanceof Error ? error.message : String(error)}`);
        for (const context of m.app.browser.contexts()) await context.close();
        continue;
      }
      console.log(`round ${r + 1} (${m.name}, ${m.workers.at(-1)} workers): cold ${fmt(m.cold.at(-1)!)}; warm ${fmt(m.warm.at(-1)!)}; warm again ${fmt(m.again.at(-1)!)}`);
    }
  }
  for (const m of measured) {
    console.log(`bench:ui (${m.name}${CORES ? `, told ${CORES} cores` : ''}), default world, default runs, medians of ${ROUNDS} round(s):`);
    console.log(`  cold (fresh page, baseline alongside): ${fmt(summary(m.cold))}`);
    console.log(`  warm (after one default run):          ${fmt(summary(m.warm))}`);
    console.log(`  warm again (a second lever change):    ${fmt(summary(m.again))}`);
  }
} finally {
  for (const m of measured) await m.app.close();
}
