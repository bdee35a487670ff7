import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A group's members, each with a profile, and the parts of one group request (003:484, domain.md §5a). */
export class GroupMembers1795800000000 implements MigrationInterface {
  name = 'GroupMembers1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "group_id" uuid`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "members" jsonb`);
    await queryRunner.query(`CREATE INDEX "placement_requests_group_idx" ON "placement_requests" ("group_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."placement_requests_group_idx"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "members"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "group_id"`);
  }
}
