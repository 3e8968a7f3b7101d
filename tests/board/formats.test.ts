import { describe, expect, it } from 'vitest';
import * as lzModule from 'lz-string';
import {
  BOARD_FORMAT_VERSION, MAX_HANDIN_CHARS, boardLinkKind, createHandIn, createWorkshop, decodeHandInLink, decodeWorkshopLink,
  encodeHandInHash, encodeWorkshopHash, handInText, readHandInText, readWorkshopText, workshopText,
} from '../../src/board/formats.ts';
import { leversOf, nonLeverChanges, packageScenario } from '../../src/board/package.ts';
import { defaultScenario } from '../../src/scenario/load.ts';
import { INSPECTORS, withLever, workshopOf } from './fixtures.ts';

const lz = ((lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule) as typeof lzModule;

describe('workshops', () => {
  it('round-trips through a link and a file, with the same id', () => {
    const w = workshopOf();
    const viaLink = decodeWorkshopLink(`https://example.org/app/${encodeWorkshopHash(w)}`);
    const viaFile = readWorkshopText(workshopText(w));
    expect(viaLink.ok && viaLink.value.id).toBe(w.id);
    expect(viaFile.ok && viaFile.value.name).toBe('Athens working group');
    expect(viaFile.ok && viaFile.value.baseScenario).toEqual(w.baseScenario);
  });

  it('names its workshop by the base scenario: another seed or lever is another workshop', () => {
    const a = workshopOf();
    expect(workshopOf(defaultScenario(), 'Another name').id).toBe(a.id);
    expect(workshopOf({ ...defaultScenario(), seed: 7 }).id).not.toBe(a.id);
    expect(workshopOf(withLever(defaultScenario(), INSPECTORS, 3)).id).not.toBe(a.id);
  });

  it('refuses trade-off axes that are not ranked outcomes, with their path', () => {
    const w = createWorkshop({ name: 'x', base: defaultScenario(), outcomes: [{ outcome: 'derivedDemand', better: 'lower' }, { outcome: 'reports', better: 'higher' }], tradeoff: ['derivedDemand', 'victimsIdentified'], runs: 3 });
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.problems.map((p) => p.path)).toEqual(['tradeoff.1']);
  });

  it('refuses a workshop with a broken base scenario, the path under base', () => {
    const text = workshopText(workshopOf()).replace('"base": {', '"base": { "weeks": "long",');
    const r = readWorkshopText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('invalid');
      expect(r.problems[0].path).toBe('base.weeks');
    }
  });

  it('says a newer format is newer', () => {
    const text = workshopText(workshopOf()).replace(`"formatVersion": ${BOARD_FORMAT_VERSION}`, '"formatVersion": 9');
    const r = readWorkshopText(text);
    expect(!r.ok && r.reason).toBe('newer');
    expect(!r.ok && r.problems[0].message).toMatch(/newer workbench \(format 9\)/);
  });

  it('a damaged workshop link says so', () => {
    const hash = encodeWorkshopHash(workshopOf());
    const r = decodeWorkshopLink(hash.slice(0, hash.length / 2));
    expect(!r.ok && r.reason).toBe('damaged');
  });
});

