import type { FieldGroup, FieldInfo } from '../../scenario/fields.ts';
import { DESCRIPTION_ZH, GROUP_ZH, SOURCE_ZH, UNIT_ZH } from './fields.zh.ts';

/**
 * A lever's or assumption's documentation in the reader's language. The
 * scenario core's English is the source; Chinese comes from fields.zh.ts.
 * Any text without a translation stays English (never blank).
 */

export interface FieldText {
  readonly description: string;
  readonly unit: string;
  readonly source: string;
}

export const isChinese = (locale: string): boolean => locale.toLowerCase().startsWith('zh');

const pick = (table: Readonly<Record<string, string>>, english: string, locale: string): string =>
  isChinese(locale) && Object.hasOwn(table, english) ? table[english] : english;

export function fieldText(info: Pick<FieldInfo, 'description' | 'unit' | 'source'>, locale: string): FieldText {
  return {
    description: pick(DESCRIPTION_ZH, info.description, locale),
    unit: pick(UNIT_ZH, info.unit, locale),
    source: pick(SOURCE_ZH, info.source, locale),
  };
}

export const groupText = (group: Pick<FieldGroup, 'description'>, locale: string): string => pick(GROUP_ZH, group.description, locale);

/** Whether a field matches a search, in English (path, words) or in the reader's language. */
export function fieldMatches(info: Pick<FieldInfo, 'path' | 'description' | 'unit' | 'source'>, query: string, locale: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const local = fieldText(info, locale);
  return [info.path, info.description, info.source, info.unit, local.description, local.source, local.unit].some((s) => s.toLowerCase().includes(q));
}
