import * as z from 'zod';
import { METRICS } from '../sim/metrics.ts';
import { ACTOR_TYPES } from '../sim/machines/index.ts';

/**
 * The lesson file (issue 12): a trainer's walk through the workbench, as data.
 * A lesson is a list of steps; each step says what it does to the workspace
 * (open a scenario, change levers, run, switch view, pin), what it points at,
 * which parts of the screen it shows, what to notice (in every language it is
 * written in) and, optionally, the claims its text makes about the results,
 * which tests check by running the step's scenario.
 */

/** The lesson format version this build reads and writes. */
export const LESSON_FORMAT_VERSION = 1;

/** Languages a lesson's text may be written in; the app shows the reader's and falls back to any other. */
export const LESSON_LANGUAGES = ['en', 'zh'] as const;
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

export const LESSON_VIEWS = ['charts', 'flows', 'compare', 'explore'] as const;
/** Parts of the screen a step can show; the others are dimmed (staged reveal). */
export const REVEAL_REGIONS = ['levers', 'scenario', 'views', 'charts', 'flows', 'compare'] as const;
export type RevealRegion = (typeof REVEAL_REGIONS)[number];
/** Charts of the Charts view, by their card id (`data-testid="chart-<id>"`). */
export const LESSON_CHARTS = ['demand', 'victims', 'reports', 'justice', 'sectors'] as const;

const text = (what: string, max: number) =>
  z
    .strictObject({
      en: z.string().min(1).max(max).optional(),
      zh: z.string().min(1).max(max).optional(),
    })
    .refine((t) => t.en !== undefined || t.zh !== undefined, { message: 'at least one language ("en" or "zh")' })
    .meta({ description: `${what} in each language, e.g. { "en": "…", "zh": "…" }; a missing language falls back to the one given` });

const metric = z.enum(METRICS).meta({ description: 'a measure of the model (src/sim/metrics.ts), e.g. consumerDemand' });
const direction = z.enum(['down', 'up']).meta({ description: 'down: falls; up: rises' });

/**
 * What a step's text says about its results, checked by tests that run the
 * step's scenario (tests/ui/lesson-claims.test.ts). Changes are relative to
 * the baseline run with the same assumptions, seed and runs (the Compare
 * view's cells); "beyond noise" means the 90% interval of the paired change
 * excludes 0.
 */
export const claimSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('changes'),
      metric,
      direction,
    }).meta({ description: 'the metric changes in this direction from the baseline, beyond noise' }),
    z.strictObject({
      kind: z.literal('no-clear-change'),
      metric,
    }).meta({ description: 'the change of the metric from the baseline is within the noise band (its 90% interval includes 0)' }),
    z.strictObject({
      kind: z.literal('changes-more'),
      metric,
      than: metric.meta({ description: 'the metric it is compared with' }),
      direction,
      clearly: z.boolean().default(false).meta({ description: 'true: the two 90% intervals of the changes do not overlap' }),
    }).meta({ description: 'relative to the baseline, the metric falls (or rises) more than `than`' }),
    z.strictObject({
      kind: z.literal('versus-step'),
      metric,
      step: z.int().min(1).meta({ description: 'an earlier step of this lesson, counting from 1' }),
      direction,
    }).meta({ description: 'the metric is lower (down) or higher (up) than in an earlier step\'s scenario with the same seeds, beyond noise' }),
  ])
  .meta({ description: 'a claim the step\'s text makes about the results' });

const path = z.string().min(1).max(300);

const scenarioSource = z
  .union([
    z.strictObject({ preset: z.string().min(1).max(100).meta({ description: 'id of a built-in preset: its file name in scenarios/ without .json' }) }),
    z.strictObject({ inline: z.record(z.string(), z.unknown()).meta({ description: 'a whole scenario, as in a scenario file' }) }),
  ])
  .meta({ description: 'the scenario the step opens: { "preset": "<id>" } or { "inline": { …scenario… } }; levers set by earlier steps are reset' });

