import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { FORMAT_VERSION, scenarioSchema } from '../../src/scenario/schema.ts';
import { scenarioHash } from '../../src/scenario/load.ts';
import { decodeShareHash, encodeShareHash, MAX_RUNS } from '../../src/ui/workspace/share.ts';

const scenario = scenarioSchema.parse({
  name: 'Model Law A <script>alert(1)</script>',
  seed: 4242,
  interventions: { criminaliseUse: { variant: 'exploitation-conditions', knowledge: 'inferred' }, awareness: { consumers: 0.03 } },
});

describe('share links', () => {
  it('round-trip the exact scenario, seed and runs', () => {
    const hash = encodeShareHash(scenario, 8);
    expect(hash.startsWith('#s=')).toBe(true);
    const back = decodeShareHash(hash);
    expect(back.kind).toBe('ok');
    if (back.kind !== 'ok') return;
    expect(back.scenario).toEqual(scenario);
    expect(back.scenario.seed).toBe(4242);
    expect(scenarioHash(back.scenario)).toBe(scenarioHash(scenario));
    expect(back.runs).toBe(8);
  });

  it('open a link made before engine 2.0.0 (format 1), migrated, with a notice that results changed with the model', () => {
    const old = { formatVersion: 1, name: 'old link', assumptions: { employers: { traffickingPenaltyCost: 150_000 } } };
    const back = decodeShareHash(`#s=${compressToEncodedURIComponent(JSON.stringify(old))}&r=5`);
    expect(back.kind).toBe('ok');
    if (back.kind !== 'ok') return;
    expect(back.scenario.assumptions.sanctions.traffickingMonths).toBe(60);
    expect(back.warnings.join('\n')).toMatch(/results differ/);
  });

  it('carry the format version', () => {
    const hash = encodeShareHash(scenario, 1);
    const packed = hash.slice(3, hash.indexOf('&'));
    const json = JSON.parse(decompressFromEncodedURIComponent(packed)) as Record<string, unknown>;
    expect(json.formatVersion).toBe(FORMAT_VERSION);
    expect(json.seed).toBe(4242);
  });

  it('ignore hashes without a scenario', () => {
    expect(decodeShareHash('').kind).toBe('none');
    expect(decodeShareHash('#').kind).toBe('none');
    expect(decodeShareHash('#main').kind).toBe('none');
  });

  it('report a truncated link as damaged, never throwing', () => {
    const hash = encodeShareHash(scenario, 1);
    for (const cut of [5, 20, Math.floor(hash.length / 2), hash.length - 8]) {
      const r = decodeShareHash(hash.slice(0, cut));
      expect(['corrupt', 'json', 'invalid', 'none']).toContain(r.kind);
    }
    expect(decodeShareHash('#s=!!!!').kind).not.toBe('ok');
  });

  it('report JSON that is not a scenario with its path, expected and got', () => {
    const bad = compressToEncodedURIComponent(JSON.stringify({ name: 'x', formatVersion: 1, seed: -5, interventions: { prostitutionRegime: 'ban' } }));
    const r = decodeShareHash(`#s=${bad}`);
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('seed');
    expect(paths).toContain('interventions.prostitutionRegime');
    expect(r.problems.every((p) => p.expected && p.got)).toBe(true);
  });

  it('report malformed JSON and a future format version', () => {
    expect(decodeShareHash(`#s=${compressToEncodedURIComponent('{"name": ')}`).kind).toBe('json');
    const future = compressToEncodedURIComponent(JSON.stringify({ name: 'x', formatVersion: 99 }));
    expect(decodeShareHash(`#s=${future}`).kind).toBe('invalid');
  });

  it('refuse prototype keys', () => {
    const evil = compressToEncodedURIComponent('{"name":"x","__proto__":{"polluted":true}}');
    expect(decodeShareHash(`#s=${evil}`).kind).toBe('invalid');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('clamp the number of runs', () => {
    const s = new URLSearchParams(encodeShareHash(scenario, 1).slice(1)).get('s');
    const at = (r: string) => decodeShareHash(`#s=${s}&r=${r}`);
    const runsOf = (r: string) => {
      const x = at(r);
      return x.kind === 'ok' ? x.runs : -1;
    };
    expect(runsOf('0')).toBe(1);
    expect(runsOf('1e9')).toBe(1);
    expect(runsOf('99999')).toBe(MAX_RUNS);
    expect(runsOf('abc')).toBe(1);
  });
});
