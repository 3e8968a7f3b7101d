import type { ScaleLinear } from 'd3';
import { bandPath, linePath } from './paths.ts';
import { DEFAULT_MARGIN, valueScale, weekScale, weekTicks, type Margin } from './scales.ts';
import { maxOf, minOf } from './transform.ts';

/** One line of a chart, already transformed (smoothed, indexed) for drawing. */
export interface LineInput {
  readonly key: string;
  readonly colour: string;
  /** The run (or the Monte Carlo mean). */
  readonly values: ArrayLike<number>;
  /** The baseline, drawn as a ghost line. */
  readonly ghost?: ArrayLike<number>;
  /** Monte Carlo 5th and 95th percentiles. */
  readonly lower?: ArrayLike<number>;
  readonly upper?: ArrayLike<number>;
  /** Drawn dashed (e.g. a second quantity on the same chart). */
  readonly dashed?: boolean;
}

export interface ChartInput {
  readonly width: number;
  readonly height: number;
  readonly margin?: Margin;
  /** Horizon of the run: the x axis always spans all of it, so lines grow as a run streams in. */
  readonly weeks: number;
  /** Weeks of the run to draw (the playback cursor + 1). */
  readonly shownWeeks: number;
  /** Weeks that exist so far; the y scale covers them so it does not jump during playback. */
  readonly knownWeeks?: number;
  readonly lines: readonly LineInput[];
  /** Fixed y domain (small multiples share one); otherwise from the data. */
  readonly yDomain?: readonly [number, number];
  /** A reference value drawn as a rule, e.g. 100 on an index chart. */
  readonly rule?: number;
  /** Least distance between week ticks, in px: on a narrow chart every other tick is left out. */
  readonly minXTickGap?: number;
}

export interface Tick {
  readonly value: number;
  readonly pos: number;
}

export interface LineModel {
  readonly key: string;
  readonly colour: string;
  readonly dashed: boolean;
  readonly d: string;
  readonly ghostD: string;
  readonly bandD: string;
}

export interface ChartModel {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly margin: Margin;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly lines: readonly LineModel[];
  readonly rule: number | null;
}

/** The y extent every line, band and ghost needs. */
export function dataDomain(lines: readonly LineInput[], knownWeeks: number): [number, number] {
  const arrays: (ArrayLike<number> | undefined)[] = [];
  for (const l of lines) arrays.push(l.values, l.upper, l.lower);
  const ghosts = lines.map((l) => l.ghost);
  const max = Math.max(maxOf(arrays, knownWeeks), maxOf(ghosts));
  const min = Math.min(minOf(arrays, knownWeeks), minOf(ghosts));
  return [min, max];
}

/** Everything a Svelte component needs to draw a line chart; no DOM. */
export function lineChart(input: ChartInput): ChartModel {
  const margin = input.margin ?? DEFAULT_MARGIN;
  const known = input.knownWeeks ?? input.shownWeeks;
  const [lo, hi] = input.yDomain ?? dataDomain(input.lines, known);
  const withRule: [number, number] = input.rule === undefined ? [lo, hi] : [Math.min(lo, input.rule), Math.max(hi, input.rule)];
  const x = weekScale(input.weeks, input.width, margin);
  const y = valueScale(withRule[0], withRule[1], input.height, margin);
  const shown = Math.max(0, Math.min(input.shownWeeks, input.weeks));
  const lines = input.lines.map((l) => ({
    key: l.key,
    colour: l.colour,
    dashed: l.dashed ?? false,
    d: linePath(l.values, x, y, shown),
    ghostD: l.ghost ? linePath(l.ghost, x, y, input.weeks) : '',
    bandD: l.lower && l.upper ? bandPath(l.lower, l.upper, x, y, shown) : '',
  }));
  const [top, bottom] = [margin.top, y.range()[0]];
  return {
    x,
    y,
    margin,
    plot: { left: x.range()[0], right: x.range()[1], top, bottom },
    // Tick values are weeks as users count them (1..N); week w is at index w-1.
    xTicks: spaced(weekTicks(input.weeks).map((value) => ({ value, pos: x(value - 1) })), input.minXTickGap ?? 0),
    yTicks: y.ticks(5).map((value) => ({ value, pos: y(value) })),
    lines,
    rule: input.rule ?? null,
  };
}

/**
 * Every k-th tick, with the smallest k that leaves them about `gap` px apart
 * (the first tick always stays). A 2% tolerance keeps an evenly spaced
 * series whole when one step is a hair shorter (week 1 to 52 is 51 weeks).
 */
export function spaced(ticks: readonly Tick[], gap: number): Tick[] {
  for (let k = 1; k < ticks.length; k++) {
    const kept = ticks.filter((_, i) => i % k === 0);
    if (kept.every((t, i) => i === 0 || t.pos - kept[i - 1].pos >= gap * 0.98)) return kept;
  }
  return ticks.slice(0, 1);
}

/** Shared y domain for small multiples: the widest extent over all panels. */
export function sharedDomain(panels: readonly (readonly LineInput[])[], knownWeeks: number): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const p of panels) {
    const [a, b] = dataDomain(p, knownWeeks);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  return [lo, hi];
}
