import type { Assumptions } from '../../scenario/assumptions.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { sanctionScale } from '../../scenario/warnings.ts';
import type { Campaign, Interventions } from '../../scenario/interventions.ts';

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** x, or 0 when negative: the most a hazard term can add to an agent's total. */
export const pos = (x: number): number => (x > 0 ? x : 0);

/** Weekly reach of a campaign in week w. */
export function campaignReach(c: Campaign, week: number): number {
  if (typeof c === 'number') return c;
  if (week < c.fromWeek) return 0;
  if (c.toWeek !== undefined && week > c.toWeek) return 0;
  return c.reach;
}

/** Picks one element of `list` with a uniform draw u in [0, 1), or -1 if empty. */
export function pick(list: Int32Array, u: number): number {
  return list.length === 0 ? -1 : list[Math.floor(u * list.length)];
}

/** Exponential moving average step. */
export const ema = (previous: number, value: number, memoryWeeks: number): number =>
  previous + (value - previous) / Math.max(1, memoryWeeks);

/**
 * Share of deceptive recruitment that worker organisations and migrant rights
 * avert (¶15(e)): protected workers are not the cheap, exploitable labour of ¶7.
 */
export function deceptionProtection(A: Assumptions, I: Interventions): number {
  const wp = I.workerProtection;
  return Math.min(0.95, wp.workerOrganisations * A.workers.organisationsDeceptionEffect + wp.migrantRights * A.workers.rightsDeceptionEffect);
}

/** The sanctions on one scale (USD): prison months at the perceived cost of a month, plus fines (¶20, ¶38). */
export interface SanctionCosts {
  readonly trafficking: number;
  readonly use: number;
  readonly buying: number;
}

/** What agents weigh: the costs of the scenario format's own scale (`sanctionScale`, which its warnings check). */
export function sanctionCosts(scenario: Scenario): SanctionCosts {
  const s = sanctionScale(scenario);
  return { trafficking: s.trafficking.cost, use: s.use.cost, buying: s.buying.cost };
}
