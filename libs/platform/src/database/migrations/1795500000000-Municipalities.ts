import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipality list with each municipality's centrumgemeente region (loaded by the register
 * loader from libs/registry/src/seed/data/municipalities-2026.csv, replaceable per deployment), and
 * the facilities' found-in regions (the pilot noodbedden, 002:749-753).
 */
export class Municipalities1795500000000 implements MigrationInterface {
  name = 'Municipalities1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "municipalities" ("code" character varying(6) NOT NULL, "name" character varying(120) NOT NULL, "province" character varying(60) NOT NULL, "region_code" character varying(8) NOT NULL, "source" character varying(32) NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_9e0e960d7323bb120dc5e915dd8" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "municipalities_region_idx" ON "municipalities"  ("region_code") `);
    await queryRunner.query(`ALTER TABLE "facilities" ADD "found_in_region_codes" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "municipalities" ADD CONSTRAINT "FK_4a89c8278d698e038e63e4a0efb" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "municipalities" DROP CONSTRAINT "FK_4a89c8278d698e038e63e4a0efb"`);
    await queryRunner.query(`ALTER TABLE "facilities" DROP COLUMN "found_in_region_codes"`);
    await queryRunner.query(`DROP INDEX "public"."municipalities_region_idx"`);
    await queryRunner.query(`DROP TABLE "municipalities"`);
  }
}
