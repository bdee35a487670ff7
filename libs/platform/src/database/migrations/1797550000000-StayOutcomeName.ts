import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outcome codes take the contract's names (api-contract.md, additions of 2026-12-04):
 * `StayOutcome`, with `HOUSING_WITH_PERMIT`. Renamed in place, so recorded outcomes keep their meaning.
 */
export class StayOutcomeName1797550000000 implements MigrationInterface {
  name = 'StayOutcomeName1797550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."placement_outcome" RENAME VALUE 'HOUSING_WITH_B8_PERMIT' TO 'HOUSING_WITH_PERMIT'`,
    );
    await queryRunner.query(`ALTER TYPE "public"."placement_outcome" RENAME TO "stay_outcome"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."stay_outcome" RENAME TO "placement_outcome"`);
    await queryRunner.query(
      `ALTER TYPE "public"."placement_outcome" RENAME VALUE 'HOUSING_WITH_PERMIT' TO 'HOUSING_WITH_B8_PERMIT'`,
    );
  }
}
