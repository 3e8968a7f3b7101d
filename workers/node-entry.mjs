// Entry of every Node worker thread (CLI, calibration, tests): exposes over
// comlink's node adapter the `api` export of the module named in
// workerData.api (workers/sim-api.ts unless told otherwise). Node 20 does not
// pass a parent's `--import tsx` on to worker threads, so the worker registers
// tsx itself before loading TypeScript; this works whether the parent runs
// under `tsx` (npm run sim), vitest or anything else.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const Comlink = await import('comlink');
const { default: nodeEndpoint } = await import('comlink/dist/esm/node-adapter.mjs');
const { api } = await import(workerData?.api ?? new URL('./sim-api.ts', import.meta.url).href);
Comlink.expose(api, nodeEndpoint(parentPort));
