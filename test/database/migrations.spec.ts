import { dataSourceOptions, migrateDatabase, pendingSchemaChanges } from '@opvangplek/platform/database';
import { MIGRATIONS } from '@opvangplek/platform/database/migrations';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { ENTITIES } from '@opvangplek/composition';

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(() => database.drop());

  it('apply every committed migration to an empty database', async () => {
    const applied = await migrateDatabase(database.dataSource);
    expect(applied).toHaveLength(MIGRATIONS.length);
    const tables = await database.dataSource.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(
      expect.arrayContaining(['capacity', 'capacity_history', 'facilities', 'regions', 'schema_migrations']),
    );
  });

  it('leave nothing for the entities to add: entities and migrations do not drift', async () => {
    const pending = await pendingSchemaChanges(database.dataSource);
    // If this fails: run `npm run migration:generate -- <Name>` and commit the new migration.
    expect(pending.up).toEqual([]);
  });

  it('are a no-op the second time, also when two processes migrate at once', async () => {
    const other = new DataSource(dataSourceOptions(database.url, { entities: ENTITIES, poolSize: 2 }));
    await other.initialize();
    try {
      const [first, second] = await Promise.all([migrateDatabase(database.dataSource), migrateDatabase(other)]);
      expect([...first, ...second]).toEqual([]);
    } finally {
      await other.destroy();
    }
  });

  it('make the database refuse an over-full capacity row, whatever the application does', async () => {
    await database.dataSource.query(
      `INSERT INTO regions (code, name, central_municipality, latitude, longitude) VALUES ('XX', 'Test', 'Test', 0, 0)`,
    );
    const [{ id }] = await database.dataSource.query(
      `INSERT INTO facilities (key, name, type, operator, region_code, municipality, latitude, longitude, address, placing_authority, update_cadence)
       VALUES ('x', 'X', 'NOODBED', 'o', 'XX', 'm', 0, 0, 'a', 'POLICE', 'ROUND_THE_CLOCK') RETURNING id`,
    );
    await expect(
      database.dataSource.query(
        `INSERT INTO capacity (facility_id, total, occupied, held, out_of_service, updated_at) VALUES ($1, 2, 2, 1, 0, now())`,
        [id],
      ),
    ).rejects.toThrow(/capacity_within_total/);
    await expect(
      database.dataSource.query(
        `INSERT INTO capacity (facility_id, total, occupied, held, out_of_service, updated_at) VALUES ($1, 2, -1, 0, 0, now())`,
        [id],
      ),
    ).rejects.toThrow(/capacity_counts_non_negative/);
  });
});
