import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_FIELDS, setAtPath } from '../../src/scenario/fields.ts';
import { defaultScenario, parseScenarioText, validateScenario } from '../../src/scenario/load.ts';
import { applyOverrides, parseOverride } from '../../src/scenario/overrides.ts';
import type { Problem } from '../../src/scenario/problem.ts';
import { expectedZh, gotZh, localizeProblem } from '../../src/ui/messages/problems.ts';

const problemsOf = (r: { ok: boolean; problems?: readonly Problem[] }): readonly Problem[] => (r.ok ? [] : (r.problems ?? []));
const base = () => JSON.parse(JSON.stringify(defaultScenario())) as Record<string, unknown>;
const withValue = (path: string, value: unknown) => setAtPath(base(), path.split('.'), value) as Record<string, unknown>;

/** A broad corpus of broken scenarios: every field wrong in type and out of range, unknown keys, broken text, versions. */
function corpus(): Problem[] {
  const out: Problem[] = [];
  const add = (ps: readonly Problem[]) => out.push(...ps);
  for (const f of SCENARIO_FIELDS) {
    for (const bad of ['high', null, [], {}, true, -1e9, 1e12, 0.5, undefined]) add(problemsOf(validateScenario(withValue(f.path, bad))));
  }
  for (const [path, value] of [['name', 5], ['name', ''], ['name', 'x'.repeat(500)], ['description', 7], ['seed', -1], ['seed', 1.5], ['weeks', 0], ['weeks', 'ten'], ['formatVersion', 'two']] as const) {
    add(problemsOf(validateScenario(withValue(path, value))));
  }
  const s = base();
  delete s.name;
  add(problemsOf(validateScenario(s)));
  // Unknown keys, with and without a near match, at several levels.
  add(problemsOf(validateScenario({ ...base(), nmae: 'x', wholeNewThing: 1 })));
  add(problemsOf(validateScenario(withValue('interventions.labourInspection.inspectorsPer10kWorker', 1))));
  add(problemsOf(validateScenario(withValue('interventions.inspectorsPer10kWorkers', 1))));
  add(problemsOf(validateScenario(withValue('assumptions.workers.zzz', 1))));
  add(problemsOf(validateScenario(withValue('interventions.awareness.consumers', { reach: 2, fromWeek: 5, toWeek: 1 }))));
  add(problemsOf(validateScenario(withValue('interventions.awareness.consumers', { reach: 0.1, fromWeek: 5, toWeek: 1 }))));
  add(problemsOf(validateScenario(withValue('interventions.awareness.consumers', { reach: 0.1, from: 5 }))));
  // Not objects at all, exotic values.
  for (const v of [null, 42, 'text', [], () => 1, Symbol('s'), new Map(), 10n, undefined]) add(problemsOf(validateScenario(v)));
  // Syntax errors with line and column.
  const texts = [
    '', '{', '{"name": }', "{'name': 'x'}", '{"name": "x",}', '{"name": "x"} {}', '{"name": NaN}', '{"name": True}', '{"name": 01}',
    '{"name": "a\\qb"}', '{"name": "a\nb"}', '{"name" "x"}', '{"a": [1, 2}', '[1, 2', '{"name": "x" // c\n}', '{/* c */}', '{"a": 1,}',
    '{"name": "\\u12G4"}', '{"a": undefined}', '{"a": abc}', '{"a": -}', '{"a": +1}', '[' .repeat(300), '{"a":"x',
  ];
  for (const t of texts) add(problemsOf(parseScenarioText(t, 'my.json')));
  add(problemsOf(parseScenarioText('x'.repeat(3 * 1024 * 1024))));
  add(problemsOf(parseScenarioText(5 as never)));
  // Format versions: newer, older than the oldest readable.
  for (const v of [99, 0, -3]) add(problemsOf(validateScenario({ ...base(), formatVersion: v })));
  // Very many problems: the list is cut and says so.
  add(problemsOf(validateScenario(Object.fromEntries(SCENARIO_FIELDS.map((f) => [f.key, 'bad'])))));
  let many: unknown = base();
  for (const f of SCENARIO_FIELDS) many = setAtPath(many, f.path.split('.'), 'bad');
  add(problemsOf(validateScenario(many)));
  // Hostile structure: circular, forbidden keys, deep nesting.
  const circular = base();
  (circular as Record<string, unknown>).self = circular;
  add(problemsOf(validateScenario(circular)));
  add(problemsOf(parseScenarioText('{"__proto__": {"x": 1}}')));
  let deep: unknown = 1;
  for (let i = 0; i < 200; i++) deep = [deep];
  add(problemsOf(validateScenario({ ...base(), name: deep })));
  // The CLI's --set.
  for (const set of ['novalue', '=3', 'a..b=1', '__proto__.x=1']) {
    const r = parseOverride(set);
    if (!r.ok) out.push(r.problem);
  }
  add(problemsOf(applyOverrides(5, ['seed=1']) as never));
  add(problemsOf(applyOverrides({ name: 'x' }, ['name.first=1']) as never));
  return out;
}

const problems = corpus();
const HAN = /\p{Script=Han}/u;

