import { getInitialSnapshot, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { COMPILED, compileMachine, stateKey } from '../../src/sim/compile.ts';
import { ACTOR_TYPES, ACTORS } from '../../src/sim/machines/index.ts';
import { SECTORS } from '../../src/scenario/sectors.ts';
import { keyToValue } from '../../src/sim/reference.ts';

describe('compile', () => {
  it('has the minimum states MODEL.md lists for each actor', () => {
    const leaves = (t: (typeof ACTOR_TYPES)[number]) => new Set(COMPILED[t].states.flatMap((k) => k.split('|').map((l) => l.split('.').pop()!)));
    expect(leaves('consumer')).toEqual(new Set(['unaware', 'aware', 'avoiding']));
    for (const s of ['inactive', 'buying', 'suspicious', 'reporting', 'deterred', 'arrested']) expect(leaves('client')).toContain(s);
    expect(leaves('corporateBuyer')).toEqual(new Set(['unscreened', 'screening', 'certified']));
    expect(leaves('employer')).toEqual(new Set(['compliant', 'exploiting', 'under-investigation', 'sanctioned', 'closed']));
    for (const s of ['unregistered', 'licensed', 'exploitative', 'revoked']) expect(leaves('recruiter')).toContain(s);
    expect(leaves('worker')).toEqual(new Set(['at-risk', 'recruited', 'employed', 'exploited', 'identified', 'assisted']));
    expect(leaves('case')).toEqual(new Set(['opened', 'investigating', 'charged', 'convicted', 'acquitted', 'dropped']));
  });

  it('explores the product of parallel regions', () => {
    expect(COMPILED.client.states).toHaveLength(12);
    expect(COMPILED.recruiter.states).toHaveLength(6);
  });

  it('agrees with xstate on every state, event and sector', () => {
    for (const t of ACTOR_TYPES) {
      const c = COMPILED[t];
      const machine = ACTORS[t].machine;
      SECTORS.forEach((sector, k) => {
        c.states.forEach((key, s) => {
          const snap = (s === 0
            ? getInitialSnapshot(machine, { sector })
            : machine.resolveState({ value: keyToValue(key), context: { sector } })) as AnyMachineSnapshot;
          c.events.forEach((type, e) => {
            const expected = snap.can({ type }) ? c.stateId(stateKey(transition(machine, snap, { type })[0].value)) : -1;
            expect(c.tables[k][s * c.events.length + e], `${t}/${sector}/${key}/${type}`).toBe(expected);
          });
        });
      });
    }
  });

  it('compiles guards per sector: only employers selling through buyers can be dropped', () => {
    const c = COMPILED.employer;
    const drop = c.events.indexOf('drop');
    const exploiting = c.stateId('exploiting');
    expect(c.tables[SECTORS.indexOf('sexual')][exploiting * c.events.length + drop]).toBe(-1);
    expect(c.tables[SECTORS.indexOf('agriculture')][exploiting * c.events.length + drop]).toBe(c.stateId('closed'));
  });

  it('marks final states', () => {
    const c = COMPILED.case;
    expect([...c.final].map((f, s) => (f ? c.states[s] : '')).filter(Boolean).sort()).toEqual(['acquitted', 'convicted', 'dropped']);
  });

  it('rejects machines whose transitions change context', async () => {
    const { setup, assign } = await import('xstate');
    const bad = setup({ types: { context: {} as { sector: string; n: number }, input: {} as { sector: string } } }).createMachine({
      context: ({ input }) => ({ sector: input.sector, n: 0 }),
      initial: 'a',
      states: { a: { on: { go: { target: 'b', actions: assign({ n: 1 }) } } }, b: {} },
    });
    expect(() => compileMachine('case', bad, ['go'])).toThrow(/changes context/);
  });

  it('round-trips state keys', () => {
    for (const t of ACTOR_TYPES) for (const key of COMPILED[t].states) expect(stateKey(keyToValue(key))).toBe(key);
  });
});
