// Entry of a simulation worker thread. Node 20 does not pass a parent's
// `--import tsx` on to worker threads, so the worker registers tsx itself
// before loading its TypeScript body; this works whether the parent runs
// under `tsx` (npm run sim), vitest or anything else.
import { register } from 'tsx/esm/api';

register();
await import('./sim-worker.ts');
