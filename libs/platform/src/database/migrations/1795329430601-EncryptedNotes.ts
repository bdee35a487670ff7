import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EncryptedNotes1795329430601 implements MigrationInterface {
  name = 'EncryptedNotes1795329430601';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Notes are sealed by the application from now on (NoteCipher) and a sealed note is longer.
    // Notes written before this migration were plain text, so they are cleared rather than left
    // readable (only development data existed: nothing had been released).
    await queryRunner.query(`ALTER TABLE "placement_events" ALTER COLUMN "note" TYPE text`);
    await queryRunner.query(`UPDATE "placement_events" SET "note" = NULL WHERE "note" IS NOT NULL AND "note" NOT LIKE 'v1.%'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "placement_events" SET "note" = NULL`);
    await queryRunner.query(`ALTER TABLE "placement_events" ALTER COLUMN "note" TYPE character varying(500)`);
  }
}
