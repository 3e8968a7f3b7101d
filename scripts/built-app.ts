import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { build, preview } from 'vite';

/**
 * The app as the benchmarks see it (`bench:longtask`, `bench:ui`): built for
 * production, served by `vite preview` on a free localhost port, with Debian's
 * Chromium launched headless.
 */
export interface BuiltApp {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** Builds the app at `root` into `outDir` (relative to root, or absolute), serves it and launches Chromium. */
export async function openBuiltApp(root: string, outDir: string): Promise<BuiltApp> {
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
