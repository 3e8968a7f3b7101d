import { describe, expect, test } from 'vitest';
import { parseScenarioText } from '../../src/scenario/load.ts';
import { MAX_DEPTH, MAX_SCENARIO_BYTES } from '../../src/scenario/limits.ts';

describe('malformed JSON: one problem with line, column and a hint', () => {
  const cases: [string, string, string][] = [
    ['trailing comma', '{\n  "name": "x",\n}', 'f.json, line 3, column 1: malformed JSON: expected a property name in double quotes (remove the trailing comma before "}"), got "}"'],
    ['missing comma', '{\n  "name": "x"\n  "weeks": 3\n}', 'f.json, line 3, column 3: malformed JSON: expected "," or "}" after a property value, got "weeks"'],
    ['single quotes', "{ \"name\": 'x' }", 'f.json, line 1, column 11: malformed JSON: expected a value (texts are written in double quotes, not single quotes), got \'x\''],
    ['comment', '// baseline\n{ "name": "x" }', 'f.json, line 1, column 1: malformed JSON: expected a value (comments are not allowed in JSON), got "/"'],
    ['NaN', '{ "name": "x", "weeks": NaN }', 'f.json, line 1, column 25: malformed JSON: expected a value (NaN is not valid JSON; write a number, or leave the field out), got NaN'],
    ['Infinity', '{ "name": "x", "weeks": -Infinity }', 'f.json, line 1, column 25: malformed JSON: expected a value (Infinity is not valid JSON; write a number, or leave the field out), got -Infinity'],
    ['unquoted key', '{ name: "x" }', 'f.json, line 1, column 3: malformed JSON: expected a property name in double quotes, got name'],
    ['missing colon', '{ "name" "x" }', 'f.json, line 1, column 10: malformed JSON: expected ":" after the property name "name", got "x"'],
    ['unclosed object', '{ "name": "x"', 'f.json, line 1, column 14: malformed JSON: expected "," or "}" (the file ends before the object is closed), got end of file'],
    ['unclosed string', '{ "name": "x }', 'f.json, line 1, column 11: malformed JSON: expected a closing " for the text that starts here, got end of file'],
    ['line break in a string', '{ "name": "a\nb" }', 'f.json, line 1, column 13: malformed JSON: expected a closing " before the end of the line (write a line break as \\n), got a line break'],
    ['bad escape', '{ "name": "a\\qb" }', 'f.json, line 1, column 13: malformed JSON: expected an escape such as \\n, \\" or \\\\ (a lone backslash is written \\\\), got "\\\\q"'],
    ['leading zero', '{ "name": "x", "weeks": 052 }', 'f.json, line 1, column 25: malformed JSON: expected a number written as in JSON (e.g. 0.25, -3, 1e6; no leading zeros, + signs or trailing dots), got 052'],
    ['two objects', '{ "name": "x" }\n{ "name": "y" }', 'f.json, line 2, column 1: malformed JSON: expected the end of the file after the scenario (is there a second object, or a stray character?), got "{"'],
    ['empty file', '', 'f.json, line 1, column 1: malformed JSON: expected a value, got end of file'],
    ['capitalised True', '{ "name": "x", "interventions": { "criminaliseUse": { "reportingImmunity": True } } }', 'f.json, line 1, column 76: malformed JSON: expected a value (write true in lower case), got True'],
  ];
  test.each(cases)('%s', (_label, text, message) => {
    const r = parseScenarioText(text, 'f.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message)).toEqual([message]);
    expect(r.problems[0].path).toBe('(root)');
    expect(r.problems[0].line).toBeGreaterThan(0);
    expect(r.problems[0].column).toBeGreaterThan(0);
  });

  test('without a source the message starts at the line', () => {
    const r = parseScenarioText('{');
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['line 1, column 2: malformed JSON: expected a property name in double quotes, then "}", got end of file']);
  });
});

describe('valid text', () => {
  test('then validates, reporting every problem', () => {
    const r = parseScenarioText('{ "name": "x", "weeks": "long", "seed": -1 }');
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['weeks', 'seed']);
  });

  test('a byte-order mark is accepted', () => {
    expect(parseScenarioText('\uFEFF{ "name": "x" }').ok).toBe(true);
  });

  test('a key given twice is a warning with its line', () => {
    const r = parseScenarioText('{\n  "name": "x",\n  "interventions": { "labourInspection": { "sanction": 1, "sanction": 2 } }\n}', 'f.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.interventions.labourInspection.sanction).toBe(2);
    expect(r.warnings).toEqual(['f.json, line 3, column 59: interventions.labourInspection.sanction is given more than once; the last value is used']);
  });
});

describe('limits', () => {
  test('a file over the size limit is refused before parsing', () => {
    const text = `{ "name": "x", "description": "${'a'.repeat(50 * 1024 * 1024)}" }`;
    const t0 = performance.now();
    const r = parseScenarioText(text, 'big.json');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['big.json is 50.0 MB; scenarios are at most 5 MB']);
  });

  test('the size counts UTF-8 bytes', () => {
    const chars = Math.ceil(MAX_SCENARIO_BYTES / 3) + 10; // each "€" is 3 bytes
    const r = parseScenarioText(`{ "name": "x", "description": "${'€'.repeat(chars)}" }`);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['file is 5.0 MB; scenarios are at most 5 MB']);
  });

  test('deep nesting is one problem, not a stack overflow', () => {
    const depth = 1_000_000;
    const r = parseScenarioText(`{ "name": "x", "interventions": ${'['.repeat(depth)}${']'.repeat(depth)} }`);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      `line 1, column ${33 + MAX_DEPTH - 1}: expected lists and objects nested at most ${MAX_DEPTH} levels deep, got more than ${MAX_DEPTH} levels`,
    ]);
  });

  test('nesting up to the limit is only a schema problem', () => {
    const inner = `${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}`;
    const r = parseScenarioText(`{ "name": "x", "interventions": ${inner} }`);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['interventions']);
  });
});
