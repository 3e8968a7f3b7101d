import { describe, expect, it } from 'vitest';
import { createPointProgress, duration, progressText } from '../../src/cli/experiment/progress.ts';

/** Progress by points with an estimate of the time left, on a fake clock. */

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 120, write: (t: string) => writes.push(t) };
}

describe('experiment progress', () => {
  it('the estimate is the mean time per point run here times the points left', () => {
    // 4 points run in 20 s (2 more were on disk already): 5 s a point, 4 left → 20 s
    expect(progressText({ done: 6, total: 10, runs: 8, ranHere: 4, partial: 0.5 }, 20_000)).toBe(' 65%  6/10 points  8 runs  20 s, about 20 s left');
    // nothing run yet: no estimate
    expect(progressText({ done: 2, total: 10, runs: 0, ranHere: 0, partial: 0 }, 1_000)).toBe(' 20%  2/10 points  0 runs  1.0 s');
    expect([duration(4_200), duration(42_000), duration(185_000), duration(3_720_000)]).toEqual(['4.2 s', '42 s', '3m 05s', '1h 02m']);
  });

  it('not on a terminal: a line every 10 s, none at the end', () => {
    let t = 0;
    const s = sink(false);
    const p = createPointProgress(s, 'study', { now: () => t });
    const state = (done: number) => ({ done, total: 4, runs: done * 2, ranHere: done, partial: 0 });
    p.update(state(1));
    t = 10_000;
    p.update(state(2));
    t = 12_000;
    p.update(state(3));
    t = 30_000;
    p.update(state(4));
    expect(s.writes).toEqual(['study:  50%  2/4 points  4 runs  10 s, about 10 s left\n']);
  });

  it('on a terminal: a bar redrawn in place, cleared at the end', () => {
    let t = 0;
    const s = sink(true);
    const p = createPointProgress(s, 'study', { now: () => t, redrawMs: 100 });
    p.update({ done: 0, total: 4, runs: 0, ranHere: 0, partial: 0 });
    t = 50;
    p.update({ done: 1, total: 4, runs: 2, ranHere: 1, partial: 0 });
    t = 400;
    p.update({ done: 2, total: 4, runs: 4, ranHere: 2, partial: 0 });
    p.finish();
    expect(s.writes).toHaveLength(3);
    expect(s.writes[0]).toMatch(/^\rstudy \[-+\]\s+0%  0\/4 points  0 runs  0\.0 s\x1b\[K$/);
    expect(s.writes[1]).toMatch(/^\rstudy \[#+-+\]\s+50%  2\/4 points  4 runs  0\.4 s, about 0\.4 s left\x1b\[K$/);
    expect(s.writes[2]).toBe('\r\x1b[K');
  });
});
