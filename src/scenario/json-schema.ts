import * as z from 'zod';
import { scenarioSchema } from './schema.ts';

/** JSON Schema of scenario files as written by hand (defaults optional), for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input' }) as Record<string, unknown>;
}

/** The text of scenarios/scenario.schema.json: pretty, 2 spaces, final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** Where `npm run schema` writes the generated files, relative to the repository root. */
export const SCHEMA_FILE = 'scenarios/scenario.schema.json';
export const FORMAT_DOC_FILE = 'docs/scenario-format.md';
