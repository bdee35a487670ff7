/**
 * Stays (issue 4, part 5; domain.md §5 rule 5): a PLACED stay has `stayEndsAt` from the kind's
 * maximum (NLA crisis shelter: 14 days, 000:2173-2174); the sweep raises an alert a day before the
 * end and marks an overstay after it; ending a stay frees the place and re-tries waiting requests.
 */
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { errorCodes } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  DAY,
  END,
  facilityOf,
  MINUTE,
  PlacementClient,
  POLISH_WORKER,
  type RequestView,
  startPlacementApp,
  stopApp,
  sweep,
  token,
} from './support';

/** Thursday 3 December 2026, 15:00 in Amsterdam. */
const PLACED_AT = new Date('2026-12-03T14:00:00.000Z');
const ENDS_AT = new Date(PLACED_AT.getTime() + 14 * DAY);

describe('stays: the end, the alert before it, the overstay after it, and what a departure frees', () => {
  const clock = new FixedClock(PLACED_AT);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let crisis: { id: string };
  let nla: string;
  let staff: string;
  let stay: RequestView;
  let waiting: RequestView;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One NLA crisis location with one free place of 6; a stay of at most 14 days.
    [crisis] = await insertFacilities(
      database.dataSource,
      [facilityOf(ShelterType.NLA_CRISIS, 1, { total: 6, maxStayDays: 14, eligibility: { maxGroupSize: 6 } })],
      { now: PLACED_AT },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    nla = await token.nla();
    staff = await token.staff(crisis.id);

    const request = await client.request(nla, { profile: POLISH_WORKER, urgency: 'ACUTE' });
    await client.waitForStatus(nla, request.id, ['OFFERED']);
    await client.accept(staff, request.id);
    stay = await client.arrive(staff, request.id);
  });
  afterAll(() => stopApp(api, database));

  it('a placed NLA stay ends 14 days after arrival, and fills the last place', async () => {
    expect(stay).toMatchObject({
      status: 'PLACED',
      placedAt: PLACED_AT.toISOString(),
      stayEndsAt: ENDS_AT.toISOString(),
      overstay: false,
    });
    expect(await capacityOf(database.dataSource, crisis.id)).toEqual({ total: 6, occupied: 6, held: 0, outOfService: 0 });
  });

  it('a second request for the full location waits for capacity (NO_CAPACITY)', async () => {
    const request = await client.request(nla, { profile: { ...POLISH_WORKER, age: 27 }, urgency: 'URGENT' });
    waiting = await client.waitForStatus(nla, request.id, ['WAITING']);
    expect(waiting).toMatchObject({ waitingReason: 'NO_CAPACITY', nextAttemptAt: null, facility: null });
  });

  it('no alert until a day before the end', async () => {
    clock.set(new Date(ENDS_AT.getTime() - DAY - MINUTE)); // 12 days, 23:59 in
    expect(await sweep(api)).toMatchObject({ alerts: 0, overstays: 0 });
    const now = await client.get(nla, stay.id);
    expect(now.history.some((entry) => entry.note?.startsWith('stay ends at'))).toBe(false);
  });

  it('13 days and a minute in: the sweep notes that the stay ends (once), not yet an overstay', async () => {
    clock.set(new Date(PLACED_AT.getTime() + 13 * DAY + MINUTE));
    expect(await sweep(api)).toMatchObject({ alerts: 1, overstays: 0 });
    const alerted = await client.get(nla, stay.id);
    expect(alerted).toMatchObject({ status: 'PLACED', overstay: false });
    expect(alerted.history.filter((entry) => entry.note?.startsWith('stay ends at'))).toEqual([
      {
        status: 'PLACED',
        at: clock.now().toISOString(),
        by: 'system:placement',
        note: `stay ends at ${ENDS_AT.toISOString()}: an onward placement is needed`,
      },
    ]);
    clock.advance(10 * MINUTE);
    expect((await sweep(api)).alerts).toBe(0); // raised once
  });

  it('14 days and a minute in: the sweep marks the overstay (once)', async () => {
    clock.set(new Date(ENDS_AT.getTime() + MINUTE));
    expect(await sweep(api)).toMatchObject({ alerts: 0, overstays: 1 });
    const overstayed = await client.get(nla, stay.id);
    expect(overstayed).toMatchObject({ status: 'PLACED', overstay: true });
    expect(overstayed.history.at(-1)).toEqual({
      status: 'PLACED',
      at: clock.now().toISOString(),
      by: 'system:placement',
      note: `overstay: the stay should have ended at ${ENDS_AT.toISOString()}`,
    });
    expect((await sweep(api)).overstays).toBe(0);
  });

  it('only a PLACED request can be ended (CONFLICT otherwise)', async () => {
    const response = await client.raw(END, nla, { id: waiting.id, reason: 'gone' });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    // (Still waiting; a sweep may be re-trying it just now, so let that attempt settle.)
    expect((await client.waitForStatus(nla, waiting.id, ['WAITING'])).waitingReason).toBe('NO_CAPACITY');
  });

  it('ending the stay frees the place, and the waiting request is offered it', async () => {
    const ended = await client.end(staff, stay.id, 'moved on to a B8 place in regular shelter');
    expect(ended).toMatchObject({ status: 'ENDED', overstay: true });
    expect(ended.history.at(-1)).toMatchObject({ status: 'ENDED', note: 'ended: moved on to a B8 place in regular shelter' });

    const offered = await client.waitForStatus(nla, waiting.id, ['OFFERED']);
    expect(offered).toMatchObject({ facility: { id: crisis.id, type: 'NLA_CRISIS' }, waitingReason: null });
    // The place went from occupied to held for the next person: 5 occupied, 1 held.
    expect(await capacityOf(database.dataSource, crisis.id)).toEqual({ total: 6, occupied: 5, held: 1, outOfService: 0 });
  });
});
