/**
 * The interface language, chosen at run time (issue 12): one reactive value,
 * so every `i18n.t(...)` read in a template, `$derived` or `$effect` follows a
 * switch without a reload. The page's `<html lang>` follows it too.
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

let current = $state<Locale>('en');

export function currentLocale(): Locale {
  return current;
}

/** Switches the language; the document's `lang` follows (where there is a document). */
export function setCurrentLocale(l: Locale): void {
  current = l;
  if (typeof document !== 'undefined') document.documentElement.lang = LANGUAGE_TAGS[l];
}
