import { BUILTIN_LESSON_ORDER } from '../../lesson/builtin-files.ts';
import { parseLessonText, type LessonOptions, type LessonResult } from '../../lesson/load.ts';
import type { Lesson, StepState } from '../../lesson/index.ts';
import { PRESETS } from '../presets.ts';
import { DEFAULT_RUNS } from '../workspace/share.ts';

/** The files in lessons/, bundled at build time as text. */
const files = import.meta.glob(['../../../lessons/*.json', '!../../../lessons/*.schema.json'], { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export const LESSON_OPTIONS: LessonOptions = { presets: new Map(PRESETS.map((p) => [p.id, p.scenario])), defaultRuns: DEFAULT_RUNS };

export interface LoadedLesson {
  readonly lesson: Lesson;
  readonly states: readonly (StepState | null)[];
}

/** The built-in lessons that load (a broken one is a build-time mistake: left out, never a crash). */
export const BUILTIN_LESSONS: readonly LoadedLesson[] = Object.values(files)
  .map((text) => parseLessonText(text, LESSON_OPTIONS))
  .filter((r): r is Extract<LessonResult, { ok: true }> => r.ok)
  .map((r) => ({ lesson: r.lesson, states: r.states }))
  .sort((a, b) => order(a.lesson.id) - order(b.lesson.id));

function order(id: string): number {
  const i = (BUILTIN_LESSON_ORDER as readonly string[]).indexOf(id);
  return i < 0 ? BUILTIN_LESSON_ORDER.length : i;
}
