import { setup } from 'xstate';
import type { Sector } from '../../scenario/sectors.ts';

/** One investigation, spawned by a report or a detection (¶16, ¶36, ¶38). */
export const caseEvents = ['assign', 'charge', 'drop', 'convict', 'acquit'] as const;
type Ev = { type: (typeof caseEvents)[number] };

export const caseMachine = setup({
  types: { context: {} as { sector: Sector }, input: {} as { sector: Sector }, events: {} as Ev },
}).createMachine({
  id: 'case',
  context: ({ input }) => ({ sector: input.sector }),
  initial: 'opened',
  states: {
    /** Waiting in the police queue for investigative capacity. */
    opened: { on: { assign: 'investigating', drop: 'dropped' } },
    investigating: { on: { charge: 'charged', drop: 'dropped' } },
    charged: { on: { convict: 'convicted', acquit: 'acquitted' } },
    convicted: { type: 'final' },
    acquitted: { type: 'final' },
    dropped: { type: 'final' },
  },
});
