import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: Debian's Chromium, driven by playwright-core, against the
 * production build served by `vite preview` (started in global-setup.ts).
 * Run with `npx vitest run -c tests/e2e/vitest.e2e.config.ts`. Files are named
 * *.e2e.ts so the unit-test run (tests/**\/*.test.ts) never picks them up.
 */
export default defineConfig({
  // Some tests import app modules that use Svelte runes (e.g. the message catalogue's reactive locale).
  plugins: [svelte()],
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser at a time: two cores run one Chromium and its workers well, not several.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 600_000, // a guard against a hang, not a speed budget (CI machines are busy)
    hookTimeout: 600_000,
  },
});
