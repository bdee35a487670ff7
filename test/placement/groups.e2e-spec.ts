/**
 * Groups (issue 4, part 6; 003:484): twelve victims found in an NLA raid are placed together when
 * one facility can take them all, otherwise split over the fewest facilities, every hold taken in
 * one transaction, or none at all. Each scenario has its own register (its own database).
 */
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  DAY,
  facilityOf,
  holdsOf,
  PlacementClient,
  POLISH_WORKER,
  REQUEST_PLACEMENT,
  RESPOND,
  type RequestView,
  startPlacementApp,
  stopApp,
  statusesOf,
  token,
  totalHeld,
} from './support';

/** Wednesday 2 December 2026, 06:00 in Amsterdam: the raid is at dawn. NLA places at any hour. */
const RAID = new Date('2026-12-02T05:00:00.000Z');

/** An NLA crisis location with `free` free places that takes groups of up to `maxGroupSize`. */
function nlaCrisis(free: number, maxGroupSize: number, total = 20) {
  return facilityOf(ShelterType.NLA_CRISIS, free, { total, maxStayDays: 14, eligibility: { maxGroupSize } });
}

function scenario(facilities: ReturnType<typeof nlaCrisis>[]) {
  const context = {} as {
    clock: FixedClock;
    database: TestDatabase;
    api: TestApp;
    client: PlacementClient;
    facilities: { id: string }[];
    nla: string;
  };
  beforeAll(async () => {
    context.clock = new FixedClock(RAID);
    context.database = await createTestDatabase();
    context.facilities = await insertFacilities(context.database.dataSource, facilities, { now: RAID });
    context.api = await startPlacementApp(context.database.url, context.clock);
    context.client = new PlacementClient(context.api.url);
    context.nla = await token.nla();
  });
  afterAll(() => stopApp(context.api, context.database));
  return context;
}

const END_SOME = `mutation EndSome($id: ID!, $reason: String!, $places: Int) {
  endPlacement(requestId: $id, reason: $reason, places: $places) { id status }
}`;

const sumOf = (allocations: RequestView['allocations']) => allocations.reduce((sum, a) => sum + a.places, 0);

describe('a group of 12 that one facility can take', () => {
  const s = scenario([nlaCrisis(14, 16), nlaCrisis(8, 8)]);

  it('is placed all together: one allocation of 12, held +12 in one place', async () => {
    const [big, small] = s.facilities;
    const submitted = await s.client.request(s.nla, { profile: POLISH_WORKER, urgency: 'ACUTE', groupSize: 12 });
    expect(submitted).toMatchObject({ status: 'RECEIVED', groupSize: 12, groupId: submitted.id });
    const offered = await s.client.waitForStatus(s.nla, submitted.id, ['OFFERED']);
    expect(offered.facility).toMatchObject({ id: big.id, type: 'NLA_CRISIS' });
    expect(offered.allocations).toEqual([
      { facility: { id: big.id, type: 'NLA_CRISIS' }, places: 12, state: 'HELD', accepted: false },
    ]);
    expect(await capacityOf(s.database.dataSource, big.id)).toEqual({ total: 20, occupied: 6, held: 12, outOfService: 0 });
    expect(await capacityOf(s.database.dataSource, small.id)).toMatchObject({ held: 0 });
  });
});

