import * as Comlink from 'comlink';
import type { Scenario } from '../src/scenario/schema.ts';
import type { AgentStory, StoryRequest } from '../src/sim/story.ts';
import type { SimWorkerApi } from './sim-api.ts';

/**
 * The app's way to one agent's story (src/sim/story.ts): a web worker of its
 * own (sim.worker.ts, the same API the pool's workers serve), started on the
 * first story and kept for the next, so a story never waits behind a run
 * and never blocks the page.
 */
let remote: Comlink.Remote<SimWorkerApi> | undefined;

export type StoryAnswer = AgentStory | { readonly error: string };

export async function requestStory(scenario: Scenario, request: StoryRequest): Promise<StoryAnswer> {
  if (!remote) {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'story' });
    remote = Comlink.wrap<SimWorkerApi>(worker);
  }
  // The scenario may be a reactive proxy on the page: send a plain copy.
  return remote.story(JSON.parse(JSON.stringify(scenario)) as Scenario, request);
}
