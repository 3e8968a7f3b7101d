/** One series as a chart component receives it: already smoothed or indexed. */
export interface ChartLine {
  readonly key: string;
  /** Name shown in the legend and the hover card. */
  readonly label: string;
  readonly colour: string;
  readonly values: ArrayLike<number>;
  readonly lower?: ArrayLike<number>;
  readonly upper?: ArrayLike<number>;
  /** The baseline, drawn as a ghost line. */
  readonly ghost?: ArrayLike<number>;
  readonly dashed?: boolean;
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
