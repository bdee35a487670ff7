/**
 * Criminal exploitation: "bepalen de deelnemers van het screeningsoverleg, in overleg met het
 * openbaar ministerie, in eerste instantie de te volgen route en het eventueel bieden van een veilige
 * opvangplek" (003:490). A request made before that decision waits for it; the coordinator records
 * it afterwards, and the request either goes on to a place or is withdrawn, saying why.
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { GraphQLResponse } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import {
  dataOf,
  facilityOf,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_FIELDS,
  startPlacementApp,
  stopApp,
  token,
} from './support';

const RECORD = `mutation Record($requestId: ID!, $shelter: Boolean!, $reason: String!) {
  recordRouteDecision(requestId: $requestId, shelter: $shelter, reason: $reason) { ${REQUEST_FIELDS} waitingReason }
}`;
const CRIMINAL = { gender: 'FEMALE', age: 27, exploitationTypes: ['CRIMINAL'], residenceStatus: 'DUTCH' };

describe('the screeningsoverleg decides the route afterwards (003:490)', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let coordinator: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertFacilities(
      database.dataSource,
      [facilityOf(ShelterType.VROUWENOPVANG, 4, { total: 10, eligibility: { genders: [Gender.FEMALE] } })],
      { now: MONDAY_OPENING },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator();
  }, 60_000);
  afterAll(() => stopApp(api, database));

  type Decided = { id: string; status: string; allocations: unknown[]; history: { note: string | null }[] };
  const record = (tokenValue: string, requestId: string, shelter: boolean, reason = 'screeningsoverleg maandag, met het OM') =>
    client.raw(RECORD, tokenValue, { requestId, shelter, reason }) as unknown as Promise<
      GraphQLResponse<{ recordRouteDecision: Decided }>
    >;

  async function waitingForRoute(): Promise<string> {
    const submitted = await client.request(coordinator, { profile: CRIMINAL, urgency: 'PLANNED' });
    const waiting = await client.waitForStatus(coordinator, submitted.id, ['WAITING']);
    expect(waiting.history.at(-1)!.note).toMatch(/AWAITING_ROUTE_DECISION/);
    return submitted.id;
  }

  it('the coordinator records "a safe shelter place" on Monday: the request she made on Friday is matched and offered', async () => {
    const id = await waitingForRoute();
    const answer = dataOf(await record(coordinator, id, true), 'recordRouteDecision');
    expect(answer.history.map((step) => step.note).join('\n')).toMatch(/route decided by the screeningsoverleg with the OM/);
    const offered = await client.waitForStatus(coordinator, id, ['OFFERED']);
    expect(offered.facility).not.toBeNull();
    // Recorded once: a second time there is nothing waiting for it.
    const again = await record(coordinator, id, true);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await client.cancel(coordinator, id, 'test cleanup');
  });

  it('"another route, no shelter place" withdraws the request, saying so; nothing is held', async () => {
    const id = await waitingForRoute();
    const answer = dataOf(
      await record(coordinator, id, false, 'strafrechtelijke route, geen opvang nodig'),
      'recordRouteDecision',
    );
    expect(answer.status).toBe('CANCELLED');
    expect(answer.history.at(-1)!.note).toMatch(/route without a shelter place.*strafrechtelijke route/);
    expect(answer.allocations).toEqual([]);
  });

  it('only those who carry the case record it; bad input names the field', async () => {
    const id = await waitingForRoute();
    const amsterdam = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-amsterdam', regions: ['AMS'] });
    expect((await record(amsterdam, id, true)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [] });
    expect((await record(staff, id, true)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await record(coordinator, id, true, '   ');
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const badId = await record(coordinator, 'not-an-id', true);
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestId' });
    expect((await client.get(coordinator, id)).status).toBe('WAITING');
    await client.cancel(coordinator, id, 'test cleanup');
  });
});
