import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMissing, missingIndices, missingShards, parseShard, pendingIndices, shardIndices } from '../../src/experiment/schedule.ts';

describe('shards', () => {
  it('parses K/N and refuses anything else with the expected/got shape', () => {
    expect(parseShard('3/8')).toEqual({ ok: true, shard: { k: 3, n: 8 } });
    expect(parseShard('0/1')).toEqual({ ok: true, shard: { k: 0, n: 1 } });
    for (const bad of ['8/8', '1/0', '-1/4', 'a/b', '2', '1/2/3', '']) {
      const r = parseShard(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(new RegExp(`^--shard: expected K/N .*got ${JSON.stringify(JSON.stringify(bad)).slice(1, -1)}$`));
    }
  });

  it('N shards cover every point exactly once, each lowest index first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 40 }), (total, n) => {
        const seen = new Array(total).fill(0);
        for (let k = 0; k < n; k++) {
          const own = shardIndices(total, { k, n });
          expect(own).toEqual([...own].sort((a, b) => a - b));
          for (const i of own) {
            expect(i % n).toBe(k);
            seen[i]++;
          }
        }
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('the resume set is what is owned and not present, ascending', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.uniqueArray(fc.integer({ min: 0, max: 250 })), (total, presentList) => {
        const owned = shardIndices(total, { k: 1 % 3, n: 3 });
        const present = new Set(presentList);
        const pending = pendingIndices([...owned].reverse(), present);
        expect(pending).toEqual(owned.filter((i) => !present.has(i)));
        expect(missingIndices(total, present).length + presentList.filter((i) => i < total).length).toBe(total);
      }),
      { numRuns: 100, seed: 12 },
    );
  });
});

describe('what a merge says is missing', () => {
  it('names whole missing shards', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 80 }), (n, kRaw, extra) => {
        const k = kRaw % n;
        const total = 2 * n + extra;
        const missing = shardIndices(total, { k, n });
        const found = missingShards(total, missing);
        // The pattern found is the smallest that explains the gap: its shards hold exactly the missing points.
        expect(found).toBeDefined();
        const union = found!.ks.flatMap((kk) => shardIndices(total, { k: kk, n: found!.n })).sort((a, b) => a - b);
        expect(union).toEqual(missing);
        expect(found!.n).toBeLessThanOrEqual(n);
      }),
      { numRuns: 100, seed: 13 },
    );
    expect(describeMissing(24, shardIndices(24, { k: 5, n: 8 }))).toBe('3 of 24 points missing: every point of shard 5/8');
  });

  it('lists scattered indices when no shard pattern fits', () => {
    expect(missingShards(100, [7])).toBeUndefined();
    expect(describeMissing(100, [7])).toBe('1 of 100 points missing: 7');
    const many = [3, 5, 10, 11, 12, 13, 20, 21, 22, 23, 24, 50];
    expect(describeMissing(100, many)).toBe('12 of 100 points missing: 3, 5, 10, 11, 12, 13, 20, 21, 22, 23, …');
  });
});
