import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** Small steps through the app's UI by its data-testid attributes. */

export const tid = (id: string) => `[data-testid="${id}"]`;

export async function status(page: Page): Promise<string | null> {
  return page.getAttribute(tid('progress'), 'data-status');
}

export async function waitForStatus(page: Page, wanted: string | readonly string[], timeout = 120_000): Promise<void> {
  const list = typeof wanted === 'string' ? [wanted] : wanted;
  await page.waitForFunction(
    ([sel, ok]) => ok.includes(document.querySelector(sel)?.getAttribute('data-status') ?? ''),
    [tid('progress'), list] as const,
    { timeout },
  );
}

export async function setSpeed(page: Page, speed: 'slow' | 'medium' | 'fast' | 'instant'): Promise<void> {
  await page.selectOption(tid('speed-select'), speed);
}

export async function selectPreset(page: Page, id: string): Promise<void> {
  await page.selectOption(tid('preset-select'), id);
}

/** Types a value into a numeric lever's box and confirms it with Enter. */
export async function setNumberLever(page: Page, path: string, value: string): Promise<void> {
  const box = page.locator(tid(`lever-${path}`));
  await box.fill(value);
  await box.press('Enter');
}

export async function runToEnd(page: Page, timeout = 180_000): Promise<void> {
  await page.click(tid('run-button'));
  await waitForStatus(page, 'done', timeout);
}

export async function openView(page: Page, view: 'charts' | 'flows' | 'compare' | 'explore'): Promise<void> {
  await page.click(tid(`view-${view}`));
  await page.waitForSelector(tid(`${view}-view`));
}

/** The `d` of every drawn (non-ghost) line of a chart, in order. */
export async function linePaths(page: Page, plot: string): Promise<string[]> {
  return page.$$eval(`${tid(plot)} path[data-line]`, (ps) => ps.map((p) => p.getAttribute('d') ?? ''));
}

export async function weekShown(page: Page): Promise<string> {
  return (await page.textContent(tid('week-indicator')))?.trim() ?? '';
}

async function openFileMenu(page: Page): Promise<void> {
  const open = await page.$eval(tid('file-menu'), (s) => (s.parentElement as HTMLDetailsElement).open);
  if (!open) await page.click(tid('file-menu'));
}

/** Exports the finished run as CSV through the File menu and returns the file's text. */
export async function exportCsv(page: Page): Promise<string> {
  await openFileMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export-csv'))]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** Copies the share link through the File menu and returns the page URL it leaves in the address bar. */
export async function shareLink(page: Page): Promise<string> {
  await openFileMenu(page);
  await page.click(tid('share-button'));
  await page.waitForFunction(() => location.hash.startsWith('#s='));
  return page.url();
}

export async function uploadScenario(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles(tid('upload-input'), { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** data-count of every node in the flow diagram on screen. */
export async function flowCounts(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid^="flow-node-"]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-testid')!.slice('flow-node-'.length), e.getAttribute('data-count') ?? ''])),
  );
}

export async function flowWidths(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid^="flow-edge-"]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-testid')!.slice('flow-edge-'.length), e.querySelector('path')?.getAttribute('stroke-width') ?? ''])),
  );
}
