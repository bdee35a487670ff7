/**
 * The placement workflow end to end over GraphQL (HTTP) with a graphql-ws subscription watching:
 * RECEIVED → MATCHING → OFFERED → ACCEPTED → PLACED → ENDED, with the capacity row moving in step
 * (held +1, then held −1 / occupied +1, then occupied −1). Then who may do what, and bad input
 * (idempotent submission and cancelling an offer are in lifecycle.medium-spec.ts). The API and
 * the placement worker run in this process on a fixed clock: Tuesday 1 December 2026, 10:00 in
 * Amsterdam.
 */
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import type { Client } from 'graphql-ws';
import { insertFacilities } from '../support/factories';
import { collect, errorCodes, wsClient } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  DAY,
  DUTCH_WOMAN,
  facilityOf,
  holdsOf,
  PLACEMENT_REQUEST,
  PLACEMENT_REQUESTS,
  PlacementClient,
  REQUEST_FIELDS,
  REQUEST_NOODBED,
  REQUEST_PLACEMENT,
  RESPOND,
  type RequestView,
  startPlacementApp,
  stopApp,
  type Status,
  statusesOf,
  token,
} from './support';

const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z'); // 10:00 in Amsterdam

const UPDATED = `subscription Updated($id: ID) { placementRequestUpdated(id: $id) { ${REQUEST_FIELDS} } }`;
type Updated = { placementRequestUpdated: RequestView };

