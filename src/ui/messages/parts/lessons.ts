/**
 * Interface text of the lessons feature (issue 12), in every language. Keys are
 * prefixed `lessons.`; the Chinese object must have exactly the English keys
 * (checked by the compiler and by tests/ui/messages.test.ts).
 */
export const LESSONS_EN = {
} as const;

export const LESSONS_ZH: { readonly [K in keyof typeof LESSONS_EN]: string } = {
};
