import { lessonIssuesToProblems } from './issues.ts';
import { readJsonText } from '../scenario/json-text.ts';
import { MAX_DEPTH, MAX_PROBLEMS } from '../scenario/limits.ts';
import { validateScenario } from '../scenario/load.ts';
import { formatPath, setAtPath } from '../scenario/path.ts';
import { formatGot, problem, ROOT_PATH, type Problem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema.ts';
import { checkStructure } from '../scenario/structure.ts';
import { didYouMean } from '../scenario/suggest.ts';
import { LESSON_FORMAT_VERSION, lessonSchema, type Lesson } from './schema.ts';

/**
 * Loading a lesson: text → JSON → structure check → schema → what the steps
 * do (presets exist, levers are valid paths with valid values, claims refer
 * to earlier steps). Every problem is reported at once with its path, what
 * was expected and what was found; nothing here throws.
 */

/** Lessons are small: a generous limit that still refuses a wrong file at once. */
export const MAX_LESSON_BYTES = 512 * 1024;
export const LESSON_ROOT_EXPECTED = 'a lesson object such as { "formatVersion": 1, "id": "my-lesson", "title": { "en": "…" }, … }';

/** Where the scenario of a step comes from, with the scenario itself. */
export type StepBase = { readonly preset: string } | { readonly inline: Scenario };

/** The workspace a step leaves behind: what the app shows and what the claims are about. */
export interface StepState {
  /** The scenario the step (or the last step before it that opened one) opened, before levers. */
  readonly base: StepBase;
  readonly baseScenario: Scenario;
  /** Levers changed since that scenario was opened, in order (run settings `weeks` and `seed` included). */
  readonly sets: readonly (readonly [string, unknown])[];
  /** The scenario with every lever applied. */
  readonly scenario: Scenario;
  readonly runs: number;
  readonly view: Lesson['steps'][number]['view'] & string;
}

export interface LoadedLesson {
  readonly lesson: Lesson;
  /** One state per step; null before the first step that opens a scenario. */
  readonly states: readonly (StepState | null)[];
}

export type LessonResult = { ok: true; lesson: Lesson; states: readonly (StepState | null)[] } | { ok: false; problems: Problem[] };

export interface LessonOptions {
  /** The built-in presets by id (the scenarios/ files). */
  readonly presets: ReadonlyMap<string, Scenario>;
  /** Runs when a lesson does not say (the app's default). */
  readonly defaultRuns?: number;
}

const fail = (problems: Problem[]): LessonResult => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS) });

/** Validates a lesson given as a value (parsed JSON). */
export function validateLesson(value: unknown, options: LessonOptions): LessonResult {
  try {
    return validate(value, options);
  } catch (e) {
    return fail([problem(ROOT_PATH, 'a readable lesson', 'a value that could not be read', `${ROOT_PATH}: the lesson could not be read (${e instanceof Error ? e.message : String(e)})`)]);
  }
}

function validate(value: unknown, options: LessonOptions): LessonResult {
  const structure = checkStructure(value);
  if (structure.problems.length > 0) return fail(structure.problems);
  const clean = structure.clean;
  if (clean === null || typeof clean !== 'object' || Array.isArray(clean)) {
    return fail([problem(ROOT_PATH, LESSON_ROOT_EXPECTED, formatGot(clean))]);
  }
  const version = (clean as Record<string, unknown>).formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > LESSON_FORMAT_VERSION) {
    return fail([problem('formatVersion', `a lesson format version up to ${LESSON_FORMAT_VERSION}`, String(version),
      `formatVersion: this lesson is written in format ${version}, newer than this app reads (${LESSON_FORMAT_VERSION}); open it in a newer version of the workbench`)]);
  }
  const parsed = lessonSchema.safeParse(clean);
  if (!parsed.success) return fail(lessonIssuesToProblems(parsed.error.issues, clean, lessonSchema));
  const lesson = parsed.data;
  const problems: Problem[] = [];
  const states = resolveSteps(lesson, options, problems);
  return problems.length > 0 ? fail(problems) : { ok: true, lesson, states };
}

/** Parses and validates lesson text; `source` (a file name) is used in messages about the text. */
export function parseLessonText(text: string, options: LessonOptions, source?: string): LessonResult {
  if (typeof text !== 'string') return fail([problem(ROOT_PATH, 'lesson text', typeof text)]);
  if (text.length > MAX_LESSON_BYTES) {
    const kb = Math.round(text.length / 1024);
    return fail([problem(ROOT_PATH, `at most ${MAX_LESSON_BYTES / 1024} KB`, `${kb} KB`, `${source ?? 'the lesson'} is ${kb} KB; lessons are at most ${MAX_LESSON_BYTES / 1024} KB`)]);
  }
  const read = readJsonText(text, MAX_DEPTH, source);
  if (!read.ok) return fail([read.problem]);
  return validateLesson(read.value, options);
}

