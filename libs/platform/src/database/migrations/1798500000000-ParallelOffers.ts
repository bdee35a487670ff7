import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parallel offers (issue 18): an ACUTE request may hold a place at several facilities at once, the
 * first acceptance wins. `placement_holds.parallel` marks the holds of such an offer (so they are
 * never read as the shares of a split group); `taken_elsewhere_at` says when another facility's
 * acceptance released this one (its staff see that, and when). `placement_requests.parallel_offers`
 * is the requester's choice: null = the urgency's default, true = offer in parallel, false = one at a time.
 */
export class ParallelOffers1798500000000 implements MigrationInterface {
  name = 'ParallelOffers1798500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_holds" ADD "parallel" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "placement_holds" ADD "taken_elsewhere_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "parallel_offers" boolean`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "parallel_offers"`);
    await queryRunner.query(`ALTER TABLE "placement_holds" DROP COLUMN "taken_elsewhere_at"`);
    await queryRunner.query(`ALTER TABLE "placement_holds" DROP COLUMN "parallel"`);
  }
}
