import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InsightFigures1795332170943 implements MigrationInterface {
  name = 'InsightFigures1795332170943';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_events" ADD "waiting_reason" "public"."waiting_reason"`);
    await queryRunner.query(`CREATE INDEX "placement_requests_placed_idx" ON "placement_requests"  ("placed_at") `);
    await queryRunner.query(`CREATE INDEX "placement_requests_created_idx" ON "placement_requests"  ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."placement_requests_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_requests_placed_idx"`);
    await queryRunner.query(`ALTER TABLE "placement_events" DROP COLUMN "waiting_reason"`);
  }
}