/**
 * What each step leaves on screen, folding the steps in order: a step that
 * opens a scenario resets the levers; `set` and `run` add to what came before.
 */
function resolveSteps(lesson: Lesson, options: LessonOptions, problems: Problem[]): (StepState | null)[] {
  const states: (StepState | null)[] = [];
  let prev: StepState | null = null;
  let view: StepState['view'] = 'charts';
  let runs = options.defaultRuns ?? 5;
  // Run settings (weeks, seed) last until a later step changes them, across scenarios.
  const sticky: [string, unknown][] = [];
  lesson.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    view = step.view ?? view;
    if (step.run?.runs !== undefined) runs = step.run.runs;
    let base = prev?.base;
    let baseScenario = prev?.baseScenario;
    let sets: (readonly [string, unknown])[] = prev ? [...prev.sets] : [];
    if (step.scenario) {
      sets = [];
      if ('preset' in step.scenario) {
        const s = options.presets.get(step.scenario.preset);
        if (!s) {
          const ids = [...options.presets.keys()];
          const near = didYouMean(step.scenario.preset, ids);
          problems.push(problem(`${at}.scenario.preset`, `a built-in preset (${ids.join(', ')})`, JSON.stringify(step.scenario.preset),
            `${at}.scenario.preset: there is no preset "${step.scenario.preset}"${near ? `; did you mean "${near}"?` : ''}`));
          states.push(null);
          prev = null;
          return;
        }
        base = { preset: step.scenario.preset };
        baseScenario = s;
      } else {
        const r = validateScenario(step.scenario.inline);
        if (!r.ok) {
          problems.push(...r.problems.map((p) => relocate(p, `${at}.scenario.inline`)));
          states.push(null);
          prev = null;
          return;
        }
        base = { inline: r.scenario };
        baseScenario = r.scenario;
      }
    }
    const changes: [string, unknown][] = Object.entries(step.set ?? {});
    for (const key of ['weeks', 'seed'] as const) {
      const v = step.run?.[key];
      if (v === undefined) continue;
      const k = sticky.findIndex(([p]) => p === key);
      if (k >= 0) sticky.splice(k, 1);
      sticky.push([key, v]);
    }
    if (step.scenario) changes.push(...sticky.filter(([p]) => !(step.set && p in step.set)));
    else changes.push(...sticky.filter(([p]) => (p === 'weeks' && step.run?.weeks !== undefined) || (p === 'seed' && step.run?.seed !== undefined)));
    if (!base || !baseScenario) {
      const does = changes.length > 0 ? 'changes levers' : step.run ? 'runs' : step.pin ? 'pins' : step.claims.length > 0 ? 'makes claims' : null;
      if (does) problems.push(problem(at, 'a scenario opened by this step or an earlier one ("scenario": { "preset": "baseline" })', 'none',
        `${at}: the step ${does} but no scenario is open yet; give this step or an earlier one "scenario": { "preset": "…" }`));
      states.push(null);
      return;
    }
    let input: unknown = baseScenario;
    for (const [path] of changes) sets = sets.filter(([p]) => p !== path);
    sets.push(...changes);
    for (const [path, value] of sets) input = setAtPath(input, path.split('.'), value);
    const checked = validateScenario(input);
    if (!checked.ok) {
      for (const p of checked.problems) {
        const key = changes.find(([c]) => p.path === c || p.path.startsWith(`${c}.`) || p.path.startsWith(`${c}[`) || c.startsWith(`${p.path}.`));
        problems.push(relocate(p, key && step.set && key[0] in step.set ? `${at}.set["${key[0]}"]` : `${at}.set`, key ? p.path.slice(key[0].length) : `.${p.path}`));
      }
      states.push(null);
      prev = null;
      return;
    }
    prev = { base, baseScenario, sets, scenario: checked.scenario, runs, view };
    states.push(prev);
  });
  lesson.steps.forEach((step, i) =>
    step.claims.forEach((c, j) => {
      if (c.kind === 'versus-step' && !(c.step >= 1 && c.step <= i)) {
        problems.push(problem(`steps[${i}].claims[${j}].step`, `an earlier step (1 to ${i})`, String(c.step), `steps[${i}].claims[${j}].step: expected an earlier step (1 to ${i}), got ${c.step}`));
      }
    }),
  );
  return states;
}

/** A scenario problem moved under the lesson path where the scenario is written. */
function relocate(p: Problem, prefix: string, rest = p.path === ROOT_PATH ? '' : `.${p.path}`): Problem {
  const path = `${prefix}${rest}`;
  const message = p.message.startsWith(p.path) ? `${path}${p.message.slice(p.path.length)}` : `${path}: ${p.message}`;
  return { ...p, path, message };
}

export { formatPath };
