import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transfers (issue 14): a transfer is an onward request linked to the stay she leaves through
 * `bridge_request_id` (the chain of one-place.ts); `transfer_reason` says it is a transfer and why.
 * A workflow fact, counted by the planners' figures, so in the clear (the typed note is sealed).
 */
export class Transfers1797600000000 implements MigrationInterface {
  name = 'Transfers1797600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."transfer_reason" AS ENUM('SAFETY', 'MOVE_ON', 'PROFILE_CHANGED', 'CARE_NEEDS', 'OTHER')`,
    );
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "transfer_reason" "public"."transfer_reason"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "transfer_reason"`);
    await queryRunner.query(`DROP TYPE "public"."transfer_reason"`);
  }
}
