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