describe('a group of 12 with only 6 + 4 + 4 free places', () => {
  const s = scenario([nlaCrisis(6, 16), nlaCrisis(4, 16), nlaCrisis(4, 16)]);
  let offered: RequestView;

  it('is split over the fewest facilities (3), 12 places in all, every hold taken together', async () => {
    const submitted = await s.client.request(s.nla, { profile: POLISH_WORKER, urgency: 'ACUTE', groupSize: 12 });
    offered = await s.client.waitForStatus(s.nla, submitted.id, ['OFFERED']);
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
      expect(await capacityOf(s.database.dataSource, facility.id)).toMatchObject({ held: placesAt.get(facility.id) });
    }
    // One offer, one expiry for the whole group.
    expect(statusesOf(offered)).toEqual(['RECEIVED', 'MATCHING', 'OFFERED']);
    expect(offered.history[2].note).toMatch(/^offered: .*\(6\), .*\(4\), .*\(2\)$|^offered: .*\(6\), .*\(2\), .*\(4\)$/);
  });

  it('each facility accepts and receives its own share; the group is placed at the first arrival and fills share by share (003:484, domain.md §5a)', async () => {
    const [six, fourA, fourB] = s.facilities;
    const [staffSix, staffA, staffB] = await Promise.all([token.staff(six.id), token.staff(fourA.id), token.staff(fourB.id)]);
    const first = await s.client.accept(staffSix, offered.id);
    // One share accepted is not the group accepted: the others still have to answer.
    expect(first.status).toBe('OFFERED');
    expect(first.allocations.filter((a) => a.accepted).map((a) => a.facility.id)).toEqual([six.id]);
    // Accepting its share again (a retry after a lost answer, red team, issue 15, F12): the request as
    // it is, nothing accepted twice.
    const again = await s.client.raw(RESPOND, staffSix, { input: { requestId: offered.id, accept: true } });
    expect(again.errors).toBeUndefined();
    expect(again.data!.respondToOffer.status).toBe('OFFERED');
    expect(again.data!.respondToOffer.allocations.filter((a) => a.accepted).map((a) => a.facility.id)).toEqual([six.id]);
    expect((await s.client.accept(staffA, offered.id)).status).toBe('OFFERED');
    expect((await s.client.accept(staffB, offered.id)).status).toBe('ACCEPTED');

    const placed = await s.client.arrive(staffSix, offered.id);
    expect(placed.status).toBe('PLACED');
    expect(placed.stayEndsAt).toBe(new Date(RAID.getTime() + 14 * DAY).toISOString());
    // Only the six who arrived occupy their places; the others' shares are still held for them (as the NLA sees it).
    expect(placed.allocations.map((a) => [a.facility.id, a.state])).toEqual([[six.id, 'OCCUPIED']]);
    const others = (await s.client.get(s.nla, offered.id)).allocations.filter((a) => a.facility.id !== six.id);
    expect(others.map((a) => a.state)).toEqual(['HELD', 'HELD']);
    await s.client.arrive(staffA, offered.id);
    await s.client.arrive(staffB, offered.id);
    const all = await s.client.get(s.nla, offered.id);
    expect(all.allocations.map((a) => a.state)).toEqual(['OCCUPIED', 'OCCUPIED', 'OCCUPIED']);
    expect(await totalHeld(s.database.dataSource)).toBe(0);
    for (const allocation of all.allocations) {
      const before = s.facilities.findIndex((f) => f.id === allocation.facility.id);
      expect(await capacityOf(s.database.dataSource, allocation.facility.id)).toMatchObject({
        occupied: [14, 16, 16][before] + allocation.places,
        held: 0,
      });
    }
  });

  it('staff end only their own share, and members leave one by one; the stay ends when nobody is left', async () => {
    const [six, fourA, fourB] = s.facilities;
    const [staffSix, staffA, staffB] = await Promise.all([token.staff(six.id), token.staff(fourA.id), token.staff(fourB.id)]);
    const afterSix = await s.client.end(staffSix, offered.id, 'moved on together');
    expect(afterSix.status).toBe('PLACED');
    expect(afterSix.allocations.find((a) => a.facility.id === six.id)?.state).toBe('RELEASED');
    expect(await capacityOf(s.database.dataSource, six.id)).toMatchObject({ occupied: 14 });
    // Each shelter sees its own share only (red team N1); the NLA sees the others untouched by the first facility's end.
    expect(afterSix.allocations.map((a) => a.facility.id)).toEqual([six.id]);
    const shareA = (await s.client.get(s.nla, offered.id)).allocations.find((a) => a.facility.id === fourA.id)!;
    expect(shareA).toMatchObject({ state: 'OCCUPIED' });
    const one = await s.client.raw(END_SOME, staffA, { id: offered.id, reason: 'went home', places: 1 });
    expect(one.errors).toBeUndefined();
    const fewer = (await s.client.get(staffA, offered.id)).allocations.find((a) => a.facility.id === fourA.id)!;
    expect(fewer).toMatchObject({ places: shareA.places - 1, state: 'OCCUPIED' });
    const tooMany = await s.client.raw(END_SOME, staffA, { id: offered.id, reason: 'went home', places: 99 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'places' });
    await s.client.end(staffA, offered.id, 'the rest moved on');
    const ended = await s.client.end(staffB, offered.id, 'the rest moved on');
    expect(ended.status).toBe('ENDED');
    expect(await totalHeld(s.database.dataSource)).toBe(0);
  });
});

