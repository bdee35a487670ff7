import { Role, ShelterType } from '@opvangplek/domain';
import type { Page } from 'playwright-core';
import { insertFacilities, newFacility } from '../support/factories';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

const PHONE = { width: 390, height: 844 };

/** A box in the page, as playwright reports it. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Issue 13, item 7, on a 390×844 phone: a compact sticky header on one line (the screens in a bar at
 * the bottom), and a bed board whose rows start on the first screen — filters folded with how many
 * are on, the viewer's own regions first (all regions one tap away), sorting by free places or name.
 */
describeInBrowser('the console on a phone', () => {
  let token: string;
  const rotterdam = [
    { name: 'Opvang Maas', free: 1, total: 6, type: ShelterType.VROUWENOPVANG },
    { name: 'Opvang Kralingen', free: 5, total: 8, type: ShelterType.VROUWENOPVANG },
    { name: 'Opvang Delfshaven', free: 0, total: 4, type: ShelterType.VROUWENOPVANG },
    { name: 'COSM Rijnmond', free: 3, total: 6, type: ShelterType.COSM },
  ];

  const harness = useConsoleHarness({
    async register(dataSource) {
      await insertFacilities(dataSource, [
        ...rotterdam.map(({ name, free, total, type }) =>
          newFacility({ name, type, capacity: { total, occupied: total - free, held: 0, outOfService: 0 } }),
        ),
        newFacility({
          name: 'Opvang Amstel',
          regionCode: 'AMS',
          municipality: 'Amsterdam',
          capacity: { total: 12, occupied: 2, held: 0, outOfService: 0 },
        }),
      ]);
      // Twente, full, its figures two days old: "call to verify", with its (simulated) intake line.
      await insertFacilities(
        dataSource,
        [
          newFacility({
            name: 'Opvang Twentekanaal',
            regionCode: 'TW',
            municipality: 'Enschede',
            intakePhone: '053 000 0077',
            capacity: { total: 6, occupied: 6, held: 0, outOfService: 0 },
          }),
        ],
        { confirmedHoursAgo: 48 },
      );
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true }),
  });

  beforeAll(async () => {
    token = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
  });

  const rowNames = (page: Page) => page.locator('li.facility .facility-name').allTextContents();
  const visibleRows = (page: Page) => page.locator('li.facility');
  const rowCounts = async (page: Page) =>
    (await page.locator('li.facility [data-testid=available]').allTextContents()).map(Number);

  it('the header is one line of at most 64 px and stays; the screens sit in a bar at the bottom', async () => {
    const { context, page, problems } = await harness.newPage({ viewport: PHONE });
    try {
      await page.goto(`${harness.api.url}/request#token=${encodeURIComponent(token)}`);
      const header = page.locator('header.top-bar');
      await header.waitFor();
      const box = (await header.boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(64);
      expect(box.y).toBe(0);
      // One line: the title, who is logged in, the language and logging out side by side, inside it.
      const parts: Box[] = [];
      for (const selector of ['.brand', '[data-testid=who]', 'button >> nth=0', 'button >> nth=1'])
        parts.push((await header.locator(selector).boundingBox())!);
      const middles = parts.map((part) => part.y + part.height / 2);
      expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8);
      for (const part of parts) {
        expect(part.y).toBeGreaterThanOrEqual(box.y);
        expect(part.y + part.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
        expect(part.x + part.width).toBeLessThanOrEqual(PHONE.width + 0.5);
      }
      // The screens: every one reachable at the bottom of the screen, in one row.
      const links = page.locator('nav a');
      expect(await links.count()).toBe(7);
      for (const link of await links.all()) {
        const linkBox = (await link.boundingBox())!;
        expect(linkBox.y).toBeGreaterThan(PHONE.height - 64);
        expect(linkBox.y + linkBox.height).toBeLessThanOrEqual(PHONE.height + 0.5);
        // Seven screens (with "Acties") still side by side inside the width, each a 44 px target at least.
        expect(linkBox.x).toBeGreaterThanOrEqual(-0.5);
        expect(linkBox.x + linkBox.width).toBeLessThanOrEqual(PHONE.width + 0.5);
        expect(linkBox.width).toBeGreaterThanOrEqual(44);
      }
      // Sticky: still at the top after scrolling down the form.
      await page.mouse.wheel(0, 600);
      await page.waitForFunction(() => (globalThis as unknown as { scrollY: number }).scrollY > 100);
      expect((await header.boundingBox())!.y).toBe(0);
      await page.locator('nav a[href="/beds"]').click();
      await page.waitForURL(`${harness.api.url}/beds`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a laptop (1280 and 1024 wide) the zorgcoördinator’s header is one row: every screen beside the name, none wrapped', async () => {
    for (const width of [1280, 1024]) {
      const { context, page, problems } = await harness.newPage({ viewport: { width, height: 800 } });
      try {
        await page.goto(`${harness.api.url}/request#token=${encodeURIComponent(token)}`);
        const header = page.locator('header.top-bar');
        await header.locator('[data-testid=who]').waitFor();
        expect(await header.locator('nav a').allTextContents()).toEqual([
          'Aanvraag',
          'Mijn aanvragen',
          'Werklijst',
          'Escalaties',
          'Acties',
          'Beddenbord',
          'Planning',
        ]);
        const parts: Box[] = [];
        for (const part of await header.locator('.brand, nav a, [data-testid=who], button').all())
          parts.push((await part.boundingBox())!);
        const middles = parts.map((part) => part.y + part.height / 2);
        expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8);
        for (const part of parts) expect(part.x + part.width).toBeLessThanOrEqual(width + 0.5);
        // Who is logged in may be cut short to fit; the whole text is in its title.
        expect(await header.locator('[data-testid=who]').getAttribute('title')).toBe(
          'Zorgcoördinator · zorgcoordinatie-rotterdam · RR',
        );
        await screenshot(page, `header-${width}`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('the bed board starts with rows of my regions, filters folded; filters and sorting work', async () => {
    const { context, page, problems } = await harness.newPage({ viewport: PHONE });
    try {
      await page.goto(`${harness.api.url}/beds#token=${encodeURIComponent(token)}`);
      const first = page.locator('li.facility').first();
      await first.waitFor();
      await page.waitForFunction(
        (count) =>
          (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
            'li.facility',
          ).length === count,
        rotterdam.length,
      );
      await screenshot(page, 'bed-board-phone');

      // The first row is on the first screen, above the bottom bar, without scrolling.
      expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
      const row = (await first.boundingBox())!;
      const bar = (await page.locator('nav').boundingBox())!;
      expect(row.y + row.height).toBeLessThanOrEqual(bar.y);

      // Folded, saying one filter is on: the viewer's own region (RR); only Rotterdam's rows.
      const summary = page.getByTestId('filters-summary');
      expect(await summary.textContent()).toBe('Filters (1 actief)');
      expect(await page.locator('details.filters-panel').getAttribute('open')).toBeNull();
      expect(await page.locator('select[name=region]').isVisible()).toBe(false);
      expect((await rowNames(page)).sort()).toEqual(rotterdam.map((facility) => facility.name).sort());

      // All regions one tap away, and back.
      await page.getByTestId('region-toggle').click();
      await page.locator('li.facility', { hasText: 'Opvang Amstel' }).waitFor();
      expect(await summary.textContent()).toBe('Filters');
      await page.getByRole('button', { name: 'Alleen mijn regio’s' }).click();
      await page.locator('li.facility', { hasText: 'Opvang Amstel' }).waitFor({ state: 'detached' });

      // Opened, the filters keep working: only with a free place drops the full one.
      await summary.click();
      await page.locator('select[name=region]').waitFor();
      await page.getByLabel('Alleen met vrije plek').check();
      await page.locator('li.facility', { hasText: 'Opvang Delfshaven' }).waitFor({ state: 'detached' });
      expect(await summary.textContent()).toBe('Filters (2 actief)');
      await page.locator('select[name=region]').selectOption('');
      await page.locator('li.facility', { hasText: 'Opvang Amstel' }).waitFor();
      expect(await summary.textContent()).toBe('Filters (1 actief)');

      // Sorted by free places: one list across regions, most first; by name: A–Z.
      await page.locator('select[name=sort]').selectOption('free');
      await page.locator('ul.facility-list[data-sort=free]').waitFor();
      expect(await rowNames(page)).toEqual(['Opvang Amstel', 'Opvang Kralingen', 'COSM Rijnmond', 'Opvang Maas']);
      const counts = await rowCounts(page);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      await page.locator('select[name=sort]').selectOption('name');
      await page.locator('ul.facility-list[data-sort=name]').waitFor();
      expect(await rowNames(page)).toEqual(['COSM Rijnmond', 'Opvang Amstel', 'Opvang Kralingen', 'Opvang Maas']);
      await screenshot(page, 'bed-board-phone-sorted');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('at 03:00 on a phone: a figure to verify has its number one tap away; while the connection is down no row says "actueel"', async () => {
    const { context, page, problems } = await harness.newPage({ viewport: PHONE });
    try {
      // The socket goes through this route, so the test can drop it as a lost connection would.
      let reachable = true;
      const sockets: { close(): Promise<void> }[] = [];
      await page.routeWebSocket(/\/graphql$/, (socket) => {
        if (!reachable) return void socket.close({ code: 1006, reason: 'no network' }).catch(() => undefined);
        socket.connectToServer();
        sockets.push(socket);
      });
      await page.goto(`${harness.api.url}/beds#token=${encodeURIComponent(token)}`);
      await page.locator('[data-connection=live]').waitFor();

      // All regions: Twente's figure is two days old; its number is a link to call, big enough to tap.
      await page.getByTestId('region-toggle').click();
      const twente = page.locator('li.facility', { hasText: 'Opvang Twentekanaal' });
      await twente.waitFor();
      expect(await twente.locator('[data-freshness]').textContent()).toBe('bel om te verifiëren');
      const call = twente.getByRole('link', { name: 'Bel Opvang Twentekanaal: 053 000 0077' });
      expect(await call.getAttribute('href')).toBe('tel:+31530000077');
      const box = (await call.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      // A fresh figure needs no call; while live it is "actueel".
      const maas = page.locator('li.facility', { hasText: 'Opvang Maas' });
      expect(await maas.locator('[data-freshness]').textContent()).toBe('actueel');
      expect(await maas.locator('a[href^="tel:"]').count()).toBe(0);

      // The connection drops (and stays down): the header says so, and no figure is called current.
      reachable = false;
      await Promise.all(sockets.splice(0).map((socket) => socket.close()));
      await page.locator('[data-connection]:not([data-connection=live])').waitFor();
      expect(await page.locator('[data-connection]').textContent()).toBe('Verbinden…');
      const badges = page.locator('li.facility [data-freshness]');
      await page.locator('li.facility [data-live=false]').first().waitFor();
      const said = await badges.allTextContents();
      expect(said.length).toBe(await visibleRows(page).count());
      expect(said.filter((text) => /actueel|wordt oud/.test(text))).toEqual([]);
      expect(await maas.locator('[data-freshness]').textContent()).toBe('niet live — laatst bekend zojuist');
      // "Call to verify" still says what to do, with the number.
      expect(await twente.locator('[data-freshness]').textContent()).toBe('bel om te verifiëren');
      await twente.getByRole('link', { name: 'Bel Opvang Twentekanaal: 053 000 0077' }).waitFor();
      await screenshot(page, 'bed-board-phone-not-live');
      await page.getByRole('button', { name: 'English' }).click();
      await maas.locator('[data-freshness]', { hasText: 'not live — last known just now' }).waitFor();
      expect((await badges.allTextContents()).filter((text) => /^fresh$|aging/.test(text))).toEqual([]);
      await page.getByRole('button', { name: 'Nederlands' }).click();

      // Back on the network: live again, and the fresh figure is "actueel" again.
      reachable = true;
      await page.locator('[data-connection=live]').waitFor({ timeout: 40_000 });
      await maas.locator('[data-freshness]', { hasText: /^actueel$/ }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
