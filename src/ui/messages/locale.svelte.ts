/**
 * The interface language, chosen at run time (issue 12): one reactive value,
 * so every `i18n.t(...)` read in a template, `$derived` or `$effect` follows a
 * switch without a reload. The page's `<html lang>` follows it too.
 */

import { LANGUAGE_TAGS, type Locale } from './locales.ts';

let current = $state<Locale>('en');

export function currentLocale(): Locale {
  return current;
}

/** Switches the language; the document's `lang` follows (where there is a document). */
export function setCurrentLocale(l: Locale): void {
  current = l;
  if (typeof document !== 'undefined') document.documentElement.lang = LANGUAGE_TAGS[l];
}
