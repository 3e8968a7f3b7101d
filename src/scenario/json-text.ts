import { formatPath, type PathSegment } from './path.ts';
import { problem, ROOT_PATH, type Problem } from './problem.ts';

/**
 * A small JSON scanner that runs before `JSON.parse`. Engines word (and
 * locate) syntax errors differently, and some recurse on nesting, so the
 * scanner finds the first syntax error itself, with line and column and a
 * hint for the usual hand-editing slips (comments, trailing commas, single
 * quotes, NaN); stops at a nesting limit without recursion; and notes
 * duplicate keys, which JSON.parse silently resolves to the last value.
 */

export interface TextPosition {
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface DuplicateKey extends TextPosition {
  path: PathSegment[];
}

export type ScanResult =
  | { ok: true; duplicates: DuplicateKey[] }
  | ({ ok: false; kind: 'syntax' | 'depth'; expected: string; got: string } & TextPosition);

const MAX_DUPLICATES_REPORTED = 20;

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** The token at an offset, shown the way it is written: `"fine"`, `NaN`, `12`, `"}"`, `end of file`. */
export function tokenAt(text: string, offset: number): string {
  if (offset >= text.length) return 'end of file';
  const rest = text.slice(offset, offset + 40);
  const word = /^-?[A-Za-z_$\d.][\w$.+-]*/.exec(rest);
  if (word) return word[0];
  if (rest[0] === '"' || rest[0] === "'") {
    const quote = rest[0];
    const end = rest.indexOf(quote, 1);
    return end > 0 ? rest.slice(0, end + 1) : `${rest.slice(0, 20)}…`;
  }
  const ch = String.fromCodePoint(text.codePointAt(offset)!);
  return JSON.stringify(ch);
}

const enum Mode {
  Value,
  AfterValue,
  Key,
}

interface Frame {
  array: boolean;
  keys: Set<string> | null;
  index: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

export function scanJsonText(text: string, maxDepth: number): ScanResult {
  const n = text.length;
  const stack: Frame[] = [];
  const path: PathSegment[] = [];
  const duplicates: DuplicateKey[] = [];
  let pos = 0;
  let mode = Mode.Value;
  // Set after a comma, to word the error for a trailing comma.
  let afterComma = false;

  const fail = (kind: 'syntax' | 'depth', expected: string, at = pos, got = tokenAt(text, at)): ScanResult => ({
    ok: false,
    kind,
    expected,
    got,
    ...positionAt(text, at),
  });
  const skipWs = () => {
    while (pos < n && isWs(text.charCodeAt(pos))) pos++;
  };
  /** Scans a string at pos (a '"'); returns its end (after the quote) or an error. */
  const scanString = (): number | ScanResult => {
    let i = pos + 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return i + 1;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('syntax', 'four hex digits after \\u', i, JSON.stringify(text.slice(i, i + 6)));
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail('syntax', 'an escape such as \\n, \\" or \\\\ (a lone backslash is written \\\\)', i, JSON.stringify(text.slice(i, i + 2)));
      } else if (c < 0x20) {
        return fail('syntax', c === 0x0a || c === 0x0d ? 'a closing " before the end of the line (write a line break as \\n)' : 'a character other than a control character (escape it)', i, c === 0x0a || c === 0x0d ? 'a line break' : JSON.stringify(text[i]));
      } else i++;
    }
    return fail('syntax', 'a closing " for the text that starts here', pos, 'end of file');
  };
  const scanNumber = (): number | ScanResult => {
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    const end = m ? pos + m[0].length : pos;
    const named = m ? undefined : /^-(NaN|Infinity)\b/.exec(text.slice(pos, pos + 10));
    if (named) return fail('syntax', `a value (${named[1]} is not valid JSON; write a number, or leave the field out)`);
    if (!m || (end < n && /[\w.]/.test(text[end]))) {
      return fail('syntax', 'a number written as in JSON (e.g. 0.25, -3, 1e6; no leading zeros, + signs or trailing dots)');
    }
    return end;
  };
  const unexpectedValue = (): ScanResult => {
    const c = text[pos];
    if (pos >= n) return fail('syntax', stack.length ? `a value, then ${closer()}` : 'a value');
    if (c === '/') return fail('syntax', 'a value (comments are not allowed in JSON)');
    if (c === "'") return fail('syntax', 'a value (texts are written in double quotes, not single quotes)');
    if (afterComma && (c === ']' || c === '}')) return fail('syntax', `a value (remove the trailing comma before "${c}")`);
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(pos, pos + 40))?.[0];
    if (word === 'NaN' || word === 'Infinity' || word === 'undefined') return fail('syntax', `a value (${word} is not valid JSON; write a number, or leave the field out)`);
    if (word === 'True' || word === 'False') return fail('syntax', `a value (write ${word.toLowerCase()} in lower case)`);
    if (word) return fail('syntax', 'a value (texts are written in double quotes)');
    return fail('syntax', 'a value');
  };
  const closer = () => (stack[stack.length - 1]?.array ? '"]"' : '"}"');

  for (;;) {
    skipWs();
    if (mode === Mode.Value) {
      const c = text.charCodeAt(pos);
      if (c === 0x7b || c === 0x5b) {
        const array = c === 0x5b;
        if (stack.length >= maxDepth) return fail('depth', `lists and objects nested at most ${maxDepth} levels deep`, pos, `more than ${maxDepth} levels`);
        stack.push({ array, keys: array ? null : new Set(), index: 0 });
        pos++;
        skipWs();
        const close = text.charCodeAt(pos);
        if (close === (array ? 0x5d : 0x7d)) {
          pos++;
          stack.pop();
          mode = Mode.AfterValue;
        } else if (array) {
          path.push(0);
          mode = Mode.Value;
        } else mode = Mode.Key;
        afterComma = false;
        continue;
      }
      let end: number | ScanResult;
      if (c === 0x22) end = scanString();
      else if (c === 0x2d || isDigit(c)) end = scanNumber();
      else if (text.startsWith('true', pos)) end = pos + 4;
      else if (text.startsWith('false', pos)) end = pos + 5;
      else if (text.startsWith('null', pos)) end = pos + 4;
      else return unexpectedValue();
      if (typeof end !== 'number') return end;
      pos = end;
      mode = Mode.AfterValue;
      afterComma = false;
      continue;
    }
    if (mode === Mode.Key) {
      if (text.charCodeAt(pos) !== 0x22) {
        if (pos >= n) return fail('syntax', 'a property name in double quotes, then "}"');
        if (afterComma && text[pos] === '}') return fail('syntax', 'a property name in double quotes (remove the trailing comma before "}")');
        if (text[pos] === '/') return fail('syntax', 'a property name in double quotes (comments are not allowed in JSON)');
        return fail('syntax', 'a property name in double quotes');
      }
      const start = pos;
      const end = scanString();
      if (typeof end !== 'number') return end;
      const key = JSON.parse(text.slice(start, end)) as string;
      const frame = stack[stack.length - 1];
      if (frame.keys!.has(key)) {
        if (duplicates.length < MAX_DUPLICATES_REPORTED) duplicates.push({ path: [...path, key], ...positionAt(text, start) });
      } else frame.keys!.add(key);
      pos = end;
      skipWs();
      if (text.charCodeAt(pos) !== 0x3a) return fail('syntax', `":" after the property name ${JSON.stringify(key)}`);
      pos++;
      path.push(key);
      mode = Mode.Value;
      afterComma = false;
      continue;
    }
    // Mode.AfterValue
    if (stack.length === 0) {
      if (pos < n) return fail('syntax', 'the end of the file after the scenario (is there a second object, or a stray character?)');
      return { ok: true, duplicates };
    }
    const frame = stack[stack.length - 1];
    const c = text.charCodeAt(pos);
    if (c === 0x2c) {
      pos++;
      path.pop();
      afterComma = true;
      if (frame.array) {
        frame.index++;
        path.push(frame.index);
        mode = Mode.Value;
      } else mode = Mode.Key;
      continue;
    }
    if (c === (frame.array ? 0x5d : 0x7d)) {
      pos++;
      path.pop();
      stack.pop();
      continue;
    }
    if (pos >= n) return fail('syntax', `"," or ${closer()} (the file ends before the ${frame.array ? 'list' : 'object'} is closed)`);
    return fail('syntax', frame.array ? '"," or "]" after a list item' : '"," or "}" after a property value');
  }
}

