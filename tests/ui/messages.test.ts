import { describe, expect, it } from 'vitest';
import { FIELD_GROUPS, INTERVENTION_FIELDS } from '../../src/scenario/fields.ts';
import { METRICS } from '../../src/sim/metrics.ts';
import { SECTORS } from '../../src/scenario/sectors.ts';
import { en } from '../../src/ui/messages/en.ts';
import { numberFormats } from '../../src/ui/messages/format.ts';
import { CATALOGUES, format, I18n, i18n, LOCALES } from '../../src/ui/messages/index.ts';
import { zh } from '../../src/ui/messages/zh.ts';
import { BOARD_EN, BOARD_ZH } from '../../src/ui/messages/parts/board.ts';
import { LESSONS_EN, LESSONS_ZH } from '../../src/ui/messages/parts/lessons.ts';
import { STORY_EN, STORY_ZH } from '../../src/ui/messages/parts/story.ts';
import { KINDS, LEVELS } from '../../src/ui/workspace/measures.ts';

const has = (k: string) => Object.prototype.hasOwnProperty.call(en, k);

describe('message catalogue', () => {
  it('names every metric, sector, level and kind', () => {
    for (const m of METRICS) expect(has(`metric.${m}`), m).toBe(true);
    for (const s of SECTORS) expect(has(`sector.${s}`), s).toBe(true);
    for (const l of LEVELS) expect(has(`level.${l}`), l).toBe(true);
    for (const k of KINDS) expect(has(`kind.${k}`), k).toBe(true);
  });

  it('labels every lever and every option of every variant', () => {
    for (const f of INTERVENTION_FIELDS) {
      const stem = f.path.replace(/^interventions\./, '');
      if (f.kind !== 'campaign') expect(has(`field.${stem}`), f.path).toBe(true);
      for (const o of f.options ?? []) {
        expect(has(`option.${stem}.${o}`), `${f.path}=${o}`).toBe(true);
        expect(has(`option.${stem}.${o}.help`), `${f.path}=${o} help`).toBe(true);
      }
    }
  });

  it('titles every group of assumptions', () => {
    const tops = new Set(FIELD_GROUPS.filter((g) => g.path.startsWith('assumptions.')).map((g) => g.path.split('.')[1]));
    for (const t of tops) expect(has(`assumptionGroup.${t}`), t).toBe(true);
  });

  it('says the results are illustrative', () => {
    expect(en['app.disclaimer']).toBe('Illustrative model, not a forecast');
  });
});

describe('format and numbers', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('Week {week} of {weeks}', { week: 3, weeks: 260 })).toBe('Week 3 of 260');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(format('{toString}', {})).toBe('{toString}');
    expect(format('{count} ({share})', { count: '1,200', share: '5%' })).toBe('1,200 (5%)');
    expect(format('{x} {constructor}', { x: 1 })).toBe('1 {constructor}');
  });

  it('has one set of number formats per locale, shared by the messages and the actor flows', () => {
    expect(numberFormats('en')).toBe(numberFormats('en'));
    expect(numberFormats('de').num(12345.6)).toBe('12.346');
    expect(numberFormats('zh-CN').percent(0.256)).toBe('25.6%');
    for (const v of [0, 7, 12.5, 0.0123, 12345.6, Number.NaN]) expect(i18n.num(v)).toBe(numberFormats('en').num(v));
  });

  it('formats numbers with Intl', () => {
    const i = new I18n('en', en);
    expect(i.num(12345.6)).toBe('12,346');
    expect(i.num(0.01234)).toBe('0.0123');
    expect(i.num(Number.NaN)).toBe('–');
    expect(i.percent(0.256)).toBe('25.6%');
    expect(i.change(-0.12)).toBe('-12%');
    expect(i.change(0.4)).toBe('+40%');
    expect(i.change(-0.003)).toBe('-0.3%');
    expect(i.change(0.00042)).toBe('+0.04%');
    expect(i.change(0)).toBe('0%');
    expect(i.axis(25_000)).toBe('25K');
    expect(i.bytes(5 * 1024 * 1024)).toBe('5 MB');
  });

  it('falls back for keys built at run time', () => {
    const i = new I18n('en', en);
    expect(i.tk('metric.reports')).toBe('Reports');
    expect(i.tk('metric.nope', 'fallback')).toBe('fallback');
  });
});

