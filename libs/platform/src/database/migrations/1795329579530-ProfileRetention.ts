import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProfileRetention1795329579530 implements MigrationInterface {
  name = 'ProfileRetention1795329579530';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "facts" jsonb`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "profile_erased_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "profile_erased_at"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "facts"`);
  }
}
