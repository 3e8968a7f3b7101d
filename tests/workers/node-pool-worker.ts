import { nodeWorker } from '../../workers/node-worker.ts';
import type { Fault } from './faulty-api.ts';

export type { Fault };

/** The Node pool worker of workers/node-worker.ts, serving workers/sim-api.ts with an injected fault. */
export const nodePoolWorker = (fault?: Fault) => nodeWorker({ api: new URL('./faulty-api.ts', import.meta.url), data: { fault } });
