import { describe, expect, it } from 'vitest';
import { createRedrawQueue } from '../../src/ui/charts/redraw.ts';

/** A frame scheduler driven by hand: `next()` runs the callbacks of one frame. */
function manualFrames() {
  let waiting: (() => void)[] = [];
  return {
    frame: (cb: () => void) => void waiting.push(cb),
    next() {
      const run = waiting;
      waiting = [];
      for (const cb of run) cb();
    },
    get requested() {
      return waiting.length;
    },
  };
}

describe('createRedrawQueue', () => {
  it('applies one request per frame, first come first served', () => {
    const f = manualFrames();
    const q = createRedrawQueue(f.frame);
    const done: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    q.request(a, () => done.push('a'));
    q.request(b, () => done.push('b'));
    q.request(c, () => done.push('c'));
    expect(done).toEqual([]);
    expect(q.pending).toBe(3);
    f.next();
    expect(done).toEqual(['a']);
    f.next();
    f.next();
    expect(done).toEqual(['a', 'b', 'c']);
    expect(q.pending).toBe(0);
    expect(f.requested).toBe(0);
  });

  it('a newer request of the same owner replaces the queued one and keeps its place', () => {
    const f = manualFrames();
    const q = createRedrawQueue(f.frame);
    const done: string[] = [];
    const [a, b] = [{}, {}];
    q.request(a, () => done.push('a1'));
    q.request(b, () => done.push('b'));
    q.request(a, () => done.push('a2'));
    f.next();
    f.next();
    expect(done).toEqual(['a2', 'b']);
  });

  it('a cancelled request is not applied; cancelling after it ran, or after a newer one, changes nothing', () => {
    const f = manualFrames();
    const q = createRedrawQueue(f.frame);
    const done: string[] = [];
    const a = {};
    const cancel1 = q.request(a, () => done.push('a1'));
    const cancel2 = q.request(a, () => done.push('a2'));
    cancel1();
    expect(q.pending).toBe(1);
    f.next();
    expect(done).toEqual(['a2']);
    cancel2();
    const cancel3 = q.request(a, () => done.push('a3'));
    cancel3();
    f.next();
    expect(done).toEqual(['a2']);
  });

  it('several per frame when asked; a request made while a frame runs waits for the next frame', () => {
    const f = manualFrames();
    const q = createRedrawQueue(f.frame, 2);
    const done: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    q.request(a, () => {
      done.push('a');
      q.request(c, () => done.push('c'));
    });
    q.request(b, () => done.push('b'));
    f.next();
    expect(done).toEqual(['a', 'b']);
    f.next();
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('without a frame scheduler a request is applied at once', () => {
    const q = createRedrawQueue(null);
    let applied = 0;
    q.request({}, () => applied++);
    expect(applied).toBe(1);
    expect(q.pending).toBe(0);
  });
});
