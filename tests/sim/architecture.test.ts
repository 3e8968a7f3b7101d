import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of CONVENTIONS.md, read from the import statements themselves
 * (type-only imports included: a type circle is still a circle to a reader).
 */
const ROOT = resolve(import.meta.dirname, '../..');

/** Every file under `dir` (repo-relative) ending in .ts or .svelte. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(ROOT, d)).sort()) {
      const path = `${d}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\.(ts|svelte)$/.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** Module specifiers in a file: static and dynamic imports, re-exports, and `new URL(…, import.meta.url)`. */
export function specifiers(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew\s+URL\s*\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]));
}

/** The repo-relative file a relative specifier names, or undefined for packages. */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(ROOT, dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate).split('\\').join('/');
  }
  throw new Error(`${from}: cannot resolve import '${spec}'`);
}

type Graph = Map<string, string[]>;

function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of [...sourceFiles('src'), ...sourceFiles('workers')]) {
    const targets = specifiers(readFileSync(join(ROOT, file), 'utf8'))
      .map((s) => resolveImport(file, s))
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** One import circle per strongly connected set of files, as a chain a → b → … → a. */
export function circles(graph: Graph): string[][] {
  const out: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    path.push(f);
    for (const t of graph.get(f) ?? []) {
      if (!graph.has(t)) continue;
      if (state.get(t) === 'open') out.push([...path.slice(path.indexOf(t)), t]);
      else if (!state.has(t)) visit(t);
    }
    path.pop();
    state.set(f, 'done');
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return out;
}

/** Chains from a file matching `from` to a file matching `to`, following imports (shortest first found). */
function reaches(graph: Graph, from: (f: string) => boolean, to: (f: string) => boolean): string[][] {
  const out: string[][] = [];
  for (const start of [...graph.keys()].filter(from)) {
    const parent = new Map<string, string>([[start, '']]);
    const queue = [start];
    while (queue.length > 0) {
      const f = queue.shift()!;
      if (to(f)) {
        const chain = [f];
        for (let p = parent.get(f)!; p !== ''; p = parent.get(p)!) chain.unshift(p);
        out.push(chain);
        break;
      }
      for (const t of graph.get(f) ?? []) {
        if (!parent.has(t)) {
          parent.set(t, f);
          queue.push(t);
        }
      }
    }
  }
  return out;
}

const show = (chains: string[][]) => chains.map((c) => c.join(' → '));
const under = (...dirs: string[]) => (f: string) => dirs.some((d) => f.startsWith(`${d}/`));

describe('import graph', () => {
  const graph = importGraph();

  it('is read from the sources (the parser sees imports of every kind)', () => {
    expect(graph.get('src/sim/engine.ts')).toContain('src/sim/compile.ts');
    expect(graph.get('src/sim/model/index.ts')).toContain('src/sim/model/cases.ts');
    // A type-only import counts.
    expect(graph.get('src/sim/model/cases.ts')).toContain('src/sim/model/context.ts');
    expect(specifiers(`import type { A } from './a.ts';\nexport { b } from "./b.ts";\nimport './c.css';\nconst d = import('./d.ts');\nnew URL('./e.ts', import.meta.url);\n// import x from './commented.ts';`)).toEqual([
      './a.ts', './b.ts', './c.css', './d.ts', './e.ts',
    ]);
  });

  it('finds a circle when there is one (the check can fail)', () => {
    const g: Graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(show(circles(g))).toEqual(['a → b → c → a']);
  });

  it('has no import circle among src/sim files', () => {
    const sim = new Map([...graph].filter(([f]) => f.startsWith('src/sim/')).map(([f, ts]) => [f, ts.filter(under('src/sim'))]));
    expect(sim.size).toBeGreaterThan(20);
    expect(show(circles(sim))).toEqual([]);
  });

  it('lets behaviours and machines see the engine only through SimContext', () => {
    expect(show(reaches(graph, under('src/sim/model', 'src/sim/machines'), (f) => f === 'src/sim/engine.ts'))).toEqual([]);
  });

  it('keeps src/scenario and src/sim below the ui, the cli, the charts and the workers', () => {
    expect(show(reaches(graph, under('src/scenario', 'src/sim'), under('src/ui', 'src/cli', 'src/charts', 'workers')))).toEqual([]);
  });

  it('keeps src/scenario below src/sim', () => {
    expect(show(reaches(graph, under('src/scenario'), under('src/sim')))).toEqual([]);
  });
});