describe('hand-ins', () => {
  const w = workshopOf();
  const team = withLever(withLever(w.baseScenario, INSPECTORS, 2), 'interventions.criminaliseUse.reportingImmunity', true);

  it('carry only the levers changed from the base', () => {
    const levers = leversOf(w.baseScenario, team);
    expect(levers).toEqual({ [INSPECTORS]: 2, 'interventions.criminaliseUse.reportingImmunity': true });
    expect(leversOf(w.baseScenario, w.baseScenario)).toEqual({});
  });

  it('say which other changes are not handed in', () => {
    expect(nonLeverChanges(w.baseScenario, { ...team, weeks: 99 })).toEqual(['weeks']);
    expect(nonLeverChanges(w.baseScenario, team)).toEqual([]);
  });

  it('round-trip through a link (whole URL or hash) and a file, and rebuild the team scenario', () => {
    const h = createHandIn(w, '  Team A ', leversOf(w.baseScenario, team));
    expect(h.team).toBe('Team A');
    for (const r of [decodeHandInLink(`http://127.0.0.1:4173/${encodeHandInHash(h)}`), decodeHandInLink(encodeHandInHash(h)), readHandInText(handInText(h))]) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const pkg = packageScenario(w, r.value);
      expect(pkg.ok && leversOf(w.baseScenario, pkg.scenario)).toEqual(h.levers);
      expect(pkg.ok && pkg.scenario.name).toBe('Team A');
    }
    expect(boardLinkKind(encodeHandInHash(h))).toBe('handin');
    expect(boardLinkKind(encodeWorkshopHash(w))).toBe('workshop');
    expect(boardLinkKind('#s=abc&r=5')).toBe(null);
  });

  it('a tampered link (a character changed) never reads as a hand-in', () => {
    const hash = encodeHandInHash(createHandIn(w, 'Team A', { [INSPECTORS]: 2 }));
    let refused = 0;
    // Change characters through the packed text: each either fails to unpack, is not JSON, or fails its check.
    for (let i = 3; i < hash.length; i += 7) {
      const c = hash[i] === 'A' ? 'B' : 'A';
      const r = decodeHandInLink(hash.slice(0, i) + c + hash.slice(i + 1));
      if (!r.ok) {
        refused++;
        expect(['damaged', 'json', 'kind', 'invalid', 'tampered']).toContain(r.reason);
        expect(r.problems[0].message.length).toBeGreaterThan(0);
      } else {
        // A change that survives must leave the content as it was (the check matches only its own content).
        expect(r.value.levers).toEqual({ [INSPECTORS]: 2 });
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('a hand-in edited after it was made fails its check', () => {
    const h = createHandIn(w, 'Team A', { [INSPECTORS]: 2 });
    const edited = JSON.stringify({ ...h, levers: { [INSPECTORS]: 40 } });
    const link = `#h=${lz.compressToEncodedURIComponent(edited)}`;
    const r = decodeHandInLink(link);
    expect(!r.ok && r.reason).toBe('tampered');
    expect(!r.ok && r.problems[0].path).toBe('check');
  });

  it('a newer format is named as such', () => {
    const h = { ...createHandIn(w, 'Team A', {}), formatVersion: BOARD_FORMAT_VERSION + 1 };
    const r = readHandInText(JSON.stringify(h));
    expect(!r.ok && r.reason).toBe('newer');
    expect(!r.ok && r.problems[0].path).toBe('formatVersion');
  });

  it('an oversize link or file is refused before it is read', () => {
    const big = `#h=${'A'.repeat(MAX_HANDIN_CHARS + 1)}`;
    const r = decodeHandInLink(big);
    expect(!r.ok && r.reason).toBe('oversize');
    const f = readHandInText(' '.repeat(MAX_HANDIN_CHARS + 1));
    expect(!f.ok && f.reason).toBe('oversize');
  });

  it('another kind of link or file is named', () => {
    expect(decodeHandInLink('#s=abc&r=5')).toMatchObject({ ok: false, reason: 'kind' });
    expect(readHandInText(workshopText(w))).toMatchObject({ ok: false, reason: 'kind' });
    expect(readHandInText('{ not json')).toMatchObject({ ok: false, reason: 'json' });
  });

  it('a lever out of range gives its path under levers, expected and got', () => {
    const h = createHandIn(w, 'Team A', { [INSPECTORS]: -5 });
    const pkg = packageScenario(w, h);
    expect(pkg.ok).toBe(false);
    if (!pkg.ok) {
      expect(pkg.problems[0].path).toBe(`levers.${INSPECTORS}`);
      expect(pkg.problems[0].got).toBe('-5');
    }
  });

  it('an unknown lever is refused by name', () => {
    const h = createHandIn(w, 'Team A', { 'interventions.nothing.here': 1 });
    const pkg = packageScenario(w, h);
    expect(!pkg.ok && pkg.problems[0].path).toBe('levers.interventions.nothing.here');
  });

  it('a missing team name is refused with its path', () => {
    const r = readHandInText(JSON.stringify(createHandIn(w, '', {})));
    expect(!r.ok && r.problems.map((p) => p.path)).toContain('team');
  });
});
