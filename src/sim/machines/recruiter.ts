import { setup } from 'xstate';
import { sectorContext, sectorTypes } from './sector.ts';

/**
 * Agency, agent or transporter (¶14(c), ¶15(b), ¶4(d), ¶18). Two parallel
 * regions: its standing with the licensing authority, and how it treats workers.
 */
export const recruiterEvents = ['license', 'revoke', 'shutDown', 'reenter', 'exploit', 'reform'] as const;

export const recruiterMachine = setup({
  types: sectorTypes(recruiterEvents),
}).createMachine({
  id: 'recruiter',
  context: sectorContext,
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
