/**
 * Capacity ahead (issue 18): the places expected free in 24 h and 72 h, per facility, per region and
 * kind, and for a waiting request, over GraphQL against the API and worker on a controllable clock.
 * The stays are made the way they happen: police noodbed calls during the week, a coordinator's
 * placement, a transfer accepted elsewhere.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { collect, gql, wsClient } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  dataOf,
  DUTCH_WOMAN,
  eventually,
  facilityOf,
  HOUR,
  PlacementClient,
  POLISH_WORKER,
  startPlacementApp,
  stopApp,
  token,
  WOMAN_IN_BEDENKTIJD,
} from '../placement/support';

/** Tuesday 8 December 2026, 21:00 in Amsterdam: the first noodbed call of the week. */
const TUESDAY_NIGHT = new Date('2026-12-08T20:00:00.000Z');
/** Wednesday 9 December 2026, 09:00 in Amsterdam: two more. */
const WEDNESDAY_MORNING = new Date('2026-12-09T08:00:00.000Z');
/** Friday 11 December 2026, 17:00 in Amsterdam: the planner looks at the weekend. */
const FRIDAY = new Date('2026-12-11T16:00:00.000Z');

const OVERVIEW = `query O($regions: [ID!], $types: [ShelterType!]) {
  capacityOverview(regionCodes: $regions, types: $types) {
    region { code } type facilities secretFacilities available availability
    expectedFree24h expectedFree72h expectedAvailability24h expectedAvailability72h
  }
}`;
const FACILITY = `query F($id: ID!) { facility(id: $id) { id name address capacity { available expectedFree24h expectedFree72h } availability { band } } }`;
const FACILITIES = `query { facilities { id capacity { available expectedFree24h expectedFree72h } } }`;
const WAITING = `query W($id: ID!) { placementRequest(id: $id) {
  id status waitingReason expectedPlace { within24h within72h inRegionWithin24h inRegionWithin72h }
} }`;
const TRANSFER = `mutation T($requestId: ID!, $reason: TransferReason!, $note: String) {
  requestTransfer(requestId: $requestId, reason: $reason, note: $note) { id status }
}`;

interface Summary {
  region: { code: string };
  type: string;
  facilities: number;
  secretFacilities: number;
  available: number;
  availability: string;
  expectedFree24h: number;
  expectedFree72h: number;
  expectedAvailability24h: string;
  expectedAvailability72h: string;
}

