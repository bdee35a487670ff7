import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The last completed sweep, for operators' alerts (issue 15: "no log line or metric per sweep"). */
export class SweepRuns1798700000000 implements MigrationInterface {
  name = 'SweepRuns1798700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sweep_runs" (
         "name" character varying(40) NOT NULL,
         "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "duration_ms" integer NOT NULL,
         "report" jsonb NOT NULL,
         CONSTRAINT "sweep_runs_pkey" PRIMARY KEY ("name")
       )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sweep_runs"`);
  }
}
