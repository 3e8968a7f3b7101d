import { setup } from 'xstate';
import type { Sector } from '../../scenario/sectors.ts';

/** Brand, retailer or importer (¶14(b), ¶15(c), ¶25(b), ¶32). */
export const corporateBuyerEvents = ['screen', 'certify', 'lapse'] as const;
type Ev = { type: (typeof corporateBuyerEvents)[number] };

export const corporateBuyerMachine = setup({
  types: { context: {} as { sector: Sector }, input: {} as { sector: Sector }, events: {} as Ev },
}).createMachine({
  id: 'corporateBuyer',
  context: ({ input }) => ({ sector: input.sector }),
  initial: 'unscreened',
  states: {
    unscreened: { on: { screen: 'screening' } },
    /** Audits its suppliers and drops those found exploiting (see employer `drop`). */
    screening: { on: { certify: 'certified', lapse: 'unscreened' } },
    certified: { on: { lapse: 'unscreened' } },
  },
});
