import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { FieldCipher } from '../../crypto/field-cipher';
import { notesKeyRing } from '../../crypto/keys';
import { CLIENT_REFERENCE_LOOKUP, sealContext } from '../../crypto/request-seal-context';

const BATCH = 500;

type Row = { id: string; org: string; reference: string };

/**
 * A request's clientReference (the caller's idempotency key: free text of the caller's system,
 * which may carry a name or another system's case number) is no longer stored in clear (issue 12).
 * The application keeps it sealed in `client_reference`, bound to its row and column like the
 * profile, and finds a retry by `client_reference_lookup`: an HMAC of organisation and reference
 * under a key derived from NOTES_KEY (request-sealing.ts). The unique index that makes a
 * submission idempotent moves from the reference to its lookup value.
 *
 * The references already stored are sealed and given their lookup here, in the same transaction
 * that changes the column, with the key read as the application reads it, and only when there is
 * a reference to seal (a new database migrates without a key). As after EncryptedProfiles, old row
 * versions stay on disk until PostgreSQL reuses the space: VACUUM FULL placement_requests (README).
 */
export class SealedClientReference1796600000000 implements MigrationInterface {
  name = 'SealedClientReference1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."placement_requests_client_reference_uq"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ADD "client_reference_lookup" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ALTER COLUMN "client_reference" TYPE text`);
    let cipher: FieldCipher | undefined;
    await eachBatch(queryRunner, `client_reference_lookup IS NULL`, async (rows) => {
      cipher ??= new FieldCipher(notesKeyRing(loadConfig(process.env)));
      await write(
        queryRunner,
        rows.map((row) => ({
          id: row.id,
          // As sealRequestColumns seals and looks it up: JSON text, bound to row and column.
          reference: cipher!.sealJson(row.reference, sealContext('client_reference', row.id)),
          lookup: cipher!.lookup(CLIENT_REFERENCE_LOOKUP, [row.org, row.reference]),
        })),
      );
    });
    await queryRunner.query(
      `CREATE UNIQUE INDEX "placement_requests_client_reference_uq" ON "placement_requests" ("requested_by_org", "client_reference_lookup") WHERE "client_reference_lookup" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."placement_requests_client_reference_uq"`);
    let cipher: FieldCipher | undefined;
    await eachBatch(queryRunner, `client_reference_lookup IS NOT NULL`, async (rows) => {
      cipher ??= new FieldCipher(notesKeyRing(loadConfig(process.env)));
      await write(
        queryRunner,
        rows.map((row) => ({
          id: row.id,
          reference: cipher!.openJson<string>(row.reference, sealContext('client_reference', row.id)),
          lookup: null,
        })),
      );
    });
    await queryRunner.query(`ALTER TABLE "placement_requests" DROP COLUMN "client_reference_lookup"`);
    await queryRunner.query(`ALTER TABLE "placement_requests" ALTER COLUMN "client_reference" TYPE character varying(120)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "placement_requests_client_reference_uq" ON "placement_requests" ("requested_by_org", "client_reference") WHERE "client_reference" IS NOT NULL`,
    );
  }
}

/** Every row with a reference and `condition`, a batch at a time in id order. */
async function eachBatch(queryRunner: QueryRunner, condition: string, work: (rows: Row[]) => Promise<void>): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Row[] = await queryRunner.query(
      `SELECT id, requested_by_org AS org, client_reference AS reference FROM "placement_requests"
        WHERE id > $1 AND client_reference IS NOT NULL AND ${condition}
        ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    await work(rows);
    after = rows[rows.length - 1].id;
  }
}

async function write(queryRunner: QueryRunner, rows: { id: string; reference: string; lookup: string | null }[]): Promise<void> {
  await queryRunner.query(
    `UPDATE "placement_requests" r SET client_reference = v.reference, client_reference_lookup = v.lookup
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, reference, lookup)
      WHERE r.id = v.id`,
    [rows.map((row) => row.id), rows.map((row) => row.reference), rows.map((row) => row.lookup)],
  );
}
