// Node host for workers/sim-api.ts: the same adapter the browser worker
// exposes, served over worker_threads through comlink's node adapter
// (GoogleChromeLabs/comlink docs/examples/06-node-example). For the tests it
// records each chunk's byte length after sending (0 when its buffer was
// transferred), and `workerData.fault` injects a failure after the first chunk.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const Comlink = await import('comlink');
const { default: nodeEndpoint } = await import('comlink/dist/esm/node-adapter.mjs');
const { simWorkerApi } = await import('../../workers/sim-api.ts');

const fault = workerData?.fault;
const afterSend = [];

const api = {
  async run(request, sink) {
    let chunks = 0;
    return simWorkerApi.run(request, async (chunk) => {
      await sink(chunk);
      afterSend.push(chunk.values.byteLength);
      if (++chunks !== 1 || !fault) return;
      if (fault === 'throw') setTimeout(() => { throw new Error('injected fault'); });
      if (fault === 'exit') process.exit(3);
      if (fault === 'reject') throw new Error('injected rejection');
      if (fault === 'hang') await new Promise(() => {});
    });
  },
  byteLengthsAfterSend() {
    return afterSend;
  },
};

Comlink.expose(api, nodeEndpoint(parentPort));
