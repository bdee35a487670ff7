import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shelters' response figures (issue 18): each offered hold keeps how its facility answered
 * (accepted, declined with a reason code, lapsed) and when, in the clear, so the figures can count
 * and time the answers; the typed reason stays sealed in the history. Holds accepted before this
 * count as answered when they were accepted; earlier declines and lapses were not kept per facility
 * and count as withdrawn (not held against anyone).
 */
export class OfferAnswers1798510000000 implements MigrationInterface {
  name = 'OfferAnswers1798510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."offer_answer" AS ENUM('ACCEPTED', 'DECLINED', 'LAPSED')`);
    await queryRunner.query(
      `CREATE TYPE "public"."decline_reason" AS ENUM('NO_PLACE_FREE', 'OUTSIDE_TARGET_GROUP', 'CONTRA_INDICATION', 'SAFETY', 'OTHER', 'NOT_CODED')`,
    );
    await queryRunner.query(`ALTER TABLE "placement_holds" ADD "answer" "public"."offer_answer"`);
    await queryRunner.query(`ALTER TABLE "placement_holds" ADD "answered_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "placement_holds" ADD "decline_reason" "public"."decline_reason"`);
    await queryRunner.query(
      `UPDATE "placement_holds" SET "answer" = 'ACCEPTED', "answered_at" = "accepted_at" WHERE "accepted_at" IS NOT NULL`,
    );
    // The figures and the ranking weight read the holds of a period, never one request's.
    await queryRunner.query(`CREATE INDEX "placement_holds_created_idx" ON "placement_holds" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."placement_holds_created_idx"`);
    await queryRunner.query(`ALTER TABLE "placement_holds" DROP COLUMN "decline_reason"`);
    await queryRunner.query(`ALTER TABLE "placement_holds" DROP COLUMN "answered_at"`);
    await queryRunner.query(`ALTER TABLE "placement_holds" DROP COLUMN "answer"`);
    await queryRunner.query(`DROP TYPE "public"."decline_reason"`);
    await queryRunner.query(`DROP TYPE "public"."offer_answer"`);
  }
}
