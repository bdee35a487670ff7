import { Role } from '@opvangplek/domain';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { describeInBrowser } from './browser';
import { useConsoleHarness } from './console-harness';

/**
 * Parallel offers on the shelter's phone (issue 18): the offer card says that it also went to other
 * shelters (how many, never which), and once another shelter accepted, that it was taken elsewhere
 * and when, with nothing left to press.
 */
describeInBrowser('a parallel offer on the shelter desk', () => {
  let haven: { id: string; name: string };
  let anker: { id: string; name: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      [haven, anker] = await insertFacilities(dataSource, [
        newFacility({ name: 'Vrouwenopvang De Haven', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
        newFacility({ name: 'Vrouwenopvang Het Anker', capacity: { total: 8, occupied: 2, held: 0, outOfService: 0 } }),
      ]);
    },
    startApp: (databaseUrl) => startTestApp(databaseUrl, { withWorker: true, env: { PARALLEL_OFFERS_ACUTE: '3' } }),
  });

  it('the Haven sees "ook aangeboden aan 1 andere opvangplekken", then "elders aangenomen om" once the Anker accepts', async () => {
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rotterdam', regions: ['RR'] });
    const woman = { gender: 'FEMALE', exploitationTypes: ['SEXUAL'], age: 30, residenceStatus: 'DUTCH' };
    const submitted = await gql<{ requestPlacement: { id: string } }>(
      harness.api.url,
      'mutation($input: PlacementRequestInput!) { requestPlacement(input: $input) { id } }',
      { token: coordinator, variables: { input: { profile: woman, urgency: 'ACUTE', regionCode: 'RR' } } },
    );
    expect(submitted.errors).toBeUndefined();
    const requestId = submitted.data!.requestPlacement.id;

    const havenStaff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [haven.id] });
    const { page } = await harness.openConsole(havenStaff, 'desk');
    const offer = page.locator(`article.offer-card[data-request-id="${requestId}"]`);
    await offer.waitFor({ timeout: 30_000 });
    await offer.getByTestId('also-offered').waitFor();
    expect(await offer.getByTestId('also-offered').textContent()).toBe('ook aangeboden aan 1 andere opvangplekken');
    expect(await offer.textContent()).not.toContain(anker.name);

    const ankerStaff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'anker', facilityIds: [anker.id] });
    const accepted = await gql<{ respondToOffer: { status: string } }>(
      harness.api.url,
      'mutation($input: OfferResponseInput!) { respondToOffer(input: $input) { status } }',
      { token: ankerStaff, variables: { input: { requestId, accept: true } } },
    );
    expect(accepted.data?.respondToOffer.status).toBe('ACCEPTED');

    await offer.getByTestId('taken-elsewhere').waitFor({ timeout: 30_000 });
    expect(await offer.getByTestId('taken-elsewhere').textContent()).toMatch(
      /^elders aangenomen om \d{2}:\d{2}; uw plek is weer vrij$/,
    );
    expect(await offer.getByRole('button').count()).toBe(0);
    expect(await offer.textContent()).not.toContain(anker.name);
    // Not "coming to Haven" either (red team, issue 15, F5): the card names no facility any more.
    expect(await offer.locator('h3').textContent()).not.toContain(haven.name);
  });
});
