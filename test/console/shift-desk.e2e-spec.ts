import { Gender, Role, ShelterType } from '@opvangplek/domain';
import type { Page } from 'playwright-core';
import { ANY_ADULT, insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser, hasFocus, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

const PHONE = { width: 390, height: 844 };

/**
 * Issue 13, items 1, 2, 5 and 6, as the people on shift live them, in Chromium against the real
 * API and worker: two staff phones on one facility's counts, a coordinator whose profile leaves the
 * residence status unknown, a police officer who presses Enter, and a coordinator recording the
 * regions where the exploiter is active with the keyboard.
 */
describeInBrowser('the console for people on shift', () => {
  let haven: { id: string; name: string };
  let anker: { id: string; name: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      const men = { ...ANY_ADULT, genders: [Gender.MALE] };
      [haven, anker] = await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang De Haven', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
        newFacility({ name: 'Vrouwenopvang Het Anker', capacity: { total: 8, occupied: 2, held: 0, outOfService: 0 } }),
        // COSM takes men without lawful residence; with the status unknown it does not (its rule).
        newFacility({ name: 'COSM Rotterdam', type: ShelterType.COSM, eligibility: men }),
        newFacility({
          name: 'COSM Amsterdam',
          type: ShelterType.COSM,
          eligibility: men,
          regionCode: 'AMS',
          municipality: 'Amsterdam',
        }),
        newFacility({
          name: 'COSM Twente',
          type: ShelterType.COSM,
          eligibility: men,
          regionCode: 'TW',
          municipality: 'Enschede',
        }),
      ]);
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true }),
  });

  async function openConsole(token: string, screen: string, viewport?: { width: number; height: number }) {
    let subscribed!: Promise<void>;
    const opened = await harness.openConsole(token, screen, {
      viewport,
      beforeOpening: ({ page }) => {
        // The desk's live feed: resolves once the page has asked the API for capacityChanged.
        subscribed = new Promise<void>((resolve) =>
          page.on('websocket', (socket) =>
            socket.on('framesent', (frame) => {
              if (String(frame.payload).includes('capacityChanged')) resolve();
            }),
          ),
        );
      },
    });
    return { ...opened, subscribed };
  }

  async function countsOf(facilityId: string) {
    const [row] = await harness.database.dataSource.query<
      { total: number; occupied: number; out_of_service: number; version: number }[]
    >('SELECT total, occupied, out_of_service, version FROM capacity WHERE facility_id = $1', [facilityId]);
    return { total: row.total, occupied: row.occupied, outOfService: row.out_of_service, version: row.version };
  }

  const staffToken = () => tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [haven.id, anker.id] });
  const card = (page: Page, facilityId: string) => page.locator(`article.capacity-card[data-facility-id="${facilityId}"]`);
  const sameDocument = (page: Page) =>
    page.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const stillSameDocument = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument === true);

  it("two staff phones: A saw bezet 5, B saved 6, A's −1 ends at 5 only after A confirms; the cards follow live", async () => {
    const token = await staffToken();
    const a = await openConsole(token, 'desk', PHONE);
    const b = await openConsole(token, 'desk', PHONE);
    const cardA = card(a.page, haven.id);
    const cardB = card(b.page, haven.id);
    await cardA.getByTestId('occupied').filter({ hasText: /^5$/ }).waitFor();
    await cardB.getByTestId('occupied').filter({ hasText: /^5$/ }).waitFor();
    await Promise.all([a.subscribed, b.subscribed]);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server registers what the socket asked
    await sameDocument(a.page);
    await sameDocument(b.page);

    // Two cards on one phone: every button says which facility it is for.
    const names = (await a.page.locator('.cards').ariaSnapshot())
      .split('\n')
      .map((line) => /- button "(.*)"/.exec(line)?.[1])
      .filter((name): name is string => !!name);
    expect(names).toContain('Bezet −1 — Vrouwenopvang De Haven');
    expect(names).toContain('Bezet −1 — Vrouwenopvang Het Anker');
    expect(names).toContain('Opslaan — Vrouwenopvang Het Anker');
    expect(new Set(names).size).toBe(names.length);

    // A: someone left; A steps −1 but has not saved yet.
    await cardA.getByRole('button', { name: 'Bezet −1 — Vrouwenopvang De Haven' }).click();
    expect(await cardA.getByTestId('occupied').textContent()).toBe('4');
    await cardA.getByText('Nog niet bewaard: druk op Opslaan.').waitFor();

    // B: someone arrived; B saves 6.
    await cardB.getByRole('button', { name: 'Bezet +1 — Vrouwenopvang De Haven' }).click();
    await cardB.getByRole('button', { name: 'Opslaan — Vrouwenopvang De Haven' }).click();
    await cardB.getByText('Opgeslagen', { exact: true }).waitFor();
    expect((await countsOf(haven.id)).occupied).toBe(6);
    // The pressed button is disabled now: the focus is on the result, which is read out.
    expect(await hasFocus(cardB.getByTestId('card-result'))).toBe(true);

    // A's phone shows it without a reload, beside A's own step, and saves nothing on its own.
    const conflict = cardA.getByTestId('conflict');
    await conflict.waitFor({ timeout: 5_000 });
    // On the phone it is in view, with the focus, not somewhere below the fold.
    expect(await hasFocus(conflict)).toBe(true);
    const shown = (await conflict.boundingBox())!;
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expect(shown.y + shown.height).toBeLessThanOrEqual(PHONE.height);
    expect(await conflict.locator('[data-moved=occupied]').textContent()).toBe('Bezet: nu 6, u zag 5');
    expect(await conflict.getByTestId('your-change').textContent()).toBe('Uw wijziging: bezet −1 → bezet 5');
    expect(await cardA.getByTestId('occupied').textContent()).toBe('6');
    expect(await cardA.getByRole('button', { name: 'Opslaan — Vrouwenopvang De Haven' }).isDisabled()).toBe(true);
    expect(await cardA.locator('.error-box').count()).toBe(0); // words, not the API's English message
    await screenshot(a.page, 'desk-conflict-phone');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await countsOf(haven.id)).occupied).toBe(6);

    // A confirms: the −1 lands on B's 6.
    await conflict.getByRole('button', { name: 'Mijn wijziging toepassen — Vrouwenopvang De Haven' }).click();
    await cardA.getByText('Opgeslagen', { exact: true }).waitFor();
    expect(await cardA.getByTestId('occupied').textContent()).toBe('5');
    expect((await countsOf(haven.id)).occupied).toBe(5);
    expect(await conflict.count()).toBe(0);

    // B, with nothing unsaved, simply follows: 5, live.
    await cardB.getByTestId('occupied').filter({ hasText: /^5$/ }).waitFor({ timeout: 5_000 });
    expect(await stillSameDocument(a.page)).toBe(true);
    expect(await stillSameDocument(b.page)).toBe(true);
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
  }, 60_000);

  it('a change the live feed never carried: Save meets CONFLICT and asks, in Dutch, before anything is written', async () => {
    const { page, problems } = await openConsole(await staffToken(), 'desk');
    const cardA = card(page, haven.id);
    await cardA.getByTestId('occupied').filter({ hasText: /^5$/ }).waitFor();
    // Written straight to the database: no capacityChanged event, as when one is lost.
    await harness.database.dataSource.query('UPDATE capacity SET occupied = 7, version = version + 1 WHERE facility_id = $1', [
      haven.id,
    ]);
    const before = await countsOf(haven.id);

    await cardA.getByRole('button', { name: 'Buiten gebruik +1 — Vrouwenopvang De Haven' }).click();
    await cardA.getByRole('button', { name: 'Opslaan — Vrouwenopvang De Haven' }).click();
    const conflict = cardA.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.locator('[data-moved=occupied]').textContent()).toBe('Bezet: nu 7, u zag 5');
    expect(await conflict.getByTestId('your-change').textContent()).toBe('Uw wijziging: buiten gebruik +1 → buiten gebruik 1');
    expect(await cardA.textContent()).not.toMatch(/CONFLICT|Conflict|version|\{/);
    expect(await countsOf(haven.id)).toEqual(before);

    // Dropping the change keeps the colleague's counts, and leaves nothing unsaved.
    await conflict.getByRole('button', { name: 'Mijn wijziging laten vallen — Vrouwenopvang De Haven' }).click();
    expect(await cardA.getByTestId('occupied').textContent()).toBe('7');
    expect(await cardA.getByTestId('outOfService').textContent()).toBe('0');
    expect(await cardA.getAttribute('data-unsaved')).toBeNull();
    expect(await countsOf(haven.id)).toEqual(before);
    expect(problems).toEqual([]);
  });

  it('steppers stop at their limits, and leaving with unsaved steps asks first', async () => {
    const { page, problems } = await openConsole(await staffToken(), 'desk');
    const ankerCard = card(page, anker.id);
    await ankerCard.getByTestId('total').filter({ hasText: /^8$/ }).waitFor();
    const button = (name: string) => ankerCard.getByRole('button', { name: `${name} — Vrouwenopvang Het Anker` });

    // Nothing below 0.
    expect(await button('Buiten gebruik −1').isDisabled()).toBe(true);
    // Total comes down to what is taken (2 occupied), no further.
    for (let i = 0; i < 10 && (await button('Totaal −1').isEnabled()); i++) await button('Totaal −1').click();
    expect(await ankerCard.getByTestId('total').textContent()).toBe('2');
    // Bezet ≤ totaal − buiten gebruik − gereserveerd: no room above 2, and none for out of service.
    expect(await button('Bezet +1').isDisabled()).toBe(true);
    expect(await button('Buiten gebruik +1').isDisabled()).toBe(true);
    await button('Bezet −1').click();
    await button('Bezet −1').click();
    expect(await button('Bezet −1').isDisabled()).toBe(true);
    expect(await ankerCard.getByTestId('occupied').textContent()).toBe('0');
    await button('Buiten gebruik +1').click();
    await button('Buiten gebruik +1').click();
    expect(await button('Buiten gebruik +1').isDisabled()).toBe(true);
    expect(await button('Totaal −1').isDisabled()).toBe(true);

    // Another screen in the console: asked, and staying keeps the steps.
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Beddenbord' }).click();
    expect(asked).toEqual([
      'confirm: De telling heeft wijzigingen die nog niet zijn opgeslagen. Toch weggaan? Dan gaan ze verloren.',
    ]);
    expect(await page.getByRole('heading', { name: 'Opvangbalie', level: 1 }).count()).toBe(1);
    expect(await ankerCard.getByTestId('outOfService').textContent()).toBe('2');

    // Logging out: asked the same, and staying keeps the steps (and the session).
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    expect(asked[1]).toBe(asked[0]);
    expect(await page.getByRole('heading', { name: 'Opvangbalie', level: 1 }).count()).toBe(1);
    expect(await ankerCard.getByTestId('outOfService').textContent()).toBe('2');

    // Closing the tab (or reloading): the browser asks too.
    await page.close({ runBeforeUnload: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(asked[2]).toMatch(/^beforeunload/);
    expect(page.isClosed()).toBe(false);
    expect(await ankerCard.getByTestId('total').textContent()).toBe('2');
    expect(await countsOf(anker.id)).toMatchObject({ total: 8, occupied: 2, outOfService: 0 });
    expect(problems).toEqual([]);
  });

  it('onbekend: one "onbekend"; the preview says why places fall away, and submitting with 0 matches asks first', async () => {
    const token = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    const { page, problems } = await openConsole(token, 'request');
    const residence = page.locator('select[name=residenceStatus]');
    await residence.waitFor();
    const residenceChoices = await residence.locator('option').allTextContents();
    expect(residenceChoices.filter((text) => /onbekend/i.test(text))).toEqual(['onbekend']);
    expect(await residence.inputValue()).toBe('');

    // A man, residence not known yet: the women's shelters do not fit him, COSM not without a status.
    await page.getByLabel('Man', { exact: true }).check();
    await page.getByLabel('Seksueel').check();
    await page.locator('input[name=age]').fill('30');
    const why = page.getByTestId('why');
    await why.locator('[data-reason=RESIDENCE_STATUS]').waitFor();
    expect(await page.getByTestId('match-count').textContent()).toBe('0');
    expect(await why.locator('[data-reason=RESIDENCE_STATUS]').textContent()).toBe(
      '3 plekken vallen af: verblijfsstatus onbekend — vul in (verblijfsstatus onbekend)',
    );
    expect(await why.locator('[data-reason=GENDER]').textContent()).toBe('2 plekken vallen af: gender past niet');
    expect(await page.locator('.match').textContent()).not.toMatch(/RESIDENCE_STATUS|UNKNOWN|COSM is for/);
    // "vul in" takes the person to the field.
    await why.getByRole('button', { name: 'vul in (verblijfsstatus onbekend)' }).click();
    expect(
      await residence.evaluate(
        (element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      ),
    ).toBe(true);
    await screenshot(page, 'request-residence-unknown');

    // 0 matches: the button asks first, and going back sends nothing.
    const requestsBefore = await requestCount(token);
    await page.getByRole('button', { name: 'Plaatsing aanvragen' }).click();
    const warning = page.getByTestId('no-match-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Er is nu geen passende plek.');
    await warning.getByRole('button', { name: 'Terug naar het formulier' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await requestCount(token)).toBe(requestsBefore);

    // Filling it in is the fix: COSM fits him then, and the button sends without asking.
    await residence.selectOption('NO_LAWFUL_RESIDENCE');
    await page.getByTestId('match-count').filter({ hasText: /^3$/ }).waitFor();
    // The women's shelters still do not fit him, now also for a known status: no "vul in" for that.
    expect(await why.locator('[data-reason=RESIDENCE_STATUS]').textContent()).toBe(
      '2 plekken vallen af: verblijfsstatus past niet',
    );

    // In English the same, in English.
    await residence.selectOption('');
    await why.locator('[data-reason=RESIDENCE_STATUS]').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await why.getByText('3 places fall away').waitFor();
    expect(await why.locator('[data-reason=RESIDENCE_STATUS]').textContent()).toBe(
      '3 places fall away: residence status unknown — fill in (residence status unknown)',
    );
    await page.getByRole('button', { name: 'Request a placement' }).click();
    await page.getByTestId('no-match-warning').getByRole('button', { name: 'Request anyway' }).click();
    await page.locator('section.follow').waitFor();
    expect(await requestCount(token)).toBe(requestsBefore + 1);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    expect(problems).toEqual([]);
  }, 60_000);

  async function requestCount(token: string): Promise<number> {
    const response = await gql<{ placementRequests: { totalCount: number } }>(
      harness.api.url,
      'query { placementRequests(first: 1) { totalCount } }',
      { token },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.placementRequests.totalCount;
  }

  it('arrow keys in the excluded regions keep earlier choices', async () => {
    const token = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    const { page, problems } = await openConsole(token, 'request', PHONE);
    const regions = page.getByRole('group', { name: 'Uitgesloten regio’s (waar de uitbuiter actief is)' });
    const amsterdam = regions.getByRole('checkbox', { name: 'Amsterdam' });
    const twente = regions.getByRole('checkbox', { name: 'Twente' });
    await amsterdam.waitFor();

    // Keyboard only: Space chooses, arrow keys and Tab move on, earlier choices stay.
    await amsterdam.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await twente.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    expect(await amsterdam.isChecked()).toBe(true);
    expect(await twente.isChecked()).toBe(true);
    expect(await regions.getByRole('checkbox', { name: 'Rotterdam Rijnmond' }).isChecked()).toBe(false);

    // Both reach the match: the two COSM places there fall away for their region.
    await page.getByLabel('Man', { exact: true }).check();
    await page.getByLabel('Seksueel').check();
    await page.locator('select[name=residenceStatus]').selectOption('NO_LAWFUL_RESIDENCE');
    await page
      .getByTestId('why')
      .locator('[data-reason=REGION_EXCLUDED]')
      .filter({ hasText: /^2 plekken vallen af: regio uitgesloten$/ })
      .waitFor();

    // Touch targets of 44 px on the phone.
    for (const chip of await regions.locator('label.chip').all()) {
      expect((await chip.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, 'request-excluded-regions-phone');
    expect(problems).toEqual([]);
  });

  it('the officer presses Enter in Leeftijd (or Go on the keypad): nothing is requested until the button', async () => {
    const token = await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
    const { page, problems } = await openConsole(token, 'request', PHONE);
    await page.getByLabel('Vrouw').check();
    await page.getByLabel('Seksueel').check();
    const age = page.locator('input[name=age]');
    await age.fill('24');
    await page.getByTestId('match-count').waitFor();
    await age.press('Enter');
    await page.locator('input[name=accompanyingChildren]').press('Enter');
    // What the Go key does when a keypad sends no key event: the browser's implicit submission.
    await page.locator('form.request-form').evaluate((form) => (form as unknown as { requestSubmit(): void }).requestSubmit());
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await page.locator('section.follow').count()).toBe(0);
    expect(await requestCount(token)).toBe(0);
    expect(await age.inputValue()).toBe('24');
    // And the keypad offers "next", not "go".
    expect(await age.getAttribute('enterkeyhint')).toBe('next');

    // The button sends it.
    await page.getByRole('button', { name: 'Noodbed aanvragen' }).click();
    await page.locator('section.follow').waitFor();
    expect(await requestCount(token)).toBe(1);
    expect(problems).toEqual([]);
  });

  it('the network drops on the night shift: the header says offline, and "Geen verbinding" goes once it is back (desk and police form)', async () => {
    // What the browser reports while the device has no network is the point here, not a problem.
    const offlineNoise = (line: string) => /ERR_INTERNET_DISCONNECTED|WebSocket/.test(line);

    // Shelter staff on a phone: a step made while offline cannot be saved, and says so.
    const desk = await openConsole(await staffToken(), 'desk', PHONE);
    const havenCard = card(desk.page, haven.id);
    await havenCard.getByTestId('occupied').waitFor();
    const deskBadge = desk.page.getByTestId('offline-badge');
    expect(await deskBadge.count()).toBe(0);
    await desk.context.setOffline(true);
    await deskBadge.waitFor();
    expect(await deskBadge.textContent()).toBe('Offline');
    expect(await desk.page.locator('header.top-bar [data-testid=offline-badge]').count()).toBe(1);
    await havenCard.getByRole('button', { name: 'Bezet +1 — Vrouwenopvang De Haven' }).click();
    await havenCard.getByRole('button', { name: 'Opslaan — Vrouwenopvang De Haven' }).click();
    const deskError = havenCard.locator('.error-box [data-code=NETWORK]');
    await deskError.waitFor();
    expect(await deskError.textContent()).toContain('Geen verbinding met de server');
    // Back on the network: the old error and the badge go; the step is still there to save.
    await desk.context.setOffline(false);
    await deskBadge.waitFor({ state: 'detached' });
    await deskError.waitFor({ state: 'detached' });
    await havenCard.getByText('Nog niet bewaard: druk op Opslaan.').waitFor();
    await havenCard.getByRole('button', { name: 'Opslaan — Vrouwenopvang De Haven' }).click();
    await havenCard.getByText('Opgeslagen', { exact: true }).waitFor();
    expect(desk.problems.filter((line) => !offlineNoise(line))).toEqual([]);

    // A police officer asks for a noodbed in a dead spot.
    const police = await openConsole(
      await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] }),
      'request',
      PHONE,
    );
    await police.page.getByLabel('Vrouw').check();
    await police.page.getByLabel('Seksueel').check();
    await police.page.locator('input[name=age]').fill('27');
    await police.page.getByTestId('match-count').waitFor();
    await police.context.setOffline(true);
    await police.page.getByTestId('offline-badge').waitFor();
    await police.page.getByRole('button', { name: 'Noodbed aanvragen' }).click();
    const policeError = police.page.locator('.error-box [data-code=NETWORK]');
    await policeError.waitFor();
    await police.context.setOffline(false);
    await police.page.getByTestId('offline-badge').waitFor({ state: 'detached' });
    await policeError.waitFor({ state: 'detached' });
    // Nothing was lost: the same form sends it now.
    await police.page.getByRole('button', { name: 'Noodbed aanvragen' }).click();
    await police.page.locator('section.follow').waitFor();
    expect(police.problems.filter((line) => !offlineNoise(line))).toEqual([]);
  }, 90_000);
});
