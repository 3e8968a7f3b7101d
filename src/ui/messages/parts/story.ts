/**
 * Interface text of the story feature (issue 12), in every language. Keys are
 * prefixed `story.`; the Chinese object must have exactly the English keys
 * (checked by the compiler and by tests/ui/messages.test.ts).
 */
export const STORY_EN = {
} as const;

export const STORY_ZH: { readonly [K in keyof typeof STORY_EN]: string } = {
};
