/**
 * unmetDemand and placementStatistics against real PostgreSQL: first through the real placement
 * workflow (the waiting reasons the engine records), then over a generated history of 400
 * requests whose figures the test computes on its own, with small-count suppression and the
 * planner's view checked for anything that could lead to a request or a person.
 */
import { ExploitationType, Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { randomUUID } from 'node:crypto';
import { insertFacilities } from '../support/factories';
import { errorCodes, gql } from '../support/graphql-client';
import { seededRandom } from '../support/deterministic-random';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { TestApp } from '../support/test-app';
import {
  DUTCH_WOMAN,
  facilityOf,
  MINUTE,
  PlacementClient,
  sealedProfile,
  startPlacementApp,
  stopApp,
  token,
} from '../placement/support';

type Summary = { count: number | null; medianMinutes: number | null; p90Minutes: number | null; suppressed: boolean };
type UnmetDemand = {
  requests: number | null;
  waited: number | null;
  escalated: number | null;
  byReason: { reason: string; requests: number | null; suppressed: boolean }[];
  byNeed: { need: string; requests: number | null; suppressed: boolean }[];
  rows: { regionCode: string; type: string | null; reason: string; requests: number | null; suppressed: boolean }[];
  timeToOffer: Summary;
  timeToPlacement: Summary;
  noodbedOverstays: number | null;
  placedOutsideRegion: number | null;
};
type Cell = { key: string; count: number | null; suppressed: boolean };
type Statistics = {
  year: number;
  placements: number | null;
  byExploitationType: Cell[];
  byGender: Cell[];
  byAgeBand: Cell[];
  byShelterType: Cell[];
  byRegion: Cell[];
};

const UNMET = `query U($from: DateTime!, $to: DateTime!, $regions: [ID!]) {
  unmetDemand(from: $from, to: $to, regionCodes: $regions) {
    requests waited escalated byReason { reason requests suppressed } byNeed { need requests suppressed }
    rows { regionCode type reason requests suppressed }
    timeToOffer { count medianMinutes p90Minutes suppressed } timeToPlacement { count medianMinutes p90Minutes suppressed }
    noodbedOverstays placedOutsideRegion
  }
}`;
const CELLS = '{ key count suppressed }';
const STATISTICS = `query S($year: Int!) {
  placementStatistics(year: $year) { year placements byExploitationType ${CELLS} byGender ${CELLS} byAgeBand ${CELLS} byShelterType ${CELLS} byRegion ${CELLS} }
}`;

describe('unmetDemand through the placement workflow', () => {
  const start = new Date('2026-11-24T09:00:00Z'); // a Tuesday
  const clock = new FixedClock(start);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
  });
  afterAll(() => stopApp(api, database));

  it('counts the wait the engine recorded, the time to offer and to placement, and placements outside the region', async () => {
    // Five of each, at least: fewer would be suppressed (issue 12).
    const [home, elsewhere] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 5),
        facilityOf(ShelterType.VROUWENOPVANG, 5, { regionCode: 'AMS', municipality: 'Amsterdam' }),
      ],
      { now: start },
    );
    const coordinator = await token.coordinator();
    const placeNext = async (minutesToArrive: number) => {
      const submitted = await client.request(coordinator, { profile: DUTCH_WOMAN });
      const offered = await client.waitForStatus(coordinator, submitted.id, ['OFFERED']);
      const staff = await token.staff(offered.facility!.id);
      await client.accept(staff, offered.id);
      clock.advance(minutesToArrive * MINUTE);
      await client.arrive(staff, offered.id);
      return offered;
    };
    const placed = [];
    for (let i = 0; i < 10; i += 1) placed.push(await placeNext(i < 5 ? 30 : 90));
    expect(placed.filter((request) => request.facility!.id === home.id)).toHaveLength(5);
    expect(placed.filter((request) => request.facility!.id === elsewhere.id)).toHaveLength(5);
    for (let i = 0; i < 5; i += 1) {
      const waiting = await client.request(coordinator, { profile: DUTCH_WOMAN });
      await client.waitForStatus(coordinator, waiting.id, ['WAITING']);
    }

    const planner = await token.planner();
    const response = await gql<{ unmetDemand: UnmetDemand }>(api.url, UNMET, {
      token: planner,
      variables: { from: start.toISOString(), to: new Date(start.getTime() + 24 * 60 * MINUTE).toISOString() },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.unmetDemand).toEqual({
      requests: 15,
      waited: 5,
      escalated: 0,
      byReason: [{ reason: 'NO_CAPACITY', requests: 5, suppressed: false }],
      byNeed: [],
      rows: [{ regionCode: 'RR', type: null, reason: 'NO_CAPACITY', requests: 5, suppressed: false }],
      // The clock stands still while the worker offers: all were offered the moment they were made.
      timeToOffer: { count: 10, medianMinutes: 0, p90Minutes: 0, suppressed: false },
      timeToPlacement: { count: 10, medianMinutes: 30, p90Minutes: 90, suppressed: false },
      noodbedOverstays: 0,
      placedOutsideRegion: 5,
    });
  });
});

