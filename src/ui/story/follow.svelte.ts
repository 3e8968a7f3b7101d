import type { Scenario } from '../../scenario/schema.ts';
import type { ActorType } from '../../sim/machines/index.ts';
import type { AgentStory, StoryRequest } from '../../sim/story.ts';
import type { StoryAnswer } from '../../../workers/story-client.ts';

/** Computes a story off the page's thread (workers/story-client.ts in the app, agentStory directly in tests). */
export type StorySource = (scenario: Scenario, request: StoryRequest) => Promise<StoryAnswer>;

/** What the panel is asked to follow: an actor type, a state (undefined: any) and the week to pick at. */
export interface FollowAsk {
  readonly type: ActorType;
  readonly state?: string;
  readonly week: number;
  readonly nth: number;
}

/**
 * The story panel's state: what was asked, and the story once the worker
 * has told it. Asking again while a story is on its way supersedes it (the
 * older answer is dropped when it arrives).
 */
export class Follow {
  ask = $state<FollowAsk | undefined>(undefined);
  story = $state<AgentStory | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  loading = $state(false);
  /** The scenario the story is of (its run 0). */
  scenario = $state.raw<Scenario | undefined>(undefined);
  #ticket = 0;
  readonly #source: StorySource;

  constructor(source: StorySource) {
    this.#source = source;
  }

  /** Follows one agent of `type` picked at week `week` (in `state` if given) of run 0 of `scenario`. */
  async follow(scenario: Scenario, ask: FollowAsk): Promise<void> {
    const ticket = ++this.#ticket;
    this.ask = ask;
    this.scenario = scenario;
    this.loading = true;
    this.error = undefined;
    this.story = undefined;
    try {
      const answer = await this.#source(scenario, { seed: scenario.seed, run: 0, type: ask.type, week: ask.week, pick: { state: ask.state, nth: ask.nth } });
      if (ticket !== this.#ticket) return;
      if ('error' in answer) this.error = answer.error;
      else this.story = answer;
    } catch (e) {
      if (ticket === this.#ticket) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (ticket === this.#ticket) this.loading = false;
    }
  }

  /** Another agent picked the same way. */
  another(scenario: Scenario): Promise<void> {
    if (!this.ask) return Promise.resolve();
    return this.follow(scenario, { ...this.ask, nth: this.ask.nth + 1 });
  }

  close(): void {
    this.#ticket++;
    this.ask = undefined;
    this.scenario = undefined;
    this.story = undefined;
    this.error = undefined;
    this.loading = false;
  }
}
