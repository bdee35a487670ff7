import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registrations with CoMensha (issue 14, 002:803): one row per person reported, pseudonymous facts
 * only, apart from placement_requests so that retention leaves them whole.
 */
export class VictimRegistrations1797800000000 implements MigrationInterface {
  name = 'VictimRegistrations1797800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "victim_registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" character varying(8) NOT NULL, "gender" character varying(16) NOT NULL, "age_band" character varying(16) NOT NULL, "exploitation_types" character varying(32) array NOT NULL, "nationality_group" character varying(16) NOT NULL, "signalled_by" character varying(16) NOT NULL, "placement_request_id" uuid, "member" smallint, "registered_by_org" character varying(64) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_victim_registrations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "victim_registrations_region_at" ON "victim_registrations" ("region_code", "registered_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "victim_registrations_request_member" ON "victim_registrations" ("placement_request_id", "member") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "victim_registrations"`);
  }
}
