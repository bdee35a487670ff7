import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One number that changes with every write to the register's definitions (facilities, regions), in
 * the writing transaction. Processes cache the definitions and check this number on every match:
 * one row read instead of an aggregate over the facilities table, and exact where the old stamp
 * (count and latest updated_at) was not (a removed and an added facility could leave both alone).
 * Statement-level triggers: a load of thousands of rows bumps it once per statement, not per row.
 */
export class RegisterVersion1795400000000 implements MigrationInterface {
  name = 'RegisterVersion1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "register_version" ("id" smallint NOT NULL DEFAULT 1, "version" bigint NOT NULL, CONSTRAINT "register_version_single_row" CHECK ("id" = 1), CONSTRAINT "register_version_pk" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "register_version" ("id", "version") VALUES (1, 1)`);
    await queryRunner.query(`CREATE FUNCTION register_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE register_version SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    for (const table of ['facilities', 'regions']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_register_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION register_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['regions', 'facilities']) {
      await queryRunner.query(`DROP TRIGGER ${table}_register_changed ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION register_changed()`);
    await queryRunner.query(`DROP TABLE "register_version"`);
  }
}
