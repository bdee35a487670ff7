import { Role } from '@opvangplek/domain';
import type { Page } from 'playwright-core';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

/** A reload (or a new page) clears this marker: it proves a change arrived on the same page. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));
}
async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

/** Everything the browser keeps for the page beyond its memory: session and local storage. */
async function browserStorage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const global = globalThis as unknown as {
      sessionStorage: { length: number; key(i: number): string | null; getItem(key: string): string | null };
      localStorage: { length: number; key(i: number): string | null; getItem(key: string): string | null };
    };
    const dump = (storage: typeof global.sessionStorage) =>
      Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`).join('\n');
    return `${dump(global.sessionStorage)}\n${dump(global.localStorage)}`;
  });
}

/**
 * Issue 13, item 3: a submitted request can be found again. Each case has its address
 * (`/aanvraag/<id>`) that survives a reload and a new login; "Mijn aanvragen" lists the requests
 * this person may see with their status live; an expiring session warns first and keeps the form
 * (in the tab's memory only) for logging in again in the same tab.
 */
describeInBrowser('my requests, a case per address, and a session that ends', () => {
  let shelter: { id: string; name: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      [shelter] = await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang De Haven', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
      ]);
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true }),
  });
  const { openConsole } = harness;

  it('a zorgcoördinator submits, reloads, and finds the case at its address and in Mijn aanvragen, its status live', async () => {
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [shelter.id] });
    const { page, problems } = await openConsole(coordinator, 'request');

    await page.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'Aanvraag',
      'Mijn aanvragen',
      'Werklijst',
      'Escalaties',
      'Acties',
      'Beddenbord',
      'Planning',
    ]);
    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Seksueel').check();
    await page.locator('input[name=age]').fill('24');
    await page.locator('select[name=residenceStatus]').selectOption('DUTCH');
    await page.locator(`.match-list li[data-facility-id="${shelter.id}"]`).waitFor();
    await page.getByRole('button', { name: 'Plaatsing aanvragen' }).click();

    // Submitted: the address is the case's own.
    const follow = page.locator('section.follow');
    await follow.waitFor();
    const requestId = (await follow.getAttribute('data-request-id'))!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await page.waitForURL(`${harness.api.url}/aanvraag/${requestId}`);
    await follow.locator('h2 [data-status=OFFERED]').waitFor({ timeout: 30_000 });

    // A reload lands on the same case (the token is in the tab's sessionStorage), not on an empty form.
    await page.reload();
    const reloaded = page.locator(`section.follow[data-request-id="${requestId}"]`);
    await reloaded.locator('h2 [data-status=OFFERED]').waitFor();
    expect(await reloaded.getByTestId('offered-facility').textContent()).toContain('Vrouwenopvang De Haven');
    expect(new URL(page.url()).pathname).toBe(`/aanvraag/${requestId}`);
    await screenshot(page, 'case-address');

    // "Nieuwe aanvraag": an empty form; the case stays reachable in Mijn aanvragen.
    await page.getByRole('button', { name: 'Nieuwe aanvraag' }).click();
    await page.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/request');
    expect(await page.getByLabel('Vrouw').isChecked()).toBe(false);
    expect(await page.locator('input[name=age]').inputValue()).toBe('');

    await page.getByRole('navigation').getByRole('link', { name: 'Mijn aanvragen' }).click();
    await page.getByRole('heading', { name: 'Mijn aanvragen', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases');
    const row = page.locator(`ol.case-list li[data-request-id="${requestId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-status]').first().textContent()).toBe('Aangeboden');
    expect(await row.textContent()).toContain('Rotterdam Rijnmond'); // the region by name, not "RR"
    expect(await row.textContent()).toContain('Acuut');
    // When, as on the rest of the console: "ingediend zojuist" / "3 min geleden", not a clock date.
    expect(await row.locator('time').textContent()).toMatch(/^(zojuist|\d+ min geleden)$/);
    expect(await row.textContent()).toMatch(/ingediend (zojuist|\d+ min geleden)/);
    expect(await row.getByTestId('case-facility').textContent()).toContain('Vrouwenopvang De Haven');
    await page.locator('[data-connection=live]').waitFor();
    await markDocument(page);

    // The shelter accepts through the API: the row changes without a reload.
    const accepted = await gql<{ respondToOffer: { status: string } }>(
      harness.api.url,
      'mutation($input: OfferResponseInput!) { respondToOffer(input: $input) { status } }',
      { token: staff, variables: { input: { requestId, accept: true } } },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToOffer.status).toBe('ACCEPTED');
    await page.locator(`ol.case-list li[data-request-id="${requestId}"][data-status=ACCEPTED]`).waitFor({ timeout: 10_000 });
    expect(await row.locator('[data-status]').first().textContent()).toBe('Geaccepteerd');
    expect(await sameDocument(page)).toBe(true);
    await screenshot(page, 'my-cases');

    // Urgency filter: no "Gepland" requests here.
    await page.locator('select[name=caseUrgency]').selectOption('PLANNED');
    await page.getByTestId('cases-empty').waitFor();
    await page.locator('select[name=caseUrgency]').selectOption('');
    await row.waitFor();

    // The row opens the case at its address.
    await row.getByRole('link').click();
    await page.waitForURL(`${harness.api.url}/aanvraag/${requestId}`);
    await page.locator(`section.follow[data-request-id="${requestId}"] h2 [data-status=ACCEPTED]`).waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('a police officer sees only their own organisation’s cases, and not another’s at its address', async () => {
    const rotterdam = await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
    const kmar = await tokenFor({ role: Role.POLICE, org: 'kmar-schiphol', regions: ['RR'] });
    const noodbed = async (token: string) => {
      const response = await gql<{ requestNoodbed: { id: string } }>(
        harness.api.url,
        'mutation($input: NoodbedRequestInput!) { requestNoodbed(input: $input) { id } }',
        {
          token,
          variables: { input: { profile: { gender: 'FEMALE', exploitationTypes: ['LABOUR'], age: 30 }, regionCode: 'RR' } },
        },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.requestNoodbed.id;
    };
    const ours = await noodbed(rotterdam);
    const theirs = await noodbed(kmar);

    const { page, problems } = await openConsole(rotterdam, 'cases');
    await page.getByRole('heading', { name: 'Mijn aanvragen', level: 1 }).waitFor();
    expect(await page.getByText('De aanvragen van uw organisatie.').count()).toBe(1);
    await page.locator('select[name=caseStatus]').selectOption(''); // every status
    await page.locator(`ol.case-list li[data-request-id="${ours}"]`).waitFor();
    expect(await page.locator(`ol.case-list li[data-request-id="${theirs}"]`).count()).toBe(0);
    expect(await page.locator('ol.case-list li').count()).toBe(1);
    expect(await page.getByTestId('case-count').textContent()).toBe('1');

    // Another organisation's case, at its address: not found, said in words.
    await page.goto(`${harness.api.url}/aanvraag/${theirs}`);
    await page.getByTestId('case-not-found').waitFor();
    expect(await page.locator('section.follow').count()).toBe(0);
    // Their own, at its address after a reload: found.
    await page.goto(`${harness.api.url}/aanvraag/${ours}`);
    await page.locator(`section.follow[data-request-id="${ours}"]`).waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it('CoMensha at 03:00: Mijn aanvragen asks the API for only her own, newest first, and for one urgency', async () => {
    const comensha = (sub: string) => tokenFor({ sub, role: Role.COMENSHA, org: 'comensha' });
    const [ilse, joost] = [await comensha('ilse@comensha'), await comensha('joost@comensha')];
    const submit = async (token: string, urgency: string) => {
      const response = await gql<{ requestPlacement: { id: string } }>(
        harness.api.url,
        'mutation($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }',
        {
          token,
          variables: {
            input: {
              profile: { gender: 'FEMALE', exploitationTypes: ['SEXUAL'], age: 27, residenceStatus: 'DUTCH' },
              urgency,
              regionCode: 'RR',
            },
          },
        },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.requestPlacement.id;
    };
    // Ilse's planned request, then a colleague's acute one, then Ilse's acute one.
    const ilsePlanned = await submit(ilse, 'PLANNED');
    const joostAcute = await submit(joost, 'ACUTE');
    const ilseAcute = await submit(ilse, 'ACUTE');

    const { page, problems } = await harness.newPage();
    const asked: Record<string, unknown>[] = [];
    page.on('request', (request) => {
      const body = request.postDataJSON() as { operationName?: string; variables?: { filter?: Record<string, unknown> } } | null;
      if (body?.operationName === 'MyCases') asked.push(body.variables?.filter ?? {});
    });
    await page.goto(`${harness.api.url}/cases#token=${encodeURIComponent(ilse)}`);
    await page.getByRole('heading', { name: 'Mijn aanvragen', level: 1 }).waitFor();
    await page.locator('select[name=caseStatus]').selectOption(''); // every status

    // Only hers, by default for CoMensha (it sees the whole country), the newest first: asked of the API.
    const rows = page.locator('ol.case-list li');
    const ids = async () => Promise.all((await rows.all()).map((row) => row.getAttribute('data-request-id')));
    await page.locator(`ol.case-list li[data-request-id="${ilseAcute}"]`).waitFor();
    expect(await ids()).toEqual([ilseAcute, ilsePlanned]);
    expect(asked.at(-1)).toEqual({ order: 'NEWEST_FIRST', mine: true });

    // The colleague's request appears when "only mine" is off, in its place by time.
    await page.getByLabel('Alleen door mij ingediend').uncheck();
    await page.locator(`ol.case-list li[data-request-id="${joostAcute}"]`).waitFor();
    const all = await ids();
    expect(all.indexOf(ilseAcute)).toBeLessThan(all.indexOf(joostAcute));
    expect(all.indexOf(joostAcute)).toBeLessThan(all.indexOf(ilsePlanned));
    expect(asked.at(-1)).toEqual({ order: 'NEWEST_FIRST' });

    // Acute only: the API filters, and the planned one is gone.
    await page.locator('select[name=caseUrgency]').selectOption('ACUTE');
    await page.locator(`ol.case-list li[data-request-id="${ilsePlanned}"]`).waitFor({ state: 'detached' });
    // The list is read again: the acute ones are back, the planned one stays away.
    await page.locator(`ol.case-list li[data-request-id="${joostAcute}"]`).waitFor();
    await page.locator(`ol.case-list li[data-request-id="${ilseAcute}"]`).waitFor();
    expect(await page.locator(`ol.case-list li[data-request-id="${ilsePlanned}"]`).count()).toBe(0);
    expect(asked.at(-1)).toEqual({ order: 'NEWEST_FIRST', urgency: ['ACUTE'] });
    const urgencies = await Promise.all(
      (await rows.all()).map((row) => row.locator('[data-urgency]').getAttribute('data-urgency')),
    );
    expect(urgencies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(urgencies)).toEqual(new Set(['ACUTE']));
    await screenshot(page, 'my-cases-comensha-filters');
    expect(problems).toEqual([]);
  }, 60_000);

  it('a token that expires mid-form warns first, then asks to log in, and the form is back after logging in again', async () => {
    const person = { role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] };
    const shortLived = await tokenFor({ ...person, expiresIn: '20s' });
    const { page, problems } = await openConsole(shortLived, 'request');

    await page.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    // Five minutes before its end the console says so (this token lives 20 seconds: at once).
    const warning = page.getByTestId('session-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Uw sessie verloopt (binnen een minuut|over 1 min)/);
    expect(await warning.textContent()).toContain('alleen in het geheugen van dit tabblad');
    expect(await warning.getAttribute('role')).toBe('status');

    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Arbeid').check();
    await page.locator('input[name=age]').fill('31');
    await page.locator('select[name=residenceStatus]').selectOption('EU_CITIZEN');
    await page.locator('input[name=foundInMunicipality]').fill('Schiedam');
    await page.locator('select[name=urgency]').selectOption('URGENT');
    await screenshot(page, 'session-warning');

    // The token ends: the login screen, saying why and that the form waits.
    await page.getByRole('heading', { name: 'Inloggen', level: 2 }).waitFor({ timeout: 30_000 });
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Uw sessie is verlopen.');
    expect(await alert.textContent()).toContain('Het formulier dat u invulde staat er weer');
    // Never written to the browser's storage: only the tab's memory holds it.
    expect(await browserStorage(page)).not.toContain('Schiedam');

    // The same person logs in again in this tab with a new token: the form is as it was.
    await page.locator('textarea[name=token]').fill(await tokenFor(person));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    expect(await page.getByLabel('Vrouw').isChecked()).toBe(true);
    expect(await page.getByLabel('Arbeid').isChecked()).toBe(true);
    expect(await page.locator('input[name=age]').inputValue()).toBe('31');
    expect(await page.locator('select[name=residenceStatus]').inputValue()).toBe('EU_CITIZEN');
    expect(await page.locator('input[name=foundInMunicipality]').inputValue()).toBe('Schiedam');
    expect(await page.locator('select[name=urgency]').inputValue()).toBe('URGENT');
    // A 12-hour token: no warning now.
    expect(await page.getByTestId('session-warning').count()).toBe(0);

    // Logging out on purpose forgets it.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.locator('textarea[name=token]').waitFor();
    expect(await page.title()).toBe('Inloggen — Opvangplek');
    // This API runs for development (NODE_ENV is not production): the token hint is for developers.
    expect(await page.getByText('npm run token').count()).toBeGreaterThan(0);
    await page.locator('textarea[name=token]').fill(await tokenFor(person));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Aanvraag', level: 1 }).waitFor();
    expect(await page.getByLabel('Vrouw').isChecked()).toBe(false);
    expect(await page.locator('input[name=foundInMunicipality]').inputValue()).toBe('');

    // Where the API runs in production, the login screen has no developer instructions, not even
    // while its configuration is still on its way.
    await page.route('**/console/config.json', (route) => route.fulfill({ json: { oidc: null, development: false } }));
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.reload();
    await page.locator('textarea[name=token]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('npm run token').count()).toBe(0);
    expect(await page.getByText('Ontwikkeling').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 90_000);
});
