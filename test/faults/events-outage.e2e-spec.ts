/**
 * Issue 15, F3 of the red team: while Redis (the events backend) was down, a subscriber that stayed
 * connected got no updates at all, not even of changes made on its own API process, and neither an
 * error nor a close: a graphql-ws client had no reason to resubscribe with `after`, and the updates
 * were lost for good. Now the API closes the socket (1013, try again later) when its event bus is
 * interrupted; a stock graphql-ws client reconnects on that, and one that follows the resume
 * protocol (the console's ResumableSubscription) receives every update it missed once Redis is back.
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ResumableSubscription } from '../../apps/console/src/api/resumable-subscription';
import { insertFacilities } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { DUTCH_WOMAN, eventually, facilityOf, PlacementClient, stopApp, token } from '../placement/support';
import { PrivateRedis } from './redis-server';

const FOLLOW = `subscription Follow($after: ID) { placementRequestUpdated(after: $after) { id sequence status } }`;
type Update = { id: string; sequence: string; status: string };

describe('a subscriber that stays connected through a Redis outage (issue 15, F3)', () => {
  const clock = new FixedClock(new Date());
  let database: TestDatabase;
  let redis: PrivateRedis;
  let api: TestApp;
  let client: PlacementClient;
  let coordinator: string;
  let socket: Client | undefined;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    database = await createTestDatabase();
    await insertFacilities(
      database.dataSource,
      [facilityOf(ShelterType.VROUWENOPVANG, 10, { eligibility: { genders: [Gender.FEMALE] } })],
      { now: clock.now() },
    );
    api = await startTestApp(database.url, {
      backend: 'redis',
      clock,
      env: { REDIS_URL: redis.url, QUEUE_CALL_TIMEOUT_MS: '1000', SWEEP_SECONDS: '3600' },
    });
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
  }, 120_000);

  afterAll(async () => {
    await socket?.dispose();
    await redis.start().catch(() => undefined);
    await stopApp(api, database);
    await redis.stop();
  }, 120_000);

  /** A stock graphql-ws client (its own rule of which closes to retry), resuming as the console does. */
  const follow = () => {
    const received: Update[] = [];
    const closeCodes: number[] = [];
    const state = { connected: 0 };
    const resumable = new ResumableSubscription({ query: FOLLOW, variables: {} });
    socket = createClient({
      url: `${api.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${coordinator}` },
      retryAttempts: 20,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 300)),
      on: {
        connected: () => (state.connected += 1),
        closed: (event) => {
          closeCodes.push((event as { code: number }).code);
          resumable.socketClosed();
        },
      },
    });
    socket.subscribe<{ placementRequestUpdated: Update }>(resumable.payload, {
      next: (result) => {
        resumable.seen(result);
        if (result.data) received.push(result.data.placementRequestUpdated);
      },
      error: () => undefined,
      complete: () => undefined,
    });
    const seen = (id: string, status: string) => received.some((update) => update.id === id && update.status === status);
    return { received, closeCodes, state, seen };
  };

  /** Live: a cancellation is seen (a new request sends no live RECEIVED event, red team F10). */
  const untilLive = (seen: (id: string, status: string) => boolean) =>
    eventually(async () => {
      const request = await client.request(coordinator, { profile: DUTCH_WOMAN, clientReference: `live-${Date.now()}` });
      await client.cancel(coordinator, request.id);
      await eventually(async () => {
        if (!seen(request.id, 'CANCELLED')) throw new Error('not seen yet');
      }, 2_000);
    }, 15_000);

  it('is told to reconnect, resubscribes with after, and receives every update made during the outage', async () => {
    const { closeCodes, state, seen } = follow();
    await untilLive(seen);
    const first = await client.request(coordinator, { profile: DUTCH_WOMAN, clientReference: 'first' });
    const second = await client.request(coordinator, { profile: DUTCH_WOMAN, clientReference: 'second' });

    await redis.stop();
    // Changes on this very process while the events backend is down: published into the void.
    expect((await client.cancel(coordinator, first.id)).status).toBe('CANCELLED');
    expect((await client.cancel(coordinator, second.id)).status).toBe('CANCELLED');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await redis.start();

    // Once Redis is back, the missed updates arrive.
    await eventually(async () => {
      for (const request of [first, second])
        if (!seen(request.id, 'CANCELLED')) throw new Error(`the cancellation of ${request.id} never arrived`);
    }, 20_000);
    // It got there because the API told it to reconnect (not a dropped connection, nor a completed subscription).
    expect(closeCodes).toContain(1013);
    expect(state.connected).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('a hung Redis (no dropped connection) is found by the heartbeat: the subscriber is told, and misses nothing', async () => {
    await socket?.dispose();
    const { closeCodes, state, seen } = follow();
    await untilLive(seen);
    const request = await client.request(coordinator, { profile: DUTCH_WOMAN, clientReference: 'during-hang' });
    redis.pause();
    try {
      expect((await client.cancel(coordinator, request.id)).status).toBe('CANCELLED');
      // Longer than the heartbeat's period and its wait for an answer together.
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    } finally {
      redis.resume();
    }
    await eventually(async () => {
      if (!seen(request.id, 'CANCELLED')) throw new Error(`the cancellation of ${request.id} never arrived`);
    }, 20_000);
    expect(closeCodes).toContain(1013);
    expect(state.connected).toBeGreaterThanOrEqual(2);
  }, 90_000);
});
