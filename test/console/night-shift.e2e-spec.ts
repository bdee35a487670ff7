import { readFileSync } from 'node:fs';
import { Role, ShelterType } from '@opvangplek/domain';
import type { Page } from 'playwright-core';
import { IN_AMSTERDAM, insertFacilities, newFacility } from '../support/factories';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

const PHONE = { width: 390, height: 844 };
/** axe-core, evaluated in the page (the CSP rightly refuses an inline script tag). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The little of the page these checks read (the test project's types have no DOM lib). */
interface PageGlobals {
  document: { documentElement: { dataset: Record<string, string | undefined> } };
  // Functions passed to the page run there: they reach its globals through globalThis.
  getComputedStyle(element: unknown): { backgroundColor: string };
  localStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };
  navigator: {
    serviceWorker: { controller: unknown; getRegistration(): Promise<{ active: { scriptURL: string } | null } | undefined> };
  };
  axe: {
    run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
  };
  caches: {
    keys(): Promise<string[]>;
    open(
      name: string,
    ): Promise<{ keys(): Promise<{ url: string }[]>; match(url: string): Promise<{ json(): Promise<unknown> } | undefined> }>;
  };
}

interface KeptFacility {
  id: string;
  secretAddress: boolean;
  capacity: unknown;
  address: string | null;
  latitude: number | null;
}

/**
 * A zorgcoördinator of Rotterdam at 03:00 on a phone: the console dark like the phone, installable,
 * the last known bed board when the network drops (marked not live, and never sending a request
 * later), and the board sorted by distance from a region's centre.
 */
