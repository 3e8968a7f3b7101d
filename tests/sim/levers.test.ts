import { describe, expect, it } from 'vitest';
import { INTERVENTION_FIELDS } from '../../src/scenario/fields.ts';
import type { Metric, Slot } from '../../src/sim/metrics.ts';
import { WORLDS } from '../support/small-world.ts';
import { meanOver, scenario } from './helpers.ts';

/**
 * Every lever changes something measurable, in the direction its mechanism
 * says (MODEL.md "Interventions"). Each row: the lever's path, the setting
 * compared with the context alone, and the metric that must move.
 */
interface Row {
  path: string;
  value: unknown;
  context?: object;
  metric: Metric;
  slot?: Slot;
  direction: 'up' | 'down';
}

const USE = { interventions: { criminaliseUse: { variant: 'known-victim' } } };
const ROWS: Row[] = [
  { path: 'interventions.prostitutionRegime', value: 'decriminalise', metric: 'hiddenShare', slot: 'sexual', direction: 'down' },
  { path: 'interventions.awareness.consumers', value: 0.05, metric: 'avoidingShare', slot: 'agriculture', direction: 'up' },
  { path: 'interventions.awareness.clients', value: 0.05, metric: 'reportsByClients', direction: 'up' },
  { path: 'interventions.awareness.employers', value: 0.05, metric: 'exploitingEmployers', direction: 'down' },
  { path: 'interventions.awareness.schools', value: 0.8, context: { assumptions: { awareness: { schoolLagWeeks: 0, cohortTurnover: 0.01 } } }, metric: 'awareShare', direction: 'up' },
  { path: 'interventions.criminaliseUse.variant', value: 'known-victim', metric: 'reportsByClients', direction: 'down' },
  { path: 'interventions.criminaliseUse.knowledge', value: 'inferred', context: USE, metric: 'exploitingEmployers', direction: 'down' },
  { path: 'interventions.criminaliseUse.scope', value: 'clients', context: USE, metric: 'exploitingEmployers', direction: 'up' },
  { path: 'interventions.criminaliseUse.penaltyMonths', value: 120, context: USE, metric: 'exploitingEmployers', direction: 'down' },
  { path: 'interventions.criminaliseUse.fine', value: 1_000_000, context: USE, metric: 'exploitingEmployers', direction: 'down' },
  { path: 'interventions.criminaliseUse.reportingImmunity', value: true, context: USE, metric: 'reportsByClients', direction: 'up' },
  { path: 'interventions.recruiterLicensing.required', value: true, context: { interventions: { recruiterLicensing: { auditRate: 2 } } }, metric: 'exploitativeRecruiters', direction: 'down' },
  { path: 'interventions.recruiterLicensing.auditRate', value: 4, context: { interventions: { recruiterLicensing: { required: true } } }, metric: 'exploitativeRecruiters', direction: 'down' },
  { path: 'interventions.recruiterLicensing.crossBorderCooperation', value: 1, context: { interventions: { recruiterLicensing: { required: true } } }, metric: 'exploitativeRecruiters', direction: 'down' },
  { path: 'interventions.supplyChain.dueDiligenceShare', value: 0.8, metric: 'hiddenShare', slot: 'manufacturing', direction: 'up' },
  { path: 'interventions.supplyChain.auditRate', value: 8, context: { interventions: { supplyChain: { dueDiligenceShare: 0.8 } } }, metric: 'exploitingEmployers', direction: 'down' },
  { path: 'interventions.labourInspection.inspectorsPer10kWorkers', value: 5, metric: 'reportsByInspectors', direction: 'up' },
  { path: 'interventions.labourInspection.sanction', value: 2_000_000, context: { interventions: { labourInspection: { inspectorsPer10kWorkers: 2 } } }, metric: 'exploitingEmployers', direction: 'down' },
  { path: 'interventions.workerProtection.workerOrganisations', value: 1, metric: 'newlyTrafficked', direction: 'down' },
  { path: 'interventions.workerProtection.migrantRights', value: 1, metric: 'newlyTrafficked', direction: 'down' },
];

function layer(path: string, value: unknown): object {
  return path.split('.').reduceRight<unknown>((v, k) => ({ [k]: v }), value) as object;
}

describe('every lever changes something measurable', () => {
  it('the table covers every lever of the scenario format', () => {
    expect(ROWS.map((r) => r.path).sort()).toEqual(INTERVENTION_FIELDS.map((f) => f.path).sort());
  });

  it.each(ROWS)('$path = $value moves $metric $direction', ({ path, value, context = {}, metric, slot, direction }) => {
    const opts = { seeds: [3, 4], from: 26, to: 156, slot };
    const before = meanOver(scenario(WORLDS.properties, { weeks: 156 }, context), [metric], opts)[metric];
    const after = meanOver(scenario(WORLDS.properties, { weeks: 156 }, context, layer(path, value)), [metric], opts)[metric];
    if (direction === 'up') expect(after).toBeGreaterThan(before);
    else expect(after).toBeLessThan(before);
  });
});
