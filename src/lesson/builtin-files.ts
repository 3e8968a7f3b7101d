/** File names of the built-in lessons, in the order the picker lists them (the lessons/ folder). */
export const BUILTIN_LESSON_ORDER = ['consumer-vs-derived', 'three-levels', 'reporting-dilemma', 'proving-knowledge', 'prostitution-regimes'] as const;
