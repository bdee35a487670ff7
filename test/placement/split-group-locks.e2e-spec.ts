/**
 * Capacity rows are locked in facility-id order (issue 15, item 4): at 03:00 the NLA finds groups
 * in Rotterdam and in Amsterdam at once; every group is split over the Rotterdam and the Amsterdam
 * crisis location, each group taking its nearest one first. Without a fixed lock order two such
 * transactions each hold the row the other wants ("deadlock detected … in relation capacity").
 */
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { capacityOf, facilityOf, PlacementClient, POLISH_WORKER, startPlacementApp, stopApp, token } from './support';

/** Thursday 3 December 2026, 03:00 in Amsterdam. */
const NIGHT = new Date('2026-12-03T02:00:00.000Z');
const GROUPS = 12;

describe('split groups at 03:00, from two regions at once', () => {
  const clock = new FixedClock(NIGHT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let facilities: { id: string }[];
  let nla: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const crisis = (overrides: Parameters<typeof facilityOf>[2]) =>
      facilityOf(ShelterType.NLA_CRISIS, 40, { total: 40, maxStayDays: 14, eligibility: { maxGroupSize: 2 }, ...overrides });
    facilities = await insertFacilities(
      database.dataSource,
      [crisis({}), crisis({ regionCode: 'AMS', municipality: 'Amsterdam', latitude: 52.37, longitude: 4.9 })],
      { now: NIGHT },
    );
    // Twelve groups polled at once: more calls a minute than one client's default budget.
    api = await startPlacementApp(database.url, clock, { RATE_LIMIT_PER_MINUTE: '100000' });
    client = new PlacementClient(api.url);
    nla = await token.nla();
  });
  afterAll(() => stopApp(api, database));

  const deadlocks = async (): Promise<number> => {
    // The statistics are flushed at most once a second; force them out first.
    await database.dataSource.query('SELECT pg_stat_force_next_flush()').catch(() => undefined);
    const [{ n }] = await database.dataSource.query(
      'SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return n as number;
  };

  it('twelve groups of four, each split 2 + 2 nearest first, are all offered without a deadlock, and held equals the holds', async () => {
    const before = await deadlocks();
    const submitted = await Promise.all(
      Array.from({ length: GROUPS }, (_, i) =>
        client.request(nla, { profile: POLISH_WORKER, urgency: 'ACUTE', groupSize: 4, regionCode: i % 2 ? 'AMS' : 'RR' }),
      ),
    );
    const offered = await Promise.all(submitted.map((request) => client.waitForStatus(nla, request.id, ['OFFERED'], 20_000)));
    for (const request of offered) {
      expect(request.allocations.map((a) => a.places)).toEqual([2, 2]);
    }
    // The groups really took the two rows in both orders (the situation that deadlocked).
    const firsts = new Set(offered.map((request) => request.allocations[0].facility.id));
    expect(firsts.size).toBe(2);

    // Then all are cancelled at once: their releases lock both rows too.
    await Promise.all(offered.map((request) => client.cancel(nla, request.id, 'groep elders opgevangen')));
    for (const facility of facilities) {
      expect(await capacityOf(database.dataSource, facility.id)).toEqual({ total: 40, occupied: 0, held: 0, outOfService: 0 });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await deadlocks()).toBe(before);
  });
});
