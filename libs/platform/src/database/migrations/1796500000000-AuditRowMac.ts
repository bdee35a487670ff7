import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { auditRowKey, signAuditRow } from '../../crypto/audit-row-mac';
import { auditKey } from '../../crypto/keys';

/** The append-only trigger as AuditKeyedChain left it (for `down`). */
const APPEND_ONLY_BEFORE = `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.at, NEW.recorded_at, NEW.actor_sub, NEW.actor_role, NEW.actor_org, NEW.action, NEW.request_id, NEW.facility_id, NEW.detail)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.recorded_at, OLD.actor_sub, OLD.actor_role, OLD.actor_org, OLD.action, OLD.request_id, OLD.facility_id, OLD.detail)
        THEN RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END $$`;

/**
 * Issue 12: audit rows are authenticated by the application when it writes them. `row_mac`
 * holds its HMAC over the facts under a key derived from AUDIT_KEY (libs/platform crypto/audit-row-mac.ts);
 * the database never sees the key, so a row inserted with the application's login alone carries
 * no valid MAC, and the sealer marks it. UNIQUE, so a valid MAC cannot be copied into a second row.
 *
 * - The application role may INSERT `row_mac` (column grants are explicit: the default privileges
 *   of ApplicationRole cover new tables, not new columns of audit_log), never UPDATE it.
 * - The append-only trigger now also keeps `row_mac` unchanged when sealing, and a seal must set
 *   all four seal columns with a chain position within the ids issued so far: the login cannot
 *   give a row a hash without a position (the sealer would skip it for ever) nor a position near
 *   the end of bigint (the sealer would count past it and stop).
 * - Rows already sealed keep their algorithm (`sha256`, `hmac-sha256`): legacy, `audit:verify`
 *   counts them apart. Rows written but not yet sealed when this runs (the last few seconds
 *   before the upgrade) are given their MAC here, with the key read as the application reads it
 *   (AUDIT_KEY, else the development key in DATA_DIR), and only when there are any: a new
 *   database needs no key to migrate. They are vouched for on the strength of being there at
 *   upgrade time, like every legacy row.
 */
export class AuditRowMac1796500000000 implements MigrationInterface {
  name = 'AuditRowMac1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "row_mac" character varying(100)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_log_row_mac_uq" ON "audit_log" ("row_mac") `);
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'opvangplek_app') THEN
        GRANT INSERT (row_mac) ON audit_log TO opvangplek_app;
      END IF;
    END $$`);

    const pending: {
      id: string;
      at: Date;
      actorSub: string;
      actorRole: string;
      actorOrg: string;
      action: string;
      requestId: string | null;
      facilityId: string | null;
      detail: string | null;
    }[] = await queryRunner.query(
      `SELECT id, at, actor_sub AS "actorSub", actor_role AS "actorRole", actor_org AS "actorOrg", action,
         request_id AS "requestId", facility_id AS "facilityId", detail FROM audit_log WHERE hash IS NULL ORDER BY id`,
    );
    if (pending.length > 0) {
      const rowKey = auditRowKey(auditKey(loadConfig(process.env)));
      // The append-only trigger refuses this update; set aside for these statements (migrations run as the owner).
      await queryRunner.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await queryRunner.query(
        `UPDATE audit_log a SET row_mac = s.mac FROM unnest($1::bigint[], $2::text[]) AS s(id, mac) WHERE a.id = s.id`,
        [pending.map((row) => row.id), pending.map((row) => signAuditRow(rowKey, row))],
      );
      await queryRunner.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    }

    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.alg IS NOT NULL
           AND NEW.seq BETWEEN 1 AND (SELECT last_value FROM audit_log_id_seq)
           AND (NEW.id, NEW.at, NEW.recorded_at, NEW.actor_sub, NEW.actor_role, NEW.actor_org, NEW.action, NEW.request_id, NEW.facility_id, NEW.detail, NEW.row_mac)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.recorded_at, OLD.actor_sub, OLD.actor_role, OLD.actor_org, OLD.action, OLD.request_id, OLD.facility_id, OLD.detail, OLD.row_mac)
        THEN RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(APPEND_ONLY_BEFORE);
    await queryRunner.query(`DROP INDEX "audit_log_row_mac_uq"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "row_mac"`);
  }
}
