import { Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, newFacility } from '../support/factories';
import { errorCodes, gql } from '../support/graphql-client';
import { seededRandom } from '../support/deterministic-random';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

type Counts = { total: number; occupied: number; held: number; outOfService: number };
type Point = Counts & { at: string; regionCode: string; type: string; available: number; peakOccupied: number };

const HISTORY = `query H($from: DateTime!, $to: DateTime!, $bucket: TimeBucket, $regions: [ID!], $types: [ShelterType!]) {
  occupancyHistory(from: $from, to: $to, bucket: $bucket, regionCodes: $regions, types: $types) {
    at regionCode type total occupied held outOfService available peakOccupied
  }
}`;
const UPDATE = `mutation U($input: UpdateCapacityInput!) { updateCapacity(input: $input) { capacity { version } } }`;
const HOUR = 3_600_000;

describe('occupancyHistory over a generated history of capacity changes', () => {
  const loadedAt = new Date('2026-11-02T06:00:00Z');
  const clock = new FixedClock(loadedAt);
  let database: TestDatabase;
  let api: TestApp;
  let planner: string;
  let facilities: { id: string; regionCode: string; type: ShelterType }[];
  /** The test's own log of every state each facility was put in, with when. */
  const log: { facilityId: string; at: Date; counts: Counts }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const definitions = [
      newFacility({ type: ShelterType.NOODBED, regionCode: 'RR', capacity: { total: 4, occupied: 1, held: 0, outOfService: 0 } }),
      newFacility({ type: ShelterType.NOODBED, regionCode: 'RR', capacity: { total: 6, occupied: 2, held: 0, outOfService: 0 } }),
      newFacility({
        type: ShelterType.VROUWENOPVANG,
        regionCode: 'RR',
        capacity: { total: 12, occupied: 9, held: 0, outOfService: 0 },
      }),
      newFacility({
        type: ShelterType.COSM,
        regionCode: 'AMS',
        municipality: 'Amsterdam',
        capacity: { total: 20, occupied: 18, held: 0, outOfService: 1 },
      }),
    ];
    const inserted = await insertFacilities(database.dataSource, definitions, { now: loadedAt });
    facilities = inserted.map((f) => ({ id: f.id, regionCode: f.regionCode, type: f.type }));
    inserted.forEach((f) => log.push({ facilityId: f.id, at: loadedAt, counts: { ...f.capacity } }));
    api = await startTestApp(database.url, { clock });
    planner = await tokenFor({ role: Role.PLANNER, org: 'gemeente-rotterdam', regions: ['RR'] });
    const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'testzorg', facilityIds: facilities.map((f) => f.id) });

    // 40 changes over about 30 hours, made through the API as staff would make them.
    const random = seededRandom(20261122);
    const versions = new Map(facilities.map((f) => [f.id, 1]));
    for (let step = 0; step < 40; step += 1) {
      clock.advance(Math.floor(random() * 90 + 1) * 60_000);
      const facility = facilities[Math.floor(random() * facilities.length)];
      const previous = [...log].reverse().find((entry) => entry.facilityId === facility.id)!.counts;
      const total = previous.total + (random() < 0.15 ? 1 : 0);
      const outOfService = random() < 0.1 ? 1 : 0;
      const occupied = Math.floor(random() * (total - outOfService + 1));
      const response = await gql<{ updateCapacity: { capacity: { version: number } } }>(api.url, UPDATE, {
        token: staff,
        variables: {
          input: { facilityId: facility.id, total, occupied, outOfService, expectedVersion: versions.get(facility.id) },
        },
      });
      expect(response.errors).toBeUndefined();
      versions.set(facility.id, response.data!.updateCapacity.capacity.version);
      log.push({ facilityId: facility.id, at: clock.now(), counts: { total, occupied, held: 0, outOfService } });
    }
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  /** Brute force, independent of the replay: the state of every facility at one instant. */
  function stateAt(facilityId: string, before: Date): Counts {
    const entries = log.filter((entry) => entry.facilityId === facilityId && entry.at < before);
    return entries.length ? entries[entries.length - 1].counts : { total: 0, occupied: 0, held: 0, outOfService: 0 };
  }
  function expectedPoint(bucketStart: Date, bucketEnd: Date, regionCode: string, type: ShelterType) {
    const members = facilities.filter((f) => f.regionCode === regionCode && f.type === type);
    const sum = (instant: Date) =>
      members
        .map((f) => stateAt(f.id, instant))
        .reduce<Counts & { available: number }>(
          (acc, c) => ({
            total: acc.total + c.total,
            occupied: acc.occupied + c.occupied,
            held: acc.held + c.held,
            outOfService: acc.outOfService + c.outOfService,
            available: acc.available + Math.max(0, c.total - c.occupied - c.held - c.outOfService),
          }),
          { total: 0, occupied: 0, held: 0, outOfService: 0, available: 0 },
        );
    // The peak: the group's occupancy just after the bucket starts and just after every change inside it.
    const moments = [bucketStart, ...log.filter((e) => e.at >= bucketStart && e.at < bucketEnd).map((e) => e.at)];
    const peakOccupied = Math.max(...moments.map((moment) => sum(new Date(moment.getTime() + 1)).occupied));
    return { at: bucketStart.toISOString(), regionCode, type, ...sum(bucketEnd), peakOccupied };
  }

  it('gives, per hour, each region and kind as it stood at the end of the hour, and the peak within it', async () => {
    const from = loadedAt;
    const to = clock.now();
    const response = await gql<{ occupancyHistory: Point[] }>(api.url, HISTORY, {
      token: planner,
      variables: { from: from.toISOString(), to: to.toISOString(), bucket: 'HOUR' },
    });
    expect(response.errors).toBeUndefined();
    const points = response.data!.occupancyHistory;
    const groups = [...new Set(facilities.map((f) => `${f.regionCode}|${f.type}`))].sort();
    const hours = Math.ceil((to.getTime() - from.getTime()) / HOUR);
    expect(points).toHaveLength(hours * groups.length);
    const expected = [];
    for (let h = 0; h < hours; h += 1) {
      const start = new Date(from.getTime() + h * HOUR);
      const end = new Date(Math.min(start.getTime() + HOUR, to.getTime()));
      for (const group of groups) {
        const [regionCode, type] = group.split('|');
        expected.push(expectedPoint(start, end, regionCode, type as ShelterType));
      }
    }
    expect(points).toEqual(expected);
    // The history really moved: the generated changes are visible in the answer.
    expect(new Set(points.filter((p) => p.type === 'NOODBED').map((p) => p.occupied)).size).toBeGreaterThan(1);
  });

  it("leaves a secret-address shelter's counts out of every hour, so a planner cannot watch it take an offer (issue 12: capacity of secret facilities only as what everyone may see)", async () => {
    const ask = async () =>
      (
        await gql<{ occupancyHistory: Point[] }>(api.url, HISTORY, {
          token: planner,
          variables: { from: loadedAt.toISOString(), to: new Date(clock.now().getTime() + HOUR).toISOString(), bucket: 'HOUR' },
        })
      ).data!.occupancyHistory;
    const before = await ask();
    const [secret] = await insertFacilities(
      database.dataSource,
      [
        newFacility({
          type: ShelterType.NOODBED,
          regionCode: 'RR',
          secretAddress: true,
          capacity: { total: 3, occupied: 1, held: 0, outOfService: 0 },
        }),
      ],
      { now: clock.now() },
    );
    const ownStaff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'geheim', facilityIds: [secret.id] });
    const changed = await gql(api.url, UPDATE, {
      token: ownStaff,
      variables: { input: { facilityId: secret.id, total: 3, occupied: 2, outOfService: 0, expectedVersion: 1 } },
    });
    expect(changed.errors).toBeUndefined();
    expect(await ask()).toEqual(before);
  });

  it('adds up days from Amsterdam midnight and filters by region and kind', async () => {
    const response = await gql<{ occupancyHistory: Point[] }>(api.url, HISTORY, {
      token: planner,
      variables: {
        from: '2026-11-02T00:00:00+01:00',
        to: clock.now().toISOString(),
        bucket: 'DAY',
        regions: ['RR'],
        types: ['NOODBED'],
      },
    });
    expect(response.errors).toBeUndefined();
    const points = response.data!.occupancyHistory;
    expect(points.map((p) => p.at)).toEqual(['2026-11-01T23:00:00.000Z', '2026-11-02T23:00:00.000Z']);
    expect(points.every((p) => p.regionCode === 'RR' && p.type === 'NOODBED')).toBe(true);
    expect(points[1]).toEqual(expectedPoint(new Date('2026-11-02T23:00:00Z'), clock.now(), 'RR', ShelterType.NOODBED));
  });

  it('refuses a bad question with the field named, and is closed to placers on shift', async () => {
    const ask = (variables: Record<string, unknown>, token = planner) => gql(api.url, HISTORY, { token, variables });
    const backwards = await ask({ from: '2026-11-03T00:00:00Z', to: '2026-11-02T00:00:00Z' });
    expect(errorCodes(backwards)).toEqual(['BAD_USER_INPUT']);
    expect(backwards.errors![0].extensions!.field).toBe('to');
    const unknownRegion = await ask({ from: '2026-11-02T00:00:00Z', to: '2026-11-03T00:00:00Z', regions: ['XX'] });
    expect(unknownRegion.errors![0].extensions!.field).toBe('regionCodes');
    expect(unknownRegion.errors![0].message).toContain('XX');
    const tooLong = await ask({ from: '2025-01-01T00:00:00Z', to: '2026-11-02T00:00:00Z', bucket: 'WEEK' });
    expect(tooLong.errors![0].extensions!.field).toBe('to');
    expect(tooLong.errors![0].message).toMatch(/at most 400 days/);
    const noOffset = await ask({ from: '2026-11-02T00:00:00', to: '2026-11-03T00:00:00Z' });
    expect(errorCodes(noOffset)).toEqual(['BAD_USER_INPUT']);
    const police = await tokenFor({ role: Role.POLICE, org: 'avim-rotterdam', regions: ['RR'] });
    expect(errorCodes(await ask({ from: '2026-11-02T00:00:00Z', to: '2026-11-03T00:00:00Z' }, police))).toEqual(['FORBIDDEN']);
  });

  describe('no false zeros (issue 13 item 11)', () => {
    const COMPLETENESS = `query C($from: DateTime!, $to: DateTime!, $regions: [ID!], $types: [ShelterType!]) {
      occupancyHistory(from: $from, to: $to, bucket: HOUR, regionCodes: $regions, types: $types) {
        at total facilities facilitiesWithHistory complete
      }
    }`;
    const csv = (query: string) =>
      fetch(`${api.url}/export/occupancy-history.csv?${query}`, { headers: { authorization: `Bearer ${planner}` } });

    it('marks the hours before the first recorded history as incomplete, not as zero places', async () => {
      const response = await gql<{
        occupancyHistory: (Point & { facilities: number; facilitiesWithHistory: number; complete: boolean })[];
      }>(api.url, COMPLETENESS, {
        token: planner,
        variables: {
          from: new Date(loadedAt.getTime() - 2 * HOUR).toISOString(),
          to: new Date(loadedAt.getTime() + HOUR).toISOString(),
          regions: ['RR'],
          types: ['NOODBED'],
        },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!.occupancyHistory.map((p) => [p.facilities, p.facilitiesWithHistory, p.complete])).toEqual([
        [2, 0, false], // before the register was loaded: no data (the 0 in `total` means nothing)
        [2, 0, false],
        [2, 2, true],
      ]);
    });

    it('a facility added later leaves the earlier hours incomplete, so the totals do not seem to climb', async () => {
      const later = clock.now();
      await insertFacilities(
        database.dataSource,
        [
          newFacility({
            type: ShelterType.NOODBED,
            regionCode: 'RR',
            capacity: { total: 9, occupied: 0, held: 0, outOfService: 0 },
          }),
        ],
        { now: later },
      );
      clock.advance(10 * 60_000); // the history ends now: let the new facility's first row be in it
      const response = await gql<{
        occupancyHistory: { at: string; facilities: number; facilitiesWithHistory: number; complete: boolean }[];
      }>(api.url, COMPLETENESS, {
        token: planner,
        variables: {
          from: new Date(later.getTime() - 2 * HOUR).toISOString(),
          to: new Date(later.getTime() + HOUR).toISOString(),
          regions: ['RR'],
          types: ['NOODBED'],
        },
      });
      expect(response.errors).toBeUndefined();
      const points = response.data!.occupancyHistory;
      const endedBefore = points.filter((p) => new Date(p.at).getTime() + HOUR <= later.getTime());
      expect(endedBefore.length).toBeGreaterThanOrEqual(2);
      expect(endedBefore.map((p) => [p.facilities, p.facilitiesWithHistory, p.complete])).toEqual(
        endedBefore.map(() => [3, 2, false]),
      );
      const last = points[points.length - 1];
      expect([last.facilities, last.facilitiesWithHistory, last.complete]).toEqual([3, 3, true]);
    });

    it('exports for Dutch Excel on request (semicolons, BOM, Amsterdam times, words), and the standard file as before', async () => {
      const period = `from=${encodeURIComponent(new Date(loadedAt.getTime() - HOUR).toISOString())}&to=${encodeURIComponent(
        new Date(loadedAt.getTime() + HOUR).toISOString(),
      )}&bucket=HOUR&regionCodes=RR&types=VROUWENOPVANG`;
      const excel = await csv(`${period}&format=excel-nl`);
      expect(excel.status).toBe(200);
      expect(excel.headers.get('content-disposition')).toContain('occupancy-history-excel.csv');
      const bytes = new Uint8Array(await excel.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM
      const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
      expect(lines[0]).toBe(
        'begin (Amsterdamse tijd);regio;regionaam;type;soort;totaal;bezet;gereserveerd;buiten gebruik;vrij;hoogste bezetting;locaties;locaties met gegevens;volledig',
      );
      // loadedAt is 06:00 UTC, 07:00 in Amsterdam in November: the hour before it has no history.
      expect(lines[1]).toBe('2026-11-02 06:00;RR;Rotterdam Rijnmond;VROUWENOPVANG;Vrouwenopvang;0;0;0;0;0;0;1;0;nee');
      expect(lines[2]).toMatch(
        /^2026-11-02 07:00;RR;Rotterdam Rijnmond;VROUWENOPVANG;Vrouwenopvang;\d+;\d+;0;\d;\d+;\d+;1;1;ja$/,
      );

      const standard = await csv(period);
      const text = await standard.text();
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.split('\r\n')[0]).toBe('bucketStart,region,type,total,occupied,held,outOfService,available,peakOccupied');
      expect(text.split('\r\n')[1]).toBe('2026-11-02T05:00:00.000Z,RR,VROUWENOPVANG,0,0,0,0,0,0');

      const wrong = await csv(`${period}&format=xlsx`);
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'format' } });
      const twice = await csv(`${period}&format=excel-nl&format=excel-nl`);
      expect(twice.status).toBe(400);
    });
  });
});
