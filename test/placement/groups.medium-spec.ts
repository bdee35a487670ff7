/**
 * Groups (issue 4, part 6; 003:484): twelve victims found in an NLA raid are placed together when
 * one facility can take them all, otherwise split over the fewest facilities, every hold taken in
 * one transaction, or none at all. Each scenario has its own register (its own database).
 *
 * Medium tier: the placement providers on a FixedClock, jobs run by `settle()` (medium-support.ts).
 * Two groups racing for the same places (concurrent jobs), a group given with its members (the
 * groupParts and profileSummary fields) and matchFacilities' split stay in groups.e2e-spec.ts.
 */
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { refusal } from '../support/medium-harness';
import { type MediumView, type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import { capacityOf, DAY, facilityOf, holdsOf, POLISH_WORKER, statusesOf, totalHeld } from './support';

/** Wednesday 2 December 2026, 06:00 in Amsterdam: the raid is at dawn. NLA places at any hour. */
const RAID = new Date('2026-12-02T05:00:00.000Z');

/** An NLA crisis location with `free` free places that takes groups of up to `maxGroupSize`. */
function nlaCrisis(free: number, maxGroupSize: number, total = 20) {
  return facilityOf(ShelterType.NLA_CRISIS, free, { total, maxStayDays: 14, eligibility: { maxGroupSize } });
}

function scenario(facilities: ReturnType<typeof nlaCrisis>[]) {
  const context = {} as { clock: FixedClock; p: PlacementMedium; facilities: { id: string }[] };
  beforeAll(async () => {
    context.clock = new FixedClock(RAID);
    context.p = await startPlacementMedium(context.clock, {
      arrange: async (database) => {
        context.facilities = await insertFacilities(database.dataSource, facilities, { now: RAID });
      },
    });
  });
  afterAll(() => context.p?.close());
  return context;
}

const nla = viewer.nla();
const sumOf = (allocations: MediumView['allocations']) => allocations.reduce((sum, a) => sum + a.places, 0);

describe('a group of 12 that one facility can take', () => {
  const s = scenario([nlaCrisis(14, 16), nlaCrisis(8, 8)]);

  it('is placed all together: one allocation of 12, held +12 in one place', async () => {
    const [big, small] = s.facilities;
    const submitted = await s.p.request(nla, { profile: POLISH_WORKER, urgency: 'ACUTE', groupSize: 12 });
    expect(submitted).toMatchObject({ status: 'RECEIVED', groupSize: 12, groupId: submitted.id });
    const offered = await s.p.expectStatus(nla, submitted.id, ['OFFERED']);
    expect(offered.facility).toMatchObject({ id: big.id, type: 'NLA_CRISIS' });
    expect(offered.allocations).toEqual([
      { facility: { id: big.id, type: 'NLA_CRISIS' }, places: 12, state: 'HELD', accepted: false },
    ]);
    expect(await capacityOf(s.p.dataSource, big.id)).toEqual({ total: 20, occupied: 6, held: 12, outOfService: 0 });
    expect(await capacityOf(s.p.dataSource, small.id)).toMatchObject({ held: 0 });
  });
});

describe('a group of 12 with only 6 + 4 + 4 free places', () => {
  const s = scenario([nlaCrisis(6, 16), nlaCrisis(4, 16), nlaCrisis(4, 16)]);
  let offered: MediumView;

  it('is split over the fewest facilities (3), 12 places in all, every hold taken together', async () => {
    const submitted = await s.p.request(nla, { profile: POLISH_WORKER, urgency: 'ACUTE', groupSize: 12 });
    offered = await s.p.expectStatus(nla, submitted.id, ['OFFERED']);
    expect(offered.allocations).toHaveLength(3);
    expect(sumOf(offered.allocations)).toBe(12);
    expect(offered.allocations.every((a) => a.state === 'HELD')).toBe(true);
    const [six, fourA, fourB] = s.facilities;
    // Largest share first: all 6 at the first, 4 at one of the others, the last 2 at the third.
    const placesAt = new Map(offered.allocations.map((a) => [a.facility.id, a.places]));
    expect(placesAt.get(six.id)).toBe(6);
    expect([placesAt.get(fourA.id), placesAt.get(fourB.id)].sort()).toEqual([2, 4]);
    expect(offered.facility?.id).toBe(six.id); // the main facility is the one with the most places
    for (const facility of s.facilities) {
      expect(await capacityOf(s.p.dataSource, facility.id)).toMatchObject({ held: placesAt.get(facility.id) });
    }
    // One offer, one expiry for the whole group.
    expect(statusesOf(offered)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED']);
    expect(offered.history[2].note).toMatch(/^offered: .*\(6\), .*\(4\), .*\(2\)$|^offered: .*\(6\), .*\(2\), .*\(4\)$/);
  });

  it('each facility accepts and receives its own share; the group is placed at the first arrival and fills share by share (003:484, domain.md §5a)', async () => {
    const [six, fourA, fourB] = s.facilities;
    const [staffSix, staffA, staffB] = [viewer.staff(six.id), viewer.staff(fourA.id), viewer.staff(fourB.id)];
    const first = await s.p.accept(staffSix, offered.id);
    // One share accepted is not the group accepted: the others still have to answer.
    expect(first.status).toBe('OFFERED');
    expect(first.allocations.filter((a) => a.accepted).map((a) => a.facility.id)).toEqual([six.id]);
    // Accepting its share again (a retry after a lost answer, red team, issue 15, F12): the request as
    // it is, nothing accepted twice.
    const again = await s.p.accept(staffSix, offered.id);
    expect(again.status).toBe('OFFERED');
    expect(again.allocations.filter((a) => a.accepted).map((a) => a.facility.id)).toEqual([six.id]);
    expect((await s.p.accept(staffA, offered.id)).status).toBe('OFFERED');
    expect((await s.p.accept(staffB, offered.id)).status).toBe('ACCEPTED');

    const placed = await s.p.arrive(staffSix, offered.id);
    expect(placed.status).toBe('PLACED');
    expect(placed.stayEndsAt).toBe(new Date(RAID.getTime() + 14 * DAY).toISOString());
    // Only the six who arrived occupy their places; the others' shares are still held for them (as the NLA sees it).
    expect(placed.allocations.map((a) => [a.facility.id, a.state])).toEqual([[six.id, 'OCCUPIED']]);
    const others = (await s.p.get(nla, offered.id)).allocations.filter((a) => a.facility.id !== six.id);
    expect(others.map((a) => a.state)).toEqual(['HELD', 'HELD']);
    await s.p.arrive(staffA, offered.id);
    await s.p.arrive(staffB, offered.id);
    const all = await s.p.get(nla, offered.id);
    expect(all.allocations.map((a) => a.state)).toEqual(['OCCUPIED', 'OCCUPIED', 'OCCUPIED']);
    expect(await totalHeld(s.p.dataSource)).toBe(0);
    for (const allocation of all.allocations) {
      const before = s.facilities.findIndex((f) => f.id === allocation.facility.id);
      expect(await capacityOf(s.p.dataSource, allocation.facility.id)).toMatchObject({
        occupied: [14, 16, 16][before] + allocation.places,
        held: 0,
      });
    }
  });

  it('staff end only their own share, and members leave one by one; the stay ends when nobody is left', async () => {
    const [six, fourA, fourB] = s.facilities;
    const [staffSix, staffA, staffB] = [viewer.staff(six.id), viewer.staff(fourA.id), viewer.staff(fourB.id)];
    const afterSix = await s.p.end(staffSix, offered.id, 'moved on together');
    expect(afterSix.status).toBe('PLACED');
    expect(afterSix.allocations.find((a) => a.facility.id === six.id)?.state).toBe('RELEASED');
    expect(await capacityOf(s.p.dataSource, six.id)).toMatchObject({ occupied: 14 });
    // Each shelter sees its own share only (red team N1); the NLA sees the others untouched by the first facility's end.
    expect(afterSix.allocations.map((a) => a.facility.id)).toEqual([six.id]);
    const shareA = (await s.p.get(nla, offered.id)).allocations.find((a) => a.facility.id === fourA.id)!;
    expect(shareA).toMatchObject({ state: 'OCCUPIED' });
    await s.p.requests.endPlacement(staffA, offered.id, 'went home', 1);
    const fewer = (await s.p.get(staffA, offered.id)).allocations.find((a) => a.facility.id === fourA.id)!;
    expect(fewer).toMatchObject({ places: shareA.places - 1, state: 'OCCUPIED' });
    expect(await refusal(s.p.requests.endPlacement(staffA, offered.id, 'went home', 99))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'places',
    });
    await s.p.end(staffA, offered.id, 'the rest moved on');
    const ended = await s.p.end(staffB, offered.id, 'the rest moved on');
    expect(ended.status).toBe('ENDED');
    expect(await totalHeld(s.p.dataSource)).toBe(0);
  });
});

describe('a group of 12 with only 10 free places in all', () => {
  const s = scenario([nlaCrisis(6, 16), nlaCrisis(4, 16)]);
  let waitingId: string;

  it('waits (all or nothing): nothing is held anywhere', async () => {
    const heldBefore = await totalHeld(s.p.dataSource);
    const submitted = await s.p.request(nla, { profile: POLISH_WORKER, urgency: 'ACUTE', groupSize: 12 });
    const waiting = await s.p.expectStatus(nla, submitted.id, ['WAITING']);
    waitingId = waiting.id;
    expect(['GROUP_TOO_LARGE', 'NO_CAPACITY']).toContain(waiting.waitingReason);
    expect(waiting).toMatchObject({ facility: null, allocations: [], nextAttemptAt: null });
    expect(await totalHeld(s.p.dataSource)).toBe(heldBefore);
    expect(await holdsOf(s.p.dataSource, submitted.id)).toEqual([]);
  });

  it('is placed once two more places free up (a capacity change re-tries waiting requests)', async () => {
    const [six] = s.facilities;
    // Two guests leave the first location: 8 + 4 = 12 free (shelter staff's updateCapacity).
    await s.p.setCapacity(six.id, { total: 20, occupied: 12, outOfService: 0 });
    const offered = await s.p.expectStatus(nla, waitingId, ['OFFERED']);
    expect(offered.allocations).toHaveLength(2);
    expect(sumOf(offered.allocations)).toBe(12);
    expect(await totalHeld(s.p.dataSource)).toBe(12);
  });
});