describe('every language (issue 12)', () => {
  const PARTS = { lessons: [LESSONS_EN, LESSONS_ZH], story: [STORY_EN, STORY_ZH], board: [BOARD_EN, BOARD_ZH] } as const;
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const citations = (s: string) => [...s.matchAll(/¶\s?\d+/g)].map((m) => m[0].replace(/\s/, '')).sort();
  /** Text that is the same in every language: symbols and file formats. */
  const SAME_EVERYWHERE = new Set(['μ*', 'μ', 'σ', 'CSV']);
  const CJK = /[\u3400-\u9fff]/;

  /** What is wrong with `other` as a translation of `base` (empty when nothing). */
  function problems(base: Record<string, string>, other: Record<string, string>, needsCjk: boolean): string[] {
    const out: string[] = [];
    for (const k of Object.keys(base)) if (!Object.hasOwn(other, k)) out.push(`missing ${k}`);
    for (const k of Object.keys(other)) if (!Object.hasOwn(base, k)) out.push(`extra ${k}`);
    for (const [k, v] of Object.entries(other)) {
      if (!Object.hasOwn(base, k)) continue;
      if (typeof v !== 'string' || v.trim() === '') out.push(`empty ${k}`);
      else {
        if (placeholders(v).join() !== placeholders(base[k]).join()) out.push(`placeholders of ${k}: ${placeholders(v).join()} vs ${placeholders(base[k]).join()}`);
        if (citations(v).join() !== citations(base[k]).join()) out.push(`¶ citations of ${k}`);
        // Chinese: Han characters, or only placeholders and symbols (no English word left behind).
        const words = v.replace(/\{\w+\}/g, '').replace(/μ\*?|σ/g, '');
        if (needsCjk && !CJK.test(v) && /[A-Za-z]/.test(words) && !SAME_EVERYWHERE.has(v)) out.push(`not Chinese: ${k} = ${v}`);
      }
    }
    return out;
  }

  it('offers English and Chinese, each with its own name', () => {
    expect([...LOCALES]).toEqual(['en', 'zh']);
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALES].sort());
  });

  it('every language has exactly the English keys (core and parts), the same placeholders and ¶ citations, no empty text, and Chinese is Chinese', () => {
    for (const l of LOCALES) expect(problems(en, CATALOGUES[l], l === 'zh'), l).toEqual([]);
    for (const [name, [partEn, partZh]] of Object.entries(PARTS)) {
      expect(problems(partEn, partZh, true), name).toEqual([]);
      for (const k of Object.keys(partEn)) expect(k.startsWith(`${name}.`), k).toBe(true);
      for (const [k, v] of Object.entries(partZh)) expect(zh[k as keyof typeof zh], k).toBe(v);
    }
  });

  it('the check fails on a missing key, an extra key, a lost placeholder, an empty text or English left in Chinese', () => {
    const { ['app.title']: _dropped, ...missing } = zh;
    expect(problems(en, missing, true)).toEqual(['missing app.title']);
    expect(problems(en, { ...zh, 'app.nope': '无' }, true)).toEqual(['extra app.nope']);
    expect(problems(en, { ...zh, 'bar.week': '第 {week} 周' }, true)[0]).toMatch(/^placeholders of bar.week/);
    expect(problems(en, { ...zh, 'app.title': ' ' }, true)).toEqual(['empty app.title']);
    expect(problems(en, { ...zh, 'app.title': 'Demand-side workbench' }, true)).toEqual(['not Chinese: app.title = Demand-side workbench']);
  });

  it('the app follows the language: same key, other text; the document language follows too', () => {
    try {
      i18n.setLocale('zh');
      expect(i18n.t('app.disclaimer')).toBe(zh['app.disclaimer']);
      expect(i18n.locale).toBe('zh');
      i18n.setLocale('en');
      expect(i18n.t('app.disclaimer')).toBe('Illustrative model, not a forecast');
    } finally {
      i18n.setLocale('en');
    }
    expect(new I18n('zh').t('view.compare')).toBe('比较');
    expect(new I18n('zh').percent(0.256)).toBe('25.6%');
  });
});
