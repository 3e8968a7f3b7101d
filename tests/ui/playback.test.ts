import { describe, expect, it } from 'vitest';
import { FRAME_MS, Playback, SPEED_WEEKS, type Track } from '../../src/ui/workspace/playback.svelte.ts';

function playback(track: Partial<Track>, frame?: (cb: (t: number) => void) => number) {
  const t: { -readonly [K in keyof Track]: Track[K] } = { started: true, known: 0, weeks: 52, done: false, running: true, ...track };
  let changes = 0;
  const pb = new Playback({ track: () => t, frame, onChange: () => changes++ });
  return { pb, track: t, changes: () => changes };
}

describe('Playback without animation frames', () => {
  it('follows the data while playing, and stops with it', () => {
    const { pb, track } = playback({ known: 4 });
    pb.play();
    expect(pb.cursor).toBe(4);
    track.known = 9;
    pb.follow(9);
    expect(pb.cursor).toBe(9);
    pb.settle();
    expect(pb.playing).toBe(false);
    pb.follow(12);
    expect(pb.cursor).toBe(9);
  });

  it('steps one week at a time, never past the data; reset goes to week 1', () => {
    const { pb, track } = playback({ known: 3 });
    pb.step();
    pb.step();
    expect(pb.shownWeeks).toBe(2);
    pb.step();
    pb.step();
    expect(pb.shownWeeks).toBe(3);
    pb.reset();
    expect(pb.cursor).toBe(1);
    track.started = false;
    pb.reset();
    expect(pb.cursor).toBe(0);
  });

  it('rewinds only at the end, and saves a new speed', () => {
    const { pb, changes } = playback({ known: 52, weeks: 52 });
    pb.cursor = 30;
    pb.rewindAtEnd();
    expect(pb.cursor).toBe(30);
    pb.cursor = 52;
    pb.rewindAtEnd();
    expect(pb.cursor).toBe(0);
    pb.setSpeed('fast');
    expect(pb.speed).toBe('fast');
    expect(changes()).toBe(1);
  });
});

describe('Playback on animation frames', () => {
  it('advances at the speed in weeks per second, redrawing on whole weeks, until the data ends', async () => {
    const frames: ((t: number) => void)[] = [];
    const { pb } = playback({ known: 52, weeks: 52, done: true, running: false }, (cb) => frames.push(cb));
    pb.play();
    expect(pb.playing).toBe(true);
    let t = 1000;
    frames.shift()!(t);
    // 0.1 s per frame at most: 2.6 weeks a frame at medium speed.
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, FRAME_MS));
      t += 100;
      frames.shift()!(t);
    }
    expect(pb.cursor).toBe(Math.floor(3 * 0.1 * SPEED_WEEKS.medium));
    pb.pause();
    await new Promise((r) => setTimeout(r, FRAME_MS));
    expect(frames).toHaveLength(0);
  });

  it('jumps to the data at instant speed and stops at the end', () => {
    const frames: ((t: number) => void)[] = [];
    const { pb } = playback({ known: 20, weeks: 20, done: true, running: false }, (cb) => frames.push(cb));
    pb.speed = 'instant';
    pb.play();
    expect(pb.cursor).toBe(20);
    frames.shift()!(16);
    expect(pb.playing).toBe(false);
    expect(pb.cursor).toBe(20);
  });
});

describe('Playback pause and resume (issue 10, point 10)', () => {
  it('Pause before the end can be resumed; Stop (halt), Reset and Step leave nothing to resume', () => {
    const frames: ((t: number) => void)[] = [];
    const { pb } = playback({ known: 52, weeks: 52, done: true, running: false }, (cb) => frames.push(cb));
    pb.cursor = 10;
    pb.play();
    pb.pause();
    expect(pb.resumable).toBe(true);
    pb.play();
    expect(pb.resumable).toBe(false);
    pb.halt();
    expect([pb.playing, pb.resumable]).toEqual([false, false]);
    pb.play();
    pb.pause();
    pb.step();
    expect(pb.resumable).toBe(false);
    // A pause at the end has nothing to resume: Replay starts again.
    pb.cursor = 52;
    pb.play();
    pb.pause();
    expect(pb.resumable).toBe(false);
  });

  it('follows the data as it arrives when told to, whatever the speed (a run started by Live)', () => {
    const frames: ((t: number) => void)[] = [];
    const { pb, track } = playback({ known: 8, weeks: 52 }, (cb) => frames.push(cb));
    pb.speed = 'slow';
    pb.play({ follow: true });
    expect(pb.cursor).toBe(8);
    track.known = 30;
    pb.follow(30);
    expect(pb.cursor).toBe(30);
    // An ordinary play keeps the speed.
    pb.halt();
    pb.cursor = 0;
    pb.play();
    pb.follow(30);
    expect(pb.cursor).toBe(0);
  });
});
