import { describe, expect, it } from 'vitest';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { numberFormats } from '../../src/ui/messages/format.ts';
import { FLOWS_EN, FLOWS_ZH, flowsCatalogue } from '../../src/ui/flows/catalogue.ts';
import { flowDiagrams, nodeLines, type FlowDiagram } from '../../src/ui/flows/diagrams.ts';
import { linesWidth, NODE_PAD_X, textWidth } from '../../src/ui/flows/fit.ts';

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

  it('builds its own layouts for the Chinese text', () => {
    expect(flowDiagrams(FLOWS_ZH)).not.toBe(flowDiagrams(FLOWS_EN));
    expect(flowDiagrams(FLOWS_ZH)).toBe(flowDiagrams(FLOWS_ZH));
  });

  // Label placement and node text of the Chinese diagrams: tests/flows/placement.test.ts, which runs over every catalogue.

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
