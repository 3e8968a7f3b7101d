import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/engine.ts';
import { REFERENCE_WORLDS, referenceScenario } from '../../src/sim/field-effects.ts';
import { World } from '../../src/sim/model/world.ts';
import { WORLDS } from '../support/small-world.ts';
import { analyseWorldLinks, linkProblems, ROOT, type FieldLinks } from './world-links.ts';

/**
 * CALIBRATION.md C0, second half: no value of the world census is read that
 * nothing writes (a hazard reading a constant zero: a dead mechanism), and
 * none is written that nothing reads (a mechanism computed and then ignored).
 */

/** Fields that are read but may stay zero in every C0 world, each with why. */
const MAY_STAY_ZERO: Record<string, string> = {};

/** Every field of a World instance as the analysis names it (`ref.x` for the reference values). */
function runtimeFields(w: World): [string, unknown][] {
  return Object.entries(w).flatMap(([k, v]) =>
    k === 'ref' ? Object.entries(v as object).map(([r, x]): [string, unknown] => [`ref.${r}`, x]) : [[k, v] as [string, unknown]],
  );
}

/** Whether a census value holds anything: a non-zero number, a typed array with a non-zero entry, a non-empty index list. */
function holdsSomething(v: unknown): boolean {
  if (typeof v === 'number') return v !== 0;
  if (ArrayBuffer.isView(v)) return (v as unknown as ArrayLike<number>).length > 0 && Array.prototype.some.call(v, (x: number) => x !== 0);
  if (Array.isArray(v)) return v.some((x) => (ArrayBuffer.isView(x) ? (x as unknown as ArrayLike<number>).length > 0 : holdsSomething(x)));
  throw new Error(`world-links: a World field of an unexpected kind (${typeof v})`);
}

let links: FieldLinks[];

beforeAll(() => {
  links = analyseWorldLinks();
});

describe('world links (static: who reads and writes each World field)', () => {
  it('the analysis sees every field of World, and the metric reporters and each behaviour that takes the world', () => {
    expect(links.map((l) => l.field).sort()).toEqual(runtimeFields(new World()).map(([k]) => k).sort());
    const files = new Set(links.flatMap((l) => [...l.reads, ...l.writes].map((u) => u.file)));
    expect(files).toContain('src/sim/metrics.ts');
    for (const f of ['buyers', 'cases', 'clients', 'consumers', 'employers', 'recruiters', 'workers']) {
      const path = `src/sim/model/${f}.ts`;
      if (readFileSync(join(ROOT, path), 'utf8').includes('sim.world')) expect(files, `${path} takes sim.world`).toContain(path);
    }
  });

  it('every field read is written by something', () => {
    const problems = linkProblems(links).filter((p) => p.problem === 'read but never written');
    expect(problems.map((p) => p.message), problems.map((p) => p.message).join('\n')).toEqual([]);
  });

  it('every field written is read by something', () => {
    const problems = linkProblems(links).filter((p) => p.problem === 'written but never read');
    expect(problems.map((p) => p.message), problems.map((p) => p.message).join('\n')).toEqual([]);
  });

  it('every declared field is used', () => {
    const problems = linkProblems(links).filter((p) => p.problem === 'declared but never used');
    expect(problems.map((p) => p.message), problems.map((p) => p.message).join('\n')).toEqual([]);
  });
});

describe('world links (at run time: the C0 worlds)', () => {
  it('every field that is read holds a non-zero value at some week of some C0 world', () => {
    const read = new Set(links.filter((l) => l.reads.length > 0).map((l) => l.field));
    const seen = new Set<string>();
    const look = (w: World) => {
      for (const [k, v] of runtimeFields(w)) if (!seen.has(k) && holdsSomething(v)) seen.add(k);
    };
    for (const world of REFERENCE_WORLDS) {
      // Small and short: a value that never moves stays zero from the first week.
      const sim = new Simulation(referenceScenario(world, { assumptions: WORLDS.properties.assumptions }, 104), { seed: 1, run: 0 });
      look(sim.world);
      while (!sim.done) {
        sim.step();
        look(sim.world);
      }
    }
    const zero = [...read].filter((f) => !seen.has(f) && !(f in MAY_STAY_ZERO));
    const where = (f: string) => [...new Set(links.find((l) => l.field === f)!.reads.map((u) => u.at))].join(', ');
    expect(zero, zero.map((f) => `World.${f} is read (${where(f)}) but is zero in every week of every C0 world`).join('\n')).toEqual([]);
    // An allowance for a field that now moves, or is no longer read, is stale.
    expect(Object.keys(MAY_STAY_ZERO).filter((f) => seen.has(f) || !read.has(f))).toEqual([]);
  });
});
