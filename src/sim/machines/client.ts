import { setup } from 'xstate';
import { sectorContext, sectorTypes } from './sector.ts';

/**
 * Buyer of commercial sex (¶11, ¶16, ¶17, ¶20, ¶36). Two parallel regions: what
 * the client does in the market, and whether a campaign has reached them.
 */
export const clientEvents = [
  'start', 'stop', 'notice', 'report', 'ignore', 'quit', 'resume', 'arrest', 'release',
  'return', 'learn', 'forget',
] as const;

export const clientMachine = setup({
  types: sectorTypes(clientEvents),
}).createMachine({
  id: 'client',
  context: sectorContext,
  type: 'parallel',
  states: {
    market: {
      initial: 'inactive',
      states: {
        inactive: { on: { start: 'buying' } },
        buying: { on: { stop: 'inactive', notice: 'suspicious', quit: 'deterred', arrest: 'arrested' } },
        /** Saw indicators of trafficking this week; decides what to do about it. */
        suspicious: { on: { report: 'reporting', ignore: 'buying', quit: 'deterred', arrest: 'arrested' } },
        reporting: { on: { resume: 'buying', quit: 'deterred' } },
        deterred: { on: { return: 'inactive' } },
        arrested: { on: { release: 'deterred' } },
      },
    },
    awareness: {
      initial: 'unaware',
      states: {
        unaware: { on: { learn: 'aware' } },
        aware: { on: { forget: 'unaware' } },
      },
    },
  },
});
