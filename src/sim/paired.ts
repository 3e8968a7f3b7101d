/**
 * A scenario against its baseline as paired differences. Replicate r of both
 * uses the same seed and run index, so they share their random draws (common
 * random numbers): much of the chance in one is also in the other, and the
 * difference r by r varies far less than either side does. The interval is
 * Student's t on those differences.
 */

/** Two-sided coverage of the interval: 90%, as the 5-95% bands of the charts. */
export const PAIRED_LEVEL = 0.9;

/** t quantile 0.95 for 1..30 degrees of freedom (R: `qt(0.95, 1:30)`). */
const T95 = [
  6.313751515, 2.91998558, 2.353363435, 2.131846786, 2.015048373, 1.943180281, 1.894578605, 1.859548038, 1.833112933, 1.812461123, 1.795884819,
  1.782287556, 1.770933396, 1.761310136, 1.753050356, 1.745883676, 1.739606726, 1.734063607, 1.729132812, 1.724718243, 1.720742903, 1.717144374,
  1.713871528, 1.71088208, 1.708140761, 1.70561792, 1.703288446, 1.701130934, 1.699127027, 1.697260887,
];

/** Normal quantile 0.95. */
const Z95 = 1.6448536269514722;

/**
 * Quantile 0.95 of Student's t with `df` degrees of freedom (the bound of a
 * two-sided 90% interval): a table up to 30, then the Cornish-Fisher expansion
 * in 1/df (Abramowitz & Stegun 26.7.5), within 1e-8 of the exact value there.
 */
export function t95(df: number): number {
  if (!(df >= 1)) return Number.NaN;
  if (df <= T95.length) return T95[Math.floor(df) - 1];
  const z = Z95;
  const z2 = z * z;
  const g1 = (z2 + 1) * z / 4;
  const g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

export interface PairedDifference {
  /** Pairs used: those where both sides are finite. */
  readonly pairs: number;
  /** Means over the pairs used. */
  readonly scenarioMean: number;
  readonly baselineMean: number;
  /** Mean of scenario minus baseline, pair by pair. */
  readonly meanDiff: number;
  /** 90% interval of the mean difference; NaN with fewer than 2 pairs. */
  readonly lo: number;
  readonly hi: number;
  /** meanDiff / baselineMean (0.1 = 10% more); 0 when nothing differs, NaN from a zero baseline otherwise. */
  readonly change: number;
  /** The interval relative to the baseline mean, lo <= hi; NaN where change is. */
  readonly changeLo: number;
  readonly changeHi: number;
  /** True: the interval excludes 0; false: it includes 0; null: fewer than 2 pairs, so unknown. */
  readonly resolved: boolean | null;
}

/**
 * Paired comparison of a statistic taken in each replicate of a scenario and
 * of its baseline (`scenario[r]` with `baseline[r]`). A pair where either side
 * is NaN or infinite is left out.
 */
export function pairedDifference(scenario: ArrayLike<number>, baseline: ArrayLike<number>): PairedDifference {
  if (scenario.length !== baseline.length) {
    throw new RangeError(`pairedDifference: ${scenario.length} scenario replicates against ${baseline.length} baseline replicates`);
  }
  const diffs: number[] = [];
  let sumS = 0;
  let sumB = 0;
  for (let r = 0; r < scenario.length; r++) {
    const s = scenario[r];
    const b = baseline[r];
    if (!Number.isFinite(s) || !Number.isFinite(b)) continue;
    diffs.push(s - b);
    sumS += s;
    sumB += b;
  }
  const n = diffs.length;
  const scenarioMean = n === 0 ? Number.NaN : sumS / n;
  const baselineMean = n === 0 ? Number.NaN : sumB / n;
  const meanDiff = n === 0 ? Number.NaN : diffs.reduce((a, d) => a + d, 0) / n;

  let lo = Number.NaN;
  let hi = Number.NaN;
  if (n >= 2) {
    // Two passes: the differences of common random numbers are small next to the values.
    const ss = diffs.reduce((a, d) => a + (d - meanDiff) ** 2, 0);
    const half = t95(n - 1) * Math.sqrt(ss / (n - 1) / n);
    lo = meanDiff - half;
    hi = meanDiff + half;
  }
  const resolved = n < 2 ? null : lo > 0 || hi < 0;

  const relative = (x: number) => (baselineMean === 0 || !Number.isFinite(baselineMean) ? Number.NaN : x / baselineMean);
  const change = meanDiff === 0 ? 0 : relative(meanDiff);
  // A negative baseline mean turns the interval round.
  const [rlo, rhi] = [relative(lo), relative(hi)].sort((a, b) => a - b);
  const flat = lo === 0 && hi === 0;
  return { pairs: n, scenarioMean, baselineMean, meanDiff, lo, hi, change, changeLo: flat ? 0 : rlo, changeHi: flat ? 0 : rhi, resolved };
}
