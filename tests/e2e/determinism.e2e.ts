import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/engine.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { baseUrl, distDir, launchChromium } from './browser.ts';
import { ROOT } from './paths.ts';

/**
 * Bit-for-bit determinism across Node and the browser: the production build's
 * simulation worker, running in Chromium, against simulate() in Node, for the
 * same scenario, seed and replicate.
 */

function preset(file: string, patch: Record<string, unknown> = {}): Scenario {
  const json = JSON.parse(readFileSync(`${ROOT}/scenarios/${file}`, 'utf8'));
  const result = validateScenario({ ...json, ...patch });
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.scenario;
}

const b64 = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

interface BrowserRun {
  chunks: number;
  values: string;
  states: Record<string, string>;
  transitions: Record<string, string>;
}

describe('the same numbers in Node and in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['baseline.json', 20_260, 0],
    ['combined-package.json', 7, 3],
  ])('%s, seed %i, run %i', async (file, seed, run) => {
    const dir = distDir();
    if (!dir) return; // E2E_BASE_URL: no build to take the worker from.
    const workerFile = readdirSync(`${dir}/assets`).find((f) => /^sim\.worker-[\w-]+\.js$/.test(f));
    expect(workerFile, 'the build emits the simulation worker as assets/sim.worker-<hash>.js').toBeDefined();

    const scenario = preset(file, { weeks: 156 });
    // The app page gives the worker its origin; CSP is bypassed only to add comlink for the test's own calls.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.addScriptTag({ path: `${ROOT}/node_modules/comlink/dist/umd/comlink.min.js` });
    const got: BrowserRun = await page.evaluate(
      async ({ url, request, types }) => {
        type Chunk = { fromWeek: number; toWeek: number; values: Float64Array; states: Record<string, Float64Array>; transitions: Record<string, Float64Array> };
        const C = (globalThis as unknown as { Comlink: { wrap(w: Worker): any; proxy<T>(f: T): T } }).Comlink;
        const worker = new Worker(url, { type: 'module' });
        const chunks: Chunk[] = [];
        await C.wrap(worker).run(request, C.proxy((c: Chunk) => void chunks.push(c)));
        worker.terminate();
        const join = (pick: (c: Chunk) => Float64Array) => {
          const total = chunks.reduce((n, c) => n + pick(c).length, 0);
          const out = new Float64Array(total);
          let at = 0;
          for (const c of chunks) {
            out.set(pick(c), at);
            at += pick(c).length;
          }
          let s = '';
          const bytes = new Uint8Array(out.buffer);
          for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return btoa(s);
        };
        return {
          chunks: chunks.length,
          values: join((c) => c.values),
          states: Object.fromEntries(types.map((t) => [t, join((c) => c.states[t])])),
          transitions: Object.fromEntries(types.map((t) => [t, join((c) => c.transitions[t])])),
        };
      },
      { url: `${baseUrl()}assets/${workerFile}`, request: { scenario, seed, run, weeks: scenario.weeks }, types: [...ACTOR_TYPES] },
    );
    await context.close();

    const want = simulate(scenario, { seed, run });
    expect(got.chunks).toBeGreaterThan(0);
    expect(got.values.length).toBeGreaterThan(1000);
    expect(got.values === b64(want.values), 'metric values are bit-identical').toBe(true);
    for (const t of ACTOR_TYPES) {
      expect(got.states[t] === b64(want.states[t]), `states of ${t} are bit-identical`).toBe(true);
      expect(got.transitions[t] === b64(want.transitions[t]), `transitions of ${t} are bit-identical`).toBe(true);
    }
  });
});
