import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLessonText, type LessonOptions } from '../../src/lesson/load.ts';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.ts';
import { presets } from '../sim/helpers.ts';

export const LESSON_DIR = join(import.meta.dirname, '../../lessons');

/** The presets as the app has them: id → scenario. */
export function presetMap(): Map<string, Scenario> {
  return new Map(presets().map(([file, input]) => [file.replace(/\.json$/, ''), scenarioSchema.parse(input)]));
}

export const options = (): LessonOptions => ({ presets: presetMap(), defaultRuns: 5 });

/** Every lesson file in lessons/ with its text. */
export function lessonFiles(): [string, string][] {
  return readdirSync(LESSON_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'lesson.schema.json')
    .sort()
    .map((f) => [f, readFileSync(join(LESSON_DIR, f), 'utf8')]);
}

export function loadLesson(text: string, opts = options()) {
  const r = parseLessonText(text, opts);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r;
}
