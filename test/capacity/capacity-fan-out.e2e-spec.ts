/**
 * Issue 12, path 3, and issue 16: "300 subscriptions on one socket made every capacity change cost
 * 300 database reads". A change is read once per event in each API process, whatever the number of
 * subscribers (CapacityFeed), each subscriber's view is derived from that one row, and the process
 * counts its reads per event (CapacityFeedMetrics, on /metrics).
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import { Role, ShelterType } from '@opvangplek/domain';
import { EVENT_BUS, EventChannel, type EventBus } from '@opvangplek/platform/events';
import { RegisterReader } from '@opvangplek/capacity/register-reader';
import { CapacityFeedMetrics } from '@opvangplek/capacity/capacity-feed-metrics';
import type { DataSource } from 'typeorm';
import { collect, gql, wsClient } from '../support/graphql-client';
import { insertFacilities, newFacility } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';

const SUBSCRIBERS = 50;
/** What a subscriber and a one-off `facility` read both select: every field the disclosure rules touch. */
const FIELDS = `id key name secretAddress address municipality latitude longitude operator
  region { code } capacity { total occupied held outOfService available version } availability { band }`;
const LIVE = `subscription { capacityChanged { ${FIELDS} } }`;
const ONE = `query One($id: ID!) { facility(id: $id) { ${FIELDS} } }`;
const REGION_LIVE = 'subscription { regionCapacityChanged(regionCodes: ["RR"]) { type available } }';
type View = { id: string; address: string | null; capacity: { version: number } | null } & Record<string, unknown>;
type Live = { capacityChanged: View };

