import { describe, expect, it } from 'vitest';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { numberFormats } from '../../src/ui/messages/format.ts';
import { FLOWS_EN, FLOWS_ZH, flowsCatalogue } from '../../src/ui/flows/catalogue.ts';
import { flowDiagrams, nodeLines, type FlowDiagram } from '../../src/ui/flows/diagrams.ts';
import { inside, intersects, linesWidth, NODE_PAD_X, textWidth, type Box } from '../../src/ui/flows/fit.ts';

const HAN = /\p{Script=Han}/u;
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
const paragraphs = (s: string) => s.match(/¶[\d\-–]+(\([a-z]\))?/g) ?? [];

/** Every string of a labels object, by a dotted key. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}/${k}` : k)) out.set(kk, vv);
  return out;
}

describe('actor flows in Chinese', () => {
  it('flowsCatalogue picks the catalogue by locale', () => {
    expect(flowsCatalogue('zh')).toBe(FLOWS_ZH);
    expect(flowsCatalogue('zh-CN')).toBe(FLOWS_ZH);
    expect(flowsCatalogue('en')).toBe(FLOWS_EN);
    expect(FLOWS_ZH.locale).toMatch(/^zh/);
  });

  it('labels every state, event, region, node, edge and lane the English catalogue does, in Chinese, keeping placeholders and ¶ marks', () => {
    const en = flatten(FLOWS_EN.labels);
    const zh = flatten(FLOWS_ZH.labels);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.size).toBeGreaterThan(100);
    for (const [key, english] of en) {
      const chinese = zh.get(key)!;
      // Words are translated; a label of placeholders and punctuation only ("{count} ({share})") has none.
      if (/[a-z]/i.test(english.replace(/\{\w+\}/g, ''))) expect(chinese, key).toMatch(HAN);
      expect(placeholders(chinese), key).toEqual(placeholders(english));
      for (const p of paragraphs(english)) expect(chinese, key).toContain(p);
    }
  });

  it('explains every state in Chinese with the same citation', () => {
    expect(Object.keys(FLOWS_ZH.explanations).sort()).toEqual(Object.keys(FLOWS_EN.explanations).sort());
    for (const [key, english] of Object.entries(FLOWS_EN.explanations)) {
      const chinese = FLOWS_ZH.explanations[key];
      expect(chinese.cite, key).toBe(english.cite);
      expect(chinese.title, key).toMatch(HAN);
      expect(chinese.text, key).toMatch(HAN);
      expect(chinese.text.length, key).toBeGreaterThan(10);
    }
  });

  it('keeps the disclaimer', () => {
    expect(FLOWS_ZH.labels.disclaimer).toContain('示意性');
    expect(FLOWS_ZH.labels.disclaimer).toContain('并非预测');
  });

  it('measures a Chinese character as a full em, Latin text as before', () => {
    expect(textWidth('雇主', 10)).toBeCloseTo(20);
    expect(textWidth('abc', 10)).toBeCloseTo(3 * 10 * 0.62);
    expect(textWidth('第 3 周', 10)).toBeCloseTo(2 * 10 + 3 * 6.2);
  });

  const { overview, actors } = flowDiagrams(FLOWS_ZH);
  const all: [string, FlowDiagram][] = [['overview', overview], ...ACTOR_TYPES.map((t) => [t, actors[t]] as [string, FlowDiagram])];
  const cases = all.flatMap(([name, d]) => (['lr', 'tb'] as const).map((dir) => [name, dir, d] as const));

  it('builds its own layouts for the Chinese text', () => {
    expect(flowDiagrams(FLOWS_ZH)).not.toBe(flowDiagrams(FLOWS_EN));
    expect(flowDiagrams(FLOWS_ZH)).toBe(flowDiagrams(FLOWS_ZH));
  });

  it.each(cases)('%s (%s): Chinese labels fit: clear spots, no overlaps, inside the drawing, node text inside its box', (name, dir, d) => {
    const layout = d.layouts[dir];
    const { boxes, edges } = d.labels[dir];
    expect(edges.size).toBe(layout.edges.length);
    for (const [id, spot] of edges) expect(spot.clear, `${name} ${dir}: label of ${id}`).toBe(true);
    const frame = { x: 0, y: 0, width: layout.width, height: layout.height };
    for (const b of boxes) expect(inside(b.box, frame), `${name} ${dir}: ${b.kind} ${b.owner} inside the drawing`).toBe(true);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(intersects(boxes[i].box, boxes[j].box), `${name} ${dir}: ${boxes[i].kind} ${boxes[i].owner} on ${boxes[j].kind} ${boxes[j].owner}`).toBe(false);
      }
    }
    const rect = new Map<string, Box>(layout.nodes.map((n) => [n.id, { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height }]));
    for (const b of boxes) {
      if (b.kind !== 'node') continue;
      const r = rect.get(b.owner)!;
      expect(inside(b.box, { x: r.x + NODE_PAD_X, y: r.y, width: r.width - 2 * NODE_PAD_X, height: r.height }), `${name} ${dir}: text of ${b.owner}`).toBe(true);
    }
  });

  it('node titles are Chinese and a real count line fits the node', () => {
    const numbers = numberFormats('zh-CN');
    for (const [view, d] of all) {
      const width = d.layouts.lr.nodes[0].width - 2 * NODE_PAD_X;
      for (const n of d.layouts.lr.nodes) {
        const lines = nodeLines(FLOWS_ZH, view as never, n.id, { count: 123_456, share: view === 'overview' ? undefined : 0.5, total: 999_999 }, numbers);
        expect(lines[0].text, `${view} ${n.id}`).toMatch(HAN);
        expect(linesWidth(lines), `${view} ${n.id}`).toBeLessThanOrEqual(width);
      }
    }
  });
});
