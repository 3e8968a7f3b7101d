import { describe, expect, it } from 'vitest';
import { lessonHash, lessonOfHash } from '../../src/ui/lesson/link.ts';

describe('lesson links', () => {
  it('name a built-in lesson by id', () => {
    expect(lessonOfHash(lessonHash({ id: 'reporting-dilemma' }))).toEqual({ kind: 'builtin', id: 'reporting-dilemma' });
    expect(lessonOfHash('#s=abc&lesson=three-levels')).toEqual({ kind: 'builtin', id: 'three-levels' });
  });
  it('carry a whole lesson file, compressed, and give it back unchanged', () => {
    const text = JSON.stringify({ id: 'mine', title: { zh: '我的课程' } });
    expect(lessonOfHash(lessonHash({ text }))).toEqual({ kind: 'file', text });
  });
  it('a hash without a lesson is none; a damaged one is damaged, never a throw', () => {
    expect(lessonOfHash('#s=abc&r=5')).toEqual({ kind: 'none' });
    expect(lessonOfHash('#lesson=~@@@not-lz')).toEqual({ kind: 'damaged' });
    expect(lessonOfHash('#lesson=%E0%A4%A')).toEqual({ kind: 'damaged' });
  });
});
