import { describe, expect, it } from 'vitest';
import { FIELD_GROUPS, SCENARIO_FIELDS } from '../../src/scenario/fields.ts';
import { fieldMatches, fieldText, groupText } from '../../src/ui/messages/fields.ts';
import { DESCRIPTION_ZH, GROUP_ZH, SOURCE_ZH, UNIT_ZH } from '../../src/ui/messages/fields.zh.ts';

const HAN = /\p{Script=Han}/u;

/** Tokens a translation must keep as they are: paragraph marks, placeholders, figures and citations. */
function kept(english: string): string[] {
  const paragraphs = english.match(/¶[\d\-–]+(\([a-z]\))?/g) ?? [];
  const braces = english.match(/\{[^}]*\}/g) ?? [];
  const numbers = english.match(/\d[\d,.]*/g)?.map((n) => n.replace(/[.,]$/, '')) ?? [];
  const citations = english.match(/\b(ILO|KNOMAD|Dank et al\.|MODEL\.md|RA 10364|attitudeToAction)\b/g) ?? [];
  return [...paragraphs, ...braces, ...numbers, ...citations];
}

describe('field documentation in Chinese', () => {
  it.each(SCENARIO_FIELDS.map((f) => [f.path, f] as const))('%s has a Chinese description, unit and source', (_, f) => {
    const zh = fieldText(f, 'zh');
    for (const [english, chinese] of [
      [f.description, zh.description],
      [f.unit, zh.unit],
      [f.source, zh.source],
    ]) {
      expect(english, `${f.path} has English documentation`).not.toBe('');
      expect(chinese, `no translation of "${english}"`).not.toBe(english);
      expect(chinese).toMatch(HAN);
      for (const token of kept(english)) expect(chinese, `"${token}" of "${english}"`).toContain(token);
    }
  });

  it('every group with a description has a Chinese one, keeping its ¶ marks', () => {
    const described = FIELD_GROUPS.filter((g) => g.description);
    expect(described.length).toBeGreaterThan(20);
    for (const g of described) {
      const zh = groupText(g, 'zh');
      expect(zh, g.path).not.toBe(g.description);
      expect(zh).toMatch(HAN);
      for (const token of kept(g.description)) expect(zh, `"${token}" of ${g.path}`).toContain(token);
    }
  });

  it('English readers see the core text unchanged', () => {
    for (const f of SCENARIO_FIELDS) expect(fieldText(f, 'en')).toEqual({ description: f.description, unit: f.unit, source: f.source });
    for (const g of FIELD_GROUPS) expect(groupText(g, 'en')).toBe(g.description);
  });

  it('"illustrative" is 示意性, and every illustrative source says so', () => {
    expect(SOURCE_ZH.illustrative).toBe('示意性');
    for (const f of SCENARIO_FIELDS) if (/illustrative/.test(f.source)) expect(fieldText(f, 'zh-CN').source, f.path).toContain('示意性');
  });

  it('the catalogue holds no translation of text the schema no longer has', () => {
    const used = {
      description: new Set(SCENARIO_FIELDS.map((f) => f.description)),
      unit: new Set(SCENARIO_FIELDS.map((f) => f.unit)),
      source: new Set(SCENARIO_FIELDS.map((f) => f.source)),
      group: new Set(FIELD_GROUPS.map((g) => g.description)),
    };
    expect(Object.keys(DESCRIPTION_ZH).filter((k) => !used.description.has(k))).toEqual([]);
    expect(Object.keys(UNIT_ZH).filter((k) => !used.unit.has(k))).toEqual([]);
    expect(Object.keys(SOURCE_ZH).filter((k) => !used.source.has(k))).toEqual([]);
    expect(Object.keys(GROUP_ZH).filter((k) => !used.group.has(k))).toEqual([]);
  });

  it('the drawer search finds fields by Chinese words, English words and path', () => {
    const inspection = SCENARIO_FIELDS.find((f) => f.path === 'assumptions.inspection.visitsPerInspectorWeek')!;
    expect(inspection).toBeDefined();
    const zhHits = (q: string) => SCENARIO_FIELDS.filter((f) => fieldMatches(f, q, 'zh')).map((f) => f.path);
    expect(zhHits('监察员')).toContain(inspection.path);
    expect(zhHits('示意性').length).toBeGreaterThan(50);
    expect(zhHits('visits one inspector')).toContain(inspection.path);
    expect(zhHits('visitsPerInspector')).toEqual([inspection.path]);
    // Chinese words find nothing for an English reader: the search follows the text on screen (and the path).
    expect(SCENARIO_FIELDS.filter((f) => fieldMatches(f, '监察员', 'en'))).toEqual([]);
  });
});