describe('capacity ahead: the places expected free in 24 h and 72 h (issue 18)', () => {
  const clock = new FixedClock(TUESDAY_NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let noodbed: { id: string };
  let secretNoodbed: { id: string };
  let vo: { id: string };
  let mo: { id: string };
  let nla: { id: string };
  let police: string;
  let coordinator: string;
  let planner: string;
  /** The coordinator's placement at the vrouwenopvang on Tuesday. */
  let stayAtVo: string;

  const overview = async (regionCode: string, type: ShelterType): Promise<Summary> => {
    const response = await gql<{ capacityOverview: Summary[] }>(api.url, OVERVIEW, {
      token: planner,
      variables: { regions: [regionCode], types: [type] },
    });
    const rows = dataOf(response, 'capacityOverview');
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  /** Police bring a woman in bedenktijd to a noodbed (002:761-767); its staff take her in. */
  async function noodbedStay(): Promise<string> {
    const answer = await client.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD });
    expect(answer.facility?.type).toBe('NOODBED');
    const staff = await token.staff(answer.facility!.id);
    await client.accept(staff, answer.id);
    await client.arrive(staff, answer.id);
    return answer.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    const lawful = ['DUTCH', 'EU_CITIZEN', 'LAWFUL_NON_EU'] as never;
    [noodbed, secretNoodbed, vo, mo, nla] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.NOODBED, 2, { total: 2, maxStayDays: 3, eligibility: women }),
        facilityOf(ShelterType.NOODBED, 1, { total: 1, maxStayDays: 3, secretAddress: true, eligibility: women }),
        // Lawful residence only (the register's usual VO and MO).
        facilityOf(ShelterType.VROUWENOPVANG, 1, { total: 2, eligibility: { ...women, residenceStatuses: lawful } }),
        // From 25: the noodbed women's onward requests (24) do not take its place before the transfer does.
        facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 0, { total: 1, eligibility: { minAge: 25, residenceStatuses: lawful } }),
        facilityOf(ShelterType.NLA_CRISIS, 2, {
          total: 3,
          regionCode: 'TW',
          municipality: 'Enschede',
          eligibility: { exploitationTypes: ['LABOUR'] as never },
        }),
        // COSM is full: the noodbed women's onward requests hold nothing this week.
        facilityOf(ShelterType.COSM, 0, { total: 2, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
      ],
      { now: TUESDAY_NIGHT },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    police = await token.police();
    coordinator = await token.coordinator();
    planner = await token.planner();

    // Tuesday night: the coordinator places a Dutch woman in the vrouwenopvang's last place; then
    // police find a woman with no structural place free (002:763-765): a noodbed.
    const submitted = await client.request(coordinator, { profile: DUTCH_WOMAN });
    const offered = await client.waitForStatus(coordinator, submitted.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(vo.id);
    const voStaff = await token.staff(vo.id);
    await client.accept(voStaff, submitted.id);
    stayAtVo = (await client.arrive(voStaff, submitted.id)).id;
    await noodbedStay();
    // Wednesday morning: two more noodbed calls fill the last noodbedden.
    clock.set(WEDNESDAY_MORNING);
    await noodbedStay();
    await noodbedStay();
    clock.set(FRIDAY);
  }, 60_000);
  afterAll(() => stopApp(api, database));

  it('the planner on Friday sees the noodbedden of Rotterdam full now but 2 places free within 24 h, because the noodbed stays end (002:761-767)', async () => {
    const summary = await overview('RR', ShelterType.NOODBED);
    // Now: nothing free anywhere (the public one shows 0, the secret one only as a band).
    expect(summary).toMatchObject({ facilities: 2, secretFacilities: 1, available: 0, availability: 'NONE' });
    // Tuesday's and Wednesday's 3-night stays end by Saturday 09:00, within 24 h of Friday 17:00.
    expect(summary).toMatchObject({
      expectedFree24h: 2,
      expectedFree72h: 2,
      expectedAvailability24h: 'AVAILABLE',
      expectedAvailability72h: 'AVAILABLE',
    });
    const own = dataOf(await gql(api.url, FACILITY, { token: planner, variables: { id: noodbed.id } }), 'facility');
    expect(own).toMatchObject({ capacity: { available: 0, expectedFree24h: 2, expectedFree72h: 2 } });
    // A vrouwenopvang stay has no usual length in the documents: nothing is expected to free there.
    expect(await overview('RR', ShelterType.VROUWENOPVANG)).toMatchObject({
      available: 0,
      expectedFree24h: 0,
      expectedFree72h: 0,
    });
  });

  it('secret-address facilities stay anonymous: their figures ahead reach their own staff only, and no sum includes them', async () => {
    const seenByPlanner = dataOf(
      await gql(api.url, FACILITY, { token: planner, variables: { id: secretNoodbed.id } }),
      'facility',
    );
    expect(seenByPlanner).toMatchObject({ address: null, capacity: null, availability: { band: 'NONE' } });
    const everyone = dataOf(
      await gql<{ facilities: { id: string; capacity: unknown }[] }>(api.url, FACILITIES, { token: police }),
      'facilities',
    );
    expect(everyone.find((f) => f.id === secretNoodbed.id)!.capacity).toBeNull();
    // Its own staff see what they may: one place expected free within 24 h.
    const staff = await token.staff(secretNoodbed.id);
    const seenByStaff = dataOf(await gql(api.url, FACILITY, { token: staff, variables: { id: secretNoodbed.id } }), 'facility');
    expect(seenByStaff).toMatchObject({ capacity: { available: 0, expectedFree24h: 1, expectedFree72h: 1 } });
    // The region's sum is the public noodbed's alone (2), not 3.
    expect((await overview('RR', ShelterType.NOODBED)).expectedFree24h).toBe(2);
  });

  it('capacityChanged sends the counts of now with no figures ahead: the feed stays one read per event, whatever the number of subscribers', async () => {
    const socket = wsClient(api.url, planner);
    try {
      const feed = collect<{ capacityChanged: { id: string; capacity: { available: number; expectedFree24h: number | null } } }>(
        socket,
        `subscription { capacityChanged(regionCodes: ["RR"], types: [NOODBED], current: true) { id capacity { available expectedFree24h expectedFree72h } } }`,
      );
      const [first] = await feed.waitFor(1);
      expect(first.errors).toBeUndefined();
      const shown = first.data!.capacityChanged;
      expect(shown.id).toBe(noodbed.id);
      expect(shown.capacity).toEqual({ available: 0, expectedFree24h: null, expectedFree72h: null });
      feed.unsubscribe();
    } finally {
      await socket.dispose();
    }
  });

  it('an accepted arrival lowers the 24 h figure: the NLA’s crisis place in Twente, 2 free, then 1 once the shelter accepts (003:486)', async () => {
    expect(await overview('TW', ShelterType.NLA_CRISIS)).toMatchObject({ available: 2, expectedFree24h: 2, expectedFree72h: 2 });
    const nlaToken = await token.nla();
    const submitted = await client.request(nlaToken, { profile: POLISH_WORKER, regionCode: 'TW' });
    await client.waitForStatus(nlaToken, submitted.id, ['OFFERED']);
    await client.accept(await token.staff(nla.id), submitted.id);
    // She is expected, not there yet: her place is taken at every horizon.
    expect(await overview('TW', ShelterType.NLA_CRISIS)).toMatchObject({ available: 1, expectedFree24h: 1, expectedFree72h: 1 });
  });

  it('a coordinator’s waiting request shows that a suitable place is expected within 24 h in her region: a woman at the vrouwenopvang accepted a transfer', async () => {
    const admin = await token.admin();
    // The maatschappelijke opvang makes a place free on Friday; the woman at the vrouwenopvang moves there.
    dataOf(
      await gql(
        api.url,
        `mutation { updateCapacity(input: { facilityId: "${mo.id}", total: 2, occupied: 1, outOfService: 0, expectedVersion: 1 }) { id } }`,
        { token: admin },
      ),
      'updateCapacity',
    );
    const moved = dataOf(
      await gql<{ requestTransfer: { id: string } }>(api.url, TRANSFER, {
        token: coordinator,
        variables: { requestId: stayAtVo, reason: 'OTHER', note: 'dichter bij haar werk' },
      }),
      'requestTransfer',
    );
    const transfer = await client.waitForStatus(coordinator, moved.id, ['OFFERED']);
    expect(transfer.facility!.id).toBe(mo.id);
    await client.accept(await token.staff(mo.id), moved.id);
    // Her departure is planned: the vrouwenopvang expects her place free before her arrival deadline.
    const voNow = dataOf(await gql(api.url, FACILITY, { token: planner, variables: { id: vo.id } }), 'facility');
    expect(voNow).toMatchObject({ capacity: { available: 0, expectedFree24h: 1, expectedFree72h: 1 } });

    // Another woman now: nothing suitable is free, so she waits; one place is expected within 24 h.
    const waiting = await client.request(coordinator, { profile: { ...DUTCH_WOMAN, age: 35 } });
    await client.waitForStatus(coordinator, waiting.id, ['WAITING']);
    const view = await eventually(async () => {
      const response = await gql<{ placementRequest: Record<string, unknown> }>(api.url, WAITING, {
        token: coordinator,
        variables: { id: waiting.id },
      });
      return dataOf(response, 'placementRequest');
    });
    expect(view).toMatchObject({
      status: 'WAITING',
      waitingReason: 'NO_CAPACITY',
      // The vrouwenopvang only: the noodbedden free 2 places too, but a noodbed is police's to give
      // (002:761-763), never a place to expect for a coordinator's request.
      expectedPlace: { within24h: 1, within72h: 1, inRegionWithin24h: 1, inRegionWithin72h: 1 },
    });
    // A request that has a place is waiting for nothing.
    const placed = dataOf(
      await gql<{ placementRequest: Record<string, unknown> }>(api.url, WAITING, {
        token: coordinator,
        variables: { id: stayAtVo },
      }),
      'placementRequest',
    );
    expect(placed).toMatchObject({ expectedPlace: null });
  });

  it('a planned inspection’s reservation for Saturday night takes the places it reserved at the 24 h horizon', async () => {
    // The NLA plans its own inspection (planned actions: "the NLA for its own actions").
    const nlaToken = await token.nla();
    const startsAt = new Date(FRIDAY.getTime() + 20 * HOUR);
    const planned = await gql(
      api.url,
      `mutation P($input: PlannedActionInput!) { planAction(input: $input) { id everyoneSheltered reservedCount } }`,
      {
        token: nlaToken,
        variables: {
          input: {
            regionCode: 'TW',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 8 * HOUR).toISOString(),
            onBehalfOf: 'NLA',
            onBehalfOfOrganisation: 'nla-toezicht',
            expected: [{ count: 1, gender: 'MALE', minor: false, exploitationTypes: ['LABOUR'], residenceStatus: 'EU_CITIZEN' }],
          },
        },
      },
    );
    expect(dataOf(planned, 'planAction')).toMatchObject({ everyoneSheltered: true, reservedCount: 1 });
    // Free now (the reservation counts only inside its window), taken at the 24 h horizon, free again at 72 h.
    expect(await overview('TW', ShelterType.NLA_CRISIS)).toMatchObject({ available: 1, expectedFree24h: 0, expectedFree72h: 1 });
  });
});
