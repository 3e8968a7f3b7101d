import { scaleLinear, type ScaleLinear } from 'd3';

/** Space around the plot area, in px. */
export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const DEFAULT_MARGIN: Margin = { top: 16, right: 24, bottom: 56, left: 76 };

/** x: week index 0 .. weeks-1 (weeks 1..N as users count them) across the plot area. */
export function weekScale(weeks: number, width: number, margin: Margin = DEFAULT_MARGIN): ScaleLinear<number, number> {
  return scaleLinear()
    .domain([0, Math.max(1, weeks - 1)])
    .range([margin.left, Math.max(margin.left + 1, width - margin.right)]);
}

/**
 * y: from `min` (0 unless the data go below it) to a nice maximum with a little
 * headroom, so a line at the top is not hidden under the frame.
 */
export function valueScale(
  min: number,
  max: number,
  height: number,
  margin: Margin = DEFAULT_MARGIN,
  ticks = 5,
): ScaleLinear<number, number> {
  const lo = Math.min(0, Number.isFinite(min) ? min : 0);
  let hi = Number.isFinite(max) ? max : 1;
  if (hi <= lo) hi = lo + 1;
  hi = hi * 1.05;
  return scaleLinear()
    .domain([lo, hi])
    .range([Math.max(margin.top + 1, height - margin.bottom), margin.top])
    .nice(ticks);
}

/**
 * Week ticks, in weeks as users count them (1..weeks; week w is drawn at
 * index w-1): week 1 and year ends when the horizon is long (1, 52, 104, ...),
 * else week 1 and round numbers.
 */
export function weekTicks(weeks: number): number[] {
  const n = Math.max(1, Math.floor(weeks));
  if (n >= 104) {
    const step = n > 520 ? 104 : 52;
    const out = [1];
    for (let w = step; w <= n; w += step) out.push(w);
    return out;
  }
  if (n === 1) return [1];
  const round = scaleLinear().domain([1, n]).ticks(6).filter((t) => Number.isInteger(t) && t > 1);
  const step = round.length > 1 ? round[1] - round[0] : n;
  // Week 1 marks the start, unless a round tick sits right next to it.
  return round.length > 0 && round[0] - 1 < step / 2 ? round : [1, ...round];
}

/** Nearest week to a pixel position, clamped to [0, weeks-1]. */
export function weekAt(px: number, x: ScaleLinear<number, number>, weeks: number): number {
  const w = Math.round(x.invert(px));
  return Math.max(0, Math.min(weeks - 1, Number.isFinite(w) ? w : 0));
}
