import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Static analysis of who reads and who writes each field of `World`
 * (src/sim/model/world.ts, `ref.*` included) across src/sim. The type checker
 * resolves each `x.field` to its declaration, so uses through aliases
 * (`const world = sim.world`, `const ref = world.ref`), through parameters
 * typed by inference (the metric reporters' `(w, k) => w.exploited[k]` in metrics.ts) and through
 * destructuring are all found, not only the literal text `world.x`.
 */

export const ROOT = join(import.meta.dirname, '../..');
const SIM = join(ROOT, 'src/sim');
const WORLD_FILE = join(SIM, 'model/world.ts');

export type UseKind = 'read' | 'write';

export interface Use {
  /** `victimShare`, or `ref.marketVolume`. */
  readonly field: string;
  readonly kind: UseKind;
  /** Relative to the repository, e.g. `src/sim/model/clients.ts:52`. */
  readonly at: string;
  readonly file: string;
}

export interface FieldLinks {
  readonly field: string;
  readonly reads: readonly Use[];
  readonly writes: readonly Use[];
}

export interface LinkProblem {
  readonly field: string;
  readonly problem: 'read but never written' | 'written but never read' | 'declared but never used';
  readonly message: string;
}

/** Methods of a typed array that change its contents. */
const MUTATORS = new Set(['fill', 'set', 'copyWithin', 'sort', 'reverse']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** Skips the wrappers that do not change what an expression refers to. */
function outer(e: ts.Node): ts.Node {
  let n = e;
  while (
    n.parent &&
    (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent))
  )
    n = n.parent;
  return n;
}

const isAssignment = (k: ts.SyntaxKind) => k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;

/** Every World field with the files and lines that read and write it. */
export function analyseWorldLinks(): FieldLinks[] {
  const files = sourceFiles(SIM);
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  // Only symbols are needed, not a full check of the DOM, svelte and vite types.
  const program = ts.createProgram(files, { ...options, types: ['node'], noEmit: true });
  const checker = program.getTypeChecker();

  // Declarations of World's fields (and of `ref`'s), by node.
  const world = program.getSourceFile(WORLD_FILE);
  if (!world) throw new Error(`world-links: ${WORLD_FILE} not found`);
  const cls = world.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === 'World');
  if (!cls) throw new Error('world-links: class World not found');
  const fieldOf = new Map<ts.Node, string>();
  for (const m of cls.members) {
    if (!ts.isPropertyDeclaration(m) || !ts.isIdentifier(m.name)) continue;
    if (m.initializer && ts.isObjectLiteralExpression(m.initializer)) {
      // `ref` groups fields; its own properties are the fields.
      for (const p of m.initializer.properties) if (p.name && ts.isIdentifier(p.name)) fieldOf.set(p, `${m.name.text}.${p.name.text}`);
    } else fieldOf.set(m, m.name.text);
  }
  const fieldOfSymbol = (s: ts.Symbol | undefined): string | undefined => {
    for (const d of s?.declarations ?? []) {
      const f = fieldOf.get(d);
      if (f) return f;
    }
    return undefined;
  };

  const uses: (Use & { node: ts.Node })[] = [];
  /** Right-hand sides of writes per field: reads there only feed the field's own update (an EMA, `+=`). */
  const selfSpans: { field: string; file: ts.SourceFile; node: ts.Node }[] = [];

  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const rel = relative(ROOT, file);
    const at = (n: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;

    /** Classifies one use of `field` at node `n` (the access itself, or an alias's identifier). */
    const classify = (field: string, n: ts.Node): void => {
      let e = outer(n);
      let elements = 0;
      while (e.parent && ts.isElementAccessExpression(e.parent) && e.parent.expression === e) {
        e = outer(e.parent);
        elements++;
      }
      const p = e.parent;
      const use = (kind: UseKind) => uses.push({ field, kind, at: at(n), file: rel, node: n });
      if (p && ts.isBinaryExpression(p) && p.left === e && isAssignment(p.operatorToken.kind)) {
        use('write');
        selfSpans.push({ field, file: sf, node: p.right });
      } else if (p && (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) {
        use('write');
      } else if (p && ts.isPropertyAccessExpression(p) && p.expression === e && MUTATORS.has(p.name.text) && ts.isCallExpression(p.parent) && p.parent.expression === p) {
        use('write');
        selfSpans.push({ field, file: sf, node: p.parent });
      } else if (p && elements === 0 && ts.isVariableDeclaration(p) && p.initializer === e && ts.isIdentifier(p.name)) {
        aliasUses(field, p.name);
      } else use('read');
    };

    /** Each use of a local alias of a field counts as a use of the field. */
    const aliasUses = (field: string, name: ts.Identifier): void => {
      const sym = checker.getSymbolAtLocation(name);
      const visit = (n: ts.Node): void => {
        if (ts.isIdentifier(n) && n !== name && checker.getSymbolAtLocation(n) === sym) classify(field, n);
        ts.forEachChild(n, visit);
      };
      visit(sf);
    };

    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) || (ts.isElementAccessExpression(n) && ts.isStringLiteral(n.argumentExpression))) {
        const nameNode = ts.isPropertyAccessExpression(n) ? n.name : n.argumentExpression;
        const field = fieldOfSymbol(checker.getSymbolAtLocation(nameNode));
        if (field) classify(field, n);
      } else if (ts.isObjectBindingPattern(n) && ts.isVariableDeclaration(n.parent) && n.parent.initializer) {
        // const { exploited, ref } = world: each binding is an alias of its field.
        const type = checker.getTypeAtLocation(n.parent.initializer);
        for (const el of n.elements) {
          const key = el.propertyName ?? el.name;
          if (!ts.isIdentifier(key) || !ts.isIdentifier(el.name)) continue;
          const field = fieldOfSymbol(type.getProperty(key.text));
          if (field) aliasUses(field, el.name);
        }
      }
      ts.forEachChild(n, visit);
    };
    if (file !== WORLD_FILE) visit(sf);
  }

  const inside = (n: ts.Node, span: ts.Node) => n.getSourceFile() === span.getSourceFile() && n.pos >= span.pos && n.end <= span.end;
  const links = new Map<string, { reads: Use[]; writes: Use[] }>([...fieldOf.values()].map((f) => [f, { reads: [], writes: [] }]));
  for (const u of uses) {
    const l = links.get(u.field)!;
    if (u.kind === 'write') l.writes.push(u);
    else if (!selfSpans.some((s) => s.field === u.field && inside(u.node, s.node))) l.reads.push(u);
  }
  return [...links].map(([field, l]) => ({ field, reads: l.reads.map(strip), writes: l.writes.map(strip) }));
}

const strip = ({ field, kind, at, file }: Use): Use => ({ field, kind, at, file });

const places = (us: readonly Use[]) => [...new Set(us.map((u) => u.at))].join(', ');

/** Fields read that nothing writes, written that nothing reads, or not used at all. */
export function linkProblems(links: readonly FieldLinks[]): LinkProblem[] {
  const out: LinkProblem[] = [];
  for (const { field, reads, writes } of links) {
    if (reads.length && !writes.length) out.push({ field, problem: 'read but never written', message: `World.${field} is read (${places(reads)}) but nothing writes it` });
    else if (writes.length && !reads.length) out.push({ field, problem: 'written but never read', message: `World.${field} is written (${places(writes)}) but nothing reads it` });
    else if (!reads.length && !writes.length) out.push({ field, problem: 'declared but never used', message: `World.${field} is declared but nothing in src/sim uses it` });
  }
  return out;
}
