import type { Scenario } from '../../scenario/schema.ts';
import { isChinese } from './fields.ts';
import { PRESETS_ZH } from './presets.zh.ts';

/**
 * A preset's name or description in the reader's language. Only a preset's own
 * text is translated: once the user has renamed a scenario or rewritten its
 * description, their words are shown as written, in any locale.
 */
export function presetText(
  preset: { readonly id: string; readonly scenario: Pick<Scenario, 'name' | 'description'> } | undefined,
  field: 'name' | 'description',
  text: string,
  locale: string,
): string {
  if (!preset || !isChinese(locale)) return text;
  const zh = PRESETS_ZH[preset.id];
  return zh && text.trim() === preset.scenario[field].trim() ? zh[field] : text;
}

/** A preset's name as the Preset menu lists it. */
export const presetName = (preset: { readonly id: string; readonly scenario: Pick<Scenario, 'name' | 'description'> }, locale: string): string =>
  presetText(preset, 'name', preset.scenario.name, locale);
