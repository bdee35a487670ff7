import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1795326750474 implements MigrationInterface {
  name = 'AuditLog1795326750474';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_sub" character varying(200) NOT NULL, "actor_role" character varying(40) NOT NULL, "actor_org" character varying(200) NOT NULL, "action" character varying(60) NOT NULL, "request_id" uuid, "facility_id" uuid, "detail" character varying(500), "seq" bigint, "prev_hash" character(64), "hash" character(64), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_log_seq_uq" ON "audit_log"  ("seq") `);
    await queryRunner.query(`CREATE INDEX "audit_log_request_idx" ON "audit_log"  ("request_id") `);
    await queryRunner.query(`CREATE INDEX "audit_log_at_idx" ON "audit_log"  ("at") `);
    // Written by hand (TypeORM does not generate triggers): the audit log is append-only. A row may
    // be changed once, only to seal it (seq, prev_hash, hash from NULL); never deleted or truncated.
    await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.at, NEW.actor_sub, NEW.actor_role, NEW.actor_org, NEW.action, NEW.request_id, NEW.facility_id, NEW.detail)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_sub, OLD.actor_role, OLD.actor_org, OLD.action, OLD.request_id, OLD.facility_id, OLD.detail)
        THEN RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_request_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_seq_uq"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
