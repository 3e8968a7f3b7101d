import { createWorkshop, type Workshop } from '../../src/board/formats.ts';
import { defaultScenario } from '../../src/scenario/load.ts';
import { setAtPath } from '../../src/scenario/path.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

export const INSPECTORS = 'interventions.labourInspection.inspectorsPer10kWorkers';
export const IMMUNITY = 'interventions.criminaliseUse.reportingImmunity';

export function workshopOf(base: Scenario = defaultScenario(), name = 'Athens working group', runs = 3): Workshop {
  const w = createWorkshop({
    name,
    base,
    outcomes: [{ outcome: 'derivedDemand', better: 'lower' }, { outcome: 'reports', better: 'higher' }],
    tradeoff: ['derivedDemand', 'reports'],
    runs,
  });
  if (!w.ok) throw new Error(JSON.stringify(w.problems));
  return w.value;
}

export const withLever = (s: Scenario, path: string, v: unknown): Scenario => setAtPath(s, path.split('.'), v) as Scenario;
