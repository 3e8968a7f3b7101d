import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { PoolWorker } from '../../src/ui/worker-runner.ts';

export type Fault = 'throw' | 'exit' | 'reject' | 'hang';

/** A worker_threads worker running workers/sim-api.ts, shaped for createWorkerRunner. */
export function nodePoolWorker(fault?: Fault): PoolWorker & { readonly thread: Worker } {
  const thread = new Worker(new URL('./node-host.mjs', import.meta.url), { workerData: { fault } });
  return {
    thread,
    endpoint: nodeEndpoint(thread),
    onFault(callback) {
      thread.on('error', (e) => callback(e.message));
      thread.on('messageerror', () => callback('a message from the worker could not be read'));
      thread.on('exit', (code) => callback(`the worker exited with code ${code}`));
    },
    terminate: () => void thread.terminate(),
  };
}
