import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The kind a request on a worklist asks its authority to place in (CoMensha's worklist filters COSM from OMM). */
export class WorklistKind1795900000000 implements MigrationInterface {
  name = 'WorklistKind1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "waiting_for_kind" "public"."shelter_type"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "waiting_for_kind"`);
  }
}
