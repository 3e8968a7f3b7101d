import { describe, expect, it } from 'vitest';
import { BITS, draw, drawBits, mix32, runKey, sequence, streamKey, weekKey, weekStep } from '../../src/sim/rng.ts';

describe('rng', () => {
  it('is a pure function of its counters', () => {
    const s = streamKey(runKey(7, 2), 3);
    expect(draw(s, 10, 5)).toBe(draw(s, 10, 5));
    expect(draw(s, 10, 5)).not.toBe(draw(s, 11, 5));
    expect(draw(s, 10, 5)).not.toBe(draw(s, 10, 6));
  });

  it('draws the numbers of its definition, in whole or from a week key and bits', () => {
    // The definition every golden file was recorded with (engine 1.0.0).
    const defined = (stream: number, index: number, week: number) =>
      mix32(stream ^ mix32((index + Math.imul(week, 0x27d4eb2f)) >>> 0) ^ Math.imul(week, 0x9e3779b9)) / 2 ** 32;
    const next = sequence(streamKey(runKey(3, 0), 9));
    for (let j = 0; j < 20_000; j++) {
      const stream = Math.floor(next() * 2 ** 32);
      const index = Math.floor(next() * 5_000_000);
      const week = Math.floor(next() * 3000) - 1000; // burn-in weeks are negative
      const u = defined(stream, index, week);
      expect(draw(stream, index, week)).toBe(u);
      expect(drawBits(weekKey(stream, week), weekStep(week), index) / BITS).toBe(u);
    }
  });

  it('derives different keys for different seeds, runs and streams', () => {
    const keys = new Set<number>();
    for (let seed = 0; seed < 20; seed++) for (let run = 0; run < 20; run++) keys.add(runKey(seed, run));
    expect(keys.size).toBe(400);
    expect(streamKey(1, 0)).not.toBe(streamKey(1, 1));
  });

  it('is uniform enough: bins and mean over 10^6 draws', () => {
    const s = streamKey(runKey(1, 0), 0);
    const bins = new Array(20).fill(0);
    let sum = 0;
    let outside = 0;
    const n = 1_000_000;
    for (let i = 0; i < n; i++) {
      const u = draw(s, i % 5000, Math.floor(i / 5000));
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      bins[Math.floor(u * 20)]++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.002);
    for (const b of bins) expect(Math.abs(b / n - 0.05)).toBeLessThan(0.002);
  });

  it('sequence streams are reproducible and independent', () => {
    const a = sequence(5);
    const b = sequence(5);
    const c = sequence(6);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
  });

  it('mix32 is a bijection on a sample (no collisions)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(mix32(i));
    expect(seen.size).toBe(100_000);
  });
});
