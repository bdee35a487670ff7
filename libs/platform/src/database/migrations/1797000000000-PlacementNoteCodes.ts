import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A history note as a code with parameters beside its English sentence (placement-note.ts), so a
 * console can say it in its own language. `note_code` is a workflow fact like the status and is
 * kept in the clear; `note_params` holds what a person typed (a decline or cancellation reason)
 * and is sealed with the notes key like `note`. Rows written before stay without a code.
 *
 * No grant is needed: the application role holds its privileges on placement_events for the whole
 * table (1796200000000-ApplicationRole), which covers columns added later; only audit_log has
 * per-column grants.
 */
export class PlacementNoteCodes1797000000000 implements MigrationInterface {
  name = 'PlacementNoteCodes1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_events" ADD "note_code" character varying(40)`);
    await queryRunner.query(`ALTER TABLE "placement_events" ADD "note_params" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_events" DROP COLUMN "note_params"`);
    await queryRunner.query(`ALTER TABLE "placement_events" DROP COLUMN "note_code"`);
  }
}
