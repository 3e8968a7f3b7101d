/** The page's text size (text-size.ts), as state that the page and its charts follow. */
import { isTextSize, readTextSize, TEXT_SCALE, TEXT_SIZES, writeTextSize, type TextSizeName, type TextSizeStore } from './text-size.ts';

export { TEXT_SCALE, TEXT_SIZES, type TextSizeName };

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
