import { setup } from 'xstate';
import type { Sector } from '../../scenario/sectors.ts';

/**
 * Agency, agent or transporter (¶14(c), ¶15(b), ¶4(d), ¶18). Two parallel
 * regions: its standing with the licensing authority, and how it treats workers.
 */
export const recruiterEvents = ['license', 'revoke', 'shutDown', 'reenter', 'exploit', 'reform'] as const;
type Ev = { type: (typeof recruiterEvents)[number] };

export const recruiterMachine = setup({
  types: { context: {} as { sector: Sector }, input: {} as { sector: Sector }, events: {} as Ev },
}).createMachine({
  id: 'recruiter',
  context: ({ input }) => ({ sector: input.sector }),
  type: 'parallel',
  states: {
    licence: {
      initial: 'unregistered',
      states: {
        unregistered: { on: { license: 'licensed', shutDown: 'revoked' } },
        licensed: { on: { revoke: 'revoked' } },
        /** Barred; may re-enter the market unregistered, less so with cross-border cooperation. */
        revoked: { on: { reenter: 'unregistered' } },
      },
    },
    conduct: {
      initial: 'fair',
      states: {
        fair: { on: { exploit: 'exploitative' } },
        exploitative: { on: { reform: 'fair' } },
      },
    },
  },
});
