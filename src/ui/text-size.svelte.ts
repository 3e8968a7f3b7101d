/**
 * The text size of the whole interface (issue 10, "a projector"): normal,
 * large, or presenter. It scales the root font size (every rem and em of the
 * page) and the charts' own text through one factor, and is remembered in
 * this browser under its own key, apart from the workspace, so a room's
 * setting never travels in a share link or a scenario file.
 */

export const TEXT_SIZES = ['normal', 'large', 'presenter'] as const;
export type TextSizeName = (typeof TEXT_SIZES)[number];

export const TEXT_SIZE_KEY = 'dsw.textSize.v1';

/** Factor on the root font size and on the charts' text. */
export const TEXT_SCALE: Readonly<Record<TextSizeName, number>> = { normal: 1, large: 1.2, presenter: 1.45 };

export type TextSizeStore = Pick<Storage, 'getItem' | 'setItem'>;

const isTextSize = (v: unknown): v is TextSizeName => typeof v === 'string' && (TEXT_SIZES as readonly string[]).includes(v);

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

/** localStorage, or null where the browser refuses it. */
function browserStore(): TextSizeStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The size in use, shared by the page (root font size) and every chart (axis text). */
class TextSize {
  #store: TextSizeStore | null = null;
  size = $state<TextSizeName>('normal');
  readonly scale = $derived(TEXT_SCALE[this.size]);

  /** Reads the stored size and applies it to `root` (the <html> element: its data-text-size sets the root font size in app.css). */
  init(store: TextSizeStore | null = browserStore(), root: HTMLElement | null = typeof document === 'undefined' ? null : document.documentElement): void {
    this.#store = store;
    this.#apply(readTextSize(store), root);
  }

  set(size: TextSizeName, root: HTMLElement | null = typeof document === 'undefined' ? null : document.documentElement): void {
    if (!isTextSize(size)) return;
    this.#apply(size, root);
    writeTextSize(this.#store, size);
  }

  #apply(size: TextSizeName, root: HTMLElement | null): void {
    this.size = size;
    if (root) root.dataset.textSize = size;
  }
}

export const textSize = new TextSize();
