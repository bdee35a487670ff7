import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { stopApp } from '../placement/support';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { launchBrowser, openPage } from './browser';

/** A page as `openPage` gives it: its own context, and the problems a person would not see. */
export type OpenedPage = Awaited<ReturnType<typeof openPage>>;

export interface NewPageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Left open after the test (a later scenario watches it); the browser closes it after all. */
  keep?: boolean;
}

export interface OpenConsoleOptions extends NewPageOptions {
  /** Runs on the new page before it loads the console: listeners, routes, permissions. */
  beforeOpening?: (opened: OpenedPage) => Promise<unknown> | unknown;
}

export interface ConsoleHarness {
  readonly database: TestDatabase;
  readonly api: TestApp;
  readonly browser: Browser;
  /** A new page in its own context, closed after the test unless `keep`. (Functions: safe to destructure.) */
  newPage: (options?: NewPageOptions) => Promise<OpenedPage>;
  /** The console logged in with `token` (the `#token=` route) on `path`, on a new page. */
  openConsole: (token: string, path: string, options?: OpenConsoleOptions) => Promise<OpenedPage>;
}

export interface ConsoleHarnessSetup {
  /** Arranges the spec's rows (its facilities…) on its private database, before the app starts. */
  register(dataSource: DataSource): Promise<unknown>;
  /** Starts the API (and worker) the spec needs against that database. */
  startApp(databaseUrl: string): Promise<TestApp>;
  /**
   * The app's fixed clock: every console page's own clock is then fixed at its `now()`, so what the
   * page counts ("wacht al 36 min", "morgen") is counted from the API's moment.
   */
  clock?: { now(): Date };
}

/**
 * The set-up every console browser spec shares, as jest hooks in the calling `describe`: a private
 * database with the spec's rows, the app on it, Chromium; pages closed after each test; and after all,
 * the browser closed and the app stopped the way `stopApp` does (waiting for its connections to go
 * before the database is dropped). Hooks the spec adds after this call run after these.
 */
export function useConsoleHarness(setup: ConsoleHarnessSetup): ConsoleHarness {
  let database: TestDatabase | undefined;
  let api: TestApp | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await setup.register(database.dataSource);
    api = await setup.startApp(database.url);
    browser = await launchBrowser();
  }, 90_000);

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await stopApp(api, database);
  });

  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`the console harness has no ${what} yet: use it inside a test or a later hook`);
    return value;
  };

  const harness: ConsoleHarness = {
    get database() {
      return started('database', database);
    },
    get api() {
      return started('api', api);
    },
    get browser() {
      return started('browser', browser);
    },
    newPage: async ({ keep = false, ...options } = {}) => {
      const opened = await openPage(harness.browser, options);
      if (!keep) pages.push(opened.page);
      return opened;
    },
    openConsole: async (token, path, { beforeOpening, ...options } = {}) => {
      const opened = await harness.newPage(options);
      if (setup.clock) await opened.page.clock.setFixedTime(setup.clock.now());
      await beforeOpening?.(opened);
      await opened.page.goto(`${harness.api.url}/${path}#token=${encodeURIComponent(token)}`);
      return opened;
    },
  };
  return harness;
}
