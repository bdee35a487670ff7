import { readFileSync } from 'node:fs';
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

/** Polls `check` until it holds, or fails after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The little of the DOM the page-side checks use (the test project's types have no DOM lib). */
interface BrowserElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): unknown;
}
interface BrowserCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray } };
}

/**
 * The console in a real browser (Debian's Chromium via playwright-core) against the real API and
 * worker on a private PostgreSQL database: the three jobs on shift and the planner's dashboard,
 * each asserted on what the screen shows. Screenshots go to test/artifacts/console/.
 */
describeInBrowser('the console in a browser', () => {
  let shelter: { id: string; name: string };
  let secretShelter: { id: string; name: string; address: string };
  let menOnly: { id: string; name: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      const [women, secret, men] = await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang De Haven', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
        newFacility({
          name: 'Opvang Geheim',
          secretAddress: true,
          address: 'Geheimstraat 7, Rotterdam',
          capacity: { total: 4, occupied: 4, held: 0, outOfService: 0 },
        }),
        newFacility({
          name: 'Mannenopvang Rijnmond',
          type: ShelterType.MAATSCHAPPELIJKE_OPVANG,
          eligibility: { ...newFacility().eligibility, genders: [Gender.MALE] },
          capacity: { total: 6, occupied: 2, held: 0, outOfService: 0 },
        }),
      ]);
      shelter = women;
      secretShelter = { id: secret.id, name: secret.name, address: secret.address! };
      menOnly = men;
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true }),
  });

  /** Opens the console logged in with `token` (the `#token=` route), on `screen`. */
  const openConsole = (token: string, screen: string, viewport?: { width: number; height: number }, keep = false) =>
    harness.openConsole(token, screen, { viewport, keep });

  async function readFacility(id: string, token: string) {
    const response = await gql<{ facility: { capacity: { version: number; available: number } } }>(
      harness.api.url,
      'query($id: ID!) { facility(id: $id) { capacity { version available } } }',
      {
        token,
        variables: { id },
      },
    );
    return response.data!.facility.capacity;
  }

  it('the bed board shows a capacity change made through the API, without a reload', async () => {
    const planner = await tokenFor({ role: Role.PLANNER, org: 'gemeente-rotterdam', regions: ['RR'] });
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [shelter.id] });
    const { page, problems } = await openConsole(planner, 'beds');

    const row = page.locator(`li[data-facility-id="${shelter.id}"]`);
    await row.getByTestId('available').filter({ hasText: /^5$/ }).waitFor();
    expect(await row.locator('.facility-name').textContent()).toBe('Vrouwenopvang De Haven');
    expect(await page.getByRole('link', { name: 'Planning' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Opvangbalie' }).count()).toBe(0);
    // The API withholds secret addresses from planners; the board shows no address for it.
    await page.locator(`li[data-facility-id="${secretShelter.id}"]`).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(secretShelter.address);
    // Freshly loaded figures are fresh; a full facility shows 0.
    expect(await row.locator('[data-freshness]').getAttribute('data-freshness')).toBe('FRESH');
    expect(await page.locator(`li[data-facility-id="${secretShelter.id}"] [data-testid=available]`).textContent()).toBe('0');

    await page.locator('[data-connection=live]').waitFor();
    // A reload would clear this marker: it proves the change arrived on the same page.
    await page.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // Shelter staff free up places through the API. The subscription is live once the socket is;
    // in the rare case the server had not yet registered it, the next change is seen instead.
    let shown = false;
    for (let attempt = 0; attempt < 4 && !shown; attempt++) {
      const { version } = await readFacility(shelter.id, staff);
      const occupied = 2 - Math.min(attempt, 2);
      const total = 12 + attempt;
      const update = await gql(
        harness.api.url,
        'mutation($input: UpdateCapacityInput!) { updateCapacity(input: $input) { id } }',
        {
          token: staff,
          variables: { input: { facilityId: shelter.id, expectedVersion: version, total, occupied, outOfService: 0 } },
        },
      );
      expect(update.errors).toBeUndefined();
      shown = await row
        .getByTestId('available')
        .filter({ hasText: new RegExp(`^${total - occupied}$`) })
        .waitFor({ timeout: 3_000 })
        .then(
          () => true,
          () => false,
        );
    }
    expect(shown).toBe(true);
    expect(await row.getByTestId('total').textContent()).toMatch(/^1[2-5]$/);
    expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await screenshot(page, 'bed-board');

    // Filters: only the men's shelter kind.
    await page.getByLabel('Maatschappelijke opvang').check();
    await page.locator(`li[data-facility-id="${shelter.id}"]`).waitFor({ state: 'detached' });
    expect(await page.locator('li.facility').count()).toBe(1);
    expect(await page.locator('li.facility .facility-name').textContent()).toBe(menOnly.name);

    // English labels on request, kept when the page is reloaded.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Bed board', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Planning' }).getAttribute('href')).toBe('/dashboard');
    await page.reload();
    await page.getByRole('heading', { name: 'Bed board', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'Beddenbord', level: 1 }).waitFor();
    expect(problems).toEqual([]);
  });

  it('each role lands on its own screen and sees only the screens its operations allow', async () => {
    const cases = [
      {
        token: await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] }),
        lands: 'Aanvraag',
        links: ['Aanvraag', 'Mijn aanvragen', 'Beddenbord'],
        noodbed: true,
      },
      {
        token: await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [shelter.id] }),
        lands: 'Opvangbalie',
        links: ['Opvangbalie', 'Beddenbord'],
      },
      {
        token: await tokenFor({ role: Role.NLA, org: 'nla', regions: ['RR'] }),
        lands: 'Aanvraag',
        links: ['Aanvraag', 'Mijn aanvragen', 'Werklijst', 'Acties', 'Beddenbord'],
        noodbed: false,
      },
      {
        // Youth care decides on its worklist (domain.md §5a), and requests too.
        token: await tokenFor({ role: Role.JEUGDBESCHERMING, org: 'veilig-thuis-rr', regions: ['RR'] }),
        lands: 'Werklijst',
        links: ['Werklijst', 'Aanvraag', 'Mijn aanvragen', 'Beddenbord'],
      },
      {
        token: await tokenFor({ role: Role.PLANNER, org: 'gemeente', regions: ['RR'] }),
        lands: 'Planning',
        links: ['Planning', 'Beddenbord'],
      },
    ];
    for (const { token, lands, links, noodbed } of cases) {
      const { page, problems } = await openConsole(token, '');
      await page.getByRole('heading', { name: lands, level: 1 }).waitFor();
      expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(links);
      if (lands === 'Aanvraag') {
        // Police ask for a noodbed (no urgency: it is always now); others for a placement.
        expect(await page.getByRole('button', { name: noodbed ? 'Noodbed aanvragen' : 'Plaatsing aanvragen' }).count()).toBe(1);
        expect(await page.locator('select[name=urgency]').count()).toBe(noodbed ? 0 : 1);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    }
  }, 60_000);

  let requestId: string;
  /** The requester's page stays open after the request scenario: the desk scenario watches it. */
  let requester: Awaited<ReturnType<typeof openConsole>>;

  it('a request filled in on the form shows the match as it is typed, and reaches OFFERED on screen', async () => {
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    requester = await openConsole(coordinator, 'request', undefined, true);
    const { page, problems } = requester;

    await page.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    expect(await page.getByText('De uitkomst verschijnt zodra gender en soort uitbuiting zijn ingevuld.').count()).toBe(1);
    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Seksueel').check();
    await page.locator('input[name=age]').fill('24');
    await page.locator('select[name=residenceStatus]').selectOption('DUTCH');

    // The match result appears without submitting: the women's shelter fits, the men's does not.
    await page.locator(`.match-list li[data-facility-id="${shelter.id}"]`).waitFor();
    const excluded = page.locator('details.excluded');
    await excluded.locator('summary').click();
    const menExclusion = excluded.locator('li', { hasText: menOnly.name });
    await menExclusion.locator('[data-reason=GENDER]').waitFor();
    expect(Number(await page.getByTestId('excluded-count').textContent())).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'request-form');

    expect(await page.locator('select[name=regionCode]').inputValue()).toBe('RR');
    await page.getByRole('button', { name: 'Plaatsing aanvragen' }).click();

    const follow = page.locator('section.follow');
    await follow.waitFor();
    requestId = (await follow.getAttribute('data-request-id'))!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The worker matches and holds a place; the screen follows it live.
    await follow.locator('h2 [data-status=OFFERED]').waitFor({ timeout: 30_000 });
    expect(await follow.getByTestId('offered-facility').textContent()).toContain('Vrouwenopvang De Haven');
    expect(await follow.locator('ol.history [data-status=RECEIVED]').count()).toBe(1);
    await screenshot(page, 'request-offered');
    expect(problems).toEqual([]);
  }, 90_000);

  it('the shelter desk accepts the offer, and the requester sees it at once', async () => {
    expect(requestId).toBeDefined();
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [shelter.id] });
    // The desk on a phone-sized screen: shelter staff use it at the door.
    const { page, problems } = await openConsole(staff, 'desk', { width: 390, height: 844 });

    const card = page.locator(`article.capacity-card[data-facility-id="${shelter.id}"]`);
    await card.getByTestId('held').filter({ hasText: /^1$/ }).waitFor();
    const offer = page.locator(`article.offer-card[data-request-id="${requestId}"]`);
    await offer.waitFor();
    expect(await offer.getAttribute('data-status')).toBe('OFFERED');
    expect(await offer.textContent()).toContain('Vrouw');
    expect(await page.getByTestId('offer-count').textContent()).toBe('(1)');
    await screenshot(page, 'desk-offer');

    await offer.getByRole('button', { name: 'Accepteren' }).click();
    await page.locator(`article.offer-card[data-request-id="${requestId}"][data-status=ACCEPTED]`).waitFor();
    const after = await gql<{ placementRequest: { status: string } }>(
      harness.api.url,
      'query($id: ID!) { placementRequest(id: $id) { status } }',
      {
        token: coordinator,
        variables: { id: requestId },
      },
    );
    expect(after.data!.placementRequest.status).toBe('ACCEPTED');
    await screenshot(page, 'desk-accepted');
    // The requester's page, open since the request was made, follows it live (placementRequestUpdated).
    const follow = requester.page.locator(`section.follow[data-request-id="${requestId}"]`);
    await follow.locator('h2 [data-status=ACCEPTED]').waitFor({ timeout: 10_000 });
    expect(await follow.locator('h2 [data-status]').textContent()).toBe('Geaccepteerd');
    await screenshot(requester.page, 'request-accepted');

    // The person arrives: the request is PLACED (and gives the dashboard a time to placement).
    await offer.getByRole('button', { name: 'Aangekomen' }).click();
    await offer.waitFor({ state: 'detached' }); // placed: no longer an offer to act on
    await follow.locator('h2 [data-status=PLACED]').waitFor({ timeout: 10_000 });

    // Capacity in two taps: +1 occupied, save; the card shows the saved counts.
    const occupiedBefore = Number(await card.getByTestId('occupied').textContent());
    await card.getByRole('button', { name: 'Bezet +1' }).click();
    await card.getByRole('button', { name: 'Opslaan' }).click();
    await card.getByText('Opgeslagen').waitFor();
    expect(Number(await card.getByTestId('occupied').textContent())).toBe(occupiedBefore + 1);
    expect(problems).toEqual([]);
    expect(requester.problems).toEqual([]);
    await requester.context.close();
  }, 90_000);

  it('the planner dashboard renders its charts, and downloads a CSV', async () => {
    // Figures of people are shown from 5 requests up (smaller counts are suppressed, issue 12): five
    // requests nobody here can take (every facility is in a region the exploiter operates in) wait,
    // and five are offered a place at a women's shelter with room for them.
    await insertFacilities(harness.database.dataSource, [
      newFacility({ name: 'Vrouwenopvang Extra', capacity: { total: 10, occupied: 0, held: 0, outOfService: 0 } }),
    ]);
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    const submit = async (profile: Record<string, unknown>) => {
      const response = await gql<{ requestPlacement: { id: string } }>(
        harness.api.url,
        'mutation($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }',
        { token: coordinator, variables: { input: { profile, urgency: 'URGENT', regionCode: 'RR' } } },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.requestPlacement.id;
    };
    const statusOf = async (id: string) =>
      (
        await gql<{ placementRequest: { status: string } }>(
          harness.api.url,
          'query($id: ID!) { placementRequest(id: $id) { status } }',
          {
            token: coordinator,
            variables: { id },
          },
        )
      ).data?.placementRequest.status;
    const woman = { gender: 'FEMALE', exploitationTypes: ['SEXUAL'], age: 30, residenceStatus: 'DUTCH' };
    const waiting: string[] = [];
    const offered: string[] = [];
    for (let i = 0; i < 5; i++) {
      waiting.push(await submit({ ...woman, excludedRegionCodes: ['RR'] }));
      offered.push(await submit(woman));
    }
    await until(async () => (await Promise.all(waiting.map(statusOf))).every((status) => status === 'WAITING'));
    await until(async () => (await Promise.all(offered.map(statusOf))).every((status) => status === 'OFFERED'));

    const planner = await tokenFor({ role: Role.PLANNER, org: 'gemeente-rotterdam', regions: ['RR'] });
    const { page, problems } = await openConsole(planner, 'dashboard');
    await page.getByRole('heading', { name: 'Planning', level: 1 }).waitFor();
    for (const chart of ['capacity', 'occupancy', 'stale-share', 'unmet', 'time-to-placement']) {
      await page.locator(`section.chart-panel[data-chart=${chart}] canvas`).waitFor();
    }
    const charts = await page.locator('section.chart-panel').evaluateAll((sections) =>
      (sections as unknown as BrowserElement[]).map((section) => ({
        id: section.getAttribute('data-chart'),
        points: Number(section.getAttribute('data-points')),
      })),
    );
    expect(Object.fromEntries(charts.map((chart) => [chart.id, chart.points]))).toEqual({
      capacity: 2, // two kinds in RR: women's and general shelter
      occupancy: expect.any(Number),
      'stale-share': expect.any(Number),
      unmet: 1, // one reason: no suitable place (five requests)
      'time-to-placement': expect.any(Number),
    });
    expect(charts.every((chart) => chart.points > 0)).toBe(true);
    // Drawn, not merely present: every canvas has painted pixels.
    const painted = await page.locator('section.chart-panel canvas').evaluateAll((elements) =>
      elements.map((element) => {
        const canvas = element as unknown as BrowserCanvas;
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let coloured = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) coloured++;
        return coloured;
      }),
    );
    expect(painted).toHaveLength(5);
    for (const count of painted) expect(count).toBeGreaterThan(1000);
    expect(await page.getByTestId('unmet-facts').textContent()).toMatch(/^\d+ aanvragen · [1-9]\d* moesten wachten/);
    await page.locator('[data-chart=statistics] table').waitFor();
    await screenshot(page, 'dashboard');

    // Each chart's figures as a table for screen readers, in the chart's words, the same numbers.
    const tableOf = async (chart: string) => {
      const panel = page.locator(`section.chart-panel[data-chart=${chart}]`);
      await panel.getByText('Cijfers als tabel').click();
      return panel.locator(`[data-testid=${chart}-table] table`).evaluate((table) => {
        const text = (cell: unknown) => ((cell as { textContent: string }).textContent ?? '').trim();
        const element = table as unknown as { querySelectorAll(selector: string): ArrayLike<unknown> };
        return {
          columns: Array.from(element.querySelectorAll('thead th'), text),
          rows: Array.from(element.querySelectorAll('tbody tr'), (row) =>
            Array.from((row as typeof element).querySelectorAll('th, td'), text),
          ),
        };
      });
    };
    const overview = await gql<{
      capacityOverview: {
        type: string;
        occupied: number;
        held: number;
        outOfService: number;
        available: number;
        secretFacilities: number;
        secretAvailability: string;
      }[];
    }>(
      harness.api.url,
      'query { capacityOverview(regionCodes: ["RR"]) { type occupied held outOfService available secretFacilities secretAvailability } }',
      {
        token: planner,
      },
    );
    const capacity = await tableOf('capacity');
    expect(capacity.columns).toEqual(['Soort opvang', 'Bezet', 'Gereserveerd', 'Buiten gebruik', 'Vrij']);
    const women = overview.data!.capacityOverview.find((row) => row.type === 'VROUWENOPVANG')!;
    // The secret women's shelter in RR is in no sum: the row says so, with whether it has a place free.
    expect(women.secretFacilities).toBe(1);
    const secretBand = women.secretAvailability === 'AVAILABLE' ? '≥ 1 vrij' : 'vol';
    expect(capacity.rows).toContainEqual(
      [
        `Vrouwenopvang (totalen zonder 1 locatie met een geheim adres: ${secretBand})`,
        women.occupied,
        women.held,
        women.outOfService,
        women.available,
      ].map(String),
    );
    expect(capacity.rows).toHaveLength(2);
    const unmet = await tableOf('unmet');
    expect(unmet.columns).toEqual(['Reden van wachten', 'aanvragen']);
    expect(unmet.rows).toEqual([['geen passende plek', expect.stringMatching(/^(5|onderdrukt \(te klein\))$/)]]);
    const times = await tableOf('time-to-placement');
    expect(times.columns).toEqual(['Vanaf de aanvraag', 'aanvragen', 'mediaan (min)', '90e percentiel (min)']);
    expect(times.rows.map((row) => row[0])).toEqual(['tot aanbod', 'tot plaatsing']);
    // Nobody was placed yet: no median to draw, and the table says why instead of showing 0.
    expect(times.rows[1].slice(2)).toEqual([
      expect.stringMatching(/^(geen gegevens|onderdrukt \(te klein\))$/),
      expect.stringMatching(/^(geen gegevens|onderdrukt \(te klein\))$/),
    ]);

    // CSV: fetched with the bearer token and handed to the browser as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-chart=capacity] button[data-csv]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('capacity-overview.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe(
      'region,regionName,type,facilities,total,occupied,held,outOfService,available,staleShare,secretFacilities,secretAvailability,expectedFree24h,expectedFree72h',
    );
    expect(csv).toContain('RR,Rotterdam Rijnmond,VROUWENOPVANG');
    expect(problems).toEqual([]);
  }, 90_000);
});
