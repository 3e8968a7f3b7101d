import { setup } from 'xstate';
import type { Sector } from '../../scenario/sectors.ts';

/** Households buying farm and factory goods (¶10-11, ¶15(a), ¶33). */
export const consumerEvents = ['reach', 'commit', 'lapse', 'forget', 'report', 'renew', 'renewAware'] as const;
type Ev = { type: (typeof consumerEvents)[number] };

export const consumerMachine = setup({
  types: { context: {} as { sector: Sector }, input: {} as { sector: Sector }, events: {} as Ev },
}).createMachine({
  id: 'consumer',
  context: ({ input }) => ({ sector: input.sector }),
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
