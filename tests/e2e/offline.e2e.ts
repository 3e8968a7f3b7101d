import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, distDir } from './browser.ts';
import { openView, tid, waitForStatus } from './driver.ts';

/**
 * Offline (issue 12): a facilitator's laptop in a hotel room. The production
 * build is served from a plain static folder by a twenty-line file server (no
 * Vite), and Chromium runs with every host but 127.0.0.1 unresolvable and every
 * request to another origin aborted by the test. The app must open, run and
 * show each view without a single request leaving the machine, with its fonts
 * and assets local.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Serves `root` as static files; `/` is index.html. */
function staticServer(root: string): Promise<Server> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    const file = normalize(join(base, path === '/' ? 'index.html' : path));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe('the production build works with no network', () => {
  let browser: Browser;
  let server: Server | undefined;
  let origin = '';

  beforeAll(async () => {
    const dir = distDir();
    if (!dir) return; // E2E_BASE_URL: an external server, no build folder to serve.
    server = await staticServer(dir);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        // No name resolves but the machine itself: a request that slipped past the routing below could not leave either.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  });

  async function offlinePage(width: number): Promise<{ page: Page; blocked: string[]; local: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const blocked: string[] = [];
    const local: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
        local.push(url);
        return route.continue();
      }
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    return { page, blocked, local, errors };
  }

  it('opens, runs and shows every view from a static folder, and nothing leaves the page', async () => {
    if (!server) return;
    const { page, blocked, local, errors } = await offlinePage(1440);
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    // The page runs its opening scenario on its own (in a web worker, from a local script).
    await waitForStatus(page, 'done', 300_000);
    for (const view of ['flows', 'compare', 'explore', 'charts'] as const) await openView(page, view);
    await page.selectOption(tid('preset-select'), 'awareness-campaign');
    await page.click(tid('run-button'));
    await waitForStatus(page, 'done', 300_000);

    // Every resource the page and its workers loaded came from the static folder.
    const resources: string[] = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    const foreign = resources.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    // Fonts: whatever the page uses is a system font or a local file, never a web font from elsewhere.
    const fonts: string[] = await page.evaluate(() => [...document.fonts].map((f) => `${f.family} ${f.status}`));

    expect(blocked, 'requests to other hosts').toEqual([]);
    expect(foreign, 'resources from other origins').toEqual([]);
    expect(errors).toEqual([]);
    expect(local.some((u) => /\/assets\/sim\.worker-[\w-]+\.js$/.test(u)), 'the simulation worker came from the folder').toBe(true);
    expect(fonts.filter((f) => !f.endsWith('loaded'))).toEqual([]);

    // The check itself can fail: a request to another host is seen and stopped.
    const probe = await page.context().newPage();
    await probe.goto('http://example.com/').catch(() => undefined);
    expect(blocked).toEqual(['http://example.com/']);
    await page.context().close();
  });
});
