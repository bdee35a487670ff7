import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A facility's intake line, for "call to verify" and for the requester once the shelter accepted:
 * stored in E.164 (the register loader normalises what people write), and the check refuses any
 * other form, so every reader can put it in a `tel:` link as it is. Nullable: a register may not
 * know the number of every location. The application role needs no grant of its own: it has its
 * rights on the whole table (ApplicationRole), which cover a new column.
 */
export class FacilityIntakePhone1797100000000 implements MigrationInterface {
  name = 'FacilityIntakePhone1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "facilities" ADD "intake_phone" character varying(16)`);
    await queryRunner.query(
      `ALTER TABLE "facilities" ADD CONSTRAINT "facilities_intake_phone_e164" CHECK ("intake_phone" ~ '^\\+31[1-9][0-9]{6,9}$')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "facilities" DROP CONSTRAINT "facilities_intake_phone_e164"`);
    await queryRunner.query(`ALTER TABLE "facilities" DROP COLUMN "intake_phone"`);
  }
}
