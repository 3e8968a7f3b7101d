import { parseLessonText } from '../../lesson/load.ts';
import { i18n } from '../messages/index.ts';
import { applyStep } from '../lesson.ts';
import { notice } from '../workspace/notices.svelte.ts';
import type { Workspace } from '../workspace.svelte.ts';
import { BUILTIN_LESSONS, LESSON_OPTIONS, type LoadedLesson } from './builtin.ts';
import { lessonOfHash } from './link.ts';
import { textSize, type TextSizeName } from '../text-size.svelte.ts';

/**
 * The lesson on screen: the picker or a lesson at a step, and presenter mode.
 * Kept outside the panel so the panel can move (beside the results in
 * presenter mode) without losing its place.
 */
export class LessonSession {
  readonly #wsOf: () => Workspace;
  /** The panel is open (the picker when no lesson is chosen). */
  open = $state(false);
  current = $state.raw<LoadedLesson | null>(null);
  index = $state(0);
  busy = $state(false);
  presenter = $state(false);
  #sizeBefore: TextSizeName | null = null;
  #token = 0;

  constructor(ws: () => Workspace) {
    this.#wsOf = ws;
  }

  get #ws(): Workspace {
    return this.#wsOf();
  }

  get builtIn(): readonly LoadedLesson[] {
    return BUILTIN_LESSONS;
  }

  showPicker(): void {
    this.current = null;
    this.open = true;
  }

  close(): void {
    this.open = false;
    this.current = null;
    this.setPresenter(false);
  }

  start(l: LoadedLesson): void {
    this.current = l;
    this.open = true;
    void this.go(0);
  }

  /** Opens lesson text (a file or a link); a broken lesson gives a notice and changes nothing. */
  openText(text: string, source: string, fromLink = false): boolean {
    const r = parseLessonText(text, LESSON_OPTIONS, source);
    if (!r.ok) {
      this.#ws.notices.say(notice('lesson-broken', 'error', i18n.t(fromLink ? 'lessons.brokenLink' : 'lessons.broken'), { problems: r.problems }));
      return false;
    }
    this.#ws.notices.clear('lesson-broken');
    this.start({ lesson: r.lesson, states: r.states });
    return true;
  }

  /** Opens the lesson a link names (`#lesson=<id>` or `#lesson=~<compressed file>`). */
  openLink(hash: string): void {
    const link = lessonOfHash(hash);
    if (link.kind === 'none') return;
    if (link.kind === 'builtin') {
      const l = BUILTIN_LESSONS.find((x) => x.lesson.id === link.id);
      if (l) this.start(l);
      else this.#ws.notices.say(notice('lesson-broken', 'error', `${i18n.t('lessons.brokenLink')} ${i18n.t('lessons.unknown', { id: link.id, ids: BUILTIN_LESSONS.map((x) => x.lesson.id).join(', ') })}`));
      return;
    }
    if (link.kind === 'damaged') {
      this.#ws.notices.say(notice('lesson-broken', 'error', i18n.t('lessons.brokenLink')));
      return;
    }
    this.openText(link.text, 'link', true);
  }

  get total(): number {
    return this.current?.lesson.steps.length ?? 0;
  }

  async go(i: number): Promise<void> {
    const l = this.current;
    if (!l || i < 0 || i >= l.lesson.steps.length) return;
    this.index = i;
    const token = ++this.#token;
    this.busy = true;
    try {
      await applyStep(this.#ws, l.lesson, l.states, i);
    } finally {
      // A later step started meanwhile: it clears busy when it ends.
      if (token === this.#token) this.busy = false;
    }
  }

  next(): void {
    if (!this.busy && this.index < this.total - 1) void this.go(this.index + 1);
  }

  back(): void {
    if (!this.busy && this.index > 0) void this.go(this.index - 1);
  }

  /** Presenter mode: the presenter text size and high contrast; leaving it puts the text size back. */
  setPresenter(on: boolean): void {
    if (on === this.presenter) return;
    this.presenter = on;
    const root = typeof document === 'undefined' ? null : document.documentElement;
    if (on) {
      this.#sizeBefore = textSize.size;
      textSize.set('presenter');
      if (root) root.dataset.presenter = 'on';
    } else {
      if (this.#sizeBefore) textSize.set(this.#sizeBefore);
      this.#sizeBefore = null;
      if (root) delete root.dataset.presenter;
    }
  }
}
