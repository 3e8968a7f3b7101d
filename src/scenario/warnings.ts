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
  return warnings;
}
