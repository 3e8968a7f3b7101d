/**
 * The one formatter of the app's text: {name} placeholders and numbers, per
 * locale, on Intl.NumberFormat. The message catalogue (index.ts) and the actor
 * flows (flows/catalogue.ts, ActorFlows.svelte) both format through it, so a
 * new locale (a Chinese catalogue is planned) changes every number at once.
 */

export type Params = Readonly<Record<string, string | number>>;

/** Fills {name} placeholders; unknown placeholders are left as they are. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Number formats of one locale. */
export class NumberFormats {
  readonly locale: string;
  readonly #integer: Intl.NumberFormat;
  readonly #decimal: Intl.NumberFormat;
  readonly #percent: Intl.NumberFormat;
  readonly #compact: Intl.NumberFormat;
  readonly #signedPercent: Intl.NumberFormat;
  readonly #smallSignedPercent: Intl.NumberFormat;

  constructor(locale: string) {
    this.locale = locale;
    this.#integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.#decimal = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
    this.#percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    this.#compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 });
    this.#signedPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
    this.#smallSignedPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumSignificantDigits: 1, signDisplay: 'exceptZero' });
  }

  /** A number for reading: integers as integers, small values with 3 significant digits. */
  num = (v: number): string => {
    if (!Number.isFinite(v)) return '–';
    if (Math.abs(v) >= 100 || Number.isInteger(v)) return this.#integer.format(v);
    return this.#decimal.format(v);
  };

  /** A number on an axis: compact for large values (12K). */
  axis = (v: number): string => (Math.abs(v) >= 10_000 ? this.#compact.format(v) : this.num(v));

  /** A share (0-1) as a percentage. */
  percent = (v: number): string => (Number.isFinite(v) ? this.#percent.format(v) : '–');

  /** A relative change (0.12 -> +12%); under 1% with one digit (-0.003 -> -0.3%), so a clear effect never reads 0%. */
  change = (v: number): string => (!Number.isFinite(v) ? '–' : Math.abs(v) < 0.01 ? this.#smallSignedPercent.format(v) : this.#signedPercent.format(v));

  /** A size in bytes, for messages about files. */
  bytes = (n: number): string =>
    n >= 1_048_576 ? `${this.#decimal.format(n / 1_048_576)} MB` : n >= 1024 ? `${this.#integer.format(n / 1024)} kB` : `${this.#integer.format(n)} B`;
}

const byLocale = new Map<string, NumberFormats>();

/** The number formats of a locale, made once (Intl formatters are costly to build). */
export function numberFormats(locale: string): NumberFormats {
  let f = byLocale.get(locale);
  if (!f) byLocale.set(locale, (f = new NumberFormats(locale)));
  return f;
}
