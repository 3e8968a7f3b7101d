import { parentPort } from 'node:worker_threads';
import { ACTOR_TYPES } from '../sim/machines/index.ts';
import type { RunChunk } from '../sim/runner.ts';
import type { RunSeries } from '../sim/series.ts';
import { replicateChunks, sliceChunk } from '../sim/sync-runner.ts';
import type { FromWorker, RunJob } from './thread-protocol.ts';

/**
 * A simulation worker thread, kept dumb (STYLE.md 2): run one replicate per
 * message and hand its buffers back by transfer. Cancellation is the parent
 * terminating the thread.
 */

const port = parentPort!;

function buffers(s: RunSeries | RunChunk): ArrayBuffer[] {
  const arrays = [s.values, ...ACTOR_TYPES.flatMap((t) => [s.states[t], s.transitions[t]])];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (job: RunJob) => {
  try {
    let series: RunSeries | undefined;
    for (const c of replicateChunks(job.scenario, job)) {
      series = c.sim.series;
      if (job.chunks) {
        const chunk = sliceChunk(series, job.run, c.fromWeek, c.toWeek);
        post({ type: 'chunk', chunk }, buffers(chunk));
      }
      post({ type: 'progress', run: job.run, weeks: c.toWeek - c.fromWeek });
    }
    post({ type: 'done', run: job.run, series: series! }, buffers(series!));
  } catch (e) {
    post({ type: 'error', run: job.run, message: e instanceof Error ? e.message : String(e) });
  }
});
