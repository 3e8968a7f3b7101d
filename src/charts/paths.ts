import { area, line, type ScaleLinear } from 'd3';

type Scale = ScaleLinear<number, number>;

/**
 * SVG path of the first `length` weeks; gaps where a value is not finite.
 * Returns '' when nothing can be drawn.
 */
export function linePath(values: ArrayLike<number>, x: Scale, y: Scale, length = values.length): string {
  const n = Math.min(length, values.length);
  if (n <= 0) return '';
  const idx = Array.from({ length: n }, (_, i) => i);
  const gen = line<number>()
    .defined((i) => Number.isFinite(values[i]))
    .x((i) => x(i))
    .y((i) => y(values[i]));
  return gen(idx) ?? '';
}

/** SVG path of the area between `lower` and `upper` (a Monte Carlo band). */
export function bandPath(
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  x: Scale,
  y: Scale,
  length = Math.min(lower.length, upper.length),
): string {
  const n = Math.min(length, lower.length, upper.length);
  if (n <= 0) return '';
  const idx = Array.from({ length: n }, (_, i) => i);
  const gen = area<number>()
    .defined((i) => Number.isFinite(lower[i]) && Number.isFinite(upper[i]))
    .x((i) => x(i))
    .y0((i) => y(lower[i]))
    .y1((i) => y(upper[i]));
  return gen(idx) ?? '';
}
