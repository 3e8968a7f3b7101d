import { describe, expect, it } from 'vitest';
import { FIELD_GROUPS, INTERVENTION_FIELDS } from '../../src/scenario/fields.ts';
import { METRICS } from '../../src/sim/metrics.ts';
import { SECTORS } from '../../src/scenario/sectors.ts';
import { en } from '../../src/ui/messages/en.ts';
import { numberFormats } from '../../src/ui/messages/format.ts';
import { format, I18n, i18n } from '../../src/ui/messages/index.ts';
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
