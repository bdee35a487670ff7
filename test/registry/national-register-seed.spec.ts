import { ShelterType } from '@opvangplek/domain';
import { readFacilityDefinition } from '@opvangplek/registry';
import { bundledMunicipalities } from '@opvangplek/registry/seed';
import { readCapacityDrift } from '@opvangplek/placement/capacity-drift.check';
import { emptyLoadReport, loadNationalRegister, loadRegister } from '@opvangplek/composition';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A fingerprint of every register row, to prove a second load changes nothing at all. */
async function fingerprint(database: TestDatabase): Promise<string> {
  const [row] = await database.dataSource.query(`
    SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS regions,
           (SELECT md5(string_agg(f::text, '|' ORDER BY f.key)) FROM facilities f) AS facilities,
           (SELECT md5(string_agg(c::text, '|' ORDER BY c.facility_id)) FROM capacity c) AS capacity,
           (SELECT count(*) FROM capacity_history) AS history,
           (SELECT md5(string_agg(m::text, '|' ORDER BY m.code)) FROM municipalities m) AS municipalities
    FROM regions r`);
  return JSON.stringify(row);
}

describe('national register seed', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads all 35 regions and the national kinds of shelter', async () => {
    const report = await loadNationalRegister(database.dataSource, 1);
    expect(report.regionsInserted).toBe(35);
    expect(report.facilitiesInserted).toBeGreaterThan(150);
    expect(report.capacitiesInserted).toBe(report.facilitiesInserted);
    expect(report.municipalitiesInserted).toBe(342);
    const perType: { type: ShelterType; places: string; locations: string }[] = await database.dataSource.query(
      `SELECT f.type, sum(c.total) AS places, count(*) AS locations FROM facilities f JOIN capacity c ON c.facility_id = f.id GROUP BY f.type`,
    );
    const places = Object.fromEntries(perType.map((row) => [row.type, Number(row.places)]));
    const locations = Object.fromEntries(perType.map((row) => [row.type, Number(row.locations)]));
    expect(places[ShelterType.COSM]).toBe(40); // 000:2128-2130
    expect(locations[ShelterType.COSM]).toBe(3);
    expect(places[ShelterType.OMM]).toBe(36); // 000:2149-2153
    expect(locations[ShelterType.NLA_CRISIS]).toBe(3); // 003:486
    expect(locations[ShelterType.NOODBED]).toBeGreaterThanOrEqual(1);
    const secret = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM facilities WHERE type = 'VROUWENOPVANG' AND secret_address`,
    );
    expect(secret[0].n).toBeGreaterThan(0);
  });

  it('holds no place without a hold behind it: the drift check finds nothing to repair (issue 15)', async () => {
    const [{ held }] = await database.dataSource.query('SELECT COALESCE(SUM(held), 0)::int AS held FROM capacity');
    expect(held).toBe(0);
    expect(await readCapacityDrift(database.dataSource.manager)).toEqual([]);
  });

  it("reads one facility's definition by its register key, with its region; none for a key not in the register", async () => {
    const noodbed = await readFacilityDefinition(database.dataSource, 'noodbed-rr-1');
    const [stored] = await database.dataSource.query(`SELECT id, type, region_code FROM facilities WHERE key = 'noodbed-rr-1'`);
    expect(noodbed).toMatchObject({
      id: stored.id,
      key: 'noodbed-rr-1',
      type: ShelterType.NOODBED,
      regionCode: stored.region_code,
      region: { code: stored.region_code },
    });
    expect(Array.isArray(noodbed!.eligibility.genders)).toBe(true);
    expect(await readFacilityDefinition(database.dataSource, 'no-such-facility')).toBeNull();
  });

  it('is idempotent: loading it again changes nothing', async () => {
    const before = await fingerprint(database);
    const report = await loadNationalRegister(database.dataSource, 1);
    expect(report).toEqual(emptyLoadReport());
    expect(await fingerprint(database)).toBe(before);
  });

  it('stores every municipality with exactly one existing region, and a replacing list removes what it leaves out', async () => {
    const [counts] = await database.dataSource.query(
      `SELECT count(*)::int AS municipalities, count(DISTINCT region_code)::int AS regions,
              count(*) FILTER (WHERE source = 'derived')::int AS derived FROM municipalities`,
    );
    expect(counts).toEqual({ municipalities: 342, regions: 35, derived: 104 });
    const [{ aliases }] = await database.dataSource.query(`SELECT aliases FROM municipalities WHERE code = 'GM0518'`);
    expect(aliases).toEqual(['Den Haag']);

    const copy = await createTestDatabase();
    try {
      await loadNationalRegister(copy.dataSource, 1);
      const [rotterdam] = bundledMunicipalities().filter((m) => m.code === 'GM0599');
      const report = await loadRegister(
        copy.dataSource,
        { regions: [], facilities: [], municipalities: [{ ...rotterdam, source: 'official' }] },
        { now: new Date() },
      );
      expect(report).toMatchObject({ municipalitiesRemoved: 341, municipalitiesUpdated: 1, municipalitiesInserted: 0 });
      expect(await copy.dataSource.query('SELECT code, source FROM municipalities')).toEqual([
        { code: 'GM0599', source: 'official' },
      ]);
    } finally {
      await copy.drop();
    }
  });

  it('never overwrites live counts that staff changed since the register was loaded', async () => {
    const [[{ facility_id }]] = await database.dataSource.query(
      `UPDATE capacity SET occupied = 0, held = 0, out_of_service = 0, version = version + 1
       WHERE facility_id = (SELECT facility_id FROM capacity ORDER BY facility_id LIMIT 1) RETURNING facility_id`,
    );
    await loadNationalRegister(database.dataSource, 1);
    const [row] = await database.dataSource.query('SELECT occupied, version FROM capacity WHERE facility_id = $1', [facility_id]);
    expect(row).toEqual({ occupied: 0, version: 2 });
  });

  it('multiplies the register with --scale for benchmarks', async () => {
    const scaled = await createTestDatabase();
    try {
      const report = await loadNationalRegister(scaled.dataSource, 3);
      const single = await database.dataSource.query('SELECT count(*)::int AS n FROM facilities');
      expect(report.facilitiesInserted).toBe(3 * single[0].n);
    } finally {
      await scaled.drop();
    }
  });
});
