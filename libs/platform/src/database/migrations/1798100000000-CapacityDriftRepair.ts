import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The drift check (issue 15) records its repairs of `held` in the capacity history as their own kind. */
export class CapacityDriftRepair1798100000000 implements MigrationInterface {
  name = 'CapacityDriftRepair1798100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."capacity_change_kind" ADD VALUE IF NOT EXISTS 'DRIFT_REPAIR'`);
  }

  public async down(): Promise<void> {
    // An enum value cannot be dropped in place; DRIFT_REPAIR stays in the type, unused.
  }
}
