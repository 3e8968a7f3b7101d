import type { Problem } from '../../scenario/load.ts';

/** A message shown in the banner above the results: what went wrong and where. */
export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'warning' | 'info';
  /** Plain text; always rendered as text, never as HTML. */
  readonly text: string;
  /** The text again in the language shown (issue 12): a notice made from the catalogue follows a language switch. */
  readonly render?: () => string;
  /** Validator problems with path, expected and got, listed under the text. */
  readonly problems?: readonly Problem[];
  /** Lines of detail (e.g. loader warnings). */
  readonly details?: readonly string[];
  /** Stable id for tests: `link-corrupt`, `saved-invalid`, ... */
  readonly code: string;
}

let next = 1;
/** A notice; `text` may be a function that makes it from the catalogue, called again when the language changes. */
export function notice(code: string, kind: Notice['kind'], text: string | (() => string), extra: Pick<Notice, 'problems' | 'details'> = {}): Notice {
  return typeof text === 'function' ? { id: next++, code, kind, text: text(), render: text, ...extra } : { id: next++, code, kind, text, ...extra };
}

/** The notices on screen: at most one per code, the newest last. */
export class Notices {
  list = $state.raw<readonly Notice[]>([]);

  /** Shows a notice, replacing an older one with the same code. */
  say(n: Notice): void {
    this.list = [...this.list.filter((x) => x.code !== n.code), n];
  }

  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }

  /** Takes down the notice with this code, if shown (the problem it reported is gone). */
  clear(code: string): void {
    this.list = this.list.filter((n) => n.code !== code);
  }
}
