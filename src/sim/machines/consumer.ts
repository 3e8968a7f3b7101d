import { setup } from 'xstate';
import { sectorContext, sectorTypes } from './sector.ts';

/** Households buying farm and factory goods (¶10-11, ¶15(a), ¶33). */
export const consumerEvents = ['reach', 'commit', 'lapse', 'forget', 'report', 'renew', 'renewAware'] as const;

export const consumerMachine = setup({
  types: sectorTypes(consumerEvents),
}).createMachine({
  id: 'consumer',
  context: sectorContext,
  initial: 'unaware',
  // A new adult cohort replaces this household: unaware, or aware when school
  // education reached it (¶33).
  on: { renew: { target: '.unaware' }, renewAware: { target: '.aware' } },
  states: {
    unaware: { on: { reach: 'aware' } },
    aware: {
      on: {
        commit: 'avoiding',
        forget: 'unaware',
        report: { target: 'aware', reenter: false },
      },
    },
    avoiding: {
      on: {
        lapse: 'aware',
        forget: 'unaware',
        report: { target: 'avoiding', reenter: false },
      },
    },
  },
});
