import { en, type MessageKey, type Messages } from './en.ts';
import { format, NumberFormats, type Params } from './format.ts';

export type { MessageKey, Messages };
export { format };

/** Messages and number formats of one locale. */
export class I18n extends NumberFormats {
  readonly messages: Messages;

  constructor(locale: string, messages: Messages) {
    super(locale);
    this.messages = messages;
  }

  /** The message for `key`, with {placeholders} filled. */
  t = (key: MessageKey, params?: Params): string => format(this.messages[key], params);

  /** Like t() for keys built at run time (e.g. `metric.${name}`); falls back to `fallback`. */
  tk = (key: string, fallback = key, params?: Params): string => {
    const m = (this.messages as Record<string, string>)[key];
    return format(m ?? fallback, params);
  };

  has = (key: string): boolean => Object.hasOwn(this.messages, key);
}

/** The app's locale. Only English exists so far; a translation adds a file and a line here. */
export const i18n = new I18n('en', en);
