import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each facility's share of a group is accepted by its own staff (domain.md §5a, 003:484). */
export class GroupShares1795700000000 implements MigrationInterface {
  name = 'GroupShares1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_holds" ADD "accepted_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_holds" DROP COLUMN "accepted_at"`);
  }
}
