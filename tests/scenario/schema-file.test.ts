import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FORMAT_DOC_FILE, SCHEMA_FILE, scenarioJsonSchemaText } from '../../src/scenario/json-schema.ts';
import { scenarioFormatDoc } from '../../src/scenario/format-doc.ts';
import { SCENARIO_FIELDS } from '../../src/scenario/fields.ts';

const root = resolve(import.meta.dirname, '../..');
const read = (file: string) => {
  try {
    return readFileSync(resolve(root, file), 'utf8');
  } catch {
    return '(missing)';
  }
};

describe('generated files are up to date', () => {
  const files: [string, () => string][] = [
    [SCHEMA_FILE, scenarioJsonSchemaText],
    [FORMAT_DOC_FILE, scenarioFormatDoc],
  ];
  test.each(files)('%s', (file, generate) => {
    const stale = read(file) !== generate();
    expect(stale, `${file} is stale: run \`npm run schema\` and commit the result`).toBe(false);
  });
});

describe('the JSON Schema', () => {
  const schema = JSON.parse(scenarioJsonSchemaText());

  test('requires only a name and refuses unknown keys', () => {
    expect(schema.required).toEqual(['name']);
    expect(schema.additionalProperties).toBe(false);
  });

  test('carries unit, source and paragraphs of every field', () => {
    for (const f of SCENARIO_FIELDS) {
      const node = f.path.split('.').reduce((n, key) => n.properties[key], schema);
      expect(node.unit, f.path).toBe(f.unit);
      expect(node.source, f.path).toBe(f.source);
      expect(node.default, f.path).toEqual(f.default);
      if (f.paragraphs) expect(node.paragraphs, f.path).toBe(f.paragraphs);
    }
  });
});

describe('the format doc', () => {
  const doc = scenarioFormatDoc();
  test('documents every lever and assumption', () => {
    for (const f of SCENARIO_FIELDS) {
      expect(doc, f.path).toContain(`### \`${f.group}\``);
      expect(doc, f.path).toContain(`| \`${f.key}\` |`);
    }
  });
  test('shows the minimal example and a real error message', () => {
    expect(doc).toContain('{ "name": "x" }');
    expect(doc).toContain('interventions.labourInspection.inspectorsPer10kWorkers: expected a number between 0 and 50, got "high"');
  });
});
