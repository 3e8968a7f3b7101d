/**
 * Interface text of the board feature (issue 12), in every language. Keys are
 * prefixed `board.`; the Chinese object must have exactly the English keys
 * (checked by the compiler and by tests/ui/messages.test.ts).
 */
export const BOARD_EN = {
} as const;

export const BOARD_ZH: { readonly [K in keyof typeof BOARD_EN]: string } = {
};
