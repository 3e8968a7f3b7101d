import { presetsFromFiles } from './workspace/presets.ts';

/** The files in scenarios/, bundled at build time as text. */
const files = import.meta.glob(['../../scenarios/*.json', '!../../scenarios/*.schema.json'], { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export const { presets: PRESETS, broken: BROKEN_PRESETS } = presetsFromFiles(files);
