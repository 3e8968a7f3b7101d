import type { Problem } from '../../scenario/load.ts';
import { i18n } from '../messages/index.ts';
import { isChinese } from '../messages/fields.ts';
import { expectedZh } from '../messages/problems.ts';

/**
 * Reads what a number box holds. Every box (levers, assumptions, the top
 * bar's Seed, Weeks and Runs) says the same one sentence for any text it
 * cannot apply, naming the range, instead of the validator's raw line or a
 * silent clamp (issue 10).
 */

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

export type NumberText = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

export function rangeMessage(range: NumberRange): string {
  const params = { min: i18n.num(range.min), max: i18n.num(range.max) };
  return range.integer ? i18n.t('fields.wholeRange', params) : i18n.t('fields.numberRange', params);
}

export function readNumber(text: string, range: NumberRange): NumberText {
  const trimmed = text.trim();
  // A decimal comma is read as a point (the box accepts what the locale's keyboard types).
  const v = Number(trimmed.replace(',', '.'));
  const fits = trimmed !== '' && Number.isFinite(v) && (!range.integer || Number.isInteger(v)) && v >= range.min && v <= range.max;
  return fits ? { ok: true, value: v } : { ok: false, message: rangeMessage(range) };
}

/** The validator's problems with a value that passed its own range, as one sentence (each said once). */
export function problemsMessage(problems: readonly Problem[]): string {
  const expected = [...new Set(problems.map((p) => p.expected))];
  const local = (e: string) => (isChinese(i18n.locale) ? (expectedZh(e) ?? e) : e);
  return expected.map((e) => i18n.t('fields.expected', { expected: local(e) })).join(' ');
}
