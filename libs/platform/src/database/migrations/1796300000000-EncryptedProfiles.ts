import { anonymousFacts, type VictimProfile } from '@opvangplek/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { FieldCipher } from '../../crypto/field-cipher';
import { notesKeyRing } from '../../crypto/keys';
import { sealContext, type SealedColumn } from '../../crypto/request-seal-context';

const COLUMNS: SealedColumn[] = ['profile', 'members', 'facts', 'responsible_municipality'];
const BATCH = 500;

type Row = Record<SealedColumn, string | null> & { id: string };

/**
 * Victims' profiles, their group's members, their anonymous facts and the responsible
 * municipality are sealed by the application from now on (FieldCipher, request-sealing.ts).
 *
 * Unlike the notes (EncryptedNotes, which cleared what was there), the rows already here are live
 * requests that need their profile, so they are sealed here, in the same transaction that changes
 * the columns: no moment where a column is text and still holds a profile in clear. Only a process
 * holding the key can do that, so the key is read as the application reads it (NOTES_KEY, else
 * the development key in DATA_DIR), and only when there is something to seal: a new database needs
 * no key to migrate. Facts are written for every request that has a profile, so the planners'
 * figures read facts alone. Old row versions stay on disk until PostgreSQL reuses the space:
 * VACUUM FULL placement_requests after this runs (README).
 */
export class EncryptedProfiles1796300000000 implements MigrationInterface {
  name = 'EncryptedProfiles1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "placement_requests" ALTER COLUMN "${column}" TYPE text USING "${column}"::text`);
    }
    // jsonb::text of a string is the JSON string, as the application seals a municipality (JSON).
    await queryRunner.query(
      `UPDATE "placement_requests" SET "responsible_municipality" = to_jsonb("responsible_municipality")::text
        WHERE "responsible_municipality" IS NOT NULL`,
    );
    let cipher: FieldCipher | undefined;
    await eachBatch(queryRunner, async (rows) => {
      cipher ??= new FieldCipher(notesKeyRing(loadConfig(process.env)));
      const sealed = rows.map((row) => {
        const profile = row.profile === null ? null : (JSON.parse(row.profile) as VictimProfile);
        const facts = profile ? JSON.stringify(anonymousFacts(profile)) : row.facts;
        const seal = (column: SealedColumn, text: string | null) =>
          text === null ? null : cipher!.seal(text, sealContext(column, row.id));
        return {
          id: row.id,
          profile: seal('profile', row.profile),
          members: seal('members', row.members),
          facts: seal('facts', facts),
          responsible_municipality: seal('responsible_municipality', row.responsible_municipality),
        };
      });
      await write(queryRunner, sealed);
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    let cipher: FieldCipher | undefined;
    await eachBatch(queryRunner, async (rows) => {
      cipher ??= new FieldCipher(notesKeyRing(loadConfig(process.env)));
      const open = (row: Row, column: SealedColumn) =>
        row[column] === null ? null : cipher!.open(row[column], sealContext(column, row.id));
      await write(
        queryRunner,
        rows.map((row) => ({
          id: row.id,
          profile: open(row, 'profile'),
          members: open(row, 'members'),
          facts: open(row, 'facts'),
          responsible_municipality: open(row, 'responsible_municipality'),
        })),
      );
    });
    await queryRunner.query(
      `ALTER TABLE "placement_requests" ALTER COLUMN "responsible_municipality" TYPE character varying(100)
         USING "responsible_municipality"::jsonb #>> '{}'`,
    );
    for (const column of ['profile', 'members', 'facts']) {
      await queryRunner.query(`ALTER TABLE "placement_requests" ALTER COLUMN "${column}" TYPE jsonb USING "${column}"::jsonb`);
    }
  }
}

/** Every row with something to seal or open, a batch at a time in id order. */
async function eachBatch(queryRunner: QueryRunner, work: (rows: Row[]) => Promise<void>): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Row[] = await queryRunner.query(
      `SELECT id, profile, members, facts, responsible_municipality FROM "placement_requests"
        WHERE id > $1 AND (profile IS NOT NULL OR members IS NOT NULL OR facts IS NOT NULL OR responsible_municipality IS NOT NULL)
        ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    await work(rows);
    after = rows[rows.length - 1].id;
  }
}

async function write(queryRunner: QueryRunner, rows: Row[]): Promise<void> {
  await queryRunner.query(
    `UPDATE "placement_requests" r
        SET profile = v.profile, members = v.members, facts = v.facts, responsible_municipality = v.responsible_municipality
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, profile, members, facts, responsible_municipality)
      WHERE r.id = v.id`,
    [
      rows.map((row) => row.id),
      rows.map((row) => row.profile),
      rows.map((row) => row.members),
      rows.map((row) => row.facts),
      rows.map((row) => row.responsible_municipality),
    ],
  );
}
