import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    // Only a guard against a hang, not a speed budget: the C0 sweep takes ~35 s on a quiet
    // 2-core machine and ~140 s when other work shares both cores (CI machines are busy).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
