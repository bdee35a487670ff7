import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { REPO_ROOT } from '../support/test-env';

/** Debian's Chromium (`apt-get install -y chromium`; `.ci/run` installs it when missing). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test', 'artifacts', 'console');
const CONSOLE_INDEX = path.join(REPO_ROOT, 'dist', 'console', 'index.html');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe`, when Chromium is there. Without it: skipped with a note on a developer's machine, and
 * a failure in CI (CI=true), where a missing browser means a broken `.ci/run`, not "nothing to test".
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) return describe(name, body);
  const why = `Chromium not found at ${CHROMIUM_PATH} (install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') {
    describe(name, () =>
      it('needs Chromium in CI', () => {
        throw new Error(why);
      }),
    );
    return;
  }
  console.warn(`[console tests] skipped: ${why}`);
  describe.skip(name, body);
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CONSOLE_INDEX))
    throw new Error(`${CONSOLE_INDEX} is missing: run \`npm run build\` (npm run test:all does) before the console tests`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A page with the problems a person would not see collected: uncaught errors, console errors (a CSP
 * violation is one: "Refused to load…") and failed requests. Every scenario asserts there were none.
 */
export async function openPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    // The device's setting (prefers-color-scheme), which the console follows until a person chooses.
    colorScheme: options.colorScheme ?? 'light',
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // Navigating away aborts open requests (and the subscription socket): not a problem.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

/** The page's document as these specs read it (the test code is compiled without the DOM library). */
interface FocusDocument {
  document: { activeElement: { textContent: string | null; getAttribute(name: string): string | null } | null };
}

/**
 * What has the focus: an attribute of the focused element (`id`, `class`, `data-testid`…), or its
 * text with `'text'`; null when nothing (or an element without it) has it.
 */
export function focused(page: Page, what: string): Promise<string | null> {
  return page.evaluate((name) => {
    const element = (globalThis as unknown as FocusDocument).document.activeElement;
    if (!element) return null;
    return name === 'text' ? element.textContent : element.getAttribute(name);
  }, what);
}

/** Whether this element has the focus. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === (globalThis as unknown as FocusDocument).document.activeElement);
}