describe('a group of 12 with only 10 free places in all', () => {
  const s = scenario([nlaCrisis(6, 16), nlaCrisis(4, 16)]);
  let waitingId: string;

  it('waits (all or nothing): nothing is held anywhere', async () => {
    const heldBefore = await totalHeld(s.database.dataSource);
    const submitted = await s.client.request(s.nla, { profile: POLISH_WORKER, urgency: 'ACUTE', groupSize: 12 });
    const waiting = await s.client.waitForStatus(s.nla, submitted.id, ['WAITING']);
    waitingId = waiting.id;
    expect(['GROUP_TOO_LARGE', 'NO_CAPACITY']).toContain(waiting.waitingReason);
    expect(waiting).toMatchObject({ facility: null, allocations: [], nextAttemptAt: null });
    expect(await totalHeld(s.database.dataSource)).toBe(heldBefore);
    expect(await holdsOf(s.database.dataSource, submitted.id)).toEqual([]);
  });

  it('is placed once two more places free up (a capacity change re-tries waiting requests)', async () => {
    const [six] = s.facilities;
    const staff = await token.staff(six.id);
    // Two guests leave the first location: 8 + 4 = 12 free.
    const update = await s.client.raw(
      `mutation U($input: UpdateCapacityInput!) { updateCapacity(input: $input) { capacity { available } } }`,
      staff,
      { input: { facilityId: six.id, total: 20, occupied: 12, outOfService: 0, expectedVersion: 1 } },
    );
    expect(update.errors).toBeUndefined();
    const offered = await s.client.waitForStatus(s.nla, waitingId, ['OFFERED']);
    expect(offered.allocations).toHaveLength(2);
    expect(sumOf(offered.allocations)).toBe(12);
    expect(await totalHeld(s.database.dataSource)).toBe(12);
  });
});

describe('two groups racing for 6 + 4 + 4 free places', () => {
  const s = scenario([nlaCrisis(6, 16), nlaCrisis(4, 16), nlaCrisis(4, 16)]);

  it('one group of 8 gets its places, the other waits; never a partial hold', async () => {
    const [first, second] = await Promise.all([
      s.client.request(s.nla, { profile: POLISH_WORKER, urgency: 'ACUTE', groupSize: 8, clientReference: 'raid-a' }),
      s.client.request(s.nla, { profile: POLISH_WORKER, urgency: 'ACUTE', groupSize: 8, clientReference: 'raid-b' }),
    ]);
    const settled = await Promise.all(
      [first, second].map((request) => s.client.waitForStatus(s.nla, request.id, ['OFFERED', 'WAITING'], 20_000)),
    );
    const offered = settled.filter((r) => r.status === 'OFFERED');
    const waiting = settled.filter((r) => r.status === 'WAITING');
    expect(offered).toHaveLength(1);
    expect(waiting).toHaveLength(1);
    expect(sumOf(offered[0].allocations)).toBe(8);
    expect(waiting[0].allocations).toEqual([]);
    expect(await totalHeld(s.database.dataSource)).toBe(8);
    for (const facility of s.facilities) {
      const counts = await capacityOf(s.database.dataSource, facility.id);
      expect(counts.occupied + counts.held + counts.outOfService).toBeLessThanOrEqual(counts.total);
    }
  });
});

