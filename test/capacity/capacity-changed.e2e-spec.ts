import { Role, ShelterType } from '@opvangplek/domain';
import { freePort } from '@opvangplek/platform/database';
import { collect, gql, wsClient } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { type Backend, testEnvironment, uniqueNamespace } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRedisUrl } from '../support/test-env';
import { type RunningProcess, startProcess } from '../support/test-processes';
import { tokenFor } from '../support/tokens';

const SUBSCRIPTION = `subscription Changed($regions: [ID!], $types: [ShelterType!]) {
  capacityChanged(regionCodes: $regions, types: $types) { id name address municipality capacity { occupied available version } }
}`;
const UPDATE = `mutation U($input: UpdateCapacityInput!) { updateCapacity(input: $input) { capacity { version } } }`;
const CONFIRM = `mutation C($id: ID!) { confirmCapacity(facilityId: $id) { id } }`;

type Changed = {
  capacityChanged: {
    id: string;
    address: string | null;
    municipality: string | null;
    capacity: { occupied: number; version: number };
  };
};

/**
 * Two real API processes on one database: a change made through process A reaches a subscriber
 * connected to process B, over Redis pub/sub and over PostgreSQL LISTEN/NOTIFY.
 */
describe.each<Backend>(['postgres', 'redis'])('capacityChanged across two API processes (%s events)', (backend) => {
  const skip = backend === 'redis' && !testRedisUrl();
  const maybe = skip ? it.skip : it;
  let database: TestDatabase;
  let a: RunningProcess;
  let b: RunningProcess;
  let visible: { id: string };
  let secret: { id: string };
  let elsewhere: { id: string };

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase();
    [visible, secret, elsewhere] = await insertFacilities(database.dataSource, [
      newFacility({ regionCode: 'RR' }),
      newFacility({ regionCode: 'RR', secretAddress: true }),
      newFacility({ regionCode: 'AMS', type: ShelterType.MAATSCHAPPELIJKE_OPVANG }),
    ]);
    const env = testEnvironment(database.url, backend, uniqueNamespace());
    [a, b] = await Promise.all([
      startProcess('api', env, { port: await freePort() }),
      startProcess('api', env, { port: await freePort() }),
    ]);
  }, 60_000);

  afterAll(async () => {
    if (skip) return;
    await Promise.all([a?.stop(), b?.stop()]);
    await database.drop();
  });

  /**
   * A graphql-ws subscription is live once the server has subscribed to the event transport, which
   * the client cannot observe. So: poke (confirm) until the first event arrives; from then on the
   * pipeline is proven live and the real change is timed.
   */
  async function untilLive(subscriber: ReturnType<typeof collect<Changed>>, poke: () => Promise<unknown>): Promise<void> {
    for (let attempt = 0; attempt < 50 && subscriber.received.length === 0; attempt++) {
      await poke();
      await subscriber.waitFor(1, 200).catch(() => undefined);
    }
    expect(subscriber.received.length).toBeGreaterThan(0);
  }

  maybe('delivers a change made through process A to a subscriber on process B within a second', async () => {
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [visible.id] });
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc', regions: ['RR'] });
    const client = wsClient(b.url, coordinator);
    try {
      const subscriber = collect<Changed>(client, SUBSCRIPTION, { regions: ['RR'] });
      await untilLive(subscriber, () => gql(a.url, CONFIRM, { token: staff, variables: { id: visible.id } }));
      const seen = subscriber.received.length;

      const started = Date.now();
      const update = await gql<{ updateCapacity: { capacity: { version: number } } }>(a.url, UPDATE, {
        token: staff,
        variables: { input: { facilityId: visible.id, total: 10, occupied: 7, outOfService: 0, expectedVersion: 1 } },
      });
      expect(update.errors).toBeUndefined();
      const messages = await subscriber.waitFor(seen + 1, 1_000);
      expect(Date.now() - started).toBeLessThan(1_000);
      const last = messages[messages.length - 1].data!.capacityChanged;
      expect(last).toMatchObject({
        id: visible.id,
        capacity: { occupied: 7, version: update.data!.updateCapacity.capacity.version },
      });
    } finally {
      await client.dispose();
    }
  });

  maybe('filters by region and kind, and never sends a secret-address facility to someone who may not locate it', async () => {
    const admin = await tokenFor({ role: Role.ADMIN, org: 'beheer' });
    const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc', regions: ['RR'] });
    const client = wsClient(b.url, coordinator);
    try {
      const rrOnly = collect<Changed>(client, SUBSCRIPTION, { regions: ['RR'], types: ['VROUWENOPVANG'] });
      await untilLive(rrOnly, () => gql(a.url, CONFIRM, { token: admin, variables: { id: visible.id } }));
      const seen = rrOnly.received.length;

      await gql(a.url, CONFIRM, { token: admin, variables: { id: elsewhere.id } }); // AMS: filtered out
      await gql(a.url, CONFIRM, { token: admin, variables: { id: secret.id } }); // RR, secret address: not followed
      await gql(a.url, CONFIRM, { token: admin, variables: { id: visible.id } }); // RR: arrives
      const messages = await rrOnly.waitFor(seen + 1, 2_000);
      await new Promise((resolve) => setTimeout(resolve, 300)); // anything filtered would have arrived by now
      const after = messages.slice(seen).map((m) => m.data!.capacityChanged);
      expect(after.map((f) => f.id)).toEqual([visible.id]);
    } finally {
      await client.dispose();
    }
  });
});
