import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { gql } from '../support/graphql-client';
import {
  dataOf,
  DUTCH_WOMAN,
  facilityOf,
  PlacementClient,
  startPlacementApp,
  token,
  WOMAN_IN_BEDENKTIJD,
} from '../placement/support';
import { describeInBrowser, screenshot } from './browser';
import { useConsoleHarness } from './console-harness';

/** Tuesday 1 December 2026, 21:00 in Amsterdam: a noodbed call. */
const TUESDAY_NIGHT = new Date('2026-12-01T20:00:00.000Z');
/** Friday 4 December 2026, 17:00 in Amsterdam: the weekend ahead. */
const FRIDAY = new Date('2026-12-04T16:00:00.000Z');

/**
 * Capacity ahead in the console (issue 18): the bed board's "vrij over 24 u / 72 u", and the case
 * view of a waiting request saying when a suitable place is expected. In a real browser against the
 * API and worker, on the API's fixed clock.
 */
describeInBrowser('capacity ahead in the console', () => {
  const clock = new FixedClock(TUESDAY_NIGHT);
  let noodbed: { id: string };
  let vo: { id: string };
  let mo: { id: string };
  let secretVo: { id: string };

  const harness = useConsoleHarness({
    async register(dataSource) {
      const women = { genders: [Gender.FEMALE] };
      const lawful = ['DUTCH', 'EU_CITIZEN', 'LAWFUL_NON_EU'] as never;
      [noodbed, vo, mo, secretVo] = await insertFacilities(
        dataSource,
        [
          facilityOf(ShelterType.NOODBED, 1, { total: 1, maxStayDays: 3, eligibility: women }),
          facilityOf(ShelterType.VROUWENOPVANG, 1, { total: 2, eligibility: { ...women, residenceStatuses: lawful } }),
          // From 25: the noodbed woman's onward request (24) does not take its place.
          facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 0, {
            total: 1,
            eligibility: { minAge: 25, residenceStatuses: lawful },
          }),
          facilityOf(ShelterType.VROUWENOPVANG, 0, {
            total: 3,
            secretAddress: true,
            address: 'Geheimstraat 7, Rotterdam',
            eligibility: { ...women, residenceStatuses: lawful },
          }),
          facilityOf(ShelterType.COSM, 0, { total: 2, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
        ],
        { now: TUESDAY_NIGHT },
      );
    },
    startApp: (databaseUrl) => startPlacementApp(databaseUrl, clock),
    clock,
  });

  it('Friday: the bed board shows the full noodbed free again within 24 h, and no figure ahead for a secret address; a waiting request says a place is expected', async () => {
    const client = new PlacementClient(harness.api.url);
    const coordinator = await token.coordinator();
    // Tuesday night: the vrouwenopvang's last place goes to a Dutch woman; police bring a woman in
    // bedenktijd to the noodbed for 3 nights (002:761-767).
    const placed = await client.request(coordinator, { profile: DUTCH_WOMAN });
    await client.waitForStatus(coordinator, placed.id, ['OFFERED']);
    const voStaff = await token.staff(vo.id);
    await client.accept(voStaff, placed.id);
    await client.arrive(voStaff, placed.id);
    const night = await client.noodbed(await token.police(), { profile: WOMAN_IN_BEDENKTIJD });
    expect(night.facility!.id).toBe(noodbed.id);
    const noodbedStaff = await token.staff(noodbed.id);
    await client.accept(noodbedStaff, night.id);
    await client.arrive(noodbedStaff, night.id);

    clock.set(FRIDAY);
    const planner = await token.planner();
    const { page, problems } = await harness.openConsole(planner, 'beds');
    const row = page.locator(`li[data-facility-id="${noodbed.id}"]`);
    await row.getByTestId('ahead').waitFor();
    expect(await row.getByTestId('available').textContent()).toBe('0');
    expect(await row.getByTestId('ahead').textContent()).toBe('vrij over 24 u: 1 · 72 u: 1');
    // A vrouwenopvang stay has no usual length: nothing expected there.
    expect(await page.locator(`li[data-facility-id="${vo.id}"] [data-testid=ahead]`).getAttribute('data-in24')).toBe('0');
    // The secret address's counts are its staff's only, and so are its figures ahead (issue 12).
    const secretRow = page.locator(`li[data-facility-id="${secretVo.id}"]`);
    await secretRow.waitFor();
    expect(await secretRow.getByTestId('ahead').count()).toBe(0);
    await screenshot(page, 'bed-board-ahead');

    // The woman at the vrouwenopvang accepts a place at the maatschappelijke opvang: her departure is planned.
    const admin = await token.admin();
    dataOf(
      await gql(
        harness.api.url,
        `mutation { updateCapacity(input: { facilityId: "${mo.id}", total: 2, occupied: 1, outOfService: 0, expectedVersion: 1 }) { id } }`,
        { token: admin },
      ),
      'updateCapacity',
    );
    const moved = dataOf(
      await gql<{ requestTransfer: { id: string } }>(
        harness.api.url,
        `mutation T($id: ID!) { requestTransfer(requestId: $id, reason: OTHER, note: "dichter bij haar werk") { id } }`,
        { token: coordinator, variables: { id: placed.id } },
      ),
      'requestTransfer',
    );
    await client.waitForStatus(coordinator, moved.id, ['OFFERED']);
    await client.accept(await token.staff(mo.id), moved.id);

    // Another woman: nothing is free for her now; her case says a place is expected in her region.
    const waiting = await client.request(coordinator, { profile: { ...DUTCH_WOMAN, age: 35 } });
    await client.waitForStatus(coordinator, waiting.id, ['WAITING']);
    const caseView = await harness.openConsole(coordinator, `aanvraag/${waiting.id}`);
    const note = caseView.page.getByTestId('place-expectation');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      'Verwachting: Een passende plek komt naar verwachting binnen 24 uur vrij bij 1 locatie in uw regio.',
    );
    // The noodbed frees a place too, but it is police's to give (002:761-763): not counted for her.
    expect(await note.getAttribute('data-within-24')).toBe('1');
    await screenshot(caseView.page, 'case-place-expected');
    expect(problems).toEqual([]);
    expect(caseView.problems).toEqual([]);
  });
});