describeInBrowser('the console at 03:00 on a phone', () => {
  let token: string;
  const ids: Record<string, string> = {};

  const harness = useConsoleHarness({
    async register(dataSource) {
      const rotterdam = { total: 6, occupied: 4, held: 0, outOfService: 0 };
      const facilities = await insertFacilities(dataSource, [
        newFacility({ name: 'Opvang Maas', latitude: 51.905, longitude: 4.49, capacity: rotterdam }),
        newFacility({ name: 'Opvang Kralingen', latitude: 51.93, longitude: 4.53, capacity: rotterdam }),
        newFacility({ name: 'Opvang Delfshaven', latitude: 51.91, longitude: 4.45, capacity: rotterdam }),
        // Really 18 km south-west of the centre; to a zorgcoördinator only its region is known.
        newFacility({
          name: 'Huis Zonder Adres',
          type: ShelterType.VROUWENOPVANG,
          secretAddress: true,
          latitude: 51.8,
          longitude: 4.3,
          capacity: { total: 5, occupied: 3, held: 0, outOfService: 0 },
        }),
        newFacility({
          name: 'Opvang Amstel',
          ...IN_AMSTERDAM,
          capacity: { total: 12, occupied: 2, held: 0, outOfService: 0 },
        }),
      ]);
      for (const [name, facility] of [
        ['maas', 0],
        ['kralingen', 1],
        ['delfshaven', 2],
        ['secret', 3],
        ['amstel', 4],
      ] as const)
        ids[name] = facilities[facility].id;
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true }),
  });

  beforeAll(async () => {
    token = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
  });

  const rowIds = (page: Page) =>
    page
      .locator('li.facility')
      .evaluateAll((rows) => rows.map((row) => (row as unknown as { dataset: { facilityId: string } }).dataset.facilityId));
  const requestCount = async () =>
    Number((await harness.database.dataSource.query<{ count: string }[]>('SELECT count(*) FROM placement_requests'))[0].count);

  it('on a phone set to dark the console is dark; the toggle switches it, and only that choice is remembered', async () => {
    const { context, page, problems } = await harness.newPage({ viewport: PHONE, colorScheme: 'dark' });
    try {
      await page.goto(`${harness.api.url}/beds#token=${encodeURIComponent(token)}`);
      await page.locator('li.facility').first().waitFor();
      const theme = () => page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.dataset.theme);
      const ground = () =>
        page.evaluate(
          () =>
            (globalThis as unknown as PageGlobals).getComputedStyle(
              (globalThis as unknown as { document: { documentElement: unknown } }).document.documentElement,
            ).backgroundColor,
        );
      expect(await theme()).toBe('dark');
      expect(await ground()).toBe('rgb(16, 20, 26)');
      const toggle = page.getByRole('button', { name: 'Donkere weergave' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await screenshot(page, 'bed-board-phone-dark');

      // Light, on purpose: it stays light after a reload, though the phone is still dark.
      await toggle.click();
      expect(await theme()).toBe('light');
      expect(await ground()).toBe('rgb(243, 245, 248)');
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await page.reload();
      await page.locator('li.facility').first().waitFor();
      expect(await theme()).toBe('light');

      // localStorage holds the choice and nothing else (no token, no people).
      const stored = await page.evaluate(() => {
        const storage = (globalThis as unknown as PageGlobals).localStorage;
        return Array.from({ length: storage.length }, (_, index) => storage.key(index)!).map((key) => [
          key,
          storage.getItem(key),
        ]);
      });
      expect(stored).toEqual([['opvangplek.theme', 'light']]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('installable: the page names its manifest and a service worker from this origin takes over', async () => {
    const { context, page, problems } = await harness.newPage({ viewport: PHONE });
    try {
      await page.goto(`${harness.api.url}/beds#token=${encodeURIComponent(token)}`);
      expect(await page.locator('link[rel=manifest]').getAttribute('href')).toBe('/manifest.webmanifest');
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null);
      const script = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).navigator.serviceWorker.getRegistration().then((r) => r?.active?.scriptURL),
      );
      expect(script).toBe(`${harness.api.url}/sw.js`);
      // Chromium's own check: the manifest parses without errors, and the only installability error
      // it reports is that a test browser's profile is a private one.
      const cdp = await context.newCDPSession(page);
      expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the network drops: the last known board, marked not live; a request fails in words and is never sent later', async () => {
    const { context, page, problems } = await harness.newPage({ viewport: PHONE });
    const sentRequests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /requestPlacement|requestNoodbed/.test(request.postData() ?? ''))
        sentRequests.push(request.url());
    });
    try {
      await page.goto(`${harness.api.url}/beds#token=${encodeURIComponent(token)}`);
      await page.locator('li.facility').first().waitFor();
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null);
      // The board is kept under a key that is neither the token nor the subject.
      await page.waitForFunction(() =>
        (globalThis as unknown as PageGlobals).caches
          .open('opvangplek-board')
          .then((cache) => cache.keys())
          .then((keys) => keys.length === 1),
      );
      const keptKeys = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).caches
          .open('opvangplek-board')
          .then((cache) => cache.keys())
          .then((keys) => keys.map((key) => key.url)),
      );
      expect(keptKeys[0]).toMatch(/\/offline\/board\/[0-9a-f]{64}$/);
      expect(keptKeys[0]).not.toContain(token.split('.')[1]);
      const kept = (await page.evaluate(
        (url) =>
          (globalThis as unknown as PageGlobals).caches
            .open('opvangplek-board')
            .then((cache) => cache.match(url))
            .then((response) => response!.json()),
        keptKeys[0],
      )) as { facilities: KeptFacility[] };
      const secret = kept.facilities.find((facility) => facility.id === ids.secret)!;
      expect(secret).toMatchObject({ secretAddress: true, capacity: null, address: null, latitude: null });
      const rowsOnline = await rowIds(page);
      expect(rowsOnline.sort()).toEqual([ids.maas, ids.kralingen, ids.delfshaven, ids.secret].sort());

      // The request form filled in while online…
      await page.locator('nav a[href="/request"]').click();
      await page.getByLabel('Vrouw').check();
      await page.getByLabel('Seksueel').check();
      await page.locator('input[name=age]').fill('24');
      await page.locator('select[name=residenceStatus]').selectOption('DUTCH');
      await page.getByTestId('match-count').waitFor();

      // …and submitted after the network dropped: refused at once, in words.
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Plaatsing aanvragen' }).click();
      await page.locator('.error-box[role=alert]', { hasText: 'Geen verbinding met de server' }).waitFor();

      // The bed board: the last known figures, saying since when and that they are not live.
      await page.locator('nav a[href="/beds"]').click();
      const notice = page.getByTestId('kept-board-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/^Geen verbinding — laatst bekend om \d\d:\d\d, niet live/);
      expect(await page.locator('[data-connection]').textContent()).toBe('Niet live');
      expect((await rowIds(page)).sort()).toEqual(rowsOnline.sort());
      await screenshot(page, 'bed-board-phone-offline');
      // The notice and the "Niet live" badge pass WCAG 2.1 AA too (contrast), light and dark.
      await page.evaluate(AXE_SOURCE);
      const violations = () =>
        page.evaluate(() =>
          (globalThis as unknown as PageGlobals).axe
            .run((globalThis as unknown as { document: unknown }).document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            })
            .then((result) => result.violations.map((violation) => `${violation.id} at ${violation.nodes[0].target.join(' ')}`)),
        );
      expect(await violations()).toEqual([]);
      await page.getByRole('button', { name: 'Donkere weergave' }).click();
      // The rows' background fades (their highlight's transition): checked once it is dark.
      await page.waitForFunction(() => {
        const page = globalThis as unknown as PageGlobals & { document: { querySelector(selector: string): unknown } };
        return page.getComputedStyle(page.document.querySelector('li.facility')).backgroundColor === 'rgb(26, 31, 41)';
      });
      expect(await violations()).toEqual([]);

      // Reloaded without a network: the console comes from its service worker, with the same board.
      const reloaded = await page.reload();
      expect(reloaded?.fromServiceWorker()).toBe(true);
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/^Geen verbinding — laatst bekend om \d\d:\d\d, niet live/);
      expect((await rowIds(page)).sort()).toEqual(rowsOnline.sort());

      expect(await page.getByRole('button', { name: 'Opnieuw proberen' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);

      // Back online: the console tries again by itself and is live again; the refused request was
      // not sent after all.
      await context.setOffline(false);
      await page.locator('[data-connection=live]').waitFor();
      expect(await notice.count()).toBe(0);
      await page.waitForTimeout(2_000);
      expect(sentRequests).toHaveLength(1);
      expect(await requestCount()).toBe(0);

      // Logging out takes the kept board with it.
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).caches.keys())).not.toContain('opvangplek-board');
      // Offline, the browser reports failed requests: those are the point of this scenario.
      expect(
        problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_NETWORK_CHANGED/.test(problem)),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sorted by distance: nearest to my region’s centre first, a secret address by its region’s centre', async () => {
    const { context, page, problems } = await harness.newPage({ viewport: PHONE });
    try {
      await page.goto(`${harness.api.url}/beds#token=${encodeURIComponent(token)}`);
      await page.locator('li.facility').first().waitFor();
      await page.getByTestId('region-toggle').click();
      await page.locator(`li.facility[data-facility-id="${ids.amstel}"]`).waitFor();
      await page.locator('select[name=sort]').selectOption('distance');
      await page.locator('ul.facility-list[data-sort=distance]').waitFor();
      // From Rotterdam's centre (51.92, 4.48): the secret house counts as the centre itself (0 km),
      // then Maas 1.8 km, Delfshaven 2.3 km, Kralingen 3.6 km, Amstel 57 km.
      expect(await page.locator('select[name=distanceFrom]').inputValue()).toBe('RR');
      expect(await rowIds(page)).toEqual([ids.secret, ids.maas, ids.delfshaven, ids.kralingen, ids.amstel]);
      const km = async (id: string) =>
        Number(await page.locator(`li.facility[data-facility-id="${id}"] [data-testid=distance]`).getAttribute('data-km'));
      expect(await km(ids.maas)).toBeCloseTo(1.8, 0);
      expect(await km(ids.amstel)).toBeCloseTo(57, -1);
      expect(await page.locator(`li.facility[data-facility-id="${ids.secret}"] [data-testid=distance]`).textContent()).toBe(
        'ca. 0 km (regiocentrum; adres geheim)',
      );

      // From Amsterdam's centre (52.37, 4.90): Amstel, Kralingen 55 km, the secret house (Rotterdam's
      // centre) 57.6 km, Maas 58.8 km, Delfshaven 59.6 km.
      await page.locator('select[name=distanceFrom]').selectOption('AMS');
      await page.waitForFunction((first) => {
        const row = (
          globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string } | null } }
        ).document.querySelector('li.facility');
        return row?.getAttribute('data-facility-id') === first;
      }, ids.amstel);
      expect(await rowIds(page)).toEqual([ids.amstel, ids.kralingen, ids.secret, ids.maas, ids.delfshaven]);
      await screenshot(page, 'bed-board-phone-distance');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
