/**
 * `npm run schema`: writes the files generated from the scenario and experiment schemas.
 * tests/scenario/schema-file.test.ts and tests/experiment/schema.test.ts fail when they are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMAT_DOC_FILE, SCHEMA_FILE, scenarioJsonSchemaText } from '../src/scenario/json-schema.ts';
import { scenarioFormatDoc } from '../src/scenario/format-doc.ts';
import { EXPERIMENT_SCHEMA_FILE, experimentJsonSchemaText } from '../src/experiment/schema.ts';
import { LESSON_SCHEMA_FILE, lessonJsonSchemaText } from '../src/lesson/schema.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

for (const [file, text] of [
  [SCHEMA_FILE, scenarioJsonSchemaText()],
  [FORMAT_DOC_FILE, scenarioFormatDoc()],
  [EXPERIMENT_SCHEMA_FILE, experimentJsonSchemaText()],
  [LESSON_SCHEMA_FILE, lessonJsonSchemaText()],
] as const) {
  const path = resolve(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${file}`);
}
