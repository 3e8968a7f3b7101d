import type { Scenario } from './schema.ts';

/**
 * Things that are valid but probably not what the author meant. They never
 * stop a run; the CLI prints them on stderr and the app shows them inline.
 */
export function scenarioWarnings(scenario: Scenario): string[] {
  const warnings: string[] = [];
  for (const [audience, campaign] of Object.entries(scenario.interventions.awareness)) {
    if (typeof campaign === 'object' && campaign.fromWeek > scenario.weeks) {
      warnings.push(
        `interventions.awareness.${audience}: the campaign starts in week ${campaign.fromWeek}, after the run ends (the run has ${scenario.weeks} weeks), so it has no effect`,
      );
    }
  }
  if (Object.values(scenario.assumptions.sectors).every((s) => !s.enabled)) {
    warnings.push('assumptions.sectors: every sector is switched off, so the run has no employers, recruiters or workers');
  }
  warnings.push(...sanctionOrderWarnings(scenario));
  return warnings;
}

/** One sanction on the one scale: its terms, for the message, and what it costs in USD. */
interface Sanction {
  readonly months: number;
  readonly fine: number;
  readonly cost: number;
}

/**
 * The expected cost of each conviction on the one scale of sanctions: months of
 * prison at the perceived cost of a month, plus the fine (¶20, ¶38). The engine
 * weighs sanctions with this same function (`sanctionCosts` in src/sim/model/util.ts),
 * so what the warnings check is what agents expect.
 */
export function sanctionScale(scenario: Scenario): { trafficking: Sanction; use: Sanction; buying: Sanction } {
  const s = scenario.assumptions.sanctions;
  const use = scenario.interventions.criminaliseUse;
  const at = (months: number, fine: number): Sanction => ({ months, fine, cost: months * s.prisonMonthCost + fine });
  return {
    trafficking: at(s.traffickingMonths, s.traffickingFine),
    use: at(use.penaltyMonths, use.fine),
    buying: at(s.buyingOffenceMonths, s.buyingOffenceFine),
  };
}

const usd = (x: number) => `USD ${x.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

/**
 * The statutes order the sanctions: trafficking above the use of a victim's
 * services, and that above buying sex where buying is an offence (¶17, ¶20,
 * ¶34-35, ¶38). A scenario that inverts the order on the one scale is valid
 * but probably a slip (months where a fine was meant, a missing zero).
 * Only offences the scenario has are compared: the use offence when a variant
 * is set, the buying offence when the prostitution regime makes buying one.
 */
function sanctionOrderWarnings(scenario: Scenario): string[] {
  const { criminaliseUse, prostitutionRegime } = scenario.interventions;
  if (criminaliseUse.variant === 'none') return [];
  const month = scenario.assumptions.sanctions.prisonMonthCost;
  const { trafficking, use, buying } = sanctionScale(scenario);
  const useTerms = `interventions.criminaliseUse.penaltyMonths ${use.months} × assumptions.sanctions.prisonMonthCost ${usd(month)} + interventions.criminaliseUse.fine ${usd(use.fine)} = ${usd(use.cost)}`;
  const warnings: string[] = [];
  if (use.cost > trafficking.cost) {
    warnings.push(
      `interventions.criminaliseUse: the use offence costs more than a trafficking conviction on the one scale of sanctions ` +
        `(${useTerms}, against assumptions.sanctions.traffickingMonths ${trafficking.months} × ${usd(month)} + assumptions.sanctions.traffickingFine ${usd(trafficking.fine)} = ${usd(trafficking.cost)}); ` +
        `the statutes punish using a victim's services less than trafficking (¶20, ¶38)`,
    );
  }
  const buyingIsOffence = scenario.assumptions.prostitution[prostitutionRegime].clientLiability > 0;
  if (buyingIsOffence && buying.cost > use.cost) {
    warnings.push(
      `assumptions.sanctions: the buying offence costs more than the use offence on the one scale of sanctions ` +
        `(assumptions.sanctions.buyingOffenceMonths ${buying.months} × ${usd(month)} + assumptions.sanctions.buyingOffenceFine ${usd(buying.fine)} = ${usd(buying.cost)}, against ${useTerms}); ` +
        `the statutes punish buying sex less than using a victim's services (¶17, ¶34-35, ¶38)`,
    );
  }
  return warnings;
}
