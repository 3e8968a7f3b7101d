import type { LineInput } from '../../charts/line-chart.ts';

/** One series as a chart component receives it: a drawable line with a name. */
export interface ChartLine extends LineInput {
  /** Name shown in the legend and the hover card. */
  readonly label: string;
  /**
   * For an index line: how to read it back in absolute terms. A value v of
   * the line (or its ghost) is v × `per` in `unit` (e.g. units per week).
   */
  readonly absolute?: { readonly per: number; readonly unit: string };
}

/** An entry of the legend (also written into exported SVG/PNG). */
export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly dashed?: boolean;
  readonly ghost?: boolean;
}
