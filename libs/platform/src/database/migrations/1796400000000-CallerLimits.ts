import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where API processes share per-caller limits when there is no Redis (the zero-config start runs
 * on PostgreSQL alone):
 * - `rate_limit`: rate-limiter-flexible's RateLimiterPostgres table, in the layout that library
 *   creates itself (created here so the app needs no CREATE privilege at run time);
 * - `caller_lease`: one row per open WebSocket or subscription of a caller, with an expiry the
 *   owning process keeps pushing forward, so a crashed process's sockets stop counting by themselves.
 * Both are UNLOGGED: their rows live for minutes, a crash may lose them (a lost count only
 * forgives a minute's requests), and they should not cost WAL on every request.
 */
export class CallerLimits1796400000000 implements MigrationInterface {
  name = 'CallerLimits1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit" ("key" character varying(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
    await queryRunner.query(`CREATE INDEX "rate_limit_expire" ON "rate_limit" ("expire")`);
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "caller_lease" ("id" character varying(200) PRIMARY KEY, "scope" character varying(300) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "caller_lease_scope" ON "caller_lease" ("scope", "expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "caller_lease"`);
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
