import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request submitted without clientReference keeps a keyed lookup of its caller and payload
 * (`implicit_retry_key`, an HMAC like client_reference_lookup): the same submission by the same caller
 * within IMPLICIT_RETRY_SECONDS is a retry of it, not a second request (issue 15).
 */
export class ImplicitRetryKey1798000000000 implements MigrationInterface {
  name = 'ImplicitRetryKey1798000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "implicit_retry_key" character varying(64)`);
    await queryRunner.query(
      `CREATE INDEX "placement_requests_implicit_retry_idx" ON "placement_requests" ("requested_by_org", "implicit_retry_key", "created_at") WHERE "implicit_retry_key" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."placement_requests_implicit_retry_idx"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "implicit_retry_key"`);
  }
}
