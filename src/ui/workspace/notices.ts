import type { Problem } from '../../scenario/load.ts';

/** A message shown in the banner above the results: what went wrong and where. */
export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'warning' | 'info';
  /** Plain text; always rendered as text, never as HTML. */
  readonly text: string;
  /** Validator problems with path, expected and got, listed under the text. */
  readonly problems?: readonly Problem[];
  /** Lines of detail (e.g. loader warnings). */
  readonly details?: readonly string[];
  /** Stable id for tests: `link-corrupt`, `saved-invalid`, ... */
  readonly code: string;
}

let next = 1;
export function notice(code: string, kind: Notice['kind'], text: string, extra: Pick<Notice, 'problems' | 'details'> = {}): Notice {
  return { id: next++, code, kind, text, ...extra };
}
