/**
 * Deterministic text metrics for the flow diagrams: every character is taken
 * as CHAR_EM of the font size, on the wide side of the app's sans-serif fonts
 * (Arial-like fonts average about 0.5 em) and a Chinese character as a full
 * em, so a label that fits here fits on screen, and tests can check fits
 * without a browser.
 */

export const CHAR_EM = 0.62;
/** Line height, in em: room for ascenders and descenders between stacked lines. */
export const LINE_EM = 1.3;

/** Font sizes (px at scale 1) of each kind of text; none under 12 (projected text stays legible). */
export const FONT = { name: 14, count: 13, measure: 12, edge: 12, lane: 13 } as const;

/** Room between a node's text and its border, and under the text for the share bar. */
export const NODE_PAD_X = 8;
export const NODE_PAD_TOP = 5;
export const NODE_PAD_BOTTOM = 8;

export interface TextLine {
  readonly text: string;
  readonly size: number;
}

/** An axis-aligned box: top-left corner and size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Wide characters (CJK ideographs and punctuation, full-width forms) take a whole em. */
export const WIDE_EM = 1;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

export const textWidth = (text: string, size: number): number => {
  const wide = text.match(WIDE)?.length ?? 0;
  return ((text.length - wide) * CHAR_EM + wide * WIDE_EM) * size;
};

export const intersects = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** Baselines of stacked lines below `top`: each line gets LINE_EM of its size, its baseline 1 em down (descenders end about 1.2 em down). */
export function baselines(lines: readonly TextLine[], top: number): number[] {
  let y = top;
  return lines.map((l) => {
    const b = y + l.size;
    y += l.size * LINE_EM;
    return b;
  });
}

export const linesHeight = (lines: readonly TextLine[]): number => lines.reduce((s, l) => s + l.size * LINE_EM, 0);

export const linesWidth = (lines: readonly TextLine[]): number => Math.max(0, ...lines.map((l) => textWidth(l.text, l.size)));

/** The box of each centred line of a stack whose top centre is (cx, top). */
export function lineBoxes(lines: readonly TextLine[], cx: number, top: number): Box[] {
  let y = top;
  return lines.map((l) => {
    const width = textWidth(l.text, l.size);
    const box = { x: cx - width / 2, y, width, height: l.size * LINE_EM };
    y += l.size * LINE_EM;
    return box;
  });
}