describe('unmetDemand and placementStatistics over a generated history', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const clock = new FixedClock(now);
  let database: TestDatabase;
  let api: TestApp;
  const REGIONS = ['RR', 'AMS', 'TW'];
  const TYPES = [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG, ShelterType.COSM, ShelterType.NOODBED];
  const REASONS = ['NO_CAPACITY', 'AUTHORITY_CLOSED', 'NO_SUITABLE_PLACE', 'GROUP_TOO_LARGE'];
  const facilityIds = new Map<string, string>(); // region|type → id
  type Generated = {
    id: string;
    regionCode: string;
    createdAt: Date;
    gender: Gender;
    age: number;
    exploitation: ExploitationType[];
    careNeeds: string[];
    children: number;
    groupSize: number;
    waitedFor: string[];
    escalated: boolean;
    offeredAfter: number | null;
    placedAfter: number | null;
    facility: { regionCode: string; type: ShelterType } | null;
    overstay: boolean;
  };
  const generated: Generated[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const facilities = await insertFacilities(
      database.dataSource,
      REGIONS.flatMap((regionCode) => TYPES.map((type) => facilityOf(type, 5, { regionCode, municipality: 'Teststad' }))),
      { now: new Date('2025-12-01T00:00:00Z') },
    );
    facilities.forEach((f) => facilityIds.set(`${f.regionCode}|${f.type}`, f.id));
    api = await startPlacementApp(database.url, clock);

    const random = seededRandom(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    for (let i = 0; i < 400; i += 1) {
      const createdAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 320 * 24 * 60) * 60_000);
      const placed = random() < 0.7;
      const offeredAfter = placed || random() < 0.5 ? Math.floor(random() * 600) : null;
      const waitedFor = random() < 0.4 ? [...new Set([pick(REASONS), ...(random() < 0.3 ? [pick(REASONS)] : [])])] : [];
      const facility =
        offeredAfter !== null ? { regionCode: random() < 0.8 ? pick(REGIONS) : pick(REGIONS), type: pick(TYPES) } : null;
      generated.push({
        id: randomUUID(),
        regionCode: pick(REGIONS),
        createdAt,
        gender: random() < 0.8 ? Gender.FEMALE : random() < 0.95 ? Gender.MALE : Gender.X,
        age: 16 + Math.floor(random() * 40),
        exploitation:
          random() < 0.15
            ? [ExploitationType.SEXUAL, ExploitationType.CRIMINAL]
            : [pick([ExploitationType.SEXUAL, ExploitationType.LABOUR, ExploitationType.ORGAN_REMOVAL])],
        careNeeds: random() < 0.2 ? ['LVB'] : [],
        children: random() < 0.1 ? 2 : 0,
        groupSize: random() < 0.05 ? 3 : 1,
        waitedFor,
        escalated: waitedFor.length > 0 && random() < 0.3,
        offeredAfter,
        placedAfter: placed && offeredAfter !== null ? offeredAfter + Math.floor(random() * 300) : null,
        facility,
        overstay: placed && facility?.type === ShelterType.NOODBED && random() < 0.5,
      });
    }
    for (const g of generated) {
      const minutes = (m: number | null) => (m === null ? null : new Date(g.createdAt.getTime() + m * 60_000));
      const profile = {
        gender: g.gender,
        age: g.age,
        exploitationTypes: g.exploitation,
        careNeeds: g.careNeeds,
        accompanyingChildren: g.children,
        foundInMunicipality: 'Markerdorp',
        languages: ['xq'],
      };
      const sealed = sealedProfile(api, g.id, profile);
      await database.dataSource.query(
        `INSERT INTO placement_requests (id, status, urgency, region_code, profile, facts, group_size, requested_by, requested_by_role, requested_by_org,
                                         facility_id, placed_at, overstay, escalated, created_at, updated_at)
         VALUES ($1, $2, 'URGENT', $3, $4, $11, $5, 'zc-1', 'ZORGCOORDINATOR', 'zc', $6, $7, $8, $9, $10, $10)`,
        [
          g.id,
          g.placedAfter !== null ? 'PLACED' : g.offeredAfter !== null ? 'OFFERED' : 'WAITING',
          g.regionCode,
          sealed.profile,
          g.groupSize,
          g.facility ? facilityIds.get(`${g.facility.regionCode}|${g.facility.type}`) : null,
          minutes(g.placedAfter),
          g.overstay,
          g.escalated,
          g.createdAt,
          sealed.facts,
        ],
      );
      for (const reason of g.waitedFor) {
        await database.dataSource.query(
          `INSERT INTO placement_events (request_id, status, at, by, waiting_reason) VALUES ($1, 'WAITING', $2, 'system', $3)`,
          [g.id, g.createdAt, reason],
        );
      }
      if (g.offeredAfter !== null) {
        await database.dataSource.query(
          `INSERT INTO placement_events (request_id, status, at, by) VALUES ($1, 'OFFERED', $2, 'system')`,
          [g.id, minutes(g.offeredAfter)],
        );
      }
    }
  });
  afterAll(() => stopApp(api, database));

  const ageBand = (age: number) => (age < 18 ? 'MINOR' : age <= 22 ? '18-22' : age <= 29 ? '23-29' : age <= 39 ? '30-39' : '40+');
  const nearestRank = (values: number[], percent: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.ceil((percent / 100) * sorted.length) - 1] : null;
  };

  it('matches counts computed independently for a period and a region', async () => {
    const from = new Date('2026-03-01T00:00:00Z');
    const to = new Date('2026-09-01T00:00:00Z');
    const inScope = generated.filter((g) => g.createdAt >= from && g.createdAt < to && ['RR', 'TW'].includes(g.regionCode));
    const waited = inScope.filter((g) => g.waitedFor.length > 0);
    const response = await gql<{ unmetDemand: UnmetDemand }>(api.url, UNMET, {
      token: await token.planner(),
      variables: { from: from.toISOString(), to: to.toISOString(), regions: ['RR', 'TW'] },
    });
    expect(response.errors).toBeUndefined();
    const report = response.data!.unmetDemand;
    // A shown count is the true one; a count of 1 to 4 is never shown (issue 12).
    const shown = (actual: number | null | undefined, expected: number) => {
      if (actual === undefined) expect(expected).toBe(0);
      else if (actual === null) expect(expected).toBeGreaterThan(0);
      else expect(actual).toBe(expected);
      if (expected > 0 && expected < 5) expect(actual).toBeNull();
    };
    shown(report.requests, inScope.length);
    shown(report.waited, waited.length);
    shown(report.escalated, inScope.filter((g) => g.escalated).length);
    for (const reason of REASONS) {
      const expected = waited.filter((g) => g.waitedFor.includes(reason)).length;
      shown(report.byReason.find((r) => r.reason === reason)?.requests, expected);
      for (const region of ['RR', 'TW']) {
        const rows = report.rows.filter((r) => r.regionCode === region && r.reason === reason);
        const rowCount = rows.reduce((sum, r) => sum + (r.requests ?? 0), 0);
        const expectedRows = waited.filter((g) => g.regionCode === region && g.waitedFor.includes(reason)).length;
        if (rows.every((r) => !r.suppressed)) expect(rowCount).toBe(expectedRows);
        else expect(rowCount).toBeLessThan(expectedRows);
      }
    }
    shown(report.byNeed.find((n) => n.need === 'MALE_VICTIM')?.requests, waited.filter((g) => g.gender === Gender.MALE).length);
    shown(report.byNeed.find((n) => n.need === 'CARE_NEEDS')?.requests, waited.filter((g) => g.careNeeds.length > 0).length);
    shown(report.byNeed.find((n) => n.need === 'ACCOMPANYING_CHILDREN')?.requests, waited.filter((g) => g.children > 0).length);
    shown(report.byNeed.find((n) => n.need === 'MINOR')?.requests, waited.filter((g) => g.age < 18).length);
    const toOffer = inScope.filter((g) => g.offeredAfter !== null).map((g) => g.offeredAfter!);
    const toPlacement = inScope.filter((g) => g.placedAfter !== null).map((g) => g.placedAfter!);
    expect(report.timeToOffer).toEqual({
      count: toOffer.length,
      medianMinutes: nearestRank(toOffer, 50),
      p90Minutes: nearestRank(toOffer, 90),
      suppressed: false,
    });
    expect(report.timeToPlacement).toEqual({
      count: toPlacement.length,
      medianMinutes: nearestRank(toPlacement, 50),
      p90Minutes: nearestRank(toPlacement, 90),
      suppressed: false,
    });
    shown(report.noodbedOverstays, inScope.filter((g) => g.overstay).length);
    shown(
      report.placedOutsideRegion,
      inScope.filter((g) => g.placedAfter !== null && g.facility!.regionCode !== g.regionCode).length,
    );
    expect(report.waited).toBeGreaterThan(10); // the generated history really has waits in it
  });

  it("counts the year's placements per dimension, suppressing small counts, and hides nothing it need not", async () => {
    const placedThisYear = generated.filter((g) => g.placedAfter !== null);
    const people = (list: Generated[]) => list.reduce((sum, g) => sum + g.groupSize, 0);
    const response = await gql<{ placementStatistics: Statistics }>(api.url, STATISTICS, {
      token: await token.comensha(),
      variables: { year: 2026 },
    });
    expect(response.errors).toBeUndefined();
    const stats = response.data!.placementStatistics;
    expect(stats.placements).toBe(people(placedThisYear));
    const expectDimension = (cells: Cell[], expectedOf: (key: string) => number) => {
      const hidden = cells.filter((c) => c.suppressed);
      for (const c of cells) {
        const expected = expectedOf(c.key);
        if (c.suppressed) expect(c.count).toBeNull();
        else expect(c.count).toBe(expected);
        // Every small count is hidden; a hidden count is small, or the one hidden beside a lone small one.
        if (expected > 0 && expected < 5) expect(c.suppressed).toBe(true);
      }
      expect(hidden.length).not.toBe(1);
      expect(hidden.filter((c) => expectedOf(c.key) >= 5).length).toBeLessThanOrEqual(1);
    };
    expectDimension(stats.byGender, (key) => people(placedThisYear.filter((g) => g.gender === key)));
    expectDimension(stats.byRegion, (key) => people(placedThisYear.filter((g) => g.facility!.regionCode === key)));
    expectDimension(stats.byShelterType, (key) => people(placedThisYear.filter((g) => g.facility!.type === key)));
    expectDimension(stats.byExploitationType, (key) =>
      people(placedThisYear.filter((g) => g.exploitation.includes(key as ExploitationType))),
    );
    expectDimension(stats.byAgeBand, (key) => people(placedThisYear.filter((g) => ageBand(g.age) === key)));
    // The generated year has small groups (gender X, some regions' kinds): suppression was really exercised.
    expect([stats.byGender, stats.byShelterType, stats.byAgeBand].flat().filter((c) => c.suppressed).length).toBeGreaterThan(0);
  });

  it('gives planners nothing that leads to a request, a facility or a person, as GraphQL or as CSV', async () => {
    const planner = await token.planner();
    const answers = [
      await gql(api.url, UNMET, { token: planner, variables: { from: '2026-01-01T00:00:00Z', to: '2026-11-22T00:00:00Z' } }),
      await gql(api.url, STATISTICS, { token: planner, variables: { year: 2026 } }),
    ];
    const csv = await fetch(`${api.url}/export/unmet-demand.csv?from=2026-01-01T00:00:00Z&to=2026-11-22T00:00:00Z`, {
      headers: { authorization: `Bearer ${planner}` },
    });
    const everything = JSON.stringify(answers) + (await csv.text());
    const identifying = [...generated.map((g) => g.id), ...facilityIds.values(), 'Markerdorp', 'Teststad', '"xq"', 'profile'];
    expect(identifying.filter((text) => everything.includes(text))).toEqual([]);
    for (const document of [
      '{ placementRequests(first: 1) { totalCount } }',
      `{ placementRequest(id: "${generated[0].id}") { id } }`,
    ]) {
      expect(errorCodes(await gql(api.url, document, { token: planner }))).toEqual(['FORBIDDEN']);
    }
  });

  it('exports the same figures as CSV with the same rules: bearer token, roles, and clear errors', async () => {
    const planner = await token.planner();
    const get = (path: string, bearer?: string) =>
      fetch(`${api.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

    const statistics = await get('/export/placement-statistics.csv?year=2026', planner);
    expect(statistics.status).toBe(200);
    expect(statistics.headers.get('content-type')).toContain('text/csv');
    expect(statistics.headers.get('cache-control')).toBe('no-store');
    const lines = (await statistics.text()).trim().split('\r\n');
    expect(lines[0]).toBe('dimension,key,count,suppressed');
    const graph = (
      await gql<{ placementStatistics: Statistics }>(api.url, STATISTICS, { token: planner, variables: { year: 2026 } })
    ).data!.placementStatistics;
    expect(lines).toContain(`total,placements,${graph.placements},false`);
    for (const cell of graph.byGender) expect(lines).toContain(`gender,${cell.key},${cell.count ?? ''},${cell.suppressed}`);

    const overview = await get('/export/capacity-overview.csv?regionCodes=RR&types=COSM,NOODBED', planner);
    expect(
      (await overview.text())
        .trim()
        .split('\r\n')
        .map((line) => line.split(',').slice(0, 3).join(',')),
    ).toEqual(['region,regionName,type', 'RR,Rotterdam Rijnmond,COSM', 'RR,Rotterdam Rijnmond,NOODBED']);

    const history = await get(
      '/export/occupancy-history.csv?from=2026-11-20T00:00:00Z&to=2026-11-22T00:00:00Z&bucket=DAY&regionCodes=TW',
      planner,
    );
    expect(history.status).toBe(200);
    // Amsterdam days: 20 Nov 00:00Z is already 01:00 on the 20th there, and 22 Nov 00:00Z is in the 22nd.
    const historyLines = (await history.text()).trim().split('\r\n');
    expect(historyLines).toHaveLength(1 + 3 * TYPES.length);
    expect(historyLines[1]).toMatch(/^2026-11-19T23:00:00.000Z,TW,/);

    const anonymous = await get('/export/unmet-demand.csv?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const police = await get('/export/unmet-demand.csv?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z', await token.police());
    expect(police.status).toBe(403);
    expect(((await police.json()) as { error: { message: string } }).error.message).toContain('PLANNER');
    const badFrom = await get('/export/unmet-demand.csv?from=yesterday&to=2026-02-01T00:00:00Z', planner);
    expect(badFrom.status).toBe(400);
    expect(await badFrom.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'from' } });
    const badType = await get('/export/capacity-overview.csv?types=HOTEL', planner);
    expect(await badType.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'types' } });
    const badYear = await get('/export/placement-statistics.csv?year=1999', planner);
    expect(await badYear.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'year' } });
  });
});
