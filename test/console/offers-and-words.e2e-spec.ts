import { Gender, Role, ShelterType } from '@opvangplek/domain';
import type { BrowserContext, Page } from 'playwright-core';
import { ANY_ADULT, insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';
import { REWORDED, rewordMatchReasons, rewordNotes } from './reworded';

const PHONE = { width: 390, height: 844 };
/**
 * An API code left raw on screen: BRIDGE_THEN_TRANSFER, NO_SUITABLE_PLACE. (The issue's
 * `/\b[A-Z]{3,}_[A-Z_]+\b/` misses codes that start with two letters, such as NO_SUITABLE_PLACE.)
 */
const RAW_CODE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;
/** An ISO timestamp on screen. */
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Polls `check` until it holds, or fails after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What the page did to reach the person: notifications made, permission asked, vibrations. */
interface Reached {
  notifications: { title: string; body?: string }[];
  permissionAsked: number;
  vibrations: number;
}

/**
 * Records, in the page, the Notification API and navigator.vibrate as the console uses them
 * (headless Chromium shows no notification and has no motor: the calls are what can be seen).
 */
async function recordAlerts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const page = globalThis as unknown as {
      Notification: {
        new (title: string, options?: { body?: string }): unknown;
        permission: string;
        requestPermission(): Promise<string>;
      };
      navigator: { vibrate?: (pattern: unknown) => boolean };
      __reached: Reached;
    };
    const reached: Reached = { notifications: [], permissionAsked: 0, vibrations: 0 };
    page.__reached = reached;
    const Real = page.Notification;
    const Recording = function (this: unknown, title: string, options?: { body?: string }) {
      reached.notifications.push({ title, body: options?.body });
      return new Real(title, options);
    } as unknown as typeof Real;
    Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
    Recording.requestPermission = () => {
      reached.permissionAsked += 1;
      return Real.requestPermission();
    };
    page.Notification = Recording;
    page.navigator.vibrate = () => {
      reached.vibrations += 1;
      return true;
    };
  });
}

const reachedOn = (page: Page) => page.evaluate(() => (globalThis as unknown as { __reached: Reached }).__reached);

/**
 * Issue 13, items 4 and 8, in Chromium against the real API and worker: an offer reaches the staff
 * phone (pinned, counted in the title, notified, counting down), and the requester's match and
 * history read as words in Dutch and in English, never as the API's codes or ISO timestamps.
 */