const runSchema = z
  .strictObject({
    runs: z.int().min(1).max(50).optional().meta({ description: 'Monte Carlo runs' }),
    seed: z.int().min(0).max(4_294_967_295).optional().meta({ description: 'seed of the scenario' }),
    weeks: z.int().min(1).max(1040).optional().meta({ unit: 'weeks', description: 'horizon of the scenario' }),
  })
  .meta({ description: 'run the scenario, with these settings (kept by later steps until changed)' });

export const targetSchema = z
  .union([
    z.strictObject({ chart: z.enum(LESSON_CHARTS).meta({ description: 'a chart of the Charts view' }) }),
    z.strictObject({ compareRow: metric.meta({ description: 'a row of the Compare table, by its measure' }) }),
    z.strictObject({
      actor: z.enum(ACTOR_TYPES).meta({ description: 'an actor of the actor flows' }),
      state: z.string().min(1).max(100).optional().meta({ description: 'one of its states (a node of its diagram); absent: the whole diagram' }),
    }),
    z.strictObject({ testid: z.string().min(1).max(100).meta({ description: 'any element by its data-testid' }) }),
  ])
  .meta({ description: 'what the step points at: { "chart" }, { "compareRow" }, { "actor", "state" } or { "testid" }' });

export const stepSchema = z.strictObject({
  title: text('the step\'s title', 200),
  body: text('what to notice, in two or three sentences', 2000),
  scenario: scenarioSource.optional(),
  set: z
    .record(path, z.unknown())
    .optional()
    .meta({ description: 'levers to change: dotted scenario path → value, e.g. { "interventions.criminaliseUse.knowledge": "inferred" }' }),
  run: runSchema.optional(),
  pin: z.boolean().default(false).meta({ description: 'pin the step\'s results for the Compare view once they are computed' }),
  view: z.enum(LESSON_VIEWS).optional().meta({ description: 'the view to show (default: the view of the step before, or charts)' }),
  target: targetSchema.optional(),
  reveal: z
    .array(z.enum(REVEAL_REGIONS))
    .optional()
    .meta({ description: 'parts of the screen the step shows; the others are dimmed. Absent: everything' }),
  claims: z.array(claimSchema).default([]).meta({ description: 'claims the text makes about the results, checked by tests' }),
});

export const lessonSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'path to lesson.schema.json, for editors' }),
    formatVersion: z.literal(LESSON_FORMAT_VERSION).meta({ description: 'version of the lesson format' }),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes')
      .meta({ description: 'short id used in links (#lesson=<id>): lower-case letters, digits and dashes' }),
    title: text('the lesson\'s title', 200),
    summary: text('what the lesson teaches, in a sentence or two', 2000),
    paragraphs: z
      .array(z.string().regex(/^¶\d+(\([a-z]\))?(-\d+)?$/, 'a paragraph such as ¶16 or ¶10-12'))
      .min(1)
      .meta({ description: 'paragraphs of the source paper the lesson rests on, e.g. ["¶10-12"]' }),
    steps: z.array(stepSchema).min(1).max(40),
  })
  .meta({
    title: 'Demand-side trafficking workbench lesson',
    description: 'A lesson: steps that open scenarios, change levers, run and point at results, with text in one or more languages.',
  });

export type LessonInput = z.input<typeof lessonSchema>;
export type Lesson = z.output<typeof lessonSchema>;
export type LessonStep = Lesson['steps'][number];
export type LessonText = Lesson['title'];
export type Claim = z.output<typeof claimSchema>;
export type Target = z.output<typeof targetSchema>;

/** The step's text in `language`, or in the first language it is written in. */
export function textIn(t: LessonText, language: string): string {
  return (t as Record<string, string | undefined>)[language] ?? t.en ?? t.zh ?? '';
}

/** JSON Schema of lesson files as written by hand, for editors. */
export function lessonJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(lessonSchema, { io: 'input' }) as Record<string, unknown>;
}

export function lessonJsonSchemaText(): string {
  return `${JSON.stringify(lessonJsonSchema(), null, 2)}\n`;
}

export const LESSON_SCHEMA_FILE = 'lessons/lesson.schema.json';
