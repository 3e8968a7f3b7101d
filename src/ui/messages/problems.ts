import type { Problem } from '../../scenario/problem.ts';
import { isChinese } from './fields.ts';

/**
 * A validation problem in the reader's language. The scenario core writes
 * problems in English (`path: expected X, got Y`, also for the CLI); the
 * phrases it uses for X and the words it uses for Y are a finite vocabulary
 * (src/scenario: schema-walk.ts describeExpected, issues.ts, load.ts,
 * json-text.ts, migrate.ts, structure.ts, overrides.ts, problem.ts formatGot),
 * so Chinese is built from the parts: `path：应为 X，实际为 Y`. A phrase this
 * file does not know stays English (tests/ui/problems-zh.test.ts fails then).
 */

type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

/** A JSON literal as written: a number, a quoted text, true, false or null. */
const LITERAL = /^(-?\d[\d.e+-]*|"(?:[^"\\]|\\.)*"|true|false|null)$/;

const JSON_DATA_ZH = 'JSON 数据（数字、文本、true/false、null、列表或对象）';

const EXPECTED_RULES: readonly Rule[] = [
  [/^a scenario object such as (.+)$/, (m) => `情景对象，例如 ${m[1]}`],
  [/^a (whole number|number) between (\S+) and (\S+)$/, (m) => `${m[2]} 到 ${m[3]} 之间的${noun(m[1])}`],
  [/^a (whole number|number) of at least (\S+)$/, (m) => `不小于 ${m[2]} 的${noun(m[1])}`],
  [/^a (whole number|number) of at most (\S+)$/, (m) => `不大于 ${m[2]} 的${noun(m[1])}`],
  [/^a (whole number|number)$/, (m) => noun(m[1])],
  [/^a text of (\d+) to (\d+) characters$/, (m) => `${m[1]} 到 ${m[2]} 个字符的文本`],
  [/^a text of at most (\d+) characters$/, (m) => `不超过 ${m[1]} 个字符的文本`],
  [/^a text of at least (\d+) characters$/, (m) => `至少 ${m[1]} 个字符的文本`],
  [/^a text$/, () => '文本'],
  [/^true or false$/, () => 'true 或 false'],
  [/^one of the keys (.+)$/, (m) => `以下键之一：${m[1]}`],
  [/^no keys here$/, () => '此处没有任何键'],
  [/^one of ("(?:[^"\\]|\\.)*"(?:, "(?:[^"\\]|\\.)*")*)$/, (m) => `${m[1].replace(/", "/g, '"、"')} 之一`],
  [/^\{ [\w, ]* \}$/, (m) => m[0]],
  [/^an object$/, () => '对象'],
  [/^a list$/, () => '列表'],
  [/^nothing \(this key is not allowed\)$/, () => '无（此处不允许该键）'],
  [/^a valid value$/, () => '有效的值'],
  [/^toWeek must not be before fromWeek$/, () => 'toWeek 不早于 fromWeek'],
  // load.ts
  [/^a readable scenario$/, () => '可读取的情景'],
  [/^scenario text$/, () => '情景文本'],
  [/^at most ([\d.]+ MB)$/, (m) => `不超过 ${m[1]}`],
  [/^valid JSON$/, () => '有效的 JSON'],
  [/^at most (\d+) problems listed$/, (m) => `最多列出 ${m[1]} 个问题`],
  // migrate.ts
  [/^a format version up to (\d+)$/, (m) => `不高于 ${m[1]} 的格式版本`],
  [/^a format version from (\d+) to (\d+)$/, (m) => `${m[1]} 到 ${m[2]} 之间的格式版本`],
  [/^a document that migrates from format (\d+) to format (\d+)$/, (m) => `能从格式 ${m[1]} 迁移到格式 ${m[2]} 的文档`],
  // structure.ts
  [/^JSON data \(a number, text, true\/false, null, list or object\)$/, () => JSON_DATA_ZH],
  [/^JSON data \(a number, text, true\/false, null, list or object\), not a circular reference$/, () => `${JSON_DATA_ZH}，而不是循环引用`],
  [/^lists and objects nested at most (\d+) levels deep$/, (m) => `嵌套不超过 ${m[1]} 层的列表和对象`],
  [/^a key other than (.+)$/, (m) => `${m[1].replace(/ or /g, ' 或 ')} 以外的键`],
  // overrides.ts (the CLI's --set)
  [/^path=value, e\.g\. (.+)$/, (m) => `path=value，例如 ${m[1]}`],
  [/^a dotted path of non-empty keys$/, () => '由非空键组成、以点分隔的路径'],
  [/^a path without __proto__, constructor or prototype$/, () => '不含 __proto__、constructor 或 prototype 的路径'],
  [/^a scenario object to apply --set to$/, () => '可应用 --set 的情景对象'],
  [/^(\S+) to be an object$/, (m) => `${m[1]} 为对象`],
  // json-text.ts: what the JSON scanner expected at a position
  [/^four hex digits after \\u$/, () => '\\u 之后的四个十六进制数字'],
  [/^an escape such as .+$/, () => '转义序列，例如 \\n、\\" 或 \\\\（单独的反斜杠写作 \\\\）'],
  [/^a closing " before the end of the line \(write a line break as \\n\)$/, () => '行尾之前的右引号 "（换行请写作 \\n）'],
  [/^a character other than a control character \(escape it\)$/, () => '控制字符以外的字符（请转义）'],
  [/^a closing " for the text that starts here$/, () => '此处开始的文本的右引号 "'],
  [/^a value \((\S+) is not valid JSON; write a number, or leave the field out\)$/, (m) => `一个值（${m[1]} 不是有效的 JSON；请写数字，或省略该字段）`],
  [/^a number written as in JSON .+$/, () => '按 JSON 写法的数字（例如 0.25、-3、1e6；不能有前导零、+ 号或末尾的小数点）'],
  [/^a value, then ("[\]}]")$/, (m) => `一个值，然后是 ${m[1]}`],
  [/^a value \(comments are not allowed in JSON\)$/, () => '一个值（JSON 中不允许注释）'],
  [/^a value \(texts are written in double quotes, not single quotes\)$/, () => '一个值（文本要用双引号，而不是单引号）'],
  [/^a value \(remove the trailing comma before "(.)"\)$/, (m) => `一个值（删除 "${m[1]}" 之前多余的逗号）`],
  [/^a value \(write (true|false) in lower case\)$/, (m) => `一个值（请用小写写作 ${m[1]}）`],
  [/^a value \(texts are written in double quotes\)$/, () => '一个值（文本要用双引号）'],
  [/^a value$/, () => '一个值'],
  [/^a property name in double quotes, then "\}"$/, () => '双引号中的属性名，然后是 "}"'],
  [/^a property name in double quotes \(remove the trailing comma before "\}"\)$/, () => '双引号中的属性名（删除 "}" 之前多余的逗号）'],
  [/^a property name in double quotes \(comments are not allowed in JSON\)$/, () => '双引号中的属性名（JSON 中不允许注释）'],
  [/^a property name in double quotes$/, () => '双引号中的属性名'],
  [/^":" after the property name (.+)$/, (m) => `属性名 ${m[1]} 之后的 ":"`],
  [/^the end of the file after the scenario .+$/, () => '情景之后的文件结尾（是否多了一个对象，或有多余的字符？）'],
  [/^"," or ("[\]}]") \(the file ends before the (list|object) is closed\)$/, (m) => `"," 或 ${m[1]}（文件在${m[2] === 'list' ? '列表' : '对象'}闭合之前就结束了）`],
  [/^"," or "\]" after a list item$/, () => '列表项之后的 "," 或 "]"'],
  [/^"," or "\}" after a property value$/, () => '属性值之后的 "," 或 "}"'],
];

const noun = (english: string) => (english === 'whole number' ? '整数' : '数');

/** The Chinese of an `expected` phrase, or undefined when the phrase is not in the vocabulary. */
export function expectedZh(expected: string): string | undefined {
  const e = expected.trim();
  if (LITERAL.test(e)) return e;
  for (const [re, render] of EXPECTED_RULES) {
    const m = re.exec(e);
    if (m) return render(m);
  }
  // A union: its options' phrases joined by " or " (e.g. a campaign's "a number between 0 and 1 or { reach, fromWeek, toWeek }").
  const parts = e.split(' or ');
  if (parts.length > 1) {
    const zh = parts.map(expectedZh);
    if (zh.every((p) => p !== undefined)) return zh.join(' 或 ');
  }
  return undefined;
}

const GOT_RULES: readonly Rule[] = [
  [/^nothing \(the field is missing\)$/, () => '无（缺少该字段）'],
  [/^nothing$/, () => '无'],
  [/^a function$/, () => '函数'],
  [/^a symbol$/, () => '符号'],
  [/^an unreadable value$/, () => '无法读取的值'],
  [/^an object$/, () => '对象'],
  [/^a value that could not be read$/, () => '无法读取的值'],
  [/^malformed JSON$/, () => '格式错误的 JSON'],
  [/^(\d+) more$/, (m) => `另有 ${m[1]} 个`],
  [/^a reference to one of its own ancestors$/, () => '指向自身上层的引用'],
  [/^more than (\d+) levels$/, (m) => `超过 ${m[1]} 层`],
  [/^a line break$/, () => '换行'],
  [/^end of file$/, () => '文件结尾'],
  [/^a (\w+)$/, (m) => `${m[1]} 对象`],
  // typeof of what was passed instead of text
  [/^(undefined|object|number|boolean|bigint|function|symbol)$/, (m) => ({ undefined: '无', object: '对象', number: '数字', boolean: '布尔值', bigint: '大整数', function: '函数', symbol: '符号' })[m[1]]!],
];

/** The Chinese of a `got` text: the core's fixed words are translated, a value as written is kept. */
export function gotZh(got: string): string {
  for (const [re, render] of GOT_RULES) {
    const m = re.exec(got);
    if (m) return render(m);
  }
  // A long text cut short: `"…" (1234 characters)`.
  return got.replace(/ \((\d+) characters\)$/, '（共 $1 个字符）').replace(/\[circular\]/g, '[循环引用]');
}

/** The line shown for a problem: English as the core wrote it, Chinese built from its parts. */
export function localizeProblem(p: Problem, locale: string): string {
  if (!isChinese(locale)) return p.message;
  // A space between Chinese and Latin text or numbers, none between Chinese words.
  const expected = ((e) => (/^[\x21-\x7e]/.test(e) ? ` ${e}` : e))(expectedZh(p.expected) ?? p.expected);
  const got = gotZh(p.got);
  const unknownKey = /: unknown key(?: here)?; did you mean (.+)\?$/.exec(p.message);
  if (unknownKey) return `${p.path}：未知的键；是否想写 ${unknownKey[1].replace(/ or /g, ' 或 ').replace(/, /g, '、')}？`;
  if (/: unknown key; expected one of /.test(p.message)) return `${p.path}：未知的键；应为${expected}`;
  if (p.line !== undefined && p.column !== undefined) {
    const file = /^(.+?), line \d+, column \d+: /.exec(p.message)?.[1];
    const kind = /: malformed JSON: expected /.test(p.message) ? 'JSON 格式错误：' : '';
    return `${file ? `${file}，` : ''}第 ${p.line} 行第 ${p.column} 列：${kind}应为${expected}，实际为 ${got}`;
  }
  const newer = /^formatVersion: this file was written by a newer version of the workbench \(format (\d+)\); this build reads up to (\d+)$/.exec(p.message);
  if (newer) return `formatVersion：此文件由更新版本的工作台写成（格式 ${newer[1]}）；此版本最多读取格式 ${newer[2]}`;
  if (/^\(root\): \d+ more problems are not listed/.test(p.message)) return `${p.path}：另有 ${/^(\d+)/.exec(p.got)?.[1] ?? p.got} 个问题未列出；请先修正上面的问题`;
  return `${p.path}：应为${expected}，实际为 ${got}`;
}

const WARNING_RULES: readonly Rule[] = [
  [
    /^(\S+): the campaign starts in week (\d+), after the run ends \(the run has (\d+) weeks\), so it has no effect$/,
    (m) => `${m[1]}：宣传活动在第 ${m[2]} 周开始，晚于运行结束（运行共 ${m[3]} 周），因此不起作用`,
  ],
  [/^assumptions\.sectors: every sector is switched off, so the run has no employers, recruiters or workers$/, () => 'assumptions.sectors：所有部门都已关闭，因此运行中没有雇主、招聘机构或工人'],
  [
    /^interventions\.criminaliseUse: the use offence costs more than a trafficking conviction on the one scale of sanctions \((.+), against (.+)\); the statutes punish using a victim's services less than trafficking \((.+)\)$/,
    (m) => `interventions.criminaliseUse：在统一的制裁尺度上，使用罪的代价高于人口贩运定罪（${m[1]}，而人口贩运为 ${m[2]}）；法规对使用受害者服务的处罚轻于人口贩运（${m[3]}）`,
  ],
  [
    /^assumptions\.sanctions: the buying offence costs more than the use offence on the one scale of sanctions \((.+), against (.+)\); the statutes punish buying sex less than using a victim's services \((.+)\)$/,
    (m) => `assumptions.sanctions：在统一的制裁尺度上，购买性服务罪的代价高于使用罪（${m[1]}，而使用罪为 ${m[2]}）；法规对购买性服务的处罚轻于使用受害者服务（${m[3]}）`,
  ],
  [
    /^(?:(.+?), )?line (\d+), column (\d+): (.+) is given more than once; the last value is used$/,
    (m) => `${m[1] ? `${m[1]}，` : ''}第 ${m[2]} 行第 ${m[3]} 列：${m[4]} 出现了不止一次；使用最后一个值`,
  ],
];

/** A loader warning (src/scenario/warnings.ts, duplicate keys in load.ts) in the reader's language; unknown text stays as it is. */
export function localizeWarning(text: string, locale: string): string {
  if (!isChinese(locale)) return text;
  for (const [re, render] of WARNING_RULES) {
    const m = re.exec(text);
    if (m) return render(m);
  }
  return text;
}
