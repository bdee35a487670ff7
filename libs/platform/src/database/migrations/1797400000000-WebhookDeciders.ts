import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks, second part (issue 14): an endpoint can speak for a decider (its organisation's role and
 * regions, as its tokens say them), so a worklist's waiting request reaches exactly those who may
 * take it; a delivery names its request (to show a case who was told) and records when the receiver
 * acknowledged it.
 */
export class WebhookDeciders1797400000000 implements MigrationInterface {
  name = 'WebhookDeciders1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_subscriptions" ADD "decider_role" "public"."role"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_subscriptions" ADD "decider_regions" character varying(8) array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD "request_id" uuid`);
    await queryRunner.query(`UPDATE "webhook_deliveries" SET "request_id" = ("notification"->>'requestId')::uuid`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ALTER COLUMN "request_id" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_request" ON "webhook_deliveries" ("request_id")`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP COLUMN "acknowledged_at"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_request"`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP COLUMN "request_id"`);
    await queryRunner.query(`ALTER TABLE "webhook_subscriptions" DROP COLUMN "decider_regions"`);
    await queryRunner.query(`ALTER TABLE "webhook_subscriptions" DROP COLUMN "decider_role"`);
  }
}
