/**
 * Ending a stay with its outcome in the browser (issue 14, "outcomes are codes"), as the shelter's
 * staff and the requester live it: the outcome is chosen from the contract's list, a note typed, and
 * the end confirmed (it frees the place); a group leaves one by one, and a colleague's phone that
 * did not see the first departure is told at the field how many are still there.
 */
import { Gender } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import type { Page } from 'playwright-core';
import { capacityOf, DUTCH_WOMAN, PlacementClient, startPlacementApp, token } from '../placement/support';
import { ANY_ADULT, insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { describeInBrowser, focused, screenshot } from './browser';
import { axeViolations } from './axe';
import { useConsoleHarness } from './console-harness';

/** Tuesday 1 December 2026, 14:00 in Amsterdam. */
const TUESDAY_AFTERNOON = new Date('2026-12-01T13:00:00.000Z');
const PHONE = { width: 390, height: 844 };

describeInBrowser('ending a stay with its outcome in a browser', () => {
  const clock = new FixedClock(TUESDAY_AFTERNOON);
  let client: PlacementClient;
  let haven: { id: string; name: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      [haven] = await insertFacilities(
        dataSource,
        [
          newFacility({
            name: 'Vrouwenopvang De Haven',
            capacity: { total: 10, occupied: 4, held: 0, outOfService: 0 },
            // Takes a group of up to four women together.
            eligibility: { ...ANY_ADULT, genders: [Gender.FEMALE], maxGroupSize: 4 },
          }),
        ],
        { now: TUESDAY_AFTERNOON },
      );
    },
    startApp: (databaseUrl) => startPlacementApp(databaseUrl, clock),
    clock,
  });

  beforeAll(() => {
    client = new PlacementClient(harness.api.url);
  });

  const openConsole = (tokenValue: string, path: string, viewport?: { width: number; height: number }) =>
    harness.openConsole(tokenValue, path, { viewport });

  /** A request placed at De Haven: offered, accepted and arrived, as the API's users would do it. */
  async function placedAtHaven(groupSize = 1) {
    const coordinator = await token.coordinator();
    const staff = await token.staff(haven.id);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'PLANNED', groupSize });
    await client.waitForStatus(coordinator, request.id, ['OFFERED']);
    await client.accept(staff, request.id);
    await client.arrive(staff, request.id);
    return request;
  }

  async function endingOf(requestId: string) {
    const response = await gql<{
      placementRequest: {
        status: string;
        history: { status: string; noteParams: { outcome: string | null; places: number | null } | null }[];
      };
    }>(
      harness.api.url,
      'query($id: ID!) { placementRequest(id: $id) { status history { status noteParams { outcome places } } } }',
      {
        token: await token.coordinator(),
        variables: { id: requestId },
      },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.placementRequest;
  }

  it('a shelter worker on her phone ends a stay: she found her own room, the outcome is chosen and the end confirmed, and the place is free', async () => {
    const request = await placedAtHaven();
    expect((await capacityOf(harness.database.dataSource, haven.id)).occupied).toBe(5);
    const staff = await token.staff(haven.id);
    const { page, problems } = await openConsole(staff, 'desk', PHONE);
    const card = page.locator(`article.stay-card[data-request-id="${request.id}"]`);
    await card.waitFor();
    expect(await page.getByTestId('stay-count').textContent()).toBe('(1)');
    expect(await card.textContent()).toContain('opgenomen');

    await card.getByRole('button', { name: /^Verblijf beëindigen/ }).click();
    const form = card.getByTestId('end-stay-form');
    await form.waitFor();
    // Nothing goes on without an outcome and a note.
    const next = form.getByRole('button', { name: /^Verder/ });
    expect(await next.isDisabled()).toBe(true);
    // The outcomes are the contract's, in Dutch.
    expect(await form.locator('select[name=outcome] option').allTextContents()).toEqual([
      'Kies de afloop',
      'terug naar land of plaats van herkomst',
      'eigen woonruimte',
      'woonruimte met verblijfsvergunning (B8/3)',
      'opvang buiten de keten',
      'andere opvangvorm',
      'vertrokken zonder bericht',
      'overleden',
      'anders',
    ]);
    await form.getByLabel('Afloop: waar gaat zij heen').selectOption({ label: 'eigen woonruimte' });
    await form.getByLabel('Toelichting').fill('Kamer gevonden via de gemeente');
    // A single stay has no "how many" to ask.
    expect(await form.locator('input[name=leaving]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await next.click();

    // Asked to confirm, with what it does; the focus on that question.
    const confirm = card.getByTestId('end-stay-confirm');
    await confirm.waitFor();
    expect(await confirm.locator('p').first().textContent()).toBe(
      'Het verblijf eindigt (eigen woonruimte) en de plek komt vrij. Dit kan niet ongedaan worden gemaakt.',
    );
    expect(await focused(page, 'tabindex')).toBe('-1');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'end-stay-confirm-phone');
    // Back keeps what she chose; nothing was ended.
    await confirm.getByRole('button', { name: 'Terug' }).click();
    expect(await form.locator('select[name=outcome]').inputValue()).toBe('OWN_HOUSING');
    expect((await capacityOf(harness.database.dataSource, haven.id)).occupied).toBe(5);
    await next.click();
    await confirm.getByRole('button', { name: /^Ja, beëindigen/ }).click();

    await page.getByTestId('stay-ended').filter({ hasText: 'Beëindigd: eigen woonruimte. De plek is vrij.' }).waitFor();
    await card.waitFor({ state: 'detached' });
    expect(await page.getByTestId('stay-count').textContent()).toBe('(0)');
    const ended = await endingOf(request.id);
    expect(ended.status).toBe('ENDED');
    expect(ended.history.at(-1)).toMatchObject({ status: 'ENDED', noteParams: { outcome: 'OWN_HOUSING' } });
    expect((await capacityOf(harness.database.dataSource, haven.id)).occupied).toBe(4);
    expect(problems).toEqual([]);
  }, 60_000);

  it("a group of three leaves one by one: two go home, and a colleague's phone that did not see it is told at the field how many are still there", async () => {
    const request = await placedAtHaven(3);
    const staff = await token.staff(haven.id);
    const mine = await openConsole(staff, 'desk');
    const colleague = await openConsole(staff, 'desk');
    const cardOf = (page: Page) => page.locator(`article.stay-card[data-request-id="${request.id}"]`);

    // The colleague starts filling in first: three, as far as her screen knows.
    await cardOf(colleague.page)
      .getByRole('button', { name: /^Verblijf beëindigen/ })
      .click();
    const theirs = cardOf(colleague.page).getByTestId('end-stay-form');
    await theirs.getByLabel('Hoeveel vertrekken er (van de 3 hier)').waitFor();

    // Meanwhile two of the three go home.
    const card = cardOf(mine.page);
    await card.getByRole('button', { name: /^Verblijf beëindigen/ }).click();
    const form = card.getByTestId('end-stay-form');
    await form.getByLabel('Afloop: waar gaat zij heen').selectOption('RETURNED_HOME');
    await form.getByLabel('Toelichting').fill('Terug naar familie, met IOM');
    expect(await form.locator('input[name=leaving]').inputValue()).toBe('3');
    await form.locator('input[name=leaving]').fill('2');
    await form.getByRole('button', { name: /^Verder/ }).click();
    const confirm = card.getByTestId('end-stay-confirm');
    expect(await confirm.locator('p').first().textContent()).toBe(
      '2 van de 3 vertrekken (terug naar land of plaats van herkomst) en hun plekken komen vrij. Dit kan niet ongedaan worden gemaakt.',
    );
    await confirm.getByRole('button', { name: /^Ja, beëindigen/ }).click();
    await mine.page
      .getByTestId('stay-ended')
      .filter({ hasText: 'Vertrek vastgelegd: 2 weg (terug naar land of plaats van herkomst); 1 nog hier.' })
      .waitFor();
    await card.filter({ hasText: '1 hier' }).waitFor();
    expect((await endingOf(request.id)).history.at(-1)).toMatchObject({
      status: 'PLACED',
      noteParams: { outcome: 'RETURNED_HOME', places: 2 },
    });

    // The colleague asks for two more to leave: refused at the field, in words.
    await theirs.getByLabel(/^Afloop/).selectOption('LEFT_WITHOUT_NOTICE');
    await theirs.getByLabel('Toelichting').fill('Niet teruggekomen na het weekend');
    await theirs.locator('input[name=leaving]').fill('2');
    await theirs.getByRole('button', { name: /^Verder/ }).click();
    await cardOf(colleague.page)
      .getByRole('button', { name: /^Ja, beëindigen/ })
      .click();
    const fieldError = theirs.locator('.error-box [data-code=BAD_USER_INPUT][data-field=places]');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toBe('Onjuiste invoer: controleer het veld ‘Aantal plekken’.');
    expect(await theirs.locator('input[name=leaving]').getAttribute('aria-invalid')).toBe('true');
    // Her screen now says how many are here; what she typed is kept.
    await theirs.getByLabel('Hoeveel vertrekken er (van de 1 hier)').waitFor();
    expect(await theirs.getByLabel('Toelichting').inputValue()).toBe('Niet teruggekomen na het weekend');
    await screenshot(colleague.page, 'end-stay-places-refused');

    // One leaves: the stay ends, and the places are free.
    await theirs.locator('input[name=leaving]').fill('1');
    await theirs.getByRole('button', { name: /^Verder/ }).click();
    await cardOf(colleague.page)
      .getByRole('button', { name: /^Ja, beëindigen/ })
      .click();
    await colleague.page
      .getByTestId('stay-ended')
      .filter({ hasText: 'Beëindigd: vertrokken zonder bericht. De plek is vrij.' })
      .waitFor();
    await cardOf(colleague.page).waitFor({ state: 'detached' });
    expect((await endingOf(request.id)).status).toBe('ENDED');
    expect((await capacityOf(harness.database.dataSource, haven.id)).occupied).toBe(4);
    expect(mine.problems).toEqual([]);
    expect(colleague.problems).toEqual([]);
  }, 60_000);

  it('the zorgcoördinator who placed her ends the stay from the case page when she moves to another kind of shelter', async () => {
    const request = await placedAtHaven();
    const { page, problems } = await openConsole(await token.coordinator(), `aanvraag/${request.id}`);
    const follow = page.locator('section.follow');
    await follow.locator('h2 [data-status=PLACED]').waitFor();
    await follow.getByRole('button', { name: /^Verblijf beëindigen/ }).click();
    await follow.getByLabel(/^Afloop/).selectOption({ label: 'andere opvangvorm' });
    await follow.getByLabel('Toelichting').fill('Naar de maatschappelijke opvang, in overleg');
    await follow.getByRole('button', { name: /^Verder/ }).click();
    await follow.getByRole('button', { name: /^Ja, beëindigen/ }).click();
    await follow.locator('h2 [data-status=ENDED]').waitFor();
    expect(await follow.locator('ol.history').textContent()).toContain(
      'andere opvangvorm — Naar de maatschappelijke opvang, in overleg',
    );
    expect(await follow.getByRole('button', { name: /^Verblijf beëindigen/ }).count()).toBe(0);
    const ended = await endingOf(request.id);
    expect(ended.history.at(-1)).toMatchObject({ status: 'ENDED', noteParams: { outcome: 'OTHER_SHELTER_KIND' } });
    expect(problems).toEqual([]);
  }, 60_000);
});
