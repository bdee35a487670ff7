/**
 * The noodbed over GraphQL (issue 4, "what a user can do"; domain.md §2, §5a): the police's one
 * call on Saturday night answers with the held noodbed and the linked onward request (followUp, and
 * bridge read back from it), and only police may make it. The noodbed's rules along the weekend
 * (the stay, the onward request on CoMensha's worklist, a VO place before a noodbed, no escalation
 * while she has a bed, CoMensha's assignment on Monday, the stay ending when she moves on) are in
 * noodbed.medium-spec.ts.
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { gql } from '../support/graphql-client';
import { tokenFor } from '../support/tokens';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  DUTCH_WOMAN,
  facilityOf,
  HOUR,
  PlacementClient,
  REQUEST_NOODBED,
  SATURDAY_NIGHT,
  startPlacementApp,
  statusesOf,
  stopApp,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

describe('requestNoodbed over GraphQL: a bed now, the onward request linked', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let noodbed: { id: string };
  let police: string;
  let comensha: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [noodbed] = await insertFacilities(
      database.dataSource,
      [
        // Humanitas Rotterdam: one noodbed, secret address, a stay of at most 3 nights.
        facilityOf(ShelterType.NOODBED, 1, { total: 1, secretAddress: true, maxStayDays: 3, eligibility: women }),
        facilityOf(ShelterType.COSM, 2, { total: 16, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
        // The women's shelter is full on Saturday night: the noodbed is the one place to drive to (002:763-765).
        facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 12, eligibility: women }),
      ],
      { now: SATURDAY_NIGHT },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    police = await token.police();
    comensha = await token.comensha();
  });
  afterAll(() => stopApp(api, database));

  it('Saturday 23:00, no VO place free: police get the noodbed within the call, with the onward COSM request linked both ways (002:763-767)', async () => {
    const bridge = await client.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD, clientReference: 'avim-rr-2026-1187' });
    // Answered within the call: OFFERED at the noodbed, no polling needed.
    expect(bridge).toMatchObject({
      status: 'OFFERED',
      urgency: 'ACUTE',
      facility: { id: noodbed.id, type: 'NOODBED' },
      offerExpiresAt: new Date(SATURDAY_NIGHT.getTime() + 2 * HOUR).toISOString(),
    });
    expect(statusesOf(bridge)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED']);
    expect(bridge.followUp).toMatchObject({ types: ['COSM'], urgency: 'ACUTE', regionCode: 'RR' });
    const followUp = await client.get(police, bridge.followUp!.id);
    expect(followUp.bridge).toMatchObject({ id: bridge.id, facility: { id: noodbed.id, type: 'NOODBED' } });
  });

  it('only police may call requestNoodbed: COMENSHA gets FORBIDDEN and nothing is held', async () => {
    const before = await capacityOf(database.dataSource, noodbed.id);
    const response = await client.raw(REQUEST_NOODBED, comensha, { input: { profile: WOMAN_IN_BEDENKTIJD, regionCode: 'RR' } });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await capacityOf(database.dataSource, noodbed.id)).toEqual(before);
  });
});

/**
 * One night on its own register: a database with `facilities`, the API on a clock fixed at `night`;
 * the facilities come back with their ids once `beforeAll` has run.
 */
function nightWith(night: Date, facilities: ReturnType<typeof facilityOf>[]) {
  const context = {
    database: undefined as unknown as TestDatabase,
    api: undefined as unknown as TestApp,
    client: undefined as unknown as PlacementClient,
    facilities: [] as { id: string }[],
  };
  beforeAll(async () => {
    context.database = await createTestDatabase();
    context.facilities = await insertFacilities(context.database.dataSource, facilities, { now: night });
    context.api = await startPlacementApp(context.database.url, new FixedClock(night));
    context.client = new PlacementClient(context.api.url);
  });
  afterAll(() => stopApp(context.api, context.database));
  return context;
}

describe('requestNoodbed: the region’s own noodbed before a 24/7 place a province away', () => {
  // Monday 7 December 2026, 03:37 in Rotterdam.
  const night = nightWith(new Date('2026-12-07T02:37:00.000Z'), [
    facilityOf(ShelterType.NOODBED, 1, { total: 2, regionCode: 'RR', municipality: 'Rotterdam' }),
    // A women's shelter in Ede (Foodvalley, about 100 km) with 24/7 intake and places free.
    facilityOf(ShelterType.VROUWENOPVANG, 3, { regionCode: 'FV', municipality: 'Ede' }),
  ]);

  it('an officer in Rotterdam at 03:37 is sent to the free Rotterdam noodbed, not to Ede (002:763-765, silent on distance)', async () => {
    const [rotterdamNoodbed] = night.facilities;
    const bridge = await night.client.noodbed(await token.police(), { profile: DUTCH_WOMAN, clientReference: 'avim-rr-0337' });
    expect(bridge).toMatchObject({ status: 'OFFERED', facility: { id: rotterdamNoodbed.id, type: 'NOODBED' } });
    expect(bridge.followUp).toMatchObject({ regionCode: 'RR' });
  });
});

