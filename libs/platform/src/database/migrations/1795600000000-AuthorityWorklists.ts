import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who decides (domain.md §5a): the youth-care role, the worklist waits, the organisation a request
 * waits for (Nidos), the kinds an authority handed back, the responsible municipality, and the
 * route decision of the screeningsoverleg with the OM for criminal exploitation (003:490).
 */
export class AuthorityWorklists1795600000000 implements MigrationInterface {
  name = 'AuthorityWorklists1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."role" ADD VALUE IF NOT EXISTS 'JEUGDBESCHERMING'`);
    await queryRunner.query(`ALTER TYPE "public"."waiting_reason" ADD VALUE IF NOT EXISTS 'AWAITING_AUTHORITY'`);
    await queryRunner.query(`ALTER TYPE "public"."waiting_reason" ADD VALUE IF NOT EXISTS 'INTERIM_NOT_ARRIVED'`);
    await queryRunner.query(`ALTER TYPE "public"."waiting_reason" ADD VALUE IF NOT EXISTS 'AWAITING_ROUTE_DECISION'`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "route_decided" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "waiting_for_organisation" character varying(64)`);
    await queryRunner.query(
      `ALTER TABLE "placement_requests" ADD "returned_types" "public"."shelter_type" array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "responsible_municipality" character varying(100)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "responsible_municipality"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "returned_types"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "waiting_for_organisation"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "route_decided"`);
    // Enum values cannot be dropped in PostgreSQL; they stay, unused.
  }
}
