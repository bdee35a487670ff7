import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks (issue 14): organisations' endpoints and the delivery outbox. A delivery row
 * is written in the transaction of the change it tells of; the worker sends it and records each try.
 */
export class Webhooks1797300000000 implements MigrationInterface {
  name = 'Webhooks1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."webhook_event_type" AS ENUM('OFFER_MADE', 'OFFER_ACCEPTED', 'OFFER_WITHDRAWN', 'DECISION_WAITING', 'ESCALATED', 'STAY_ENDING')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."webhook_delivery_status" AS ENUM('PENDING', 'DELIVERED', 'DEAD')`);
    await queryRunner.query(
      `CREATE TABLE "webhook_subscriptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation" character varying(64) NOT NULL, "url" text NOT NULL, "events" "public"."webhook_event_type" array NOT NULL, "facility_ids" uuid array NOT NULL DEFAULT '{}', "escalation_regions" character varying(8) array NOT NULL DEFAULT '{}', "secret" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_webhook_subscriptions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subscription_id" uuid NOT NULL, "notification" jsonb NOT NULL, "status" "public"."webhook_delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" smallint NOT NULL DEFAULT 0, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "claimed_until" TIMESTAMP WITH TIME ZONE, "last_status" smallint, "last_error" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" ("status", "next_attempt_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_subscriptions"`);
    await queryRunner.query(`DROP TYPE "public"."webhook_delivery_status"`);
    await queryRunner.query(`DROP TYPE "public"."webhook_event_type"`);
  }
}
