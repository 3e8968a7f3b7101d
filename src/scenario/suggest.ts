import { distance } from 'fastest-levenshtein';

/**
 * The allowed key a misspelt key most likely meant, or undefined when none is
 * close: same letters in another case, a prefix of at least 4 letters, or an
 * edit distance of at most a third of the key's length (at least 2).
 */
export function didYouMean(key: string, candidates: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    let score: number;
    if (c === lower) score = 0;
    else if (lower.length >= 4 && c.startsWith(lower)) score = 0.5;
    else {
      const d = distance(lower, c);
      if (d > Math.max(2, Math.floor(Math.max(lower.length, c.length) / 3))) continue;
      score = d;
    }
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