describe('issue 12: capacity subscription fan-out reads the database once per event, not once per subscriber', () => {
  let database: TestDatabase;
  let api: TestApp;
  let shelter: { id: string };
  let secret: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    [shelter, secret] = await insertFacilities(database.dataSource, [
      newFacility({ type: ShelterType.MAATSCHAPPELIJKE_OPVANG }),
      newFacility({ secretAddress: true }),
    ]);
    // Room for 100 subscriptions from 5 callers (defaults: 20 per socket, 40 per caller).
    api = await startTestApp(database.url, { env: { WS_MAX_SUBSCRIPTIONS: '100', WS_MAX_SUBSCRIPTIONS_PER_CALLER: '100' } });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it(`${SUBSCRIBERS} capacityChanged and 10 regionCapacityChanged subscribers of mixed roles: one facility read and one region read per event`, async () => {
    const roles = [Role.PLANNER, Role.POLICE, Role.ZORGCOORDINATOR, Role.COMENSHA, Role.SHELTER_STAFF];
    const tokens = await Promise.all(
      roles.map((role, i) =>
        tokenFor({ role, org: `org-${i}`, regions: ['RR'], facilityIds: role === Role.SHELTER_STAFF ? [secret.id] : [] }),
      ),
    );
    const clients = tokens.map((token) => wsClient(api.url, token));
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [shelter.id] });
    try {
      const feeds = Array.from({ length: SUBSCRIBERS }, (_, i) => collect<Live>(clients[i % clients.length], LIVE));
      const regionFeeds = Array.from({ length: 10 }, (_, i) => collect(clients[i % clients.length], REGION_LIVE));
      // Live once every subscriber has had a change (a confirmation: it changes no aggregate).
      for (let attempt = 0; attempt < 50 && feeds.some((feed) => feed.received.length === 0); attempt++) {
        await gql(api.url, 'mutation C($id: ID!) { confirmCapacity(facilityId: $id) { id } }', {
          token: staff,
          variables: { id: shelter.id },
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(feeds.every((feed) => feed.received.length > 0)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));

      // Count every statement of the app's own connection, and the register reads by name.
      const dataSource = api.app.get<DataSource>(getDataSourceToken());
      const reader = api.app.get(RegisterReader);
      const statements: string[] = [];
      const query = dataSource.query.bind(dataSource);
      const spied = jest.spyOn(dataSource, 'query').mockImplementation((...args: Parameters<DataSource['query']>) => {
        statements.push(args[0]);
        return query(...args);
      });
      const feedMetrics = api.app.get(CapacityFeedMetrics);
      const countedBefore = await feedMetrics.counts();
      const facilityReads = jest.spyOn(reader, 'byIds');
      const regionReads = jest.spyOn(reader, 'load');
      try {
        const seen = feeds.map((feed) => feed.received.length);
        const seenRegion = regionFeeds.map((feed) => feed.received.length);
        // The event as a capacity change announces it, without the mutation's own reads around it.
        const [row] = await database.dataSource.query('SELECT version FROM capacity WHERE facility_id = $1', [secret.id]);
        await database.dataSource.query(
          'UPDATE capacity SET occupied = occupied + 1, version = version + 1 WHERE facility_id = $1',
          [secret.id],
        );
        await api.app.get<EventBus>(EVENT_BUS).publish(EventChannel.CapacityChanged, {
          facilityId: secret.id,
          regionCode: 'RR',
          type: ShelterType.VROUWENOPVANG,
          version: row.version + 1,
        });
        // Only the secret facility's staff follow it; the aggregate changed (its last free places
        // stay free, but the occupied count is not in the aggregate) — so: the staff's subscriptions.
        const staffFeeds = feeds.filter((_, i) => i % clients.length === roles.indexOf(Role.SHELTER_STAFF));
        await Promise.all(staffFeeds.map((feed) => feed.waitFor(seen[feeds.indexOf(feed)] + 1, 5_000)));
        await new Promise((resolve) => setTimeout(resolve, 500));

        for (const [i, feed] of feeds.entries()) {
          const fresh = feed.received.slice(seen[i]).map((m) => m.data!.capacityChanged);
          if (staffFeeds.includes(feed)) expect(fresh).toMatchObject([{ id: secret.id, capacity: { version: row.version + 1 } }]);
          else expect(fresh).toEqual([]);
        }
        expect(regionFeeds.map((feed, i) => feed.received.length - seenRegion[i])).toEqual(regionFeeds.map(() => 0));
        expect(facilityReads).toHaveBeenCalledTimes(1);
        expect(regionReads).toHaveBeenCalledTimes(1);
        // The service's own counter says the same: one event, one read of each kind (issue 16).
        const counted = await feedMetrics.counts();
        expect(counted.events - countedBefore.events).toBe(1);
        expect(counted.reads.facility - countedBefore.reads.facility).toBe(1);
        expect(counted.reads.aggregate - countedBefore.reads.aggregate).toBe(1);
        // One facility read and one capacity read for its region × kind (the definitions are cached).
        expect(statements.length).toBeLessThanOrEqual(3);
      } finally {
        spied.mockRestore();
        facilityReads.mockRestore();
        regionReads.mockRestore();
      }
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });

  it(`issue 16: ${SUBSCRIBERS * 2} subscribers on one API, two events: one facility read per event (the service's counter), and each subscriber sees what its own read of the facility shows`, async () => {
    const roles = [Role.PLANNER, Role.POLICE, Role.ZORGCOORDINATOR, Role.COMENSHA, Role.SHELTER_STAFF];
    const tokens = await Promise.all(
      roles.map((role, i) =>
        tokenFor({ role, org: `org-b${i}`, regions: ['RR'], facilityIds: role === Role.SHELTER_STAFF ? [secret.id] : [] }),
      ),
    );
    const clients = tokens.map((token) => wsClient(api.url, token));
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: [shelter.id] });
    const subscribers = SUBSCRIBERS * 2;
    try {
      const feeds = Array.from({ length: subscribers }, (_, i) => collect<Live>(clients[i % clients.length], LIVE));
      for (let attempt = 0; attempt < 50 && feeds.some((feed) => feed.received.length === 0); attempt++) {
        await gql(api.url, 'mutation C($id: ID!) { confirmCapacity(facilityId: $id) { id } }', {
          token: staff,
          variables: { id: shelter.id },
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(feeds.every((feed) => feed.received.length > 0)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));

      const feedMetrics = api.app.get(CapacityFeedMetrics);
      const before = await feedMetrics.counts();
      const seen = feeds.map((feed) => feed.received.length);
      const events = api.app.get<EventBus>(EVENT_BUS);
      // A change at the public facility, then one at the secret facility, announced as a change announces it.
      for (const [facility, type] of [
        [shelter, ShelterType.MAATSCHAPPELIJKE_OPVANG],
        [secret, ShelterType.VROUWENOPVANG],
      ] as const) {
        const [row] = await database.dataSource.query(
          'UPDATE capacity SET occupied = occupied + 1, version = version + 1 WHERE facility_id = $1 RETURNING version',
          [facility.id],
        );
        await events.publish(EventChannel.CapacityChanged, {
          facilityId: facility.id,
          regionCode: 'RR',
          type,
          version: row.version,
        });
      }
      const staffIndex = roles.indexOf(Role.SHELTER_STAFF);
      const followsSecret = (i: number) => i % clients.length === staffIndex;
      await Promise.all(feeds.map((feed, i) => feed.waitFor(seen[i] + (followsSecret(i) ? 2 : 1), 5_000)));
      await new Promise((resolve) => setTimeout(resolve, 500));

      // Two events, two facility reads, however many subscribe (the counter /metrics shows).
      const after = await feedMetrics.counts();
      expect({ events: after.events - before.events, facilityReads: after.reads.facility - before.reads.facility }).toEqual({
        events: 2,
        facilityReads: 2,
      });

      // What each subscriber was sent is what its caller's own read of that facility shows now
      // (the per-viewer read every subscription made before); the secret facility reaches only its staff.
      const ownRead = async (token: string, id: string) =>
        (await gql<{ facility: View }>(api.url, ONE, { token, variables: { id } })).data!.facility;
      for (const [c, token] of tokens.entries()) {
        const [publicView, secretView] = await Promise.all([ownRead(token, shelter.id), ownRead(token, secret.id)]);
        for (const [i, feed] of feeds.entries()) {
          if (i % clients.length !== c) continue;
          const fresh = feed.received.slice(seen[i]).map((m) => m.data!.capacityChanged);
          if (followsSecret(i)) {
            const byId = (a: View, b: View) => a.id.localeCompare(b.id);
            expect([...fresh].sort(byId)).toEqual([publicView, secretView].sort(byId));
          } else {
            expect(fresh).toEqual([publicView]);
            // Not followed, and anonymous to this caller: no address, no counts (issue 12).
            expect(secretView).toMatchObject({ address: null, municipality: null, capacity: null });
          }
        }
      }
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });
});
