import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How stays end, as codes (issue 14): the history step that ends a stay or a group member's part
 * of it (ENDED, LEFT) keeps its outcome and how many people left, in the clear, so the planners'
 * figures can count them (the typed reason stays sealed in the note).
 */
export class PlacementOutcomes1797500000000 implements MigrationInterface {
  name = 'PlacementOutcomes1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."placement_outcome" AS ENUM('RETURNED_HOME', 'OWN_HOUSING', 'HOUSING_WITH_B8_PERMIT', 'ONWARD_SHELTER', 'OTHER_SHELTER_KIND', 'LEFT_WITHOUT_NOTICE', 'DECEASED', 'OTHER')`,
    );
    await queryRunner.query(`ALTER TABLE "placement_events" ADD "outcome" "public"."placement_outcome"`);
    await queryRunner.query(`ALTER TABLE "placement_events" ADD "people" smallint`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_events" DROP COLUMN "people"`);
    await queryRunner.query(`ALTER TABLE "placement_events" DROP COLUMN "outcome"`);
    await queryRunner.query(`DROP TYPE "public"."placement_outcome"`);
  }
}