describe('a mixed group found in a raid, given as its members (003:484, 002:771-775)', () => {
  const s = scenario([nlaCrisis(16, 16), facilityOf(ShelterType.JEUGDZORG, 2, { eligibility: { minAge: 12, maxAge: 17 } })]);
  const labour = { exploitationTypes: ['LABOUR'], residenceStatus: 'EU_CITIZEN' };
  const members = [
    { label: 'M1', profile: { gender: 'MALE', age: 34, ...labour } },
    { label: 'M2', profile: { gender: 'MALE', age: 41, ...labour } },
    { label: 'V1', profile: { gender: 'FEMALE', age: 29, ...labour } },
    { label: 'J1', profile: { gender: 'FEMALE', age: 16, ...labour } },
  ];
  const GROUP = `mutation Group($input: PlacementRequestInput!) {
    requestPlacement(input: $input) { id groupId groupSize profileSummary { members { label gender ageBand } }
      groupParts { id groupId groupSize status profileSummary { members { label ageBand } } } }
  }`;

  it('is one request, matched in parts: the men together, the woman, and the minor alone for youth care', async () => {
    const [nla] = s.facilities;
    const input = { profile: POLISH_WORKER, urgency: 'ACUTE', regionCode: 'RR', members, clientReference: 'nla-raid-0412' };
    const response = await s.client.raw(GROUP, s.nla, { input });
    expect(response.errors).toBeUndefined();
    const main = (response.data as unknown as { requestPlacement: GroupView }).requestPlacement;
    expect(main.groupId).toBe(main.id);
    expect(main.profileSummary.members.map((m) => m.label)).toEqual(['V1']);
    expect(main.groupParts.map((p) => [p.groupSize, p.profileSummary.members.map((m) => m.label)])).toEqual([
      [2, ['M1', 'M2']],
      [1, ['J1']],
    ]);
    for (const part of main.groupParts) expect(part.groupId).toBe(main.id);
    const [men, minor] = main.groupParts;
    expect(await s.client.waitForStatus(s.nla, men.id, ['OFFERED'])).toMatchObject({ facility: { id: nla.id }, groupSize: 2 });
    // The minor never goes to an adult kind: youth care decides for her (002:771-775).
    expect(await s.client.waitForStatus(s.nla, minor.id, ['WAITING'])).toMatchObject({
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'JEUGDBESCHERMING',
    });
    // A retry with the same reference finds the same parts instead of doubling them.
    const again = (await s.client.raw(GROUP, s.nla, { input })).data as unknown as { requestPlacement: GroupView };
    expect(again.requestPlacement.id).toBe(main.id);
    expect(again.requestPlacement.groupParts.map((p) => p.id)).toEqual(main.groupParts.map((p) => p.id));
  });

  it('refuses a name as a label, and a group size that contradicts its members, naming the field', async () => {
    const named = await s.client.raw(REQUEST_PLACEMENT, s.nla, {
      input: {
        profile: POLISH_WORKER,
        urgency: 'ACUTE',
        regionCode: 'RR',
        members: [{ label: 'Anna <script>', profile: members[0].profile }],
      },
    });
    expect(named.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members[0].label' });
    // A plain name, even without markup, is no label: a label is a code with a digit (red team F15).
    const plainName = await s.client.raw(REQUEST_PLACEMENT, s.nla, {
      input: {
        profile: POLISH_WORKER,
        urgency: 'ACUTE',
        regionCode: 'RR',
        members: [{ label: 'Anna Kowalska', profile: members[0].profile }],
      },
    });
    expect(plainName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members[0].label' });
    expect(plainName.errors?.[0]?.message).toMatch(/with a digit/);
    const sized = await s.client.raw(REQUEST_PLACEMENT, s.nla, {
      input: { profile: POLISH_WORKER, urgency: 'ACUTE', regionCode: 'RR', groupSize: 3, members },
    });
    expect(sized.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.groupSize' });
  });
});

interface GroupView {
  id: string;
  groupId: string;
  groupSize: number;
  profileSummary: { members: { label: string; gender?: string; ageBand: string }[] };
  groupParts: GroupView[];
}

describe('matchFacilities for a group no single place can take (003:484)', () => {
  const s = scenario([nlaCrisis(6, 16), nlaCrisis(4, 16), nlaCrisis(4, 16)]);

  it('says how it would be split over the fewest places, without holding anything', async () => {
    const response = await s.client.raw(
      `query { matchFacilities(profile: { gender: MALE, age: 34, exploitationTypes: [LABOUR], residenceStatus: EU_CITIZEN, groupSize: 12 }) {
        matchCount groupSplit { facility { id } places } } }`,
      s.nla,
      {},
    );
    const result = (
      response.data as unknown as {
        matchFacilities: { matchCount: number; groupSplit: { facility: { id: string }; places: number }[] };
      }
    ).matchFacilities;
    expect(result.matchCount).toBe(0);
    expect(result.groupSplit.map((share) => share.places).sort((a, b) => b - a)).toEqual([6, 4, 2]);
    expect(result.groupSplit[0].facility.id).toBe(s.facilities[0].id);
    expect(await totalHeld(s.database.dataSource)).toBe(0);
  });
});
