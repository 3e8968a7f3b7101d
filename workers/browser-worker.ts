import { createPool, type PoolWorker } from './pool.ts';

/** The app's workers: module Workers running sim.worker.ts (bundled by Vite from here). */

/** Workers when the caller does not say: one per core, at most 4. */
const MAX_POOL = 4;

function browserWorker(): PoolWorker {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  return {
    endpoint: worker,
    onFault(callback) {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        callback(e.message || 'the worker script failed to load or threw an uncaught error');
      });
      worker.addEventListener('messageerror', () => callback('a message from the worker could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}

function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.min(cores, MAX_POOL);
}

/** The app's SimRunner: the pool over web workers. */
export function createWorkerRunner(options: { readonly maxWorkers?: number } = {}) {
  return createPool({ maxWorkers: Math.max(1, Math.floor(options.maxWorkers ?? defaultPoolSize())), createWorker: browserWorker });
}
