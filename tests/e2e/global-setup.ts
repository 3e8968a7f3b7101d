import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { OUT_DIR, ROOT, SCREENSHOTS } from './paths.ts';

/**
 * Builds the app for production and serves it with `vite preview` on a free
 * localhost port for the duration of the run. E2E_BASE_URL skips both and
 * tests a server that is already running.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built app's directory (absolute), or '' when testing an external server. */
    distDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.endsWith('/') ? external : `${external}/`);
    project.provide('distDir', '');
    return async () => {};
  }
  const started = performance.now();
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const baseUrl = `http://127.0.0.1:${port}/`;
  console.log(`[e2e] production build in ${OUT_DIR} (${Math.round(performance.now() - started)} ms), served at ${baseUrl}`);
  project.provide('baseUrl', baseUrl);
  project.provide('distDir', `${ROOT}/${OUT_DIR}`);
  return async () => {
    await server.close();
  };
}
