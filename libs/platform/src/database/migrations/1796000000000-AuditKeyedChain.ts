import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain becomes keyed (HMAC with AUDIT_KEY, outside the database): each row records how
 * it was sealed (`alg`; rows sealed before this are the unkeyed `sha256`), and the database sets
 * each row's `recorded_at`, whatever the INSERT says, so a backdated row is visible.
 */
export class AuditKeyedChain1796000000000 implements MigrationInterface {
  name = 'AuditKeyedChain1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Added without a default first, so rows from before stay NULL (their time was never recorded).
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "recorded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "recorded_at" SET DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "alg" character varying(20)`);
    // Rows already sealed were sealed the old way. The append-only trigger refuses the update, so
    // it is set aside for this one statement (migrations run as the owner).
    await queryRunner.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await queryRunner.query(`UPDATE audit_log SET alg = 'sha256' WHERE hash IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    await queryRunner.query(`CREATE FUNCTION audit_log_recorded_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.recorded_at := date_trunc('milliseconds', now());
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_recorded_at BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_recorded_at()`,
    );
    // Sealing may set seq, prev_hash, hash and alg, never the facts (now including recorded_at).
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.at, NEW.recorded_at, NEW.actor_sub, NEW.actor_role, NEW.actor_org, NEW.action, NEW.request_id, NEW.facility_id, NEW.detail)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.recorded_at, OLD.actor_sub, OLD.actor_role, OLD.actor_org, OLD.action, OLD.request_id, OLD.facility_id, OLD.detail)
        THEN RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.at, NEW.actor_sub, NEW.actor_role, NEW.actor_org, NEW.action, NEW.request_id, NEW.facility_id, NEW.detail)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_sub, OLD.actor_role, OLD.actor_org, OLD.action, OLD.request_id, OLD.facility_id, OLD.detail)
        THEN RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END $$`);
    await queryRunner.query(`DROP TRIGGER audit_log_recorded_at ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_recorded_at()`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "alg"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "recorded_at"`);
  }
}