describe('placement lifecycle over GraphQL', () => {
  const clock = new FixedClock(TUESDAY_MORNING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let vo: { id: string };
  let mo: { id: string };
  let coordinator: string;
  let voStaff: string;
  let moStaff: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    [vo, mo] = await insertFacilities(
      database.dataSource,
      [
        // The specialised place for a Dutch woman (sexual exploitation), with a 90-day maximum stay.
        facilityOf(ShelterType.VROUWENOPVANG, 3, { total: 10, maxStayDays: 90 }),
        facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 2, { total: 8 }),
      ],
      { now: TUESDAY_MORNING },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinator = await token.coordinator(['RR']);
    voStaff = await token.staff(vo.id);
    moStaff = await token.staff(mo.id);
  });
  afterAll(() => stopApp(api, database));

  /**
   * A subscription is live once the server listens, which a client cannot observe: poke with a
   * request nobody can place (a minor: no youth care here) until its first update arrives.
   */
  async function liveSubscription(ws: Client, variables: Record<string, unknown>) {
    const subscriber = collect<Updated>(ws, UPDATED, variables);
    for (let attempt = 0; attempt < 40 && subscriber.received.length === 0; attempt++) {
      await client.request(coordinator, { profile: { gender: 'FEMALE', age: 16, exploitationTypes: ['SEXUAL'] } });
      await subscriber.waitFor(1, 250).catch(() => undefined);
    }
    expect(subscriber.received.length).toBeGreaterThan(0);
    return subscriber;
  }

  function updatesOf(received: { data?: Updated }[], id: string): RequestView[] {
    return received.map((message) => message.data?.placementRequestUpdated).filter((r): r is RequestView => r?.id === id);
  }

  async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('streams RECEIVED → MATCHING → OFFERED → ACCEPTED → PLACED → ENDED, moving capacity in step', async () => {
    const ws = wsClient(api.url, coordinator);
    try {
      const everything = await liveSubscription(ws, { id: null });
      const before = await capacityOf(database.dataSource, vo.id);
      expect(before).toEqual({ total: 10, occupied: 7, held: 0, outOfService: 0 });

      // Answered at once, before any matching: RECEIVED.
      const submitted = await client.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'URGENT' });
      expect(submitted).toMatchObject({ status: 'RECEIVED', facility: null, offerExpiresAt: null, regionCode: 'RR' });
      expect(statusesOf(submitted)).toEqual(['RECEIVED']);
      // One subscription for just this request, from now on (the shelter's view, once offered).
      const mine = collect<Updated>(ws, UPDATED, { id: submitted.id });

      await until(() => updatesOf(everything.received, submitted.id).some((r) => r.status === 'OFFERED'), 'OFFERED');
      const offered = await client.get(coordinator, submitted.id);
      expect(offered).toMatchObject({ status: 'OFFERED', facility: { id: vo.id, type: 'VROUWENOPVANG' } });
      // Held for the default 2 hours (24/7 intake).
      expect(offered.offerExpiresAt).toBe(new Date(TUESDAY_MORNING.getTime() + 2 * 3_600_000).toISOString());
      expect(offered.allocations).toEqual([
        { facility: { id: vo.id, type: 'VROUWENOPVANG' }, places: 1, state: 'HELD', accepted: false },
      ]);
      expect(await capacityOf(database.dataSource, vo.id)).toEqual({ ...before, held: 1 });

      // The shelter says yes, then confirms the arrival.
      const accepted = await client.accept(voStaff, submitted.id);
      expect(accepted.status).toBe('ACCEPTED');
      expect(await capacityOf(database.dataSource, vo.id)).toEqual({ ...before, held: 1 });

      clock.advance(90 * 60_000); // she arrives an hour and a half later
      const placed = await client.arrive(voStaff, submitted.id);
      expect(placed).toMatchObject({ status: 'PLACED', placedAt: clock.now().toISOString(), offerExpiresAt: null });
      expect(placed.stayEndsAt).toBe(new Date(clock.now().getTime() + 90 * DAY).toISOString());
      expect(placed.allocations).toEqual([
        { facility: { id: vo.id, type: 'VROUWENOPVANG' }, places: 1, state: 'OCCUPIED', accepted: true },
      ]);
      expect(await capacityOf(database.dataSource, vo.id)).toEqual({ ...before, occupied: 8, held: 0 });

      clock.advance(20 * DAY);
      const ended = await client.end(voStaff, submitted.id, 'moved on to independent housing');
      expect(ended.status).toBe('ENDED');
      expect(await capacityOf(database.dataSource, vo.id)).toEqual(before);
      expect(await holdsOf(database.dataSource, submitted.id)).toEqual([{ facilityId: vo.id, places: 1, state: 'RELEASED' }]);

      // Every status is in the history, in order, with who moved it.
      expect(statusesOf(ended)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED', 'ACCEPTED', 'PLACED', 'ENDED']);
      expect(ended.history.map((entry) => entry.by)).toEqual([
        'dev-zorgcoordinator@zc-rijnmond',
        'system:placement',
        'system:placement',
        'dev-shelter_staff@testzorg',
        'dev-shelter_staff@testzorg',
        'dev-shelter_staff@testzorg',
      ]);
      expect(ended.history[5].note).toBe('ended: moved on to independent housing');

      // One message per change after RECEIVED (that one is the mutation's answer), in order. A
      // message is the request as re-read when its event arrives: the MATCHING one could already
      // show OFFERED if the worker is faster than that read, so its history is what must show it.
      await until(
        () => updatesOf(everything.received, submitted.id).some((r) => r.status === 'ENDED'),
        'ENDED over the subscription',
      );
      const streamed = updatesOf(everything.received, submitted.id);
      const expected: Status[] = ['MATCHING', 'OFFERED', 'ACCEPTED', 'PLACED', 'ENDED'];
      expect(streamed).toHaveLength(expected.length);
      streamed.forEach((update, i) => {
        expect(statusesOf(update).slice(0, i + 2)).toEqual(['RECEIVED', ...expected.slice(0, i + 1)]);
        expect([expected[i], ...(i === 0 ? ['OFFERED'] : [])]).toContain(update.status);
      });
      expect(streamed[1]).toMatchObject({ status: 'OFFERED', facility: { id: vo.id }, offerExpiresAt: offered.offerExpiresAt });
      expect(streamed[3]).toMatchObject({ status: 'PLACED', stayEndsAt: placed.stayEndsAt });

      // The subscription with an id gets that request only, through to the end.
      await until(() => updatesOf(mine.received, submitted.id).some((r) => r.status === 'ENDED'), 'ENDED on the id subscription');
      expect(mine.received.every((message) => message.data?.placementRequestUpdated.id === submitted.id)).toBe(true);
      expect(mine.received.map((m) => m.data!.placementRequestUpdated.status).slice(-3)).toEqual(['ACCEPTED', 'PLACED', 'ENDED']);
    } finally {
      await ws.dispose();
    }
  });

  describe('who may do what', () => {
    let offered: RequestView;

    beforeAll(async () => {
      const request = await client.request(coordinator, { profile: DUTCH_WOMAN });
      offered = await client.waitForStatus(coordinator, request.id, ['OFFERED']);
      expect(offered.facility?.id).toBe(vo.id);
    });

    it('staff of another facility cannot answer the offer, nor learn that it exists (NOT_FOUND, issue 12), and nothing changes', async () => {
      const before = await capacityOf(database.dataSource, vo.id);
      const response = await client.raw(RESPOND, moStaff, { input: { requestId: offered.id, accept: true } });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      const decline = await client.raw(RESPOND, moStaff, {
        input: { requestId: offered.id, accept: false, declineReason: 'full' },
      });
      expect(errorCodes(decline)).toEqual(['NOT_FOUND']);
      expect((await client.get(coordinator, offered.id)).status).toBe('OFFERED');
      expect(await capacityOf(database.dataSource, vo.id)).toEqual(before);
    });

    it('POLICE cannot call requestPlacement (FORBIDDEN; they use requestNoodbed)', async () => {
      const [before] = await database.dataSource.query('SELECT count(*)::int AS n FROM placement_requests');
      const response = await client.raw(REQUEST_PLACEMENT, await token.police(), {
        input: { profile: DUTCH_WOMAN, urgency: 'ACUTE', regionCode: 'RR' },
      });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      const [after] = await database.dataSource.query('SELECT count(*)::int AS n FROM placement_requests');
      expect(after.n).toBe(before.n);
    });

    it('a zorgcoördinator cannot request for a region not theirs (FORBIDDEN)', async () => {
      const twente = await token.coordinator(['TW']);
      const response = await client.raw(REQUEST_PLACEMENT, twente, {
        input: { profile: DUTCH_WOMAN, urgency: 'URGENT', regionCode: 'RR' },
      });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors![0].message).toMatch(/own regions only \(TW\), not RR/);
      // Nor can they read requests of that region.
      const read = await client.raw(PLACEMENT_REQUEST, twente, { id: offered.id });
      expect(read.errors).toBeUndefined();
      expect(read.data!.placementRequest).toBeNull();
    });

    it('COMENSHA cannot call requestNoodbed (FORBIDDEN: police only)', async () => {
      const response = await client.raw(REQUEST_NOODBED, await token.comensha(), {
        input: { profile: DUTCH_WOMAN, regionCode: 'RR' },
      });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    });

    it('a PLANNER cannot read requests (aggregates only)', async () => {
      const planner = await token.planner();
      expect(errorCodes(await client.raw(PLACEMENT_REQUEST, planner, { id: offered.id }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await client.raw(PLACEMENT_REQUESTS, planner, { filter: {}, first: 10 }))).toEqual(['FORBIDDEN']);
    });

    it('shelter staff see an offer to their own facility, not others', async () => {
      expect((await client.get(voStaff, offered.id)).id).toBe(offered.id);
      const other = await client.raw(PLACEMENT_REQUEST, moStaff, { id: offered.id });
      expect(other.data!.placementRequest).toBeNull();
    });
  });

  describe('bad input', () => {
    it('a decline without a reason is BAD_USER_INPUT on input.declineReason, and the offer stands', async () => {
      const request = await client.request(coordinator, { profile: DUTCH_WOMAN });
      await client.waitForStatus(coordinator, request.id, ['OFFERED']);
      const before = await capacityOf(database.dataSource, vo.id);
      for (const declineReason of [null, '   ']) {
        const response = await client.raw(RESPOND, voStaff, { input: { requestId: request.id, accept: false, declineReason } });
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors![0].extensions!.field).toBe('input.declineReason');
        expect(response.errors![0].message).toMatch(/declineReason is required/);
      }
      expect((await client.get(coordinator, request.id)).status).toBe('OFFERED');
      expect(await capacityOf(database.dataSource, vo.id)).toEqual(before);
      await client.cancel(coordinator, request.id, 'test cleanup');
    });

    it('an unknown request id is NOT_FOUND', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(errorCodes(await client.raw(RESPOND, voStaff, { input: { requestId: unknown, accept: true } }))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await client.raw(`mutation { confirmArrival(requestId: "${unknown}") { id } }`, voStaff, {}))).toEqual([
        'NOT_FOUND',
      ]);
      const read = await client.raw(PLACEMENT_REQUEST, coordinator, { id: unknown });
      expect(read.data!.placementRequest).toBeNull();
    });

    it('a malformed id is BAD_USER_INPUT naming the field', async () => {
      const respond = await client.raw(RESPOND, voStaff, { input: { requestId: 'not-a-uuid', accept: true } });
      expect(errorCodes(respond)).toEqual(['BAD_USER_INPUT']);
      expect(respond.errors![0].extensions!.field).toBe('input.requestId');
      const read = await client.raw(PLACEMENT_REQUEST, coordinator, { id: 'not-a-uuid' });
      expect(errorCodes(read)).toEqual(['BAD_USER_INPUT']);
      expect(read.errors![0].extensions!.field).toBe('id');
    });

    it('an unknown region and an impossible group size name their field', async () => {
      const region = await client.raw(REQUEST_PLACEMENT, await token.comensha(), {
        input: { profile: DUTCH_WOMAN, urgency: 'URGENT', regionCode: 'XX' },
      });
      expect(errorCodes(region)).toEqual(['BAD_USER_INPUT']);
      expect(region.errors![0].extensions!.field).toBe('input.regionCode');
      const group = await client.raw(REQUEST_PLACEMENT, coordinator, {
        input: { profile: DUTCH_WOMAN, urgency: 'URGENT', regionCode: 'RR', groupSize: 0 },
      });
      expect(errorCodes(group)).toEqual(['BAD_USER_INPUT']);
      expect(group.errors![0].extensions!.field).toBe('input.groupSize');
    });
  });
});
