import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlacementWorkflow1795325902357 implements MigrationInterface {
  name = 'PlacementWorkflow1795325902357';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."placement_status" AS ENUM('RECEIVED', 'MATCHING', 'WAITING', 'OFFERED', 'ACCEPTED', 'PLACED', 'ENDED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "placement_events" ("id" BIGSERIAL NOT NULL, "request_id" uuid NOT NULL, "status" "public"."placement_status" NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "by" character varying(200) NOT NULL, "note" character varying(500), CONSTRAINT "PK_e37cb45adf6441c9518594b4158" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "placement_events_request_idx" ON "placement_events"  ("request_id", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."hold_state" AS ENUM('HELD', 'OCCUPIED', 'RELEASED')`);
    await queryRunner.query(
      `CREATE TABLE "placement_holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "facility_id" uuid NOT NULL, "places" integer NOT NULL, "state" "public"."hold_state" NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "placement_holds_places" CHECK ("places" > 0), CONSTRAINT "PK_d624133e0f0042fb751645590db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "placement_holds_facility_state_idx" ON "placement_holds"  ("facility_id", "state") `);
    await queryRunner.query(`CREATE INDEX "placement_holds_request_idx" ON "placement_holds"  ("request_id") `);
    await queryRunner.query(`CREATE TYPE "public"."urgency" AS ENUM('ACUTE', 'URGENT', 'PLANNED')`);
    await queryRunner.query(
      `CREATE TYPE "public"."role" AS ENUM('ZORGCOORDINATOR', 'COMENSHA', 'POLICE', 'NLA', 'SHELTER_STAFF', 'PLANNER', 'ADMIN')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."waiting_reason" AS ENUM('NO_CAPACITY', 'AUTHORITY_CLOSED', 'INTAKE_CLOSED', 'NO_SUITABLE_PLACE', 'GROUP_TOO_LARGE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "placement_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" "public"."placement_status" NOT NULL, "urgency" "public"."urgency" NOT NULL, "region_code" character varying(8) NOT NULL, "profile" jsonb, "group_size" smallint NOT NULL DEFAULT '1', "types" "public"."shelter_type" array NOT NULL DEFAULT '{}', "client_reference" character varying(120), "requested_by" character varying(200) NOT NULL, "requested_by_role" "public"."role" NOT NULL, "requested_by_org" character varying(200) NOT NULL, "attempt" integer NOT NULL DEFAULT '0', "facility_id" uuid, "offer_expires_at" TIMESTAMP WITH TIME ZONE, "waiting_reason" "public"."waiting_reason", "waiting_for_authority" "public"."placing_authority", "next_attempt_at" TIMESTAMP WITH TIME ZONE, "skipped_facility_ids" uuid array NOT NULL DEFAULT '{}', "placed_at" TIMESTAMP WITH TIME ZONE, "stay_ends_at" TIMESTAMP WITH TIME ZONE, "stay_alert_at" TIMESTAMP WITH TIME ZONE, "overstay" boolean NOT NULL DEFAULT false, "ended_at" TIMESTAMP WITH TIME ZONE, "escalated" boolean NOT NULL DEFAULT false, "escalated_at" TIMESTAMP WITH TIME ZONE, "bridge_request_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "placement_requests_group_size" CHECK ("group_size" BETWEEN 1 AND 200), CONSTRAINT "PK_6fb697e8d19f75e024a5602a7f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "placement_requests_next_attempt_idx" ON "placement_requests"  ("next_attempt_at") `);
    await queryRunner.query(`CREATE INDEX "placement_requests_bridge_idx" ON "placement_requests"  ("bridge_request_id") `);
    await queryRunner.query(
      `CREATE INDEX "placement_requests_status_idx" ON "placement_requests"  ("status", "urgency", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "placement_requests_client_reference_uq" ON "placement_requests"  ("requested_by_org", "client_reference") WHERE "client_reference" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TYPE "public"."capacity_change_kind" ADD VALUE 'HOLD'`);
    await queryRunner.query(`ALTER TYPE "public"."capacity_change_kind" ADD VALUE 'RELEASE'`);
    await queryRunner.query(`ALTER TYPE "public"."capacity_change_kind" ADD VALUE 'ARRIVAL'`);
    await queryRunner.query(`ALTER TYPE "public"."capacity_change_kind" ADD VALUE 'DEPARTURE'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."capacity_change_kind_old" AS ENUM('UPDATE', 'CONFIRM', 'REGISTER')`);
    await queryRunner.query(
      `ALTER TABLE "capacity_history" ALTER COLUMN "kind" TYPE "public"."capacity_change_kind_old" USING "kind"::"text"::"public"."capacity_change_kind_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."capacity_change_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."capacity_change_kind_old" RENAME TO "capacity_change_kind"`);
    await queryRunner.query(`DROP INDEX "public"."placement_requests_client_reference_uq"`);
    await queryRunner.query(`DROP INDEX "public"."placement_requests_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_requests_bridge_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_requests_next_attempt_idx"`);
    await queryRunner.query(`DROP TABLE "placement_requests"`);
    await queryRunner.query(`DROP TYPE "public"."waiting_reason"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP TYPE "public"."urgency"`);
    await queryRunner.query(`DROP INDEX "public"."placement_holds_request_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_holds_facility_state_idx"`);
    await queryRunner.query(`DROP TABLE "placement_holds"`);
    await queryRunner.query(`DROP TYPE "public"."hold_state"`);
    await queryRunner.query(`DROP INDEX "public"."placement_events_request_idx"`);
    await queryRunner.query(`DROP TABLE "placement_events"`);
    await queryRunner.query(`DROP TYPE "public"."placement_status"`);
  }
}
