import { setup } from 'xstate';
import { sectorContext, sectorTypes } from './sector.ts';
import { SECTOR_INFO } from '../../scenario/sectors.ts';

/**
 * Farm, factory or subcontractor; venue owner or pimp in `sexual` (¶12, ¶14(a)).
 * Only employers that sell through corporate buyers can be dropped by one.
 */
export const employerEvents = [
  'exploit', 'reform', 'investigate', 'convict', 'clear', 'drop', 'resume', 'close', 'enter',
] as const;

export const employerMachine = setup({
  types: sectorTypes(employerEvents),
  guards: {
    sellsThroughBuyers: ({ context }) => SECTOR_INFO[context.sector].supplyChain,
  },
}).createMachine({
  id: 'employer',
  context: sectorContext,
  initial: 'compliant',
  states: {
    compliant: { on: { exploit: 'exploiting' } },
    exploiting: {
      on: {
        reform: 'compliant',
        investigate: 'under-investigation',
        drop: { guard: 'sellsThroughBuyers', target: 'closed' },
      },
    },
    'under-investigation': { on: { convict: 'sanctioned', clear: 'exploiting' } },
    sanctioned: { on: { resume: 'compliant', close: 'closed' } },
    /** Out of business; the slot is taken by a new firm on `enter`. */
    closed: { on: { enter: 'compliant' } },
  },
});
