/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { simWorkerApi } from './sim-api.ts';

/** Browser entry of the simulation worker (bundled by Vite from workers/browser-worker.ts). */
Comlink.expose(simWorkerApi);
