import { afterAll, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { nodeWorker } from '../../workers/node-worker.ts';
import type { SimWorkerApi } from '../../workers/sim-api.ts';
import { agentStory } from '../../src/sim/story.ts';
import { smallWorld } from '../support/small-world.ts';

/** The story method of workers/sim-api.ts, in a Node worker thread (workers/node-worker.ts), as the app calls it in a web worker. */
describe('story in a worker', () => {
  const scenario = smallWorld('flows', { name: 'story worker test', weeks: 40 });
  const worker = nodeWorker();
  const api = Comlink.wrap<SimWorkerApi>(worker.endpoint);
  afterAll(() => {
    api[Comlink.releaseProxy]();
    worker.terminate();
  });

  it('tells the story this thread tells, twice alike', async () => {
    const request = { seed: 4, run: 0, type: 'worker' as const, week: 25, pick: { state: 'employed' } };
    const here = agentStory(scenario, request);
    const [a, b] = [await api.story(scenario, request), await api.story(scenario, request)];
    expect(a).toEqual(here);
    expect(b).toEqual(a);
  });

  it('answers a request that names no agent with a plain message', async () => {
    const answer = await api.story(scenario, { seed: 4, run: 0, type: 'client', week: 5, pick: { state: 'market.nowhere' } });
    expect(answer).toEqual({ error: expect.stringMatching(/^story: client has no state "market.nowhere"; expected one of /) });
  });
});
