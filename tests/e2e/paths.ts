import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The production build under test, kept apart from dist/ so a developer's own build is never overwritten mid-run. */
export const OUT_DIR = 'test-artifacts/dist';
export const SCREENSHOTS = `${ROOT}/test-artifacts/screenshots`;
