import * as lzModule from 'lz-string';

// lz-string is CommonJS: bundlers expose its functions by name, Node's ESM loader only as `default`.
const lz = ((lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule) as typeof lzModule;

/**
 * Lesson links: `#lesson=<id>` opens a built-in lesson; `#lesson=~<lz>` carries
 * a whole lesson file, lz-compressed (a trainer's own lesson). The hash is read
 * as the page loads, before the workspace writes its own state into it.
 */
export const INITIAL_HASH = typeof window === 'undefined' ? '' : window.location.hash;

export type LessonLink = { kind: 'none' } | { kind: 'builtin'; id: string } | { kind: 'file'; text: string } | { kind: 'damaged' };

export function lessonOfHash(hash: string): LessonLink {
  const part = hash.replace(/^#/, '').split('&').find((p) => p.startsWith('lesson='));
  if (!part) return { kind: 'none' };
  const value = part.slice('lesson='.length);
  if (value.startsWith('~')) {
    if (value.length > 400_000) return { kind: 'damaged' };
    const text = lz.decompressFromEncodedURIComponent(value.slice(1));
    return text ? { kind: 'file', text } : { kind: 'damaged' };
  }
  let id: string;
  try {
    id = decodeURIComponent(value);
  } catch {
    return { kind: 'damaged' };
  }
  return { kind: 'builtin', id };
}

/** The hash part that opens a lesson: its id for a built-in one, else the whole file compressed. */
export function lessonHash(lesson: { id: string } | { text: string }): string {
  return 'id' in lesson ? `#lesson=${encodeURIComponent(lesson.id)}` : `#lesson=~${lz.compressToEncodedURIComponent(lesson.text)}`;
}
