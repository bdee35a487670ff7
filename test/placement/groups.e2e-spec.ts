/**
 * Groups (issue 4, part 6; 003:484) over GraphQL against the API and worker: two groups racing for
 * the same places (jobs running at once), a group given with its members (its groupParts and
 * profileSummary, bad labels named by field) and matchFacilities' split. Each scenario has its own
 * register (its own database). The placing rules (together, split over the fewest, all or nothing,
 * shares accepted, filled and ended one by one) are in groups.medium-spec.ts.
 */
import { ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  capacityOf,
  facilityOf,
  PlacementClient,
  POLISH_WORKER,
  REQUEST_PLACEMENT,
  type RequestView,
  startPlacementApp,
  stopApp,
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

const sumOf = (allocations: RequestView['allocations']) => allocations.reduce((sum, a) => sum + a.places, 0);

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

  it('refuses an empty members list, naming the field, instead of reading it as no group (red team, issue 19)', async () => {
    const before = await s.client.list(s.nla, {});
    const empty = await s.client.raw(REQUEST_PLACEMENT, s.nla, {
      input: { profile: POLISH_WORKER, urgency: 'ACUTE', regionCode: 'RR', members: [] },
    });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members' });
    expect(empty.errors?.[0]?.message).toMatch(/leave it out/);
    expect((await s.client.list(s.nla, {})).totalCount).toBe(before.totalCount);
  });

  it('refuses a group whose profile counts otherwise than its members, or a member counted as several, naming the field (red team, issue 16)', async () => {
    const before = await s.client.list(s.nla, {});
    const three = [1, 2, 3].map((n) => ({ label: `W${n}`, profile: POLISH_WORKER }));
    const fieldOf = async (input: Record<string, unknown>) =>
      (await s.client.raw(REQUEST_PLACEMENT, s.nla, { input: { urgency: 'ACUTE', regionCode: 'RR', ...input } })).errors?.[0]
        ?.extensions;
    expect(await fieldOf({ profile: { ...POLISH_WORKER, groupSize: 2 }, members: three })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.profile.groupSize',
    });
    const oneCountedAsFive = [three[0], { label: 'W2', profile: { ...POLISH_WORKER, groupSize: 5 } }];
    expect(await fieldOf({ profile: POLISH_WORKER, members: oneCountedAsFive })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.members[1].profile.groupSize',
    });
    expect((await s.client.list(s.nla, {})).totalCount).toBe(before.totalCount);
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
