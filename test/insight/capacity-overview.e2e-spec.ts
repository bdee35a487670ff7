import { Role } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { loadNationalRegister } from '@opvangplek/composition';
import { gql } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

type Summary = {
  region: { code: string };
  type: string;
  facilities: number;
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
  available: number;
  secretFacilities: number;
  secretAvailability: string;
  staleShare: number;
};

const QUERY = `query O($regions: [ID!], $types: [ShelterType!]) {
  capacityOverview(regionCodes: $regions, types: $types) { region { code } type facilities total occupied held outOfService available secretFacilities secretAvailability staleShare }
}`;

describe('capacityOverview', () => {
  const loadedAt = new Date('2026-11-23T10:00:00Z');
  const clock = new FixedClock(loadedAt);
  let database: TestDatabase;
  let api: TestApp;
  let planner: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadNationalRegister(database.dataSource, 1, loadedAt);
    api = await startTestApp(database.url, { clock });
    planner = await tokenFor({ role: Role.PLANNER, org: 'gemeente-rotterdam', regions: ['RR'] });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  // Issue 12: the sums cover facilities with a public address; secret-address ones are counted, and
  // whether they have a free place between them is told, but their counts are not in any sum.
  it('adds up every region and kind exactly as the rows do (computed independently in SQL), secret-address facilities as a count and a band', async () => {
    const free = 'greatest(0, c.total - c.occupied - c.held - c.out_of_service)';
    const expected: Summary[] = (
      await database.dataSource.query(`
        SELECT f.region_code, f.type::text, count(*)::int AS facilities,
               coalesce(sum(c.total) FILTER (WHERE NOT f.secret_address), 0)::int AS total,
               coalesce(sum(c.occupied) FILTER (WHERE NOT f.secret_address), 0)::int AS occupied,
               coalesce(sum(c.held) FILTER (WHERE NOT f.secret_address), 0)::int AS held,
               coalesce(sum(c.out_of_service) FILTER (WHERE NOT f.secret_address), 0)::int AS out_of_service,
               coalesce(sum(${free}) FILTER (WHERE NOT f.secret_address), 0)::int AS available,
               (count(*) FILTER (WHERE f.secret_address))::int AS secret_facilities,
               CASE WHEN coalesce(sum(${free}) FILTER (WHERE f.secret_address), 0) > 0 THEN 'AVAILABLE' ELSE 'NONE' END AS secret_availability
        FROM facilities f JOIN capacity c ON c.facility_id = f.id GROUP BY f.region_code, f.type`)
    ).map((row: Record<string, number | string>) => ({
      region: { code: row.region_code },
      type: row.type,
      facilities: row.facilities,
      total: row.total,
      occupied: row.occupied,
      held: row.held,
      outOfService: row.out_of_service,
      available: row.available,
      secretFacilities: row.secret_facilities,
      secretAvailability: row.secret_availability,
    }));
    const response = await gql<{ capacityOverview: Summary[] }>(api.url, QUERY, { token: planner });
    const actual = response.data!.capacityOverview.map(({ staleShare: _stale, ...rest }) => rest);
    const key = (s: { region: { code: string }; type: string }) => `${s.region.code}|${s.type}`;
    expect(actual.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    expect(actual.reduce((sum, s) => sum + s.total, 0)).toBeGreaterThan(700);
    expect(actual.reduce((sum, s) => sum + s.secretFacilities, 0)).toBeGreaterThanOrEqual(45);
  });

  // A planner in Rotterdam opens the figures in Excel: the two noodbeds there have a secret address,
  // so their counts are in no sum; the file must say so, or "0 vrij" reads as "full".
  it('exports secret-address facilities as a count and a band at the end of each CSV line, so a zero is never ambiguous', async () => {
    const csv = async (query: string) => {
      const response = await fetch(`${api.url}/export/capacity-overview.csv?${query}`, {
        headers: { authorization: `Bearer ${planner}` },
      });
      expect(response.status).toBe(200);
      return (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    };
    const graph = (await gql<{ capacityOverview: Summary[] }>(api.url, QUERY, { token: planner, variables: { regions: ['RR'] } }))
      .data!.capacityOverview;
    const noodbed = graph.find((s) => s.type === 'NOODBED')!;
    expect(noodbed).toMatchObject({ facilities: 2, secretFacilities: 2, total: 0 });
    const open = graph.find((s) => s.secretFacilities === 0)!;

    const standard = await csv('regionCodes=RR');
    expect(standard[0]).toBe(
      'region,regionName,type,facilities,total,occupied,held,outOfService,available,staleShare,secretFacilities,secretAvailability,expectedFree24h,expectedFree72h',
    );
    const standardRow = (type: string) => standard.find((line) => line.startsWith(`RR,Rotterdam Rijnmond,${type},`))!.split(',');
    expect(standardRow('NOODBED').slice(-4, -2)).toEqual(['2', noodbed.secretAvailability]);
    // No secret facility: no band (NONE would read as "full").
    expect(standardRow(open.type).slice(-4, -2)).toEqual(['0', '']);
    // Capacity ahead (issue 18), public-address facilities only: the secret noodbedden add nothing.
    expect(standardRow('NOODBED').slice(-2)).toEqual(['0', '0']);
    // A freshly loaded register has no stays yet: ahead is what is free now.
    expect(standardRow(open.type).slice(-2)).toEqual([String(open.available), String(open.available)]);

    const excel = await csv('regionCodes=RR&format=excel-nl');
    expect(excel[0].split(';').slice(-6)).toEqual([
      'aandeel verouderd',
      'locaties met geheim adres (niet in de totalen)',
      'geheim adres: beschikbaarheid',
      'geheim adres: in woorden',
      'verwacht vrij over 24 u',
      'verwacht vrij over 72 u',
    ]);
    const excelRow = excel.find((line) => line.startsWith('RR;Rotterdam Rijnmond;NOODBED;Noodbed;'))!.split(';');
    expect(excelRow.slice(0, 10)).toEqual(['RR', 'Rotterdam Rijnmond', 'NOODBED', 'Noodbed', '2', '0', '0', '0', '0', '0']);
    expect(excelRow.slice(-5, -2)).toEqual([
      '2',
      noodbed.secretAvailability,
      noodbed.secretAvailability === 'AVAILABLE' ? '≥ 1 vrij' : 'vol',
    ]);
  });

  it('filters by region and kind', async () => {
    const response = await gql<{ capacityOverview: Summary[] }>(api.url, QUERY, {
      token: planner,
      variables: { regions: ['RR'], types: ['NOODBED', 'VROUWENOPVANG'] },
    });
    const groups = response.data!.capacityOverview.map((s) => `${s.region.code}|${s.type}`).sort();
    expect(groups).toEqual(['RR|NOODBED', 'RR|VROUWENOPVANG']);
  });

  it('says an unknown region code is unknown, naming the field, instead of answering with nothing (red team F7)', async () => {
    const response = await gql<{ capacityOverview: Summary[] }>(api.url, QUERY, {
      token: planner,
      variables: { regions: ['RR', 'XX'] },
    });
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Unknown region code XX'),
      extensions: { code: 'BAD_USER_INPUT', field: 'regionCodes' },
    });
    const csv = await fetch(`${api.url}/export/capacity-overview.csv?regionCodes=XX`, {
      headers: { authorization: `Bearer ${planner}` },
    });
    expect(csv.status).toBe(400);
    expect(await csv.text()).toContain('XX');
  });

  it('reports the share of stale figures, and it grows as time passes without confirmations', async () => {
    const shares = async () =>
      (
        await gql<{ capacityOverview: Summary[] }>(api.url, QUERY, {
          token: planner,
          variables: { types: ['MAATSCHAPPELIJKE_OPVANG'] },
        })
      ).data!.capacityOverview.map((s) => s.staleShare);
    const now = await shares();
    expect(now.every((share) => share >= 0 && share <= 1)).toBe(true);
    clock.advance(3 * 24 * 3_600_000);
    expect((await shares()).every((share) => share === 1)).toBe(true);
  });
});
