import { workerData } from 'node:worker_threads';
import { releaseCallback, simWorkerApi, type ChunkSink, type ReplicateRequest, type SettledSink } from '../../workers/sim-api.ts';

/**
 * workers/sim-api.ts as the test threads serve it (workers/node-worker.ts with
 * this module as its api): it records each chunk's byte length after sending
 * (0 when its buffer was transferred), and `workerData.fault` injects a
 * failure after the first chunk.
 */

export type Fault = 'throw' | 'exit' | 'reject' | 'hang';

const fault = (workerData as { fault?: Fault } | null)?.fault;
const afterSend: number[] = [];

export const api = {
  ...simWorkerApi,
  async run(request: ReplicateRequest, sink: ChunkSink, onSettled?: SettledSink): Promise<void> {
    let chunks = 0;
    const inner: ChunkSink = async (chunk) => {
      const more = await sink(chunk);
      afterSend.push(chunk.values.byteLength);
      if (++chunks !== 1 || !fault) return more;
      if (fault === 'throw') setTimeout(() => { throw new Error('injected fault'); });
      if (fault === 'exit') process.exit(3);
      if (fault === 'reject') throw new Error('injected rejection');
      if (fault === 'hang') await new Promise(() => {});
      return more;
    };
    try {
      await simWorkerApi.run(request, inner, onSettled);
    } finally {
      releaseCallback(sink);
    }
  },
  byteLengthsAfterSend(): number[] {
    return afterSend;
  },
};
