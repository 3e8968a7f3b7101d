import { describe, expect, it } from 'vitest';
import { problem } from '../../src/scenario/problem.ts';
import { problemsMessage, readNumber } from '../../src/ui/controls/number-text.ts';

/** What every number box says for text it cannot apply (issue 10, point 9). */

const WEEKS = { min: 1, max: 1040, integer: true };
const RUNS = { min: 1, max: 50, integer: true };
const INSPECTORS = { min: 0, max: 50, integer: false };

describe('readNumber', () => {
  it('reads numbers in range, a decimal comma as a point', () => {
    expect(readNumber(' 260 ', WEEKS)).toEqual({ ok: true, value: 260 });
    expect(readNumber('4,5', INSPECTORS)).toEqual({ ok: true, value: 4.5 });
    expect(readNumber('0', INSPECTORS)).toEqual({ ok: true, value: 0 });
    expect(readNumber('50', RUNS)).toEqual({ ok: true, value: 50 });
  });

  it('refuses with one sentence that names the range, whatever is wrong', () => {
    const weeks = { ok: false, message: 'Enter a whole number from 1 to 1,040.' };
    for (const text of ['1e9', '-5', '2.5', 'abc', '', '   ', 'Infinity', '0']) expect(readNumber(text, WEEKS), text).toEqual(weeks);
    expect(readNumber('-4', INSPECTORS)).toEqual({ ok: false, message: 'Enter a number from 0 to 50.' });
  });

  it('does not clamp the number of runs: 0 and 1000 are refused, not changed', () => {
    expect(readNumber('0', RUNS)).toEqual({ ok: false, message: 'Enter a whole number from 1 to 50.' });
    expect(readNumber('1000', RUNS)).toEqual({ ok: false, message: 'Enter a whole number from 1 to 50.' });
  });
});

describe('problemsMessage', () => {
  it('says each expectation once, without the path', () => {
    const p = problem('seed', 'a whole number between 0 and 4294967295', '1.5');
    expect(problemsMessage([p, p])).toBe('Expected a whole number between 0 and 4294967295.');
  });
});
