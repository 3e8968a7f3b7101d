import { schemeObservable10 } from 'd3';

/**
 * Categorical colours: d3's Observable 10 scheme, designed to stay distinguishable
 * with common colour-vision deficiencies. The first colours are used most, so the
 * order puts the strongest contrasts first (blue against orange-red).
 */
export const CATEGORICAL: readonly string[] = [
  schemeObservable10[0], // blue
  schemeObservable10[2], // orange-red
  schemeObservable10[4], // green
  schemeObservable10[6], // purple
  schemeObservable10[8], // brown
  schemeObservable10[1], // yellow (weak on white: used last)
  schemeObservable10[3], // teal
  schemeObservable10[5], // pink
];

/** Neutral greys for axes, grid and ghost (baseline) lines. */
export const INK = '#1f2933';
export const MUTED = '#52606d';
export const GRID = '#e4e7eb';
export const GHOST = '#7b8794';

export function colourAt(i: number): string {
  return CATEGORICAL[((i % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length];
}
