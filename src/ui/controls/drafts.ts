import { createContext } from 'svelte';
import { Drafts } from '../workspace/editor.svelte.ts';

/**
 * The editor's registry of invalid drafts, handed to every box below the app
 * so a box that cannot apply its text blocks Run and Pin (issue 10) without
 * each card passing it down. A box drawn alone (a test) gets a registry of
 * its own.
 */
const [getDrafts, setDrafts, hasDrafts] = createContext<() => Drafts>();

/** Given as a getter: the app's props are read where they are used, not captured at start. */
export const provideDrafts = (drafts: () => Drafts): void => void setDrafts(drafts);

export const useDrafts = (): Drafts => (hasDrafts() ? getDrafts()() : new Drafts());
