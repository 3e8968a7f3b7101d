import { rollingMean, toIndex } from './transform.ts';

/** A line with its optional band, as results provide it. */
export interface RawLine {
  readonly values: ArrayLike<number>;
  readonly lower?: ArrayLike<number>;
  readonly upper?: ArrayLike<number>;
}

export interface PrepareOptions {
  /** Trailing moving average over this many weeks (1: none). */
  readonly smooth?: number;
  /** Divide by this reference and multiply by 100 (an index); absent: values as they are. */
  readonly indexTo?: number;
}

/** Smooths, then indexes, the line and its band alike, so the band stays around the line. */
export function prepareLine(line: RawLine, options: PrepareOptions = {}): { values: Float64Array; lower?: Float64Array; upper?: Float64Array } {
  const w = Math.max(1, Math.floor(options.smooth ?? 1));
  const step = (a: ArrayLike<number>) => {
    const s = rollingMean(a, w);
    return options.indexTo === undefined ? s : toIndex(s, options.indexTo);
  };
  return {
    values: step(line.values),
    lower: line.lower ? step(line.lower) : undefined,
    upper: line.upper ? step(line.upper) : undefined,
  };
}
