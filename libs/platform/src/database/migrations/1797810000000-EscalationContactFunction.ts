import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An escalation contact says whom it reaches (issue 14): the OvD bevolkingszorg (003:497), the
 * Regionale Tafel / chain director (002:362-364), or another. Existing contacts become OTHER.
 */
export class EscalationContactFunction1797810000000 implements MigrationInterface {
  name = 'EscalationContactFunction1797810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."escalation_function" AS ENUM('OVD_BEVOLKINGSZORG', 'REGIONALE_TAFEL', 'OTHER')`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_subscriptions" ADD "contact_function" "public"."escalation_function"`);
    await queryRunner.query(`UPDATE "webhook_subscriptions" SET "contact_function" = 'OTHER' WHERE "escalation_regions" <> '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_subscriptions" DROP COLUMN "contact_function"`);
    await queryRunner.query(`DROP TYPE "public"."escalation_function"`);
  }
}
