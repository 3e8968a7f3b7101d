import { describe, expect, it } from 'vitest';
import { readTextSize, TEXT_SCALE, TEXT_SIZE_KEY, TEXT_SIZES, writeTextSize, type TextSizeStore } from '../../src/ui/text-size.ts';
import { WORKSPACE_KEY, SAVED_KEY } from '../../src/ui/workspace/persist.ts';

/** The text size setting (issue 10, "a projector"): its own key, read and written without ever throwing. */

const memory = (init: Record<string, string> = {}): TextSizeStore & { data: Record<string, string> } => {
  const data = { ...init };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
};
const refusing: TextSizeStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('text size setting', () => {
  it('is normal when nothing, something unknown, or a refusing store is there', () => {
    expect(readTextSize(null)).toBe('normal');
    expect(readTextSize(memory())).toBe('normal');
    expect(readTextSize(memory({ [TEXT_SIZE_KEY]: 'huge' }))).toBe('normal');
    expect(readTextSize(memory({ [TEXT_SIZE_KEY]: 'toString' }))).toBe('normal');
    expect(readTextSize(refusing)).toBe('normal');
  });

  it('reads back every size it writes, under its own key (not the workspace\'s)', () => {
    for (const size of TEXT_SIZES) {
      const store = memory();
      expect(writeTextSize(store, size)).toBe(true);
      expect(Object.keys(store.data)).toEqual([TEXT_SIZE_KEY]);
      expect(readTextSize(store)).toBe(size);
    }
    expect([WORKSPACE_KEY, SAVED_KEY]).not.toContain(TEXT_SIZE_KEY);
  });

  it('says false, without throwing, when the store refuses', () => {
    expect(writeTextSize(null, 'large')).toBe(false);
    expect(writeTextSize(refusing, 'large')).toBe(false);
  });

  it('grows from normal to large to presenter', () => {
    expect(TEXT_SCALE.normal).toBe(1);
    expect(TEXT_SCALE.normal).toBeLessThan(TEXT_SCALE.large);
    expect(TEXT_SCALE.large).toBeLessThan(TEXT_SCALE.presenter);
  });
});
