import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { FORMAT_VERSION, scenarioSchema } from '../../src/scenario/schema.ts';
import { scenarioHash } from '../../src/scenario/load.ts';
import { decodePins, decodeShareHash, decodeShareLink, encodePins, encodeShareHash, MAX_HASH_CHARS, MAX_PINS, MAX_RUNS, type SharedPin } from '../../src/ui/workspace/share.ts';

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

/** Four packages as a workshop would pin them: each a few levers away from the default. */
function packages(): SharedPin[] {
  const a = scenarioSchema.parse({ name: 'Inspection', seed: 4242, interventions: { labourInspection: { inspectorsPer10kWorkers: 2 } } });
  const b = scenarioSchema.parse({ name: 'Awareness, "consumers"', seed: 4242, interventions: { awareness: { consumers: 0.03 } } });
  const c = scenarioSchema.parse({ name: 'Model Law A', seed: 4242, interventions: { criminaliseUse: { variant: 'exploitation-conditions', knowledge: 'inferred' } } });
  const d = scenarioSchema.parse({ name: 'All of it', seed: 4242, interventions: { labourInspection: { inspectorsPer10kWorkers: 2 }, awareness: { consumers: 0.03 }, criminaliseUse: { variant: 'exploitation-conditions', knowledge: 'inferred' } } });
  return [{ scenario: a, runs: 5 }, { scenario: b, runs: 5 }, { scenario: c, runs: 3 }, { scenario: d, runs: 20 }];
}

describe('share links with a comparison (issue 10, point 3)', () => {
  it('round-trip the pinned packages (scenario, seed, runs) and the view', () => {
    const pins = packages();
    const hash = encodeShareHash(scenario, 8, { pins, view: 'compare' });
    const link = decodeShareLink(hash);
    expect(link.scenario.kind).toBe('ok');
    expect(link.view).toBe('compare');
    if (link.pins.kind !== 'ok') throw new Error(link.pins.kind);
    expect(link.pins.dropped).toBe(0);
    expect(link.pins.pins.map((p) => [p.scenario.name, scenarioHash(p.scenario), p.runs])).toEqual(pins.map((p) => [p.scenario.name, scenarioHash(p.scenario), p.runs]));
    // The old reader still reads the scenario of a new link.
    const old = decodeShareHash(hash);
    expect(old.kind === 'ok' && scenarioHash(old.scenario)).toBe(scenarioHash(scenario));
  });

  it('stay short: four pins in under 1,500 characters, at most MAX_PINS carried', () => {
    const pins = packages();
    const hash = encodeShareHash(scenario, 5, { pins, view: 'compare' });
    console.log(`share link with ${pins.length} pins: ${hash.length} characters (without pins: ${encodeShareHash(scenario, 5).length})`);
    expect(hash.length).toBeLessThan(1500);
    const more = encodeShareHash(scenario, 5, { pins: [...pins, ...pins] });
    const link = decodeShareLink(more);
    expect(link.pins.kind === 'ok' && link.pins.pins.length).toBe(MAX_PINS);
  });

  it('read old links (#s=..&r=..) as before: no pins, no view', () => {
    const hash = `#s=${compressToEncodedURIComponent(JSON.stringify({ name: 'old', formatVersion: 1 }))}&r=5`;
    const link = decodeShareLink(hash);
    expect(link.scenario.kind).toBe('ok');
    expect(link.pins.kind).toBe('none');
    expect(link.view).toBeNull();
  });

  it('report a damaged pins part on its own and keep the scenario and view', () => {
    const good = encodeShareHash(scenario, 2, { pins: packages(), view: 'compare' });
    // The raw part, not URLSearchParams' reading of it (which turns '+' into ' ').
    const p = /&p=([^&]*)/.exec(good)![1];
    // Split and join, not replace: the packed text may hold '$', which replace() would read as a pattern.
    const withPins = (part: string) => good.split(`p=${p}`).join(`p=${part}`);
    const tampered = [
      withPins(p.slice(0, Math.floor(p.length / 2))),
      withPins('!!!!'),
      withPins(compressToEncodedURIComponent('{"not":"a list"}')),
      withPins(compressToEncodedURIComponent('[{"r": 2, "s": ')),
      withPins(''),
      withPins(p.slice(0, -6)),
    ];
    for (const hash of tampered) {
      const link = decodeShareLink(hash);
      expect(link.scenario.kind, hash).toBe('ok');
      expect(link.view).toBe('compare');
      expect(['damaged', 'ok']).toContain(link.pins.kind);
      if (link.pins.kind === 'ok') expect(link.pins.pins.length).toBeLessThan(MAX_PINS);
    }
    expect(decodeShareLink(tampered[1]).pins.kind).toBe('damaged');
    expect(decodeShareLink(tampered[2]).pins.kind).toBe('damaged');
  });

  it('leave out a pin that is not a valid scenario, naming where and why', () => {
    const pins = packages().slice(0, 2);
    const packed = new URLSearchParams(encodePins(pins)).toString();
    expect(packed.length).toBeGreaterThan(0);
    const raw = [{ r: 5, s: { name: 'ok' } }, { r: 5, s: { name: 'bad', seed: -1 } }, 'junk'];
    const r = decodePins(compressToEncodedURIComponent(JSON.stringify(raw)));
    if (r.kind !== 'ok') throw new Error(r.kind);
    expect(r.pins.map((p) => p.scenario.name)).toEqual(['ok']);
    expect(r.dropped).toBe(2);
    expect(r.problems.map((p) => p.path)).toEqual(['pins[1].seed', 'pins[2]']);
    expect(r.problems.every((p) => p.expected && p.got)).toBe(true);
  });

  it('ignore an unknown view and clamp pin runs', () => {
    const hash = encodeShareHash(scenario, 1, { pins: [{ scenario, runs: 1 }] }).replace(/$/, '&v=settings');
    expect(decodeShareLink(hash).view).toBeNull();
    const r = decodePins(compressToEncodedURIComponent(JSON.stringify([{ r: 1e9, s: { name: 'x' } }])));
    expect(r.kind === 'ok' && r.pins[0].runs).toBe(MAX_RUNS);
  });

  it('never throw, whatever the hash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const link = decodeShareLink(`#s=${a}&p=${b}&v=${a.slice(0, 8)}`);
        expect(['none', 'ok', 'corrupt', 'json', 'invalid']).toContain(link.scenario.kind);
        decodeShareLink(a);
      }),
      { numRuns: 300 },
    );
    expect(decodeShareLink(`#s=${'A'.repeat(MAX_HASH_CHARS + 1)}`).scenario.kind).toBe('corrupt');
  });
});
