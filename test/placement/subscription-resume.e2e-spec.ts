/**
 * Subscriptions resume (issue 15, item 6): a console whose socket dropped reconnects with the
 * `sequence` of the last update it saw and first receives what it missed (each request that changed,
 * as it is now: its history holds the missed steps), then live updates; a capacity subscriber that
 * reconnects with `current: true` first gets the state of every facility it follows.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import type { Client } from 'graphql-ws';
import { insertFacilities } from '../support/factories';
import { collect, gql, wsClient } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  DUTCH_WOMAN,
  facilityOf,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  setCapacity,
  startPlacementApp,
  stopApp,
  token,
} from './support';

const RESUME = `subscription Resume($id: ID, $after: ID) {
  placementRequestUpdated(id: $id, after: $after) { ${REQUEST_FIELDS} sequence history { sequence } }
}`;
const CAPACITY = `subscription Capacity($regionCodes: [ID!], $current: Boolean) {
  capacityChanged(regionCodes: $regionCodes, current: $current) { id capacity { total occupied held } }
}`;
const SEQUENCE = `query Sequence($id: ID!) { placementRequest(id: $id) { sequence history { sequence status } } }`;

type Resumed = Omit<RequestView, 'history'> & {
  sequence: string;
  history: (RequestView['history'][number] & { sequence: string })[];
};
type Followed = { id: string; capacity: { total: number; occupied: number; held: number } };

describe('a console whose socket dropped', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let vo: { id: string };
  let mo: { id: string };
  let coordinator: string;
  const sockets: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [vo, mo] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 3, { total: 10, eligibility: women }),
        facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 2, { total: 8, eligibility: women }),
      ],
      { now: MONDAY_OPENING },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await stopApp(api, database);
  });

  const socket = (tokenValue: string) => {
    const ws = wsClient(api.url, tokenValue);
    sockets.push(ws);
    return ws;
  };
  const sequenceOf = async (id: string): Promise<string> => {
    const response = await gql<{ placementRequest: { sequence: string } }>(api.url, SEQUENCE, {
      token: coordinator,
      variables: { id },
    });
    return response.data!.placementRequest.sequence;
  };

  it('reconnecting after her place was accepted and she arrived: first the missed steps, then the live ones, none twice', async () => {
    const submitted = await client.request(coordinator, { profile: DUTCH_WOMAN, types: ['VROUWENOPVANG'] });
    await client.waitForStatus(coordinator, submitted.id, ['OFFERED']);
    const lastSeen = await sequenceOf(submitted.id);

    // The socket is gone; meanwhile the shelter accepts and she arrives.
    const staff = await token.staff(vo.id);
    await client.accept(staff, submitted.id);
    await client.arrive(staff, submitted.id);

    const resumed = collect<{ placementRequestUpdated: Resumed }>(socket(coordinator), RESUME, {
      id: submitted.id,
      after: lastSeen,
    });
    await resumed.waitFor(1);
    const missed = resumed.received[0].data!.placementRequestUpdated;
    expect(missed).toMatchObject({ id: submitted.id, status: 'PLACED' });
    const newSteps = missed.history.filter((step) => BigInt(step.sequence) > BigInt(lastSeen)).map((step) => step.status);
    expect(newSteps).toEqual(['ACCEPTED', 'PLACED']);
    expect(BigInt(missed.sequence)).toBeGreaterThan(BigInt(lastSeen));

    await client.end(staff, submitted.id);
    await resumed.waitFor(2);
    expect(resumed.received.map((message) => message.data?.placementRequestUpdated.status)).toEqual(['PLACED', 'ENDED']);
    expect(BigInt(resumed.received[1].data!.placementRequestUpdated.sequence)).toBeGreaterThan(BigInt(missed.sequence));
  });

  it('following all her requests: each one that changed while away comes once, oldest change first; one that did not, not at all', async () => {
    const first = await client.request(coordinator, { profile: DUTCH_WOMAN, types: ['MAATSCHAPPELIJKE_OPVANG'] });
    await client.waitForStatus(coordinator, first.id, ['OFFERED']);
    const untouched = await client.request(coordinator, { profile: DUTCH_WOMAN, types: ['VROUWENOPVANG'] });
    await client.waitForStatus(coordinator, untouched.id, ['OFFERED']);
    const lastSeen = await sequenceOf(untouched.id);

    const second = await client.request(coordinator, { profile: DUTCH_WOMAN, types: ['MAATSCHAPPELIJKE_OPVANG'] });
    await client.waitForStatus(coordinator, second.id, ['OFFERED']);
    await client.cancel(coordinator, first.id, 'zij is bij familie');

    const resumed = collect<{ placementRequestUpdated: Resumed }>(socket(coordinator), RESUME, { after: lastSeen });
    await resumed.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = resumed.received.map((message) => message.data?.placementRequestUpdated.id);
    expect(ids).toEqual([second.id, first.id]);
    expect(resumed.received[1].data!.placementRequestUpdated.status).toBe('CANCELLED');
  });

  it('a coordinator of another region resuming from the start gets none of Rotterdam’s requests', async () => {
    const amsterdam = await token.coordinator(['AMS']);
    const resumed = collect<{ placementRequestUpdated: Resumed }>(socket(amsterdam), RESUME, { after: '0' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(resumed.received).toEqual([]);
  });

  it('a sequence that is not a number is refused, naming the field', async () => {
    const refused = collect<{ placementRequestUpdated: Resumed }>(socket(coordinator), RESUME, { after: 'yesterday' });
    await refused.waitFor(1);
    expect(refused.received[0].errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });

  it('a capacity console reconnecting with current: true first gets every Rotterdam facility as it is now, then the changes', async () => {
    await setCapacity(api, database.dataSource, mo.id, { total: 8, occupied: 3 });
    const followed = collect<{ capacityChanged: Followed }>(socket(coordinator), CAPACITY, {
      regionCodes: ['RR'],
      current: true,
    });
    await followed.waitFor(2);
    const now = new Map(
      followed.received.map((message) => [message.data!.capacityChanged.id, message.data!.capacityChanged.capacity]),
    );
    expect([...now.keys()].sort()).toEqual([vo.id, mo.id].sort());
    expect(now.get(mo.id)).toMatchObject({ total: 8, occupied: 3 });

    await setCapacity(api, database.dataSource, mo.id, { total: 8, occupied: 2 });
    await followed.waitFor(3);
    expect(followed.received[2].data!.capacityChanged).toMatchObject({ id: mo.id, capacity: { occupied: 2 } });
  });
});
