import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { MatchingAttempt } from '@opvangplek/placement/workflow/matching-attempt';
import type { Page, WebSocketRoute } from 'playwright-core';
import { ANY_ADULT, insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

/** What these scenarios use of an element and the window inside the page (jest's types have no DOM). */
interface InPage {
  getBoundingClientRect(): { top: number; bottom: number };
  click(): void;
}
interface PageWindow {
  scrollY: number;
}

const PHONE = { width: 390, height: 844 };

/**
 * The request form as people on shift use it (a black-box review, Chromium): the officer's short
 * noodbed form on a phone, wrong input told at its field, one request however often the button is
 * pressed, and a case page that is current right after submitting. No worker runs: the test
 * decides when a request is matched.
 */
describeInBrowser('the request form on shift', () => {
  const harness = useConsoleHarness({
    async register(dataSource) {
      // Places for women only: a man finds none ("Toch aanvragen").
      const women = { ...ANY_ADULT, genders: [Gender.FEMALE] };
      await insertFacilities(dataSource, [
        newFacility({
          name: 'Noodbed Havenweg',
          type: ShelterType.NOODBED,
          eligibility: women,
          regionCode: 'RR',
          secretAddress: false,
          address: 'Havenweg 1, 3011 AA Rotterdam',
        }),
        newFacility({ name: 'Vrouwenopvang Maas', type: ShelterType.VROUWENOPVANG, eligibility: women, regionCode: 'RR' }),
      ]);
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl),
  });

  const police = () => tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
  const coordinator = () => tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });

  const openConsole = (token: string, path: string, viewport?: { width: number; height: number }) =>
    harness.openConsole(token, path, { viewport });

  async function requestCount(token: string): Promise<number> {
    const response = await gql<{ placementRequests: { totalCount: number } }>(
      harness.api.url,
      '{ placementRequests(first: 1) { totalCount } }',
      { token },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.placementRequests.totalCount;
  }

  /** Top of `locator` in the page (not the viewport): how far the officer has to scroll to it. */
  const pageTop = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate(
        (element) => (element as unknown as InPage).getBoundingClientRect().top + (globalThis as unknown as PageWindow).scrollY,
      );

  it('03:00, an officer on her phone: a short form, the possible places right above "Noodbed aanvragen"', async () => {
    const { page, problems } = await openConsole(await police(), 'request', PHONE);
    await page.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    const form = page.locator('form.request-form');
    // What the officer knows at night, and what requestNoodbed decides on.
    for (const name of ['gender', 'age', 'minor', 'exploitation', 'residenceStatus', 'accompanyingChildren', 'regionCode'])
      expect(await form.locator(`[name="${name}"]`).count()).toBeGreaterThan(0);
    // The zorgcoördinator's fields are not hers to fill in at 03:00.
    for (const name of [
      'b8Status',
      'aangifte',
      'threatLevel',
      'homeRegionCode',
      'careNeeds',
      'excludedRegionCodes',
      'languages',
      'groupSize',
    ])
      expect(await form.locator(`[name="${name}"]`).count()).toBe(0);

    const button = 'form.request-form button.primary';
    // Before anything is filled in: the hint where the result will be, above the button.
    expect(await pageTop(page, '.match-hint')).toBeLessThan(await pageTop(page, button));

    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Seksueel').check();
    await page.getByLabel('Minderjarig (leeftijd onbekend)').check();
    await page.getByLabel('Minderjarig (leeftijd onbekend)').uncheck();
    await page.locator('input[name=age]').fill('24');
    await form.getByTestId('match-count').waitFor();
    // Said honestly: the request holds one of these by its own rule, not necessarily the first.
    await form.getByRole('heading', { name: 'Mogelijke plekken' }).waitFor();
    expect(await form.locator('.match').textContent()).toContain('gaat vóór een noodbed');
    const previewBottom = await form
      .locator('.match')
      .evaluate(
        (element) =>
          (element as unknown as InPage).getBoundingClientRect().bottom + (globalThis as unknown as PageWindow).scrollY,
      );
    const buttonTop = await pageTop(page, button);
    expect(previewBottom).toBeLessThanOrEqual(buttonTop);
    // Reachable with a short scroll on a 390 × 844 phone (it was at about 3,530 px).
    expect(buttonTop).toBeLessThan(2 * PHONE.height);
    await screenshot(page, 'request-form-police-phone');
    expect(problems).toEqual([]);
  });

  it('the zorgcoördinator types wrong values: each is told at its field, in words, and the preview stays', async () => {
    const { page, problems } = await openConsole(await coordinator(), 'request');
    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Seksueel').check();
    await page.getByTestId('match-count').waitFor();
    const count = await page.getByTestId('match-count').textContent();

    const languages = page.locator('input[name=languages]');
    await languages.fill('Pools, Engels');
    await page.locator('[data-problem-for=languages]').getByText('Gebruik taalcodes zoals pl, en').waitFor();
    expect(await languages.getAttribute('aria-invalid')).toBe('true');
    expect(await languages.getAttribute('aria-describedby')).toBe('languages-problem');
    // The preview goes on without the field, and says so; no "Onjuiste invoer" replaces it.
    await page.getByTestId('match-left-out').getByText('Talen').waitFor();
    expect(await page.getByTestId('match-count').textContent()).toBe(count);
    expect(await page.locator('.match .error-box').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Plaatsing aanvragen' }).isDisabled()).toBe(true);
    await languages.fill('pl, en');
    await page.locator('[data-problem-for=languages]').waitFor({ state: 'detached' });
    expect(await languages.getAttribute('aria-invalid')).toBeNull();

    // Numbers are whole numbers within the API's limits, never quietly read as "not known".
    const age = page.locator('input[name=age]');
    for (const wrong of ['-5', '1e3', '12.5', '121']) {
      await age.fill(wrong);
      await page.locator('[data-problem-for=age]').getByText('Vul een heel getal in van 0 tot 120, of laat het leeg.').waitFor();
      expect(await age.getAttribute('aria-invalid')).toBe('true');
    }
    await age.fill('0'); // the API takes age 0
    await page.locator('[data-problem-for=age]').waitFor({ state: 'detached' });
    await page.locator('input[name=accompanyingChildren]').fill('-1');
    await page.locator('[data-problem-for=accompanyingChildren]').getByText('van 0 tot 20').waitFor();
    await page.locator('input[name=accompanyingChildren]').fill('2');
    await page.locator('[data-problem-for=accompanyingChildren]').waitFor({ state: 'detached' });
    await age.fill('31');

    // Free text is held to the API's length, and markup is told at the field.
    const foundIn = page.locator('input[name=foundInMunicipality]');
    await foundIn.fill('x'.repeat(150));
    expect((await foundIn.inputValue()).length).toBe(100);
    await foundIn.fill('<b>Rotterdam</b> 🙂');
    await page.locator('[data-problem-for=foundInMunicipality]').getByText('zonder < of >').waitFor();
    // A name the form cannot know is wrong: the API refuses it, and that too is told at the field.
    await foundIn.fill('Atlantis');
    await page
      .locator('[data-problem-for=foundInMunicipality]')
      .getByText('Onbekende gemeente: gebruik de naam van een Nederlandse gemeente (2026) of de CBS-code')
      .waitFor();
    expect(await foundIn.getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('match-left-out').getByText('Aangetroffen in').waitFor();
    await page.getByTestId('match-count').waitFor();
    expect(await page.locator('.match .error-box').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-problem-for=foundInMunicipality]').getByText('Unknown municipality').waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await foundIn.fill('Schiedam');
    await page.locator('[data-problem-for=foundInMunicipality]').waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Plaatsing aanvragen' }).isDisabled()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('the officer presses the button three times in one go: one request, one clientReference', async () => {
    const token = await police();
    const { page, problems } = await openConsole(token, 'request', PHONE);
    const sent: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (body.includes('requestNoodbed')) sent.push(JSON.parse(body).variables.input.clientReference as string);
    });
    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Seksueel').check();
    await page.locator('input[name=age]').fill('24');
    await page.getByTestId('match-count').waitFor();
    await page.getByRole('button', { name: 'Noodbed aanvragen' }).evaluate((button) => {
      (button as unknown as InPage).click();
      (button as unknown as InPage).click();
      (button as unknown as InPage).click();
    });
    const follow = page.locator('section.follow');
    await follow.locator('h2 [data-status=OFFERED]').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sent).toHaveLength(1);
    expect(await requestCount(token)).toBe(1);
    // A free VO place open now comes before the noodbed, as the preview said. Its address is
    // public and on the page: no "het adres volgt" beside it.
    expect(await follow.getByTestId('offered-facility').textContent()).toContain('Vrouwenopvang Maas');
    expect(await follow.getByTestId('offered-facility').textContent()).toContain('Teststraat 1, 3011 AA Rotterdam');
    expect(await follow.getByTestId('next-step').textContent()).toBe('Vrouwenopvang Maas beslist over het aanbod.');
    expect(problems).toEqual([]);
  });

  it('"Toch aanvragen" with no place: the case page says at once that it waits, with the escalation advice', async () => {
    const token = await coordinator();
    const { page, problems } = await openConsole(token, 'request');
    // The socket is held until the request has moved on: what happens before the subscription is
    // live. (Routing a socket takes effect on the next document: hence the reload.)
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.routeWebSocket(/\/graphql$/, async (socket: WebSocketRoute) => {
      const early: (string | Buffer)[] = [];
      let server: WebSocketRoute | null = null;
      socket.onMessage((message) => (server ? server.send(message) : early.push(message)));
      await released;
      server = socket.connectToServer();
      server.onMessage((message) => socket.send(message));
      for (const message of early) server.send(message);
    });
    await page.reload();
    await page.getByLabel('Man').check();
    await page.getByLabel('Seksueel').check();
    await page.locator('input[name=age]').fill('30');
    await page.getByTestId('match-count').getByText('0').waitFor();
    await page.getByRole('button', { name: 'Plaatsing aanvragen' }).click();
    const firstRead = page.waitForResponse((response) =>
      (response.request().postData() ?? '').includes('query PlacementRequest('),
    );
    await page.getByRole('button', { name: 'Toch aanvragen' }).click();
    const follow = page.locator('section.follow');
    await follow.locator('h2 [data-status=RECEIVED]').waitFor();
    await firstRead;
    const requestId = (await follow.getAttribute('data-request-id'))!;

    // The worker's part, now: no suitable place, so it waits.
    const { attempt } = (
      await harness.database.dataSource.query('SELECT attempt FROM placement_requests WHERE id = $1', [requestId])
    )[0] as { attempt: number };
    await harness.api.app.get(MatchingAttempt, { strict: false }).matchRequest(requestId, attempt);
    release();

    // Long before the slow re-read (15 s after the page opened): right after the subscription is live.
    await follow.getByTestId('waiting-why').getByText('geen passende plek').waitFor({ timeout: 8_000 });
    expect(await follow.getByTestId('case-advice').textContent()).toContain('escaleer naar de OvD bevolkingszorg');
    // Once, not on every render: a page left open on a shift must not hammer the API.
    let reads = 0;
    page.on('request', (request) => {
      if ((request.postData() ?? '').includes('query PlacementRequest(')) reads++;
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(reads).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await follow.getByTestId('case-advice').getByText('escalate to the OvD bevolkingszorg', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();

    // Mijn aanvragen lists it without any address: that is on the case's own page only.
    const listed = page.waitForResponse((response) => (response.request().postData() ?? '').includes('query MyCases('));
    await page.getByRole('navigation').getByRole('link', { name: 'Mijn aanvragen' }).click();
    const body = await (await listed).text();
    expect(body).toContain(requestId);
    expect(body).not.toContain('"address"');
    expect(body).not.toContain('"intakePhone"');
    expect(problems).toEqual([]);
  });
});
