import * as z from 'zod';
import { assumptionsSchema } from './assumptions.ts';
import { interventionsSchema } from './interventions.ts';

/** The scenario format version this build writes. Older files are migrated (see migrate.ts). */
export const FORMAT_VERSION = 2;

/** The one definition of the scenario format: types, validation, defaults, docs, JSON Schema. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'path to scenario.schema.json, for editors' }),
    formatVersion: z.int().min(1).max(FORMAT_VERSION).default(FORMAT_VERSION).meta({ description: 'version of the scenario format; older versions are migrated on load' }),
    name: z.string().min(1).max(200).meta({ description: 'short name shown in the app and in outputs' }),
    description: z.string().max(5000).default('').meta({ description: 'what this scenario changes and why; cite paragraphs of the source paper as ¶N' }),
    weeks: z.int().min(1).max(1040).default(260).meta({ unit: 'weeks', description: 'horizon of the run (a tick is one week)' }),
    seed: z.int().min(0).max(4_294_967_295).default(1).meta({ description: 'seed of the random generator; same scenario and seed give identical output' }),
    interventions: interventionsSchema,
    assumptions: assumptionsSchema,
  })
  .meta({
    title: 'Demand-side trafficking workbench scenario',
    description: 'An illustrative scenario, not a forecast. Every field but `name` is optional and takes its default.',
  });

/** A scenario as written by hand (every field but `name` optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
