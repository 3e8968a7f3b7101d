import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { SCREENSHOTS } from './paths.ts';

/** Debian's Chromium (installed by .ci/run when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface AppPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, uncaught exceptions and failed requests seen so far. */
  readonly errors: string[];
  /** Dialogs (alert, confirm, prompt) the page opened: none are expected. */
  readonly dialogs: string[];
}

export const baseUrl = (): string => inject('baseUrl');
export const distDir = (): string => inject('distDir');

/** A fresh browser context (own storage) with the app open at `path` (relative to the base URL). */
export async function openApp(browser: Browser, path = '', options: { viewport?: { width: number; height: number } } = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(new URL(path, baseUrl()).href, { waitUntil: 'load' });
  return { context, page, errors, dialogs };
}

/** Writes a full-page screenshot to test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  // A guard against a hang, not a budget: a full page on a busy machine can take a while.
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true, timeout: 120_000 });
}
