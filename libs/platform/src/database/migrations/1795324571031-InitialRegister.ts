import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialRegister1795324571031 implements MigrationInterface {
  name = 'InitialRegister1795324571031';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "regions" ("code" character varying(8) NOT NULL, "name" character varying(120) NOT NULL, "central_municipality" character varying(120) NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, CONSTRAINT "PK_4f6dc5a464961e7c65a395ea4c6" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."shelter_type" AS ENUM('VROUWENOPVANG', 'MAATSCHAPPELIJKE_OPVANG', 'COSM', 'OMM', 'NLA_CRISIS', 'NOODBED', 'JEUGDZORG')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."placing_authority" AS ENUM('ZORGCOORDINATOR', 'COMENSHA', 'NLA', 'POLICE', 'JEUGDBESCHERMING')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."update_cadence" AS ENUM('ROUND_THE_CLOCK', 'WORKING_DAYS')`);
    await queryRunner.query(`CREATE TYPE "public"."gender" AS ENUM('FEMALE', 'MALE', 'X')`);
    await queryRunner.query(
      `CREATE TYPE "public"."exploitation_type" AS ENUM('SEXUAL', 'LABOUR', 'CRIMINAL', 'ORGAN_REMOVAL', 'OTHER', 'SERIOUS_DISADVANTAGE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."residence_status" AS ENUM('DUTCH', 'EU_CITIZEN', 'LAWFUL_NON_EU', 'NO_LAWFUL_RESIDENCE', 'ASYLUM_PROCEDURE', 'UNKNOWN')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."b8_status" AS ENUM('NOT_APPLICABLE', 'NOT_YET_INFORMED', 'BEDENKTIJD', 'B8_PERMIT', 'B8_PERMIT_NO_COOPERATION', 'B9')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."care_need" AS ENUM('LVB', 'GGZ', 'ADDICTION', 'MULTI_DOMAIN')`);
    await queryRunner.query(
      `CREATE TABLE "facilities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(160) NOT NULL, "name" character varying(200) NOT NULL, "type" "public"."shelter_type" NOT NULL, "operator" character varying(200) NOT NULL, "region_code" character varying(8) NOT NULL, "municipality" character varying(120) NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "secret_address" boolean NOT NULL DEFAULT false, "address" character varying(300) NOT NULL, "placing_authority" "public"."placing_authority" NOT NULL, "intake_hours" jsonb, "max_stay_days" smallint, "update_cadence" "public"."update_cadence" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "genders" "public"."gender" array NOT NULL DEFAULT '{}', "min_age" smallint, "max_age" smallint, "exploitation_types" "public"."exploitation_type" array NOT NULL DEFAULT '{}', "residence_statuses" "public"."residence_status" array NOT NULL DEFAULT '{}', "b8_statuses" "public"."b8_status" array NOT NULL DEFAULT '{}', "accepts_care_needs" "public"."care_need" array NOT NULL DEFAULT '{}', "accepts_children" boolean NOT NULL DEFAULT false, "max_group_size" smallint NOT NULL DEFAULT '1', CONSTRAINT "PK_2e6c685b2e1195e6d6394a22bc7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "facilities_key_uq" ON "facilities"  ("key") `);
    await queryRunner.query(`CREATE INDEX "facilities_type_idx" ON "facilities"  ("type") `);
    await queryRunner.query(`CREATE INDEX "facilities_region_type_idx" ON "facilities"  ("region_code", "type") `);
    await queryRunner.query(
      `CREATE TABLE "capacity" ("facility_id" uuid NOT NULL, "total" integer NOT NULL, "occupied" integer NOT NULL, "held" integer NOT NULL DEFAULT '0', "out_of_service" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "capacity_within_total" CHECK ("occupied" + "held" + "out_of_service" <= "total"), CONSTRAINT "capacity_counts_non_negative" CHECK ("total" >= 0 AND "occupied" >= 0 AND "held" >= 0 AND "out_of_service" >= 0), CONSTRAINT "PK_dd842808915cf1777962124ba3a" PRIMARY KEY ("facility_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."capacity_change_kind" AS ENUM('UPDATE', 'CONFIRM', 'REGISTER')`);
    await queryRunner.query(
      `CREATE TABLE "capacity_history" ("id" BIGSERIAL NOT NULL, "facility_id" uuid NOT NULL, "kind" "public"."capacity_change_kind" NOT NULL, "version" integer NOT NULL, "total" integer NOT NULL, "occupied" integer NOT NULL, "held" integer NOT NULL, "out_of_service" integer NOT NULL, "changed_by" character varying(200) NOT NULL, "changed_by_role" character varying(40) NOT NULL, "changed_by_org" character varying(200) NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_dabd6a2ab3bb7ea5c76d1d1e358" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "capacity_history_facility_time_idx" ON "capacity_history"  ("facility_id", "changed_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "facilities" ADD CONSTRAINT "FK_e7b7b179a23600a0ba5044c6494" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "capacity" ADD CONSTRAINT "FK_dd842808915cf1777962124ba3a" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "capacity" DROP CONSTRAINT "FK_dd842808915cf1777962124ba3a"`);
    await queryRunner.query(`ALTER TABLE "facilities" DROP CONSTRAINT "FK_e7b7b179a23600a0ba5044c6494"`);
    await queryRunner.query(`DROP INDEX "public"."capacity_history_facility_time_idx"`);
    await queryRunner.query(`DROP TABLE "capacity_history"`);
    await queryRunner.query(`DROP TYPE "public"."capacity_change_kind"`);
    await queryRunner.query(`DROP TABLE "capacity"`);
    await queryRunner.query(`DROP INDEX "public"."facilities_region_type_idx"`);
    await queryRunner.query(`DROP INDEX "public"."facilities_type_idx"`);
    await queryRunner.query(`DROP INDEX "public"."facilities_key_uq"`);
    await queryRunner.query(`DROP TABLE "facilities"`);
    await queryRunner.query(`DROP TYPE "public"."care_need"`);
    await queryRunner.query(`DROP TYPE "public"."b8_status"`);
    await queryRunner.query(`DROP TYPE "public"."residence_status"`);
    await queryRunner.query(`DROP TYPE "public"."exploitation_type"`);
    await queryRunner.query(`DROP TYPE "public"."gender"`);
    await queryRunner.query(`DROP TYPE "public"."update_cadence"`);
    await queryRunner.query(`DROP TYPE "public"."placing_authority"`);
    await queryRunner.query(`DROP TYPE "public"."shelter_type"`);
    await queryRunner.query(`DROP TABLE "regions"`);
  }
}
