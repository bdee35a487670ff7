import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The FIGURES_STALE webhook (issue 14): a delivery may be about a facility rather than a request,
 * and each stale period of a facility's figures is announced once (stale_figure_notices).
 */
export class FiguresStale1797820000000 implements MigrationInterface {
  name = 'FiguresStale1797820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."webhook_event_type" ADD VALUE IF NOT EXISTS 'FIGURES_STALE'`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ALTER COLUMN "request_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "stale_figure_notices" ("facility_id" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "notified_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_stale_figure_notices" PRIMARY KEY ("facility_id", "confirmed_at"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "stale_figure_notices"`);
    await queryRunner.query(`DELETE FROM "webhook_deliveries" WHERE "request_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ALTER COLUMN "request_id" SET NOT NULL`);
    // An enum value cannot be dropped in place; FIGURES_STALE stays in the type, unused.
  }
}
