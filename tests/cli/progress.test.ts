import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

const sink = (isTTY: boolean) => {
  const out: string[] = [];
  return { out, isTTY, columns: 100, write: (t: string) => out.push(t) };
};

describe('createProgress', () => {
  it('draws a bar in place on a terminal, at most every redraw interval, and clears it', () => {
    let t = 0;
    const s = sink(true);
    const p = createProgress(s, 'run', { now: () => t, redrawMs: 100 });
    t = 150;
    p.update(10, 100);
    t = 160;
    p.update(20, 100); // too soon
    t = 300;
    p.update(100, 100);
    p.finish();
    expect(s.out).toHaveLength(3);
    expect(s.out[0]).toMatch(/^\rrun \[#+-+\]  10%  10\/100 weeks/);
    expect(s.out[1]).toMatch(/100%  100\/100 weeks/);
    expect(s.out[2]).toBe('\r\x1b[K');
  });

  it('writes occasional plain lines elsewhere, and nothing for short runs', () => {
    let t = 0;
    const s = sink(false);
    const p = createProgress(s, 'run', { now: () => t, lineMs: 1000 });
    t = 500;
    p.update(10, 100);
    expect(s.out).toEqual([]);
    t = 1500;
    p.update(40, 100);
    t = 1600;
    p.update(100, 100);
    p.finish();
    expect(s.out).toEqual(['run: 40% (40/100 weeks, 1.5 s)\n']);
  });
});
