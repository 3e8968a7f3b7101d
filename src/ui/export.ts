import type { LegendEntry } from './charts/types.ts';

/**
 * Downloads: scenario JSON, series CSV, charts as standalone SVG and PNG.
 * Everything is made locally from blob: URLs (allowed by the page's CSP).
 */

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/** A file name from a title: lower case, words joined by hyphens. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'chart';
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export interface ExportOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly legend: readonly LegendEntry[];
  /** Always includes the disclaimer: results leave the app only with it. */
  readonly footnote: string;
}

/**
 * A standalone SVG document of a chart: the drawn plot plus its title, legend
 * and the disclaimer, with every style as an attribute (no external CSS).
 */
export function standaloneSvg(plot: SVGSVGElement, opts: ExportOptions): { text: string; width: number; height: number } {
  const width = Math.round(Number(plot.getAttribute('width')) || plot.clientWidth || 800);
  const plotHeight = Math.round(Number(plot.getAttribute('height')) || plot.clientHeight || 400);
  const font = "Inter, 'Segoe UI', system-ui, sans-serif";
  const pad = 20;
  // Legend rows: a rough width per entry, wrapped to the chart width.
  const rows: { entry: LegendEntry; x: number; row: number }[] = [];
  let x = pad;
  let row = 0;
  for (const entry of opts.legend) {
    const w = 44 + entry.label.length * 8.2 + 24;
    if (x + w > width - pad && x > pad) {
      row += 1;
      x = pad;
    }
    rows.push({ entry, x, row });
    x += w;
  }
  const headerHeight = 30 + (opts.subtitle ? 22 : 0) + 12 + (row + 1) * 24 + 8;
  const footerHeight = 34;
  const height = headerHeight + plotHeight + footerHeight;

  const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font });
  root.append(el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  root.append(el('text', { x: pad, y: 30, 'font-size': 20, 'font-weight': 600, fill: '#1f2933' }, opts.title));
  let y = 30;
  if (opts.subtitle) {
    y += 22;
    root.append(el('text', { x: pad, y, 'font-size': 14, fill: '#52606d' }, opts.subtitle));
  }
  const legendTop = y + 16;
  for (const { entry, x: lx, row: r } of rows) {
    const ly = legendTop + r * 24 + 8;
    root.append(
      el('line', {
        x1: lx, x2: lx + 32, y1: ly, y2: ly, stroke: entry.colour, 'stroke-width': entry.ghost ? 2 : 3.5,
        'stroke-opacity': entry.ghost ? 0.5 : 1,
        ...(entry.ghost ? { 'stroke-dasharray': '7 5' } : entry.dashed ? { 'stroke-dasharray': '2 6' } : {}),
      }),
    );
    root.append(el('text', { x: lx + 40, y: ly, dy: '0.32em', 'font-size': 14, fill: '#1f2933' }, entry.label));
  }
  const g = el('g', { transform: `translate(0 ${headerHeight})` });
  for (const child of Array.from(plot.childNodes)) {
    if (child.nodeType === Node.ELEMENT_NODE && (child as Element).classList.contains('cursor')) continue;
    g.append(child.cloneNode(true));
  }
  root.append(g);
  root.append(el('text', { x: pad, y: height - 12, 'font-size': 13, fill: '#52606d', 'font-style': 'italic' }, opts.footnote));
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

/** Rasterises standalone SVG text to a PNG blob at `scale` × its size (sharp on projectors and slides). */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, svg.width, svg.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface ComparisonImage {
  readonly title: string;
  readonly subtitle?: string;
  readonly legend: readonly LegendEntry[];
  /** The table of differences: header cells (with the colour of each package, if any) and rows of text. */
  readonly table: { readonly head: readonly { text: string; colour?: string }[]; readonly rows: readonly (readonly string[])[] };
  /** The overlay charts as drawn on screen, each with its title. */
  readonly charts: readonly { readonly title: string; readonly plot: SVGSVGElement }[];
  /** Always includes the disclaimer: results leave the app only with it. */
  readonly footnote: string;
}

/**
 * The whole comparison as one standalone SVG (issue 10, point 3): title,
 * legend, the table of differences, then the overlay charts two to a row,
 * and the disclaimer. Every style is an attribute, so it opens anywhere and
 * rasterises to PNG (svgToPng).
 */
export function comparisonSvg(c: ComparisonImage, width = 1280): { text: string; width: number; height: number } {
  const font = "Inter, 'Segoe UI', system-ui, sans-serif";
  const ink = '#1f2933';
  const muted = '#52606d';
  const pad = 24;
  const parts: SVGElement[] = [];
  let y = 34;
  parts.push(el('text', { x: pad, y, 'font-size': 22, 'font-weight': 600, fill: ink }, c.title));
  if (c.subtitle) {
    y += 24;
    parts.push(el('text', { x: pad, y, 'font-size': 14, fill: muted }, c.subtitle));
  }
  // Legend, wrapped to the width.
  y += 28;
  let x = pad;
  for (const entry of c.legend) {
    const w = 44 + entry.label.length * 8 + 24;
    if (x + w > width - pad && x > pad) {
      x = pad;
      y += 24;
    }
    parts.push(el('line', { x1: x, x2: x + 32, y1: y, y2: y, stroke: entry.colour, 'stroke-width': 3.5, ...(entry.dashed ? { 'stroke-dasharray': '2 6' } : {}) }));
    parts.push(el('text', { x: x + 40, y, dy: '0.32em', 'font-size': 14, fill: ink }, entry.label));
    x += w;
  }
  // The table: the first column (measure) on the left, numbers right-aligned.
  y += 36;
  const cols = c.table.head.length;
  const first = Math.min(420, Math.round((width - 2 * pad) * 0.34));
  const rest = cols > 1 ? (width - 2 * pad - first) / (cols - 1) : 0;
  const colX = (i: number) => (i === 0 ? pad : pad + first + rest * i);
  c.table.head.forEach((h, i) => {
    if (h.colour) parts.push(el('rect', { x: colX(i) - textWidth(clip(h.text, rest), 14) - 24, y: y - 11, width: 12, height: 12, rx: 3, fill: h.colour }));
    parts.push(el('text', { x: colX(i), y, 'font-size': 14, 'font-weight': 600, fill: ink, 'text-anchor': i === 0 ? 'start' : 'end' }, clip(h.text, i === 0 ? first : rest)));
  });
  y += 10;
  parts.push(el('line', { x1: pad, x2: width - pad, y1: y, y2: y, stroke: '#9aa5b1', 'stroke-width': 1.5 }));
  for (const row of c.table.rows) {
    y += 26;
    row.forEach((cell, i) => parts.push(el('text', { x: colX(i), y, 'font-size': 14, fill: ink, 'text-anchor': i === 0 ? 'start' : 'end' }, clip(cell, i === 0 ? first : rest))));
    parts.push(el('line', { x1: pad, x2: width - pad, y1: y + 9, y2: y + 9, stroke: '#e4e7eb', 'stroke-width': 1 }));
  }
  // The charts, two to a row, each scaled to its column.
  y += 34;
  const gap = 24;
  const colW = (width - 2 * pad - gap) / 2;
  let rowHeight = 0;
  c.charts.forEach((chart, i) => {
    const pw = Number(chart.plot.getAttribute('width')) || chart.plot.clientWidth || 600;
    const ph = Number(chart.plot.getAttribute('height')) || chart.plot.clientHeight || 300;
    // Drawn at about their size on screen: scaled up much further, their text would outgrow the table's.
    const scale = Math.min(colW / pw, 1.2);
    const cx = pad + (i % 2) * (colW + gap);
    if (i % 2 === 0 && i > 0) {
      y += rowHeight;
      rowHeight = 0;
    }
    parts.push(el('text', { x: cx, y: y + 16, 'font-size': 16, 'font-weight': 600, fill: ink }, chart.title));
    const g = el('g', { transform: `translate(${cx} ${y + 26}) scale(${scale})` });
    for (const child of Array.from(chart.plot.childNodes)) {
      if (child.nodeType === Node.ELEMENT_NODE && (child as Element).classList.contains('cursor')) continue;
      g.append(child.cloneNode(true));
    }
    parts.push(g);
    rowHeight = Math.max(rowHeight, 26 + ph * scale + 16);
  });
  y += rowHeight + 20;
  parts.push(el('text', { x: pad, y, 'font-size': 13, fill: muted, 'font-style': 'italic' }, c.footnote));
  const height = Math.ceil(y + 16);
  const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font });
  root.append(el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }), ...parts);
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

/** A rough width of (bold) text at `size` px, on the wide side (no layout engine in a standalone file). */
const textWidth = (text: string, size: number) => text.length * size * 0.7;

/** Text cut to about `width` px, with an ellipsis when cut. */
function clip(text: string, width: number, size = 14): string {
  const max = Math.max(4, Math.floor((width - 12) / (size * 0.55)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
