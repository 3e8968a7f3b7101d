/**
 * The languages of the interface (issue 12). Plain TS: share links and the
 * saved workspace read and write these without the reactive state.
 */

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** The BCP 47 tag of each language, for `<html lang>` and for Intl. */
export const LANGUAGE_TAGS: { readonly [L in Locale]: string } = { en: 'en', zh: 'zh-Hans' };

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** The browser's preferred languages to a locale of the app: Chinese for any `zh…`, else English. */
export function localeOfLanguages(languages: readonly string[] | undefined): Locale {
  const first = languages?.find((l) => typeof l === 'string' && l.length > 0);
  return first?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
