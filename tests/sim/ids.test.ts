import { describe, expect, it } from 'vitest';
import { COMPILED } from '../../src/sim/compile.ts';
import { configurationId, eventIds, regionLeaves, stateIds } from '../../src/sim/model/ids.ts';

/*
 * State and event names are typed from the machines: each `@ts-expect-error`
 * below is a misspelt or misplaced name that `tsc` (which checks tests too)
 * rejects; the same call also fails at run time, for code that casts.
 */
describe('state and event ids', () => {
  it('are the compiled ids', () => {
    const S = stateIds('employer', ['compliant', 'under-investigation', 'closed']);
    expect(S).toEqual({
      compliant: COMPILED.employer.stateId('compliant'),
      'under-investigation': COMPILED.employer.stateId('under-investigation'),
      closed: COMPILED.employer.stateId('closed'),
    });
    expect(eventIds('client', ['arrest', 'forget'])).toEqual({ arrest: COMPILED.client.events.indexOf('arrest'), forget: COMPILED.client.events.indexOf('forget') });
    expect(configurationId('client', { market: 'buying', awareness: 'unaware' })).toBe(COMPILED.client.stateId('awareness.unaware|market.buying'));
  });

  it('read each region of a parallel machine from the compiled tables', () => {
    for (const [type, regions] of [['client', ['awareness', 'market']], ['recruiter', ['conduct', 'licence']]] as const) {
      const keys = COMPILED[type].states;
      regions.forEach((region, r) => {
        const leaves: readonly string[] = regionLeaves(type, region as never);
        expect(leaves).toEqual(keys.map((key) => key.split('|')[r].split('.')[1]));
      });
    }
  });

  it('reject names the machines do not have', () => {
    // @ts-expect-error: the employer machine has no state 'complaint'
    expect(() => stateIds('employer', ['compliant', 'complaint'])).toThrow(/no state complaint/);
    // @ts-expect-error: the client machine has parallel regions, no plain states
    expect(() => stateIds('client', ['buying'])).toThrow(/no state buying/);
    // @ts-expect-error: 'arrset' is no client event
    expect(() => eventIds('client', ['arrset'])).toThrow(/no event arrset/);
    // @ts-expect-error: the client machine has no region 'conduct'
    expect(() => regionLeaves('client', 'conduct')).toThrow(/no region conduct/);
    // @ts-expect-error: 'shopping' is no state of the market region
    expect(() => configurationId('client', { awareness: 'aware', market: 'shopping' })).toThrow(/no state/);
  });
});
