import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Planned actions (issue 14): an action's window and expected people (outlines: counts and codes,
 * no person), the places reserved for it per facility (counted against capacity only inside the
 * window), and the placement requests it turned into at its start.
 */
export class PlannedActions1797700000000 implements MigrationInterface {
  name = 'PlannedActions1797700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."planned_action_status" AS ENUM('PLANNED', 'STARTED', 'ENDED', 'CANCELLED')`);
    await queryRunner.query(`CREATE TYPE "public"."action_reservation_state" AS ENUM('RESERVED', 'CONVERTED', 'RELEASED')`);
    await queryRunner.query(`CREATE TABLE "planned_actions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "region_code" character varying(8) NOT NULL REFERENCES "regions"("code"),
      "on_behalf_of" character varying(40) NOT NULL,
      "on_behalf_of_org" character varying(200) NOT NULL,
      "planned_by" character varying(200) NOT NULL,
      "planned_by_role" character varying(40) NOT NULL,
      "planned_by_org" character varying(200) NOT NULL,
      "planned_by_regions" text[] NOT NULL DEFAULT '{}',
      "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "outlines" jsonb NOT NULL,
      "status" "public"."planned_action_status" NOT NULL DEFAULT 'PLANNED',
      "client_reference" character varying(100),
      "cancelled_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "planned_actions_window" CHECK ("ends_at" > "starts_at")
    )`);
    await queryRunner.query(`CREATE INDEX "planned_actions_due_idx" ON "planned_actions" ("status", "starts_at", "ends_at")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "planned_actions_reference_idx" ON "planned_actions" ("planned_by_org", "client_reference") WHERE "client_reference" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE TABLE "action_reservations" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "action_id" uuid NOT NULL REFERENCES "planned_actions"("id"),
      "outline_index" smallint NOT NULL,
      "facility_id" uuid NOT NULL REFERENCES "facilities"("id"),
      "places" integer NOT NULL CHECK ("places" > 0),
      "converted" integer NOT NULL DEFAULT 0,
      "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "state" "public"."action_reservation_state" NOT NULL DEFAULT 'RESERVED'
    )`);
    await queryRunner.query(
      `CREATE INDEX "action_reservations_facility_idx" ON "action_reservations" ("facility_id", "state", "starts_at", "ends_at")`,
    );
    await queryRunner.query(`CREATE INDEX "action_reservations_action_idx" ON "action_reservations" ("action_id")`);
    await queryRunner.query(`CREATE TABLE "action_requests" (
      "action_id" uuid NOT NULL REFERENCES "planned_actions"("id"),
      "outline_index" smallint NOT NULL,
      "person_index" smallint NOT NULL,
      "request_id" uuid NOT NULL REFERENCES "placement_requests"("id"),
      PRIMARY KEY ("action_id", "outline_index", "person_index")
    )`);
    await queryRunner.query(`CREATE INDEX "action_requests_request_idx" ON "action_requests" ("request_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "action_requests"`);
    await queryRunner.query(`DROP TABLE "action_reservations"`);
    await queryRunner.query(`DROP TABLE "planned_actions"`);
    await queryRunner.query(`DROP TYPE "public"."action_reservation_state"`);
    await queryRunner.query(`DROP TYPE "public"."planned_action_status"`);
  }
}