describeInBrowser('offers reach staff, and the API speaks in words', () => {
  let haven: { id: string; name: string };
  let anker: { id: string; name: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      [haven, anker] = await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang De Haven', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
        newFacility({ name: 'Vrouwenopvang Het Anker', capacity: { total: 8, occupied: 2, held: 0, outOfService: 0 } }),
        newFacility({ name: 'COSM Rotterdam', type: ShelterType.COSM, eligibility: { ...ANY_ADULT, genders: [Gender.MALE] } }),
      ]);
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true }),
  });

  async function openConsole(
    token: string,
    screen: string,
    options: { viewport?: { width: number; height: number }; notifications?: boolean } = {},
  ) {
    let subscribed!: Promise<void>;
    const opened = await harness.openConsole(token, screen, {
      viewport: options.viewport,
      beforeOpening: async ({ context, page }) => {
        await recordAlerts(context);
        if (options.notifications) await context.grantPermissions(['notifications'], { origin: harness.api.url });
        subscribed = new Promise<void>((resolve) =>
          page.on('websocket', (socket) =>
            socket.on('framesent', (frame) => {
              if (String(frame.payload).includes('placementRequestUpdated')) resolve();
            }),
          ),
        );
      },
    });
    return { ...opened, subscribed };
  }

  const coordinatorToken = () => tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
  const staffToken = () => tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [haven.id, anker.id] });
  const woman = { gender: 'FEMALE', exploitationTypes: ['SEXUAL'], age: 30, residenceStatus: 'DUTCH' };

  async function requestPlacement(token: string, profile: Record<string, unknown>): Promise<string> {
    const response = await gql<{ requestPlacement: { id: string } }>(
      harness.api.url,
      'mutation($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }',
      { token, variables: { input: { profile, urgency: 'ACUTE', regionCode: 'RR' } } },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.requestPlacement.id;
  }

  async function statusOf(id: string, token: string): Promise<string | undefined> {
    const response = await gql<{ placementRequest: { status: string } }>(
      harness.api.url,
      'query($id: ID!) { placementRequest(id: $id) { status } }',
      { token, variables: { id } },
    );
    return response.data?.placementRequest.status;
  }

  async function respond(requestId: string, accept: boolean) {
    const response = await gql(
      harness.api.url,
      'mutation($input: OfferResponseInput!) { respondToOffer(input: $input) { id status } }',
      {
        token: await staffToken(),
        variables: { input: { requestId, accept, ...(accept ? {} : { declineReason: 'Geen kamer vrij met een slot' }) } },
      },
    );
    expect(response.errors).toBeUndefined();
  }

  it('staff phone: a new offer is pinned above the counts, counted in the title, notified, and counts down', async () => {
    const staff = await openConsole(await staffToken(), 'desk', { viewport: PHONE, notifications: true });
    const { page, problems } = staff;
    await page.locator(`article.capacity-card[data-facility-id="${anker.id}"]`).waitFor();
    await page.getByText('Geen openstaande aanbiedingen.').waitFor();
    await staff.subscribed;
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server registers what the socket asked
    expect(await page.title()).toBe('Opvangbalie — Opvangplek');
    // Permission already given (the browser context's): no button, the desk says notifications are on.
    await page.getByText('Meldingen staan aan', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Meldingen aanzetten' }).count()).toBe(0);
    // The person has touched the page (the autoplay policy): sound and vibration may follow.
    await page.getByRole('heading', { name: 'Opvangbalie', level: 1 }).click();

    const requestId = await requestPlacement(await coordinatorToken(), woman);
    const offer = page.locator(`article.offer-card[data-request-id="${requestId}"]`);
    await offer.waitFor({ timeout: 30_000 });
    const facility = (await offer.locator('h3').textContent())!.includes(haven.name) ? haven : anker;

    // Pinned: on the first screen of the phone, above both capacity cards, without scrolling.
    expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
    const offerBox = (await offer.boundingBox())!;
    expect(offerBox.y + 120).toBeLessThan(PHONE.height);
    for (const id of [haven.id, anker.id]) {
      const cardBox = (await page.locator(`article.capacity-card[data-facility-id="${id}"]`).boundingBox())!;
      expect(cardBox.y).toBeGreaterThan(offerBox.y);
    }
    await until(async () => (await page.title()) === '(1) Opvangbalie — Opvangplek', 5_000);
    expect(await page.getByTestId('offer-count').textContent()).toBe('(1)');

    // The browser's notification, made while the console is open; a vibration; a polite announcement.
    await until(async () => (await reachedOn(page)).notifications.length === 1, 5_000);
    const reached = await reachedOn(page);
    expect(reached.notifications[0].title).toBe(`Nieuw aanbod voor ${facility.name}`);
    expect(reached.notifications[0].body).toMatch(/^1 plek · Acuut · nog 1:59:\d\d$/);
    expect(reached.vibrations).toBe(1);
    expect(reached.permissionAsked).toBe(0);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: `Nieuw aanbod voor ${facility.name}` })
        .count(),
    ).toBe(1);

    // A countdown, not a clock time, and it ticks.
    const countdown = offer.getByTestId('offer-countdown');
    const first = (await countdown.textContent())!;
    expect(first).toMatch(/^nog 1:59:\d\d$/);
    await until(async () => (await countdown.textContent()) !== first, 3_000);
    expect(await countdown.textContent()).toMatch(/^nog 1:5\d:\d\d$/);

    // Buttons say which offer and which facility they answer; "1 plek", not "1 plekken".
    const snapshot = await offer.ariaSnapshot();
    const names = snapshot
      .split('\n')
      .map((line) => /\bbutton "([^"]*)"/.exec(line)?.[1])
      .filter((name): name is string => !!name);
    expect({ snapshot, count: names.length }).toMatchObject({ count: 2 });
    for (const name of names)
      expect(name).toMatch(new RegExp(`^(Accepteren|Afwijzen) — aanbod #[0-9A-F]{6} voor ${facility.name}$`));
    expect(await offer.textContent()).toContain('Acuut · 1 plek');
    expect(await offer.textContent()).not.toMatch(/plekken|UNKNOWN|FEMALE/);
    // The counts say when they were last confirmed as people say it, not as a timestamp.
    expect(await page.locator(`article.capacity-card[data-facility-id="${anker.id}"]`).innerText()).toMatch(
      /bijgewerkt (zojuist|\d+ min geleden|vandaag \d\d:\d\d)/,
    );
    await screenshot(page, 'desk-offer-pinned-phone');

    // A second offer: the title counts both, and only the new one is notified.
    const second = await requestPlacement(await coordinatorToken(), { ...woman, age: 25 });
    await page.locator(`article.offer-card[data-request-id="${second}"]`).waitFor({ timeout: 30_000 });
    await until(async () => (await page.title()) === '(2) Opvangbalie — Opvangplek', 5_000);
    await until(async () => (await reachedOn(page)).notifications.length === 2, 5_000);

    // Answered offers leave the count.
    await respond(requestId, true);
    await respond(second, true);
    await until(async () => (await page.title()) === 'Opvangbalie — Opvangplek', 10_000);
    expect(problems).toEqual([]);
  }, 90_000);

  it('permission is asked only from "Meldingen aanzetten", never on load', async () => {
    const { page, problems } = await openConsole(await staffToken(), 'desk', { viewport: PHONE });
    const button = page.getByRole('button', { name: 'Meldingen aanzetten' });
    await button.waitFor();
    await page.getByText('Geluid klinkt pas nadat u iets op de pagina hebt aangeraakt', { exact: false }).waitFor();
    expect((await reachedOn(page)).permissionAsked).toBe(0);
    await button.click();
    await until(async () => (await reachedOn(page)).permissionAsked === 1, 5_000);
    expect(problems).toEqual([]);
  });

  it('no connection: "Geen verbinding met de server", not the browser\'s "Failed to fetch"', async () => {
    const { page, problems } = await openConsole(await coordinatorToken(), 'request');
    await page.getByLabel('Vrouw').waitFor();
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Seksueel').check();
    const error = page.locator('section.match .error-box [data-code=NETWORK]');
    await error.waitFor();
    expect(await error.innerText()).toBe(
      'Geen verbinding met de server: controleer de internetverbinding en probeer het opnieuw.',
    );
    await page.getByRole('button', { name: 'English' }).click();
    await error.filter({ hasText: 'No connection to the server: check the internet connection and try again.' }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/Failed to fetch|\[Network\]/);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    // The aborted requests are this test's doing; nothing else went wrong.
    expect(
      problems.filter((problem) => !/^request failed: .*\/graphql|console error: Failed to load resource/.test(problem)),
    ).toEqual([]);
  });

  /** The visible text of the page's main content (hidden and collapsed parts are not read). */
  const visibleText = (page: Page) => page.locator('main').innerText();

  async function expectWords(page: Page, where: string) {
    const text = await visibleText(page);
    expect({ where, codes: RAW_CODE.exec(text)?.[0] ?? null }).toEqual({ where, codes: null });
    expect({ where, iso: ISO_TIME.exec(text)?.[0] ?? null }).toEqual({ where, iso: null });
  }

  it("the requester's match and history show words from the API's codes, not codes or ISO timestamps, in Dutch and in English", async () => {
    const token = await coordinatorToken();
    const { page, problems, subscribed } = await openConsole(token, 'request');
    // The server's English reasons say something else now: the console's words must not move.
    await rewordMatchReasons(page);

    // The match as it is typed: reasons, advice (B8/3 not yet told) and exclusions, all in words.
    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Seksueel').check();
    await page.locator('input[name=age]').fill('24');
    await page.locator('select[name=residenceStatus]').selectOption('EU_CITIZEN');
    await page.locator('select[name=b8Status]').selectOption('NOT_YET_INFORMED');
    await page.locator(`.match-list li[data-facility-id="${haven.id}"]`).waitFor();
    await page.locator('.advice [data-advice=INFORM_B8]').waitFor();
    await page.locator('details.excluded summary').click();
    const matchText = await page.locator('section.match').innerText();
    expect(matchText).toContain('nu plaatsbaar');
    expect(matchText).toMatch(/\d+ plekken vrij/);
    expect(matchText).toContain('Nog niet gewezen op B8/3');
    expect(matchText).toContain('gender past niet');
    expect(matchText).not.toMatch(/placeable now|free places|Not yet informed|\(\d{3}:\d+/);
    await expectWords(page, 'match, nl');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('placeable now').first().waitFor();
    expect(await page.locator('section.match').innerText()).toMatch(/\d+ places free/);
    expect(await page.locator('section.match').innerText()).not.toContain(REWORDED);
    await expectWords(page, 'match, en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    expect(await page.locator('section.match').innerText()).not.toContain(REWORDED);
    await page.unroute('**/graphql');

    // Submitted: offered at one shelter, declined there, offered at the other, accepted (held until …).
    await page.getByRole('button', { name: 'Plaatsing aanvragen' }).click();
    const follow = page.locator('section.follow');
    await follow.waitFor();
    await subscribed;
    const requestId = (await follow.getAttribute('data-request-id'))!;
    await follow.locator('h2 [data-status=OFFERED]').waitFor({ timeout: 30_000 });
    await until(async () => (await statusOf(requestId, token)) === 'OFFERED');
    await respond(requestId, false);
    await follow.locator('ol.history').getByText('afgewezen: Geen kamer vrij met een slot').waitFor({ timeout: 10_000 });
    await until(async () => (await statusOf(requestId, token)) === 'OFFERED');
    await respond(requestId, true);
    await follow.locator('h2 [data-status=ACCEPTED]').waitFor({ timeout: 10_000 });
    const history = follow.locator('ol.history');
    await history
      .getByText(/Geaccepteerd\s+door de opvang; vastgehouden tot (vandaag|morgen) \d\d:\d\d voor haar aankomst/)
      .waitFor();
    expect(await history.innerText()).toMatch(/Aangeboden\s+Vrouwenopvang (De Haven|Het Anker) \(1 plek\)/);
    expect(await history.innerText()).toMatch(/(zojuist|\d+ min geleden)/);
    await expectWords(page, 'history, nl');
    await screenshot(page, 'request-history-words');
    await page.getByRole('button', { name: 'English' }).click();
    await history.getByText('declined: Geen kamer vrij met een slot').waitFor();
    expect(await history.innerText()).toMatch(
      /Accepted\s+by the facility; held until (today|tomorrow) \d\d:\d\d for her arrival/,
    );
    await expectWords(page, 'history, en');
    await page.getByRole('button', { name: 'Nederlands' }).click();

    // The server's English notes change: after a reload the history says the same, from the codes.
    expect(await rewordNotes(harness.api, harness.database, requestId)).toBeGreaterThanOrEqual(3);
    await page.reload();
    const reread = page.locator(`section.follow[data-request-id="${requestId}"] ol.history`);
    await reread.getByText('afgewezen: Geen kamer vrij met een slot').waitFor();
    expect(await reread.innerText()).toMatch(/Aangeboden\s+Vrouwenopvang (De Haven|Het Anker) \(1 plek\)/);
    expect(await reread.innerText()).toMatch(/Geaccepteerd\s+door de opvang; vastgehouden tot (vandaag|morgen) \d\d:\d\d/);
    expect(await reread.innerText()).not.toContain(REWORDED);
    // A step from before notes had codes: its English note is all there is, so that is shown.
    await harness.database.dataSource.query(
      `UPDATE placement_events SET note_code = NULL, note_params = NULL WHERE request_id = $1 AND status = 'ACCEPTED'`,
      [requestId],
    );
    await page.reload();
    await reread.getByText(REWORDED).waitFor();
    expect(await reread.getByText(REWORDED).count()).toBe(1);

    expect(problems).toEqual([]);
  }, 120_000);

  it('a request that waits: the history says why in words ("wacht: geen passende plek"), in Dutch and in English', async () => {
    const token = await coordinatorToken();
    const { page, problems, subscribed } = await openConsole(token, 'request', { viewport: PHONE });
    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Seksueel').check();
    await page.locator('select[name=residenceStatus]').selectOption('DUTCH');
    // The exploiter is active in Rotterdam Rijnmond, where every place here is: nothing suits her.
    await page
      .getByRole('group', { name: 'Uitgesloten regio’s (waar de uitbuiter actief is)' })
      .getByRole('checkbox', { name: 'Rotterdam Rijnmond' })
      .check();
    await page.getByTestId('match-count').filter({ hasText: /^0$/ }).waitFor();
    await expectWords(page, 'no match, nl');
    await page.getByRole('button', { name: 'Plaatsing aanvragen' }).click();
    await page.getByTestId('no-match-warning').getByRole('button', { name: 'Toch aanvragen' }).click();
    const follow = page.locator('section.follow');
    await follow.waitFor();
    await subscribed;
    const requestId = (await follow.getAttribute('data-request-id'))!;
    await until(async () => (await statusOf(requestId, token)) === 'WAITING');
    // The API's note carries the code ("waiting: NO_SUITABLE_PLACE") …
    const events = await gql<{ placementRequest: { history: { note: string | null }[] } }>(
      harness.api.url,
      'query($id: ID!) { placementRequest(id: $id) { history { note } } }',
      { token, variables: { id: requestId } },
    );
    const notes = events.data!.placementRequest.history.map((event) => event.note ?? '');
    expect({ notes, raw: notes.some((note) => RAW_CODE.test(note)) }).toMatchObject({ raw: true });
    // … the screen says it in words.
    const history = follow.locator('ol.history');
    await history.getByText(/^wacht: (geen passende plek|geen vrije plek)/).waitFor({ timeout: 20_000 });
    await expectWords(page, 'waiting history, nl');
    await screenshot(page, 'request-waiting-words-phone');
    await page.getByRole('button', { name: 'English' }).click();
    await history.getByText(/^waiting: (no suitable place|no free place)/).waitFor();
    await expectWords(page, 'waiting history, en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    expect(problems).toEqual([]);
  }, 90_000);
});
