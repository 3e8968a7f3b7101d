/**
 * `npm run bench:longtask` — the long-task figures, printed: builds the app,
 * serves it with `vite preview`, and in Debian's Chromium, with Live off,
 * runs the default scenario (the default world, the app's default number of
 * runs), then the largest population the app allows; for each it reports every
 * main-thread task over the 50 ms budget and the main thread's work counts. A benchmark: timings
 * depend on the machine, so no test asserts them (the browser test asserts
 * the counts). Exits 1 if the browser or the build is missing.
 */
import { fileURLToPath } from 'node:url';
import { defaultScenario, toCanonicalJSON } from '../src/scenario/load.ts';
import { DEFAULT_RUNS } from '../src/ui/workspace/share.ts';
import { openBuiltApp } from './built-app.ts';
import { formatReport, largestBrowserScenario, measureRun } from './longtask-measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = 'test-artifacts/dist';

const scenario = largestBrowserScenario();
const app = await openBuiltApp(ROOT, OUT_DIR);
try {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Live off (saved with the workspace): nothing runs by itself, and each figure is of a press of Run.
  await page.addInitScript({ content: `localStorage.setItem('dsw.workspace.v1', '${JSON.stringify({ v: 1, scenario: { name: 'Baseline' }, runs: DEFAULT_RUNS, live: false })}');` });
  await page.goto(app.url);
  await page.waitForSelector('[data-testid="run-button"]');
  await page.waitForTimeout(500);
  console.log(formatReport(await measureRun(page, defaultScenario()), 'the default world, the default runs'));
  // Opened through the app's own upload, validated like any user's file.
  await page.setInputFiles('[data-testid="upload-input"]', { name: 'largest.json', mimeType: 'application/json', buffer: Buffer.from(toCanonicalJSON(scenario, 2)) });
  await page.waitForFunction((name) => (document.querySelector('[data-testid="scenario-name"]') as HTMLInputElement | null)?.value === name, scenario.name);
  await page.waitForTimeout(500);
  console.log(formatReport(await measureRun(page, scenario)));
} finally {
  await app.close();
}
