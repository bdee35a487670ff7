import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attempt whose offer a noodbed call's answer named: the police were told to drive there, so that
 * offer is a place to go until it is withdrawn (a new offer after a decline was told nobody).
 */
export class ToldAttempt1798720000000 implements MigrationInterface {
  name = 'ToldAttempt1798720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "told_attempt" integer`);
    // A noodbed call offered at its first attempt was told that offer in its answer; one offered at a
    // later attempt (after a decline or a lapse) was told nobody.
    await queryRunner.query(
      `UPDATE "placement_requests" SET "told_attempt" = "attempt"
        WHERE "status" = 'OFFERED' AND "attempt" = 0 AND 'NOODBED' = ANY("types")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "told_attempt"`);
  }
}
