import { PlacementStatus } from '@opvangplek/domain';
import { type Backend, testEnvironment, uniqueNamespace } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRedisUrl } from '../support/test-env';
import {
  assertCapacityInvariants,
  Cluster,
  coordinatorToken,
  deleteNamespaceKeys,
  FAST_SWEEP,
  FREE_PER_FACILITY,
  insertRegister,
  redisUrlWithDatabase,
  statusCounts,
  submitMany,
  unsettled,
  waitUntilSettled,
  withRedis,
} from './resilience-support';

/**
 * Issue 4, "Tests that must exist": concurrent holds from two processes never exceed capacity; a
 * worker killed mid-job and a Redis flushed mid-run both end with every request accounted for and
 * no double place; the same requests with the PostgreSQL queue backend. Real compiled API and
 * worker processes on a private database; the sweep runs every second and reconciles requests
 * untouched for 2 s, so recovery from a lost job takes seconds.
 */

const FACILITIES = 5;
const PLACES = FACILITIES * FREE_PER_FACILITY; // 10
const SETTLE_MS = 20_000;

/** Redis logical database only these specs use, so FLUSHDB never touches another suite's keys (db 0). */
const FLUSHABLE_REDIS_DB = 7;

const redisUrl = testRedisUrl();

describe.each<Backend>(['redis', 'postgres'])('placement under contention and failure (%s queue)', (backend) => {
  const skip = backend === 'redis' && !redisUrl;
  const maybe = skip ? it.skip : it;
  let database: TestDatabase | undefined;
  let cluster: Cluster | undefined;
  let namespace: string;

  async function arrange(): Promise<Cluster> {
    database = await createTestDatabase();
    await insertRegister(database.dataSource, FACILITIES);
    namespace = uniqueNamespace();
    cluster = new Cluster({ ...testEnvironment(database.url, backend, namespace), ...FAST_SWEEP });
    return cluster;
  }

  afterEach(async () => {
    await cluster?.stopAll();
    await database?.drop();
    if (backend === 'redis' && redisUrl && namespace) await deleteNamespaceKeys(redisUrl, namespace);
    cluster = undefined;
    database = undefined;
  });

  maybe(
    'concurrent holds from two API and two worker processes never exceed capacity',
    async () => {
      const processes = await (await arrange()).start({ apis: 2, workers: 2 });
      const token = await coordinatorToken();

      await submitMany(
        processes.apis.map((api) => api.url),
        token,
        40,
        'contention',
      );
      const counts = await waitUntilSettled(database!.dataSource, 40, {
        timeoutMs: SETTLE_MS,
        diagnostics: () => processes.outputs(),
      });

      expect(counts).toEqual({ [PlacementStatus.OFFERED]: PLACES, [PlacementStatus.WAITING]: 40 - PLACES });
      expect(await assertCapacityInvariants(database!.dataSource)).toEqual({
        offered: PLACES,
        waiting: 40 - PLACES,
        heldPlaces: PLACES,
        holdRows: PLACES, // one hold per offer: none taken twice, none taken and given back
      });
    },
    45_000,
  );

  maybe(
    'a worker killed mid-run loses nothing and double-places nothing',
    async () => {
      const processes = await (await arrange()).start({ apis: 1, workers: 1 });
      const token = await coordinatorToken();

      await submitMany([processes.apis[0].url], token, 30, 'killed-worker');
      await processes.workers[0].kill();
      // The kill must land while work is in flight, or this test proves nothing.
      const atKill = await statusCounts(database!.dataSource);
      expect(unsettled(atKill)).toBeGreaterThan(0);

      await processes.addWorker();
      const counts = await waitUntilSettled(database!.dataSource, 30, {
        timeoutMs: SETTLE_MS,
        diagnostics: () => `at kill: ${JSON.stringify(atKill)}\n${processes.outputs()}`,
      });

      expect(counts).toEqual({ [PlacementStatus.OFFERED]: PLACES, [PlacementStatus.WAITING]: 30 - PLACES });
      expect(await assertCapacityInvariants(database!.dataSource)).toEqual({
        offered: PLACES,
        waiting: 30 - PLACES,
        heldPlaces: PLACES,
        holdRows: PLACES, // one hold per offer: none taken twice, none taken and given back
      });
    },
    45_000,
  );
});

describe('placement after Redis is flushed mid-run (redis queue)', () => {
  const maybe = redisUrl ? it : it.skip;
  const flushableUrl = redisUrl ? redisUrlWithDatabase(redisUrl, FLUSHABLE_REDIS_DB) : '';
  let database: TestDatabase | undefined;
  let cluster: Cluster | undefined;
  let namespace: string;

  afterEach(async () => {
    await cluster?.stopAll();
    await database?.drop();
    if (redisUrl && namespace) await deleteNamespaceKeys(flushableUrl, namespace);
  });

  maybe(
    'the sweep re-enqueues the lost work: every request accounted for, no double place',
    async () => {
      database = await createTestDatabase();
      await insertRegister(database.dataSource, FACILITIES);
      namespace = uniqueNamespace();
      cluster = new Cluster({ ...testEnvironment(database.url, 'redis', namespace), ...FAST_SWEEP, REDIS_URL: flushableUrl });
      const processes = await cluster.start({ apis: 1, workers: 1 });
      const token = await coordinatorToken();

      await submitMany([processes.apis[0].url], token, 30, 'flushed-redis');
      await withRedis(flushableUrl, (redis) => redis.flushdb());
      // The flush must land while work is queued or running, or this test proves nothing.
      const atFlush = await statusCounts(database.dataSource);
      expect(unsettled(atFlush)).toBeGreaterThan(0);

      const counts = await waitUntilSettled(database.dataSource, 30, {
        timeoutMs: SETTLE_MS,
        diagnostics: () => `at flush: ${JSON.stringify(atFlush)}\n${processes.outputs()}`,
      });

      expect(counts).toEqual({ [PlacementStatus.OFFERED]: PLACES, [PlacementStatus.WAITING]: 30 - PLACES });
      expect(await assertCapacityInvariants(database.dataSource)).toEqual({
        offered: PLACES,
        waiting: 30 - PLACES,
        heldPlaces: PLACES,
        holdRows: PLACES, // one hold per offer: none taken twice, none taken and given back
      });
    },
    45_000,
  );
});
