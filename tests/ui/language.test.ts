import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/ui/messages/en.ts';
import { format, i18n, localeOfLanguages } from '../../src/ui/messages/index.ts';
import { restoreWorkspace, serialiseWorkspace, WORKSPACE_KEY } from '../../src/ui/workspace/persist.ts';
import { decodeShareLink, encodeShareHash } from '../../src/ui/workspace/share.ts';
import { Workspace } from '../../src/ui/workspace.svelte.ts';
import { env, INSPECTORS, MemoryStore, tiny } from './workspace-fixtures.ts';

/** Issue 12: the interface language is switched at run time, kept in links and in the saved workspace. */

afterEach(() => i18n.setLocale('en'));

describe('the run-time language', () => {
  it('switches every message and number format at once', () => {
    expect(i18n.locale).toBe('en');
    expect(i18n.t('view.charts')).toBe('Charts');
    i18n.setLocale('zh');
    expect(i18n.locale).toBe('zh');
    expect(i18n.t('view.charts')).toBe('图表');
    expect(i18n.t('bar.week', { week: 3, weeks: 260 })).toBe('第 3 周，共 260 周');
    expect(i18n.tk('metric.reports')).toBe('举报');
    // Chinese groups large numbers by 万 in compact notation; Intl decides, not the app.
    expect(i18n.axis(25_000)).toBe(new Intl.NumberFormat('zh-Hans', { notation: 'compact', maximumSignificantDigits: 3 }).format(25_000));
    expect(i18n.axis(25_000)).not.toBe('25K');
    i18n.setLocale('en');
    expect(i18n.t('view.charts')).toBe('Charts');
    expect(i18n.axis(25_000)).toBe('25K');
  });

  it('formats dates per language', () => {
    const d = new Date(Date.UTC(2026, 11, 3, 12, 0));
    const english = i18n.date(d, false);
    i18n.setLocale('zh');
    const chinese = i18n.date(d, false);
    expect(english).toMatch(/Dec/);
    expect(chinese).toMatch(/2026年12月/);
    expect(i18n.date('not a date')).toBe('–');
  });

  it('starts from the browser language: any zh… is Chinese, anything else English', () => {
    expect(localeOfLanguages(['zh-CN', 'en'])).toBe('zh');
    expect(localeOfLanguages(['zh-TW'])).toBe('zh');
    expect(localeOfLanguages(['ZH'])).toBe('zh');
    expect(localeOfLanguages(['en-GB', 'zh-CN'])).toBe('en');
    expect(localeOfLanguages(['de'])).toBe('en');
    expect(localeOfLanguages([])).toBe('en');
    expect(localeOfLanguages(undefined)).toBe('en');
  });
});

describe('the language in share links', () => {
  const s = tiny('Linked');

  it('round-trips l= beside the other parts', () => {
    const hash = encodeShareHash(s, 3, { view: 'compare', locale: 'zh' });
    expect(hash).toMatch(/&l=zh$/);
    const link = decodeShareLink(hash);
    expect(link.locale).toBe('zh');
    expect(link.badLocale).toBeNull();
    expect(link.view).toBe('compare');
    expect(link.scenario.kind).toBe('ok');
  });

  it('a link without l= names no language', () => {
    const link = decodeShareLink(encodeShareHash(s, 3));
    expect(link.locale).toBeNull();
    expect(link.badLocale).toBeNull();
  });

  it('an unknown l= is reported, never spoils the scenario', () => {
    const link = decodeShareLink(`${encodeShareHash(s, 3)}&l=klingon`);
    expect(link.locale).toBeNull();
    expect(link.badLocale).toBe('klingon');
    expect(link.scenario.kind).toBe('ok');
  });
});

describe('the language in the workspace', () => {
  it('the saved workspace keeps it; an old or odd value is ignored', () => {
    const state = { scenario: tiny(), presetId: 'baseline', runs: 1, speed: 'fast', grouping: 'level', pins: [] } as const;
    const back = restoreWorkspace(serialiseWorkspace({ ...state, locale: 'zh' }));
    expect(back.kind === 'ok' && back.state.locale).toBe('zh');
    const old = restoreWorkspace(serialiseWorkspace(state));
    expect(old.kind === 'ok' && 'locale' in old.state).toBe(false);
    const odd = JSON.parse(serialiseWorkspace(state)) as Record<string, unknown>;
    const bad = restoreWorkspace(JSON.stringify({ ...odd, locale: 'xx' }));
    expect(bad.kind).toBe('ok');
    expect(bad.kind === 'ok' && bad.state.locale).toBeUndefined();
  });

  it('a reload keeps the language, and the address carries it', () => {
    const e = env();
    const ws = new Workspace(e);
    ws.locale = 'zh';
    ws.editor.set(INSPECTORS, 4);
    ws.persistence.persistNow();
    expect(e.hash.value).toMatch(/&l=zh/);
    i18n.setLocale('en');
    const again = new Workspace({ ...e, location: { getHash: () => '', setHash: () => {} } });
    expect(again.locale).toBe('zh');
    expect(i18n.t('view.charts')).toBe('图表');
    expect(again.editor.get(INSPECTORS)).toBe(4);
  });

  it('a link chooses the language over the saved workspace; a link without one keeps it', () => {
    const e = env();
    const first = new Workspace(e);
    first.locale = 'en';
    first.persistence.persistNow();
    e.hash.value = encodeShareHash(tiny('Linked'), 2, { locale: 'zh' });
    const ws = new Workspace(e);
    expect(ws.locale).toBe('zh');
    expect(ws.editor.scenario.name).toBe('Linked');
    // The notice that the link was opened is in the link's language.
    const opened = ws.notices.list.find((n) => n.code === 'link-loaded');
    expect(opened?.text).toMatch(/已从链接打开/);
    // A notice on screen follows a later switch.
    i18n.setLocale('en');
    expect(opened?.render?.()).toBe(format(en['msg.link.loaded'], { name: 'Linked', seed: ws.editor.scenario.seed }));
    i18n.setLocale('zh');
    ws.persistence.persistNow();

    const e2 = env({ storage: e.storage });
    e2.hash.value = encodeShareHash(tiny('Plain'), 2);
    i18n.setLocale('en');
    const plain = new Workspace(e2);
    // Saved workspace said zh (the last write), the link names none: zh stays.
    expect(plain.editor.scenario.name).toBe('Plain');
    expect(plain.locale).toBe('zh');
  });

  it('an unknown language in a link: a notice, the work and the language kept', () => {
    const e = env();
    const first = new Workspace(e);
    first.editor.set(INSPECTORS, 4);
    first.persistence.persistNow();
    e.hash.value = `${encodeShareHash(tiny('Linked'), 2)}&l=fr`;
    const ws = new Workspace(e);
    expect(ws.locale).toBe('en');
    const n = ws.notices.list.find((x) => x.code === 'link-bad-locale');
    expect(n?.kind).toBe('warning');
    expect(n?.text).toMatch(/"fr"/);
    expect(ws.editor.scenario.name).toBe('Linked');
    expect((e.storage as MemoryStore).getItem(WORKSPACE_KEY)).not.toBeNull();
  });

  it('a link with only l= switches the language and keeps the work', () => {
    const e = env();
    const first = new Workspace(e);
    first.editor.set(INSPECTORS, 4);
    first.persistence.persistNow();
    e.hash.value = '#l=zh';
    const ws = new Workspace(e);
    expect(ws.locale).toBe('zh');
    expect(ws.editor.get(INSPECTORS)).toBe(4);
  });
});
