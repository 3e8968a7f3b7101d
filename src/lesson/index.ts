/** Lessons as data (issue 12): the format, its loader and the claims its steps make. */
export * from './schema.ts';
export * from './load.ts';
export * from './claims.ts';
