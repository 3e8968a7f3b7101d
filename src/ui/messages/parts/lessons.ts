/**
 * Interface text of the lessons feature (issue 12), in every language. Keys are
 * prefixed `lessons.`; the Chinese object must have exactly the English keys
 * (checked by the compiler and by tests/ui/messages.test.ts). The lessons' own
 * text is in their files (lessons/*.json), in every language they are written in.
 */
export const LESSONS_EN = {
  'lessons.pickerTitle': 'Lessons',
  'lessons.pickerIntro': 'Each lesson walks through a few scenarios and points at what to notice. Use Page Up and Page Down, or the arrow keys, to move between steps.',
  'lessons.open': 'Open a lesson file…',
  'lessons.openHelp': 'A lesson file you or a trainer wrote (JSON; see docs/lessons.md).',
  'lessons.paragraphs': 'Source: {paragraphs}',
  'lessons.steps': '{n} steps',
  'lessons.step': 'Step {n} of {total}',
  'lessons.next': 'Next',
  'lessons.back': 'Back',
  'lessons.finish': 'Finish',
  'lessons.close': 'Close lesson',
  'lessons.closePicker': 'Close the list of lessons',
  'lessons.running': 'Running the scenario…',
  'lessons.presenter': 'Presenter mode',
  'lessons.presenterHelp': 'Large type and high contrast, with the lesson beside the results',
  'lessons.keys': 'Page Up / Page Down or ← / → to move between steps',
  'lessons.broken': 'The lesson could not be opened; your work is unchanged.',
  'lessons.brokenLink': 'The lesson in the link could not be opened; your work is unchanged.',
  'lessons.unknown': 'There is no built-in lesson "{id}". Built-in lessons: {ids}.',
  'lessons.builtIn': 'Built-in lessons',
} as const;

export const LESSONS_ZH: { readonly [K in keyof typeof LESSONS_EN]: string } = {
  'lessons.pickerTitle': '课程',
  'lessons.pickerIntro': '每节课程依次展示几个情景，并指出需要注意的地方。使用 Page Up 和 Page Down 或方向键在步骤之间切换。',
  'lessons.open': '打开课程文件…',
  'lessons.openHelp': '您或培训者编写的课程文件（JSON 格式；见 docs/lessons.md）。',
  'lessons.paragraphs': '出处：{paragraphs}',
  'lessons.steps': '共 {n} 步',
  'lessons.step': '第 {n} 步，共 {total} 步',
  'lessons.next': '下一步',
  'lessons.back': '上一步',
  'lessons.finish': '完成',
  'lessons.close': '关闭课程',
  'lessons.closePicker': '关闭课程列表',
  'lessons.running': '正在运行情景…',
  'lessons.presenter': '演示模式',
  'lessons.presenterHelp': '大字号、高对比度，课程面板位于结果旁边',
  'lessons.keys': '使用 Page Up / Page Down 或 ← / → 切换步骤',
  'lessons.broken': '无法打开该课程；您当前的工作未受影响。',
  'lessons.brokenLink': '无法打开链接中的课程；您当前的工作未受影响。',
  'lessons.unknown': '没有名为“{id}”的内置课程。内置课程：{ids}。',
  'lessons.builtIn': '内置课程',
};
