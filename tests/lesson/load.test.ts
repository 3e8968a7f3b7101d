import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLessonText, validateLesson } from '../../src/lesson/load.ts';
import { LESSON_SCHEMA_FILE, lessonJsonSchemaText, textIn } from '../../src/lesson/schema.ts';
import { ACTOR_DIAGRAMS } from '../../src/ui/flows/diagrams.ts';
import { BUILTIN_LESSON_ORDER } from '../../src/lesson/builtin-files.ts';
import { lessonFiles, loadLesson, options } from './helpers.ts';

const good = () => JSON.parse(lessonFiles()[0][1]) as Record<string, any>;
const problemsOf = (value: unknown) => {
  const r = validateLesson(value, options());
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('the built-in lessons', () => {
  const files = lessonFiles();
  it('are at least five, each listed in the picker\'s order', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    const ids = files.map(([, t]) => loadLesson(t).lesson.id);
    expect([...ids].sort()).toEqual([...BUILTIN_LESSON_ORDER].sort());
  });
  for (const [file, text] of files) {
    it(`${file} loads, cites its paragraphs and has English and Chinese for every text`, () => {
      const { lesson, states } = loadLesson(text);
      expect(lesson.paragraphs.length).toBeGreaterThan(0);
      for (const t of [lesson.title, lesson.summary, ...lesson.steps.flatMap((s) => [s.title, s.body])]) {
        expect(t.en, JSON.stringify(t)).toBeTruthy();
        expect(t.zh, JSON.stringify(t)).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(states[0]).not.toBeNull();
      // Every actor state pointed at is a node of that actor's diagram.
      for (const s of lesson.steps) {
        if (s.target && 'actor' in s.target && s.target.state) {
          const nodes = Object.values(ACTOR_DIAGRAMS[s.target.actor].layouts)[0].nodes.map((n) => n.id);
          expect(nodes).toContain(s.target.state);
        }
      }
    });
  }
  it('text falls back to the language given', () => {
    expect(textIn({ zh: '只有中文' }, 'en')).toBe('只有中文');
    expect(textIn({ en: 'Only English' }, 'zh')).toBe('Only English');
    expect(textIn({ en: 'a', zh: '乙' }, 'zh')).toBe('乙');
  });
  it('a lesson in one language loads', () => {
    const l = good();
    l.title = { zh: '只有中文' };
    l.steps = [{ title: { en: 'One' }, body: { en: 'Body' }, scenario: { preset: 'baseline' } }];
    expect(validateLesson(l, options()).ok).toBe(true);
  });
});

describe('broken lessons give precise problems', () => {
  it('malformed JSON: line and column', () => {
    const r = parseLessonText('{\n  "id": "x",\n  "title": oops\n}', options(), 'mine.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ line: 3, column: 12 });
    expect(r.problems[0].message).toMatch(/^mine\.json, line 3, column 12/);
  });
  it('a wrong type: path, expected, got', () => {
    const l = good();
    l.steps[0].run = { runs: 'many' };
    const [p] = problemsOf(l);
    expect(p.path).toBe('steps[0].run.runs');
    expect(p.expected).toMatch(/number/);
    expect(p.got).toBe('"many"');
  });
  it('an unknown key gets a "did you mean"', () => {
    const l = good();
    l.steps[1].claim = [];
    const [p] = problemsOf(l);
    expect(p.path).toBe('steps[1].claim');
    expect(p.message).toMatch(/did you mean "claims"/);
  });
  it('an unknown preset names the presets', () => {
    const l = good();
    l.steps[1].scenario = { preset: 'awarenes-campaign' };
    const [p] = problemsOf(l);
    expect(p.path).toBe('steps[1].scenario.preset');
    expect(p.got).toBe('"awarenes-campaign"');
    expect(p.message).toMatch(/did you mean "awareness-campaign"/);
  });
  it('a lever value out of range is reported at the step\'s set', () => {
    const l = good();
    l.steps[1].set = { 'interventions.criminaliseUse.knowledge': 'psychic' };
    const [p] = problemsOf(l);
    expect(p.path).toBe('steps[1].set["interventions.criminaliseUse.knowledge"]');
    expect(p.expected).toMatch(/actual/);
    expect(p.got).toBe('"psychic"');
  });
  it('a claim about a later step, a missing text, a text with no language, a newer format', () => {
    const l = good();
    l.steps[1].claims = [{ kind: 'versus-step', metric: 'reports', step: 3, direction: 'up' }];
    expect(problemsOf(l)[0]).toMatchObject({ path: 'steps[1].claims[0].step', got: '3' });
    const m = good();
    delete m.steps[0].body;
    expect(problemsOf(m)[0]).toMatchObject({ path: 'steps[0].body', got: 'nothing (the field is missing)' });
    const n = good();
    n.title = {};
    expect(problemsOf(n)[0].path).toBe('title');
    expect(problemsOf({ ...good(), formatVersion: 9 })[0].message).toMatch(/newer/);
  });
  it('a step that runs before any scenario is open', () => {
    const l = good();
    delete l.steps[0].scenario;
    expect(problemsOf(l)[0]).toMatchObject({ path: 'steps[0]' });
  });
  it('not an object at all', () => {
    expect(problemsOf([1, 2])[0]).toMatchObject({ path: '(root)', got: '[1, 2]' });
  });
});

describe('the committed JSON Schema', () => {
  it(`${LESSON_SCHEMA_FILE} is current (npm run schema writes it)`, () => {
    expect(readFileSync(join(import.meta.dirname, '../..', LESSON_SCHEMA_FILE), 'utf8')).toBe(lessonJsonSchemaText());
  });
});

describe('docs/lessons.md', () => {
  it('its example lesson loads', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/lessons.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const r = parseLessonText(example!, options(), 'docs/lessons.md');
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([]);
  });
});