describe('requestNoodbed: the regionCode is where she was found (the Humanitas noodbed, 002:749-753)', () => {
  // Monday 7 December 2026, 02:10 in Dordrecht.
  const night = nightWith(new Date('2026-12-07T01:10:00.000Z'), [
    // In Rotterdam, only for victims found in the municipalities of Zuid-Holland Zuid and Rotterdam Rijnmond.
    facilityOf(ShelterType.NOODBED, 1, { total: 1, regionCode: 'RR', eligibility: { foundInRegionCodes: ['ZHZ', 'RR'] } }),
    // Zuid-Holland Zuid's own women's shelter is full; Ede has places.
    facilityOf(ShelterType.VROUWENOPVANG, 0, { regionCode: 'ZHZ', municipality: 'Dordrecht' }),
    facilityOf(ShelterType.VROUWENOPVANG, 3, { regionCode: 'FV', municipality: 'Ede' }),
  ]);

  it('an officer in Zuid-Holland Zuid who gives the region alone gets the Humanitas noodbed, and a later profile change keeps it', async () => {
    const [humanitas] = night.facilities;
    const police = await tokenFor({ role: Role.POLICE, org: 'avim-zhz', regions: ['ZHZ'] });
    const bridge = await night.client.noodbed(police, {
      profile: DUTCH_WOMAN,
      regionCode: 'ZHZ',
      clientReference: 'avim-zhz-0210',
    });
    expect(bridge).toMatchObject({ status: 'OFFERED', facility: { id: humanitas.id, type: 'NOODBED' } });
    // Her place is judged with the same found-in region when her profile changes: still hers.
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-zhz', regions: ['ZHZ'] });
    const changed = await gql<{ updateVictimProfile: { status: string; facility: { id: string } | null } }>(
      night.api.url,
      `mutation Update($requestId: ID!, $changes: VictimProfileChangeInput!, $reason: String!) {
        updateVictimProfile(requestId: $requestId, changes: $changes, reason: $reason) { status facility { id } }
      }`,
      { token: coordinator, variables: { requestId: bridge.id, changes: { languages: ['nl', 'en'] }, reason: 'intake' } },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateVictimProfile).toMatchObject({ status: 'OFFERED', facility: { id: humanitas.id } });
  });
});

describe('requestNoodbed: two women found together, no place takes both (red team: they waited GROUP_TOO_LARGE)', () => {
  // Monday 7 December 2026, 01:30 in Rotterdam.
  const night = nightWith(new Date('2026-12-07T00:30:00.000Z'), [
    facilityOf(ShelterType.VROUWENOPVANG, 1, { regionCode: 'RR', municipality: 'Rotterdam' }),
    facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 1, { regionCode: 'RR', municipality: 'Schiedam' }),
    facilityOf(ShelterType.NOODBED, 1, { total: 2, regionCode: 'RR', municipality: 'Rotterdam' }),
  ]);

  it('the officer gets one place for each in her region, as a coordinator’s group would be split (003:484)', async () => {
    const [vo, mo] = night.facilities;
    const call = await night.client.noodbed(await token.police(), {
      profile: DUTCH_WOMAN,
      groupSize: 2,
      clientReference: 'avim-rr-0130-duo',
    });
    expect(call.status).toBe('OFFERED');
    expect(call.allocations.map((a) => [a.facility.id, a.places]).sort()).toEqual(
      [
        [vo.id, 1],
        [mo.id, 1],
      ].sort(),
    );
  });
});

describe('requestNoodbed: two women exploited in labour, found together at night (red teams: split without their onward request, then two places at once)', () => {
  // Monday 7 December 2026, 02:10 in Rotterdam.
  const night = nightWith(new Date('2026-12-07T01:10:00.000Z'), [
    facilityOf(ShelterType.VROUWENOPVANG, 1, { regionCode: 'RR', municipality: 'Rotterdam' }),
    facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 1, { regionCode: 'RR', municipality: 'Schiedam' }),
    // The NLA's crisis places suit them better, and take both; the NLA places there itself (003:486).
    facilityOf(ShelterType.NLA_CRISIS, 3, { regionCode: 'RR', municipality: 'Rotterdam', eligibility: { maxGroupSize: 10 } }),
  ]);

  it('they are not split over places they would only pass through: they wait on the NLA’s worklist, nothing held (003:486)', async () => {
    const [vo, mo] = night.facilities;
    const call = await night.client.noodbed(await token.police(), {
      profile: { ...DUTCH_WOMAN, exploitationTypes: ['LABOUR'] },
      groupSize: 2,
      clientReference: 'avim-rr-0210-labour-duo',
    });
    expect(call).toMatchObject({ status: 'WAITING', waitingForAuthority: 'NLA', followUp: null });
    expect(call.allocations).toEqual([]);
    for (const place of [vo, mo]) expect((await capacityOf(night.database.dataSource, place.id)).held).toBe(0);
  });
});
