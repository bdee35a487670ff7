import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Freshness enforced (issue 18): staff are nudged when their figures turn AGING as well as STALE
 * (FIGURES_AGING). A figures notice is now one per confirmation and level, so a confirmation that
 * went aging and then stale is announced once at each.
 */
export class FiguresAging1798530000000 implements MigrationInterface {
  name = 'FiguresAging1798530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."webhook_event_type" ADD VALUE IF NOT EXISTS 'FIGURES_AGING'`);
    // Every notice so far was a stale one; from now on the job always says which.
    await queryRunner.query(`ALTER TABLE "stale_figure_notices" ADD "freshness" character varying(8) NOT NULL DEFAULT 'STALE'`);
    await queryRunner.query(`ALTER TABLE "stale_figure_notices" ALTER COLUMN "freshness" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "stale_figure_notices" ADD CONSTRAINT "stale_figure_notices_freshness" CHECK ("freshness" IN ('AGING', 'STALE'))`,
    );
    await queryRunner.query(`ALTER TABLE "stale_figure_notices" DROP CONSTRAINT "PK_stale_figure_notices"`);
    await queryRunner.query(
      `ALTER TABLE "stale_figure_notices" ADD CONSTRAINT "PK_stale_figure_notices" PRIMARY KEY ("facility_id", "confirmed_at", "freshness")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "stale_figure_notices" WHERE "freshness" = 'AGING'`);
    await queryRunner.query(`ALTER TABLE "stale_figure_notices" DROP CONSTRAINT "PK_stale_figure_notices"`);
    await queryRunner.query(
      `ALTER TABLE "stale_figure_notices" ADD CONSTRAINT "PK_stale_figure_notices" PRIMARY KEY ("facility_id", "confirmed_at")`,
    );
    await queryRunner.query(`ALTER TABLE "stale_figure_notices" DROP COLUMN "freshness"`);
    await queryRunner.query(`DELETE FROM "webhook_deliveries" WHERE "notification"->>'type' = 'FIGURES_AGING'`);
    await queryRunner.query(
      `UPDATE "webhook_subscriptions" SET "events" = array_remove("events", 'FIGURES_AGING'::"public"."webhook_event_type")`,
    );
    // An enum value cannot be dropped in place; FIGURES_AGING stays in the type, unused.
  }
}
