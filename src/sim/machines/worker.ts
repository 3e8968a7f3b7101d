import { setup } from 'xstate';
import { sectorContext, sectorTypes } from './sector.ts';

/**
 * Potential or actual victim (¶7, ¶10, ¶13, ¶15(e)). The population is open:
 * a worker who leaves the destination (`leave`, or `deport`) is replaced by a
 * newcomer in the at-risk pool, so the pool keeps its size without the same
 * people cycling through it for ever.
 */
export const workerEvents = [
  'recruit', 'place', 'entrap', 'worsen', 'quit', 'identify', 'escape', 'assist', 'deport',
  'reintegrate', 'relapse', 'leave',
] as const;

export const workerMachine = setup({
  types: sectorTypes(workerEvents),
}).createMachine({
  id: 'worker',
  context: sectorContext,
  initial: 'at-risk',
  states: {
    'at-risk': { on: { recruit: 'recruited', leave: { target: 'at-risk', reenter: true } } },
    /** Promised a job; next week placed in decent work or entrapped. */
    recruited: { on: { place: 'employed', entrap: 'exploited' } },
    employed: { on: { worsen: 'exploited', quit: 'at-risk', leave: 'at-risk' } },
    exploited: { on: { identify: 'identified', escape: 'at-risk' } },
    /** `deport`: removed from the destination; a newcomer takes the place. */
    identified: { on: { assist: 'assisted', deport: 'at-risk' } },
    /** Re-trafficking risk: `relapse` returns the worker to the at-risk pool. */
    assisted: { on: { reintegrate: 'employed', relapse: 'at-risk', leave: 'at-risk' } },
  },
});
