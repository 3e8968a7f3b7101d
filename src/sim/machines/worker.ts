import { setup } from 'xstate';
import type { Sector } from '../sectors.ts';

/** Potential or actual victim (¶7, ¶10, ¶13, ¶15(e)). */
export const workerEvents = [
  'recruit', 'place', 'entrap', 'worsen', 'quit', 'identify', 'escape', 'assist', 'deport',
  'reintegrate', 'relapse',
] as const;
type Ev = { type: (typeof workerEvents)[number] };

export const workerMachine = setup({
  types: { context: {} as { sector: Sector }, input: {} as { sector: Sector }, events: {} as Ev },
}).createMachine({
  id: 'worker',
  context: ({ input }) => ({ sector: input.sector }),
  initial: 'at-risk',
  states: {
    'at-risk': { on: { recruit: 'recruited' } },
    /** Promised a job; next week placed in decent work or entrapped. */
    recruited: { on: { place: 'employed', entrap: 'exploited' } },
    employed: { on: { worsen: 'exploited', quit: 'at-risk' } },
    exploited: { on: { identify: 'identified', escape: 'at-risk' } },
    identified: { on: { assist: 'assisted', deport: 'at-risk' } },
    /** Re-trafficking risk: `relapse` returns the worker to the at-risk pool. */
    assisted: { on: { reintegrate: 'employed', relapse: 'at-risk' } },
  },
});
