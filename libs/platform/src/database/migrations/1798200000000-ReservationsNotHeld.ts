import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A planned action's reserved place that could not be held at the window's start (taken before the
 * window, or by another action that converted first) is counted apart from the converted ones, so
 * the action's view says what was really held (red team F8).
 */
export class ReservationsNotHeld1798200000000 implements MigrationInterface {
  name = 'ReservationsNotHeld1798200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "action_reservations" ADD COLUMN "not_held" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `ALTER TABLE "action_reservations" ADD CONSTRAINT "action_reservations_settled_le_places" CHECK ("converted" + "not_held" <= "places")`,
    );
    await queryRunner.query(
      `CREATE INDEX "planned_actions_org_idx" ON "planned_actions" ("planned_by_org", "status", "starts_at", "ends_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "planned_actions_org_idx"`);
    await queryRunner.query(`ALTER TABLE "action_reservations" DROP CONSTRAINT "action_reservations_settled_le_places"`);
    await queryRunner.query(`ALTER TABLE "action_reservations" DROP COLUMN "not_held"`);
  }
}
