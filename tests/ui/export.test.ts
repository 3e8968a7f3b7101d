import { describe, expect, it } from 'vitest';
import { slug } from '../../src/ui/export.ts';

describe('slug', () => {
  it.each([
    ['Consumer demand and derived demand', 'consumer-demand-and-derived-demand'],
    ['Greece, Penal Code art. 323A', 'greece-penal-code-art-323a'],
    ['Économie <script>', 'economie-script'],
    ['', 'chart'],
    ['¶¶¶', 'chart'],
  ])('%s', (text, expected) => {
    expect(slug(text)).toBe(expected);
  });

  it('is short enough for a file name', () => {
    expect(slug('x'.repeat(500)).length).toBeLessThanOrEqual(60);
  });
});
