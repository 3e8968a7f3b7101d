/**
 * The text size of the whole interface (issue 10, "a projector"): normal,
 * large, or presenter. It scales the root font size (every rem and em of the
 * page) and the charts' own text through one factor, and is remembered in
 * this browser under its own key, apart from the workspace, so a room's
 * setting never travels in a share link or a scenario file. Pure: the store
 * is passed in; the page's reactive copy is text-size.svelte.ts.
 */

export const TEXT_SIZES = ['normal', 'large', 'presenter'] as const;
export type TextSizeName = (typeof TEXT_SIZES)[number];

export const TEXT_SIZE_KEY = 'dsw.textSize.v1';

/** Factor on the root font size and on the charts' text. */
export const TEXT_SCALE: Readonly<Record<TextSizeName, number>> = { normal: 1, large: 1.2, presenter: 1.45 };

export type TextSizeStore = Pick<Storage, 'getItem' | 'setItem'>;

export const isTextSize = (v: unknown): v is TextSizeName => typeof v === 'string' && (TEXT_SIZES as readonly string[]).includes(v);

/** The stored size; `normal` when nothing (or something unknown) is stored or the store refuses. Never throws. */
export function readTextSize(store: TextSizeStore | null): TextSizeName {
  try {
    const v = store?.getItem(TEXT_SIZE_KEY);
    return isTextSize(v) ? v : 'normal';
  } catch {
    return 'normal';
  }
}

/** Stores the size; false when the store refuses (private modes, full quota). Never throws. */
export function writeTextSize(store: TextSizeStore | null, size: TextSizeName): boolean {
  try {
    if (!store) return false;
    store.setItem(TEXT_SIZE_KEY, size);
    return true;
  } catch {
    return false;
  }
}
