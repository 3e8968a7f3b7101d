import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetName, presetText } from '../../src/ui/messages/presets.ts';
import { PRESETS_ZH } from '../../src/ui/messages/presets.zh.ts';
import { presetsFromFiles } from '../../src/ui/workspace/presets.ts';

const dir = join(import.meta.dirname, '../../scenarios');
const files = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => [`../../scenarios/${f}`, readFileSync(join(dir, f), 'utf8')]),
);
const { presets } = presetsFromFiles(files);
const HAN = /\p{Script=Han}/u;

/** What a translation keeps as written: ¶ marks, field paths and numbers. */
const kept = (english: string) => [
  ...(english.match(/¶[\d\-–]+(\([a-z]\))?/g) ?? []),
  ...(english.match(/\b(interventions|assumptions)(\.\w+)+/g) ?? []),
  ...(english.match(/\d[\d,.]*/g)?.map((n) => n.replace(/[.,]$/, '')) ?? []),
];

describe('presets in Chinese', () => {
  it('every preset file has a Chinese name and description, and the catalogue nothing else', () => {
    expect(presets.length).toBeGreaterThan(10);
    expect(Object.keys(PRESETS_ZH).sort()).toEqual(presets.map((p) => p.id).sort());
  });

  it.each(presets.map((p) => [p.id, p] as const))('%s: Chinese text keeps every ¶ mark, field path and number', (_, p) => {
    const zh = PRESETS_ZH[p.id];
    for (const field of ['name', 'description'] as const) {
      expect(zh[field], field).toMatch(HAN);
      for (const token of kept(p.scenario[field])) expect(zh[field], `${field}: "${token}"`).toContain(token);
    }
    expect(presetName(p, 'zh')).toBe(zh.name);
    expect(presetText(p, 'description', p.scenario.description, 'zh-CN')).toBe(zh.description);
    expect(presetName(p, 'en')).toBe(p.scenario.name);
  });

  it("shows a user's own name and description as written", () => {
    const p = presets.find((x) => x.id === 'labour-inspection')!;
    expect(presetText(p, 'name', 'My inspection test', 'zh')).toBe('My inspection test');
    expect(presetText(p, 'description', '我自己的说明', 'zh')).toBe('我自己的说明');
    // A saved scenario is never a preset, whatever its name.
    expect(presetText({ id: 'saved:abc', scenario: p.scenario }, 'name', p.scenario.name, 'zh')).toBe(p.scenario.name);
    expect(presetText(undefined, 'name', 'x', 'zh')).toBe('x');
  });
});
