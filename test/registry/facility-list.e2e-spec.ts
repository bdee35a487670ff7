/**
 * RegisterReader.load answers from the definitions each process keeps and one read of live
 * capacity; loadJoined reads all of it with one SQL join. They must give the same answer, and a
 * change made elsewhere (another process, an administrator's SQL) must show at once.
 */
import { ShelterType } from '@opvangplek/domain';
import { type FacilityQuery, RegisterReader } from '@opvangplek/capacity/register-reader';
import { DataSource } from 'typeorm';
import { loadNationalRegister } from '@opvangplek/composition';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the facility list (RegisterReader.load)', () => {
  let database: TestDatabase;
  let api: TestApp;
  let registry: RegisterReader;

  async function expectSameAsJoin(query: FacilityQuery) {
    const [fromCache, joined] = await Promise.all([registry.load(query), registry.loadJoined(query)]);
    expect(fromCache).toEqual(joined);
    return fromCache;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadNationalRegister(database.dataSource, 2, new Date('2026-11-28T19:00:00Z'));
    // Some full facilities, so availableOnly has something to leave out.
    await database.dataSource.query(
      `UPDATE capacity SET occupied = total - held - out_of_service WHERE facility_id IN (SELECT id FROM facilities WHERE type = 'VROUWENOPVANG' ORDER BY id LIMIT 7)`,
    );
    api = await startTestApp(database.url);
    registry = api.app.get(RegisterReader);
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it.each<[string, FacilityQuery]>([
    ['everything', {}],
    ['one region', { regionCodes: ['RR'] }],
    ['two kinds', { types: [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG] }],
    ['region and kind', { regionCodes: ['AMS', 'TW'], types: [ShelterType.VROUWENOPVANG] }],
    ['with room only', { types: [ShelterType.VROUWENOPVANG], availableOnly: true }],
    ['an unknown region', { regionCodes: ['XX'] }],
  ])('gives what the SQL join gives: %s', async (_name, query) => {
    const list = await expectSameAsJoin(query);
    if (query.regionCodes?.[0] !== 'XX') expect(list.length).toBeGreaterThan(0);
  });

  it('reads one statement per list once the definitions are cached: the capacity of what it shows', async () => {
    const dataSource = api.app.get(DataSource);
    await registry.load({ regionCodes: ['RR'] });
    const query = jest.spyOn(dataSource, 'query');
    try {
      const list = await registry.load({ regionCodes: ['RR'] });
      expect(list.length).toBeGreaterThan(0);
      expect(query).toHaveBeenCalledTimes(1);
      const [sql, parameters] = query.mock.calls[0] as [string, unknown[]];
      expect(sql).toMatch(/FROM capacity c/);
      expect(sql).not.toMatch(/FROM facilities f/);
      expect(parameters[0]).toBe(
        list
          .map((f) => f.id)
          .sort()
          .join(','),
      );
    } finally {
      query.mockRestore();
    }
  });

  it('sends the shorter list: for most of the register, the facilities left out (issue 16: a noodbed call’s match)', async () => {
    const dataSource = api.app.get(DataSource);
    const everything = await registry.load({});
    const shelters = await registry.load({ types: [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG] });
    const others = everything.filter((f) => !shelters.some((shelter) => shelter.id === f.id));
    expect(others.length).toBeGreaterThan(0);
    expect(shelters.length).toBeGreaterThan(others.length);
    const query = jest.spyOn(dataSource, 'query');
    try {
      await expectSameAsJoin({ types: [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG] });
      const sent = query.mock.calls.find(([sql]) => /FROM capacity c/.test(sql) && !/FROM facilities f/.test(sql))!;
      const [, [listed, leftOut]] = sent as [string, [string, boolean]];
      expect(leftOut).toBe(true);
      expect(listed.split(',').sort()).toEqual(others.map((f) => f.id).sort());
    } finally {
      query.mockRestore();
    }
  });

  it('leaves out full facilities when asked for room only', async () => {
    const all = await registry.load({ types: [ShelterType.VROUWENOPVANG] });
    const withRoom = await registry.load({ types: [ShelterType.VROUWENOPVANG], availableOnly: true });
    expect(all.length - withRoom.length).toBeGreaterThanOrEqual(7);
  });

  it('finds facilities by id (their counts by primary key) in any letter case, in the register order', async () => {
    const all = await registry.load({});
    const picked = [all[40].id, all[3].id.toUpperCase(), all[17].id];
    const list = await registry.load({ ids: picked });
    expect(list.map((f) => f.id)).toEqual([all[3].id, all[17].id, all[40].id]);
    expect(list).toEqual(await registry.loadJoined({ ids: picked }));
    // With the other filters too, as the join applies them.
    await expectSameAsJoin({ ids: picked, types: [all[3].type], availableOnly: true });
  });

  it('sees definitions, regions and capacity changed elsewhere at once', async () => {
    const [first] = await registry.load({ regionCodes: ['RR'] });
    await database.dataSource.query(`UPDATE facilities SET name = 'Renamed elsewhere' WHERE id = $1`, [first.id]);
    await database.dataSource.query(`UPDATE regions SET name = 'Rijnmond (renamed)' WHERE code = 'RR'`);
    await database.dataSource.query(`UPDATE capacity SET total = total + 5, version = version + 1 WHERE facility_id = $1`, [
      first.id,
    ]);
    const after = (await expectSameAsJoin({ regionCodes: ['RR'] })).find((f) => f.id === first.id)!;
    expect(after.name).toBe('Renamed elsewhere');
    expect(after.region?.name).toBe('Rijnmond (renamed)');
    expect(after.capacity.total).toBe(first.capacity.total + 5);
    // By id too: the counts by primary key, the definitions of the register's current version.
    const [byId] = await registry.byIds([first.id]);
    expect(byId.name).toBe('Renamed elsewhere');
    expect(byId.region.name).toBe('Rijnmond (renamed)');
    expect(byId.capacity.total).toBe(first.capacity.total + 5);
  });

  it('leaves out a facility without a capacity row, as the join does', async () => {
    const [{ id }]: { id: string }[] = await database.dataSource.query(
      `INSERT INTO facilities (key, name, type, operator, region_code, municipality, latitude, longitude, address, placing_authority, update_cadence)
       SELECT 'no-capacity-row', 'No capacity row', type, operator, region_code, municipality, latitude, longitude, address, placing_authority, update_cadence
       FROM facilities WHERE region_code = 'RR' LIMIT 1 RETURNING id`,
    );
    const list = await expectSameAsJoin({ regionCodes: ['RR'] });
    expect(list.some((f) => f.id === id)).toBe(false);
    // Asked for with most of the register (the facilities left out sent instead): left out all the same.
    const everything = await expectSameAsJoin({});
    expect(everything.some((f) => f.id === id)).toBe(false);
    await database.dataSource.query(`DELETE FROM facilities WHERE id = $1`, [id]);
  });
});