describe('problems in Chinese', () => {
  it('the corpus is broad: many problems, every kind of expectation', () => {
    expect(problems.length).toBeGreaterThan(1500);
    const kinds = new Set(problems.map((p) => p.expected.replace(/[\d.]+/g, 'N')));
    expect(kinds.size).toBeGreaterThan(40);
    expect(problems.some((p) => p.line !== undefined)).toBe(true);
    expect(problems.some((p) => p.path === 'formatVersion')).toBe(true);
    expect(problems.some((p) => /did you mean/.test(p.message))).toBe(true);
  });

  it('every expected phrase of the corpus has a Chinese rendering', () => {
    const missing = [...new Set(problems.map((p) => p.expected))].filter((e) => expectedZh(e) === undefined);
    expect(missing).toEqual([]);
  });

  it('every problem localizes: Chinese words, the path kept, no English phrase of the core left', () => {
    const english = /\b(expected|got|between|nothing|a function|a symbol|at most|at least|unknown key|did you mean|one of|a whole number|a number|a text|malformed|line|column|more problems|format version|end of file|a line break|levels)\b/;
    for (const p of problems) {
      const zh = localizeProblem(p, 'zh');
      expect(zh, p.message).toMatch(HAN);
      if (p.path !== '(root)' && p.line === undefined) expect(zh.startsWith(p.path), `${p.message} → ${zh}`).toBe(true);
      // Values as the user wrote them may hold any words; the rest must be Chinese.
      const outsideValues = zh.replace(/"(?:[^"\\]|\\.)*"?…?/g, '""').replace(/实际为 .*$/, '');
      expect(outsideValues, `${p.message} → ${zh}`).not.toMatch(english);
      expect(localizeProblem(p, 'en')).toBe(p.message);
    }
  });

  it('keeps numbers, the did-you-mean suggestion and the line and column', () => {
    const range = problems.find((p) => p.expected === 'a number between 0 and 50')!;
    expect(localizeProblem(range, 'zh')).toMatch(/^interventions\.labourInspection\.inspectorsPer10kWorkers：应为 0 到 50 之间的数，实际为 /);
    const typo = problems.find((p) => /did you mean "name"/.test(p.message))!;
    expect(localizeProblem(typo, 'zh')).toBe('nmae：未知的键；是否想写 "name"？');
    const syntax = problemsOf(parseScenarioText('{\n  "name": "x",\n}', 'my.json'))[0];
    expect(localizeProblem(syntax, 'zh')).toBe(`my.json，第 3 行第 1 列：JSON 格式错误：应为双引号中的属性名（删除 "}" 之前多余的逗号），实际为 "}"`);
    const newer = problems.find((p) => p.path === 'formatVersion' && p.got === '99')!;
    expect(localizeProblem(newer, 'zh')).toMatch(/^formatVersion：此文件由更新版本的工作台写成（格式 99）；此版本最多读取格式 \d+$/);
  });

  it("translates the core's fixed words for what was found and keeps values as written", () => {
    expect(gotZh('nothing')).toBe('无');
    expect(gotZh('nothing (the field is missing)')).toBe('无（缺少该字段）');
    expect(gotZh('a function')).toBe('函数');
    expect(gotZh('"high"')).toBe('"high"');
    expect(gotZh('[1, 2]')).toBe('[1, 2]');
    fc.assert(fc.property(fc.jsonValue(), (v) => gotZh(JSON.stringify(v)) === JSON.stringify(v)));
  });
});

describe('loader warnings in Chinese', () => {
  it('every kind of warning the core writes is translated, paths and figures kept', async () => {
    const { scenarioWarnings } = await import('../../src/scenario/warnings.ts');
    const { localizeWarning } = await import('../../src/ui/messages/problems.ts');
    let s: unknown = defaultScenario();
    s = setAtPath(s, ['weeks'], 10);
    s = setAtPath(s, ['interventions', 'awareness', 'consumers'], { reach: 0.1, fromWeek: 20 });
    for (const sector of ['sexual', 'agriculture', 'manufacturing']) s = setAtPath(s, ['assumptions', 'sectors', sector, 'enabled'], false);
    s = setAtPath(s, ['interventions', 'criminaliseUse', 'variant'], 'known-victim');
    s = setAtPath(s, ['interventions', 'criminaliseUse', 'penaltyMonths'], 24);
    s = setAtPath(s, ['assumptions', 'sanctions', 'traffickingMonths'], 1);
    s = setAtPath(s, ['assumptions', 'sanctions', 'buyingOffenceMonths'], 120);
    const loaded = validateScenario(s);
    if (!loaded.ok) throw new Error('the scenario for warnings must load');
    const warnings = [...scenarioWarnings(loaded.scenario)];
    let b: unknown = defaultScenario();
    b = setAtPath(b, ['interventions', 'prostitutionRegime'], 'criminalise-buying');
    b = setAtPath(b, ['interventions', 'criminaliseUse', 'variant'], 'known-victim');
    b = setAtPath(b, ['assumptions', 'sanctions', 'buyingOffenceMonths'], 120);
    const buying = validateScenario(b);
    if (!buying.ok) throw new Error('the scenario for the buying warning must load');
    warnings.push(...scenarioWarnings(buying.scenario));
    const dup = parseScenarioText('{\n"name": "a",\n"name": "b"}', 'dup.json');
    warnings.push(...(dup.ok ? dup.warnings : []));
    expect(warnings.length).toBe(5);
    for (const w of warnings) {
      const zh = localizeWarning(w, 'zh');
      expect(zh, w).toMatch(HAN);
      expect(zh, w).not.toMatch(/\b(the|is|than|week|line|column|campaign|every)\b/);
      for (const token of w.match(/¶\d+|\b(interventions|assumptions)(\.\w+)+|\d[\d,.]*/g) ?? []) expect(zh, w).toContain(token.replace(/[.,]$/, ''));
      expect(localizeWarning(w, 'en')).toBe(w);
    }
    expect(localizeWarning('something else', 'zh')).toBe('something else');
  });
});
