import { setup } from 'xstate';
import { sectorContext, sectorTypes } from './sector.ts';

/** Brand, retailer or importer (¶14(b), ¶15(c), ¶25(b), ¶32). */
export const corporateBuyerEvents = ['screen', 'certify', 'lapse'] as const;

export const corporateBuyerMachine = setup({
  types: sectorTypes(corporateBuyerEvents),
}).createMachine({
  id: 'corporateBuyer',
  context: sectorContext,
  initial: 'unscreened',
  states: {
    unscreened: { on: { screen: 'screening' } },
    /** Audits its suppliers and drops those found exploiting (see employer `drop`). */
    screening: { on: { certify: 'certified', lapse: 'unscreened' } },
    certified: { on: { lapse: 'unscreened' } },
  },
});
