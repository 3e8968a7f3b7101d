/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { simWorkerApi } from './sim-api.ts';

/** Browser entry of the simulation worker (bundled by Vite from src/ui/worker-runner.ts). */
Comlink.expose(simWorkerApi);