/** A JSON file's text read into a value, or the one problem that stops it (with its line and column). */
export type ReadJson = { ok: true; value: unknown; duplicates: string[] } | { ok: false; problem: Problem };

/**
 * Reads a hand-written JSON file (a scenario, an experiment, a lesson): drops
 * a byte-order mark, scans for the first syntax error with its place, parses,
 * and words each duplicate key as a warning. `source` names the file in the
 * messages. The caller checks the size first (each kind has its own limit).
 */
export function readJsonText(text: string, maxDepth: number, source?: string): ReadJson {
  const where = source ? `${source}, ` : '';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJsonText(body, maxDepth);
  if (!scan.ok) {
    const kind = scan.kind === 'syntax' ? 'malformed JSON: ' : '';
    return {
      ok: false,
      problem: {
        ...problem(ROOT_PATH, scan.expected, scan.got, `${where}line ${scan.line}, column ${scan.column}: ${kind}expected ${scan.expected}, got ${scan.got}`),
        line: scan.line,
        column: scan.column,
      },
    };
  }
  try {
    const duplicates = scan.duplicates.map((d) => `${where}line ${d.line}, column ${d.column}: ${formatPath(d.path)} is given more than once; the last value is used`);
    return { ok: true, value: JSON.parse(body), duplicates };
  } catch (e) {
    // The scanner accepts only what JSON.parse accepts; this is a guard, not a path.
    return { ok: false, problem: problem(ROOT_PATH, 'valid JSON', 'malformed JSON', `${where}malformed JSON: ${e instanceof Error ? e.message : String(e)}`) };
  }
}
