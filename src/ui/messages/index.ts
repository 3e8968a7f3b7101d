import { en, type MessageKey, type Messages } from './en.ts';
import { format, numberFormats, type NumberFormats, type Params } from './format.ts';
import { currentLocale, setCurrentLocale } from './locale.svelte.ts';
import { isLocale, LANGUAGE_TAGS, LOCALES, localeOfLanguages, type Locale } from './locales.ts';
import { zh } from './zh.ts';

export type { Locale, MessageKey, Messages };
export { format, isLocale, LANGUAGE_TAGS, LOCALES, localeOfLanguages };

/** Every language's catalogue (core and parts); each has exactly the English keys (checked by tsc and tests). */
export const CATALOGUES: { readonly [L in Locale]: Messages } = { en, zh };

/** The name of each language, written in that language (for the language switch). */
export const LANGUAGE_NAMES: { readonly [L in Locale]: string } = { en: 'English', zh: '中文' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Messages, number and date formats of the current language. `new I18n(locale)`
 * is fixed to one language (tests, exports); the app's `i18n` follows the
 * reactive locale (locale.svelte.ts), so text read in templates follows a switch.
 */
export class I18n {
  readonly #fixed: Locale | null;
  readonly #messages: Messages | null;

  constructor(locale: Locale | null = null, messages?: Messages) {
    this.#fixed = locale;
    this.#messages = messages ?? null;
  }

  /** The language shown: 'en' or 'zh' (reactive for the app's `i18n`). */
  get locale(): Locale {
    return this.#fixed ?? currentLocale();
  }

  /** The BCP 47 tag of the language shown ('en', 'zh-Hans'). */
  get tag(): string {
    return LANGUAGE_TAGS[this.locale];
  }

  get messages(): Messages {
    return this.#messages ?? CATALOGUES[this.locale];
  }

  /** Switches the language of the app (no effect on a fixed instance). */
  setLocale = (l: Locale): void => {
    if (this.#fixed === null) setCurrentLocale(l);
  };

  get #numbers(): NumberFormats {
    return numberFormats(this.tag);
  }

  /** The message for `key`, with {placeholders} filled. */
  t = (key: MessageKey, params?: Params): string => format(this.messages[key] ?? en[key], params);

  /** Like t() for keys built at run time (e.g. `metric.${name}`); falls back to English, then to `fallback`. */
  tk = (key: string, fallback = key, params?: Params): string => {
    const m = (this.messages as Record<string, string>)[key] ?? (en as Record<string, string>)[key];
    return format(m ?? fallback, params);
  };

  has = (key: string): boolean => Object.hasOwn(this.messages, key);

  num = (v: number): string => this.#numbers.num(v);
  axis = (v: number): string => this.#numbers.axis(v);
  percent = (v: number): string => this.#numbers.percent(v);
  change = (v: number): string => this.#numbers.change(v);
  bytes = (n: number): string => this.#numbers.bytes(n);

  /** A date (and time, unless `time` is false) in the language shown. */
  date = (d: Date | number | string, time = true): string => {
    const date = d instanceof Date ? d : new Date(d);
    if (Number.isNaN(date.getTime())) return '–';
    const key = `${this.tag}|${time}`;
    let f = dateFormats.get(key);
    if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(this.tag, time ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' })));
    return f.format(date);
  };
}

/** The app's text: follows the language chosen (`i18n.setLocale`). */
export const i18n = new I18n();

