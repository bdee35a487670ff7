import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profile changes over time (issue 14): a version number on the request, a sealed history of the
 * changes (what changed from what to what, and why, sealed with the notes key: it is about the
 * person; only the changed field names and who made the change are in the clear), and the end of
 * her bedenktijd as a workflow moment (like stay_ends_at) so the sweep can warn ahead of it once.
 */
export class ProfileChanges1797610000000 implements MigrationInterface {
  name = 'ProfileChanges1797610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."webhook_event_type" ADD VALUE IF NOT EXISTS 'BEDENKTIJD_ENDING'`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "profile_version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "bedenktijd_ends_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "bedenktijd_alerted" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE INDEX "placement_requests_bedenktijd_idx" ON "placement_requests" ("bedenktijd_ends_at") WHERE "bedenktijd_alerted" = false`,
    );
    await queryRunner.query(`CREATE TABLE "placement_profile_changes" (
      "id" BIGSERIAL NOT NULL,
      "request_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "by" character varying(200) NOT NULL,
      "fields" text[] NOT NULL,
      "change" text,
      CONSTRAINT "placement_profile_changes_version_uq" UNIQUE ("request_id", "version"),
      CONSTRAINT "placement_profile_changes_pkey" PRIMARY KEY ("id")
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "placement_profile_changes"`);
    await queryRunner.query(`DROP INDEX "placement_requests_bedenktijd_idx"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "bedenktijd_alerted"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "bedenktijd_ends_at"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "profile_version"`);
    // The BEDENKTIJD_ENDING value stays in webhook_event_type: PostgreSQL cannot drop an enum value.
  }
}
