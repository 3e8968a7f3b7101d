import { setup } from 'xstate';
import { sectorContext, sectorTypes } from './sector.ts';

/** One investigation, spawned by a report or a detection (¶16, ¶36, ¶38). */
export const caseEvents = ['assign', 'charge', 'drop', 'convict', 'acquit'] as const;

export const caseMachine = setup({
  types: sectorTypes(caseEvents),
}).createMachine({
  id: 'case',
  context: sectorContext,
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
