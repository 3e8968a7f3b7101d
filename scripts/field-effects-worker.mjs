// Entry of a C0 worker thread for `npm run calibrate`. Node 20 does not pass
// the parent's tsx loader on to worker threads (see src/cli/worker-entry.mjs),
// so the worker registers tsx before loading its TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./field-effects-worker.ts');
