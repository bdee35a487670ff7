import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A registration with CoMensha belongs to the person, not to one request of her chain (red team
 * F5): `person_request_id` is the first request of the chain (noodbed → onward, stay → transfer),
 * and one registration per member of it is the unique key, so her stay and her transfer cannot
 * both be registered, even by two coordinators at once.
 */
export class RegistrationPerPerson1798300000000 implements MigrationInterface {
  name = 'RegistrationPerPerson1798300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "victim_registrations" ADD "person_request_id" uuid`);
    // Existing rows: the root of their request's chain, except where that would make a second
    // registration of one person (those stay on their own request, for CoMensha to sort out).
    await queryRunner.query(`
      WITH RECURSIVE chain(start, id, bridge, depth) AS (
        SELECT p.id, p.id, p.bridge_request_id, 0 FROM placement_requests p
         WHERE p.id IN (SELECT placement_request_id FROM victim_registrations WHERE placement_request_id IS NOT NULL)
        UNION ALL
        SELECT c.start, r.id, r.bridge_request_id, c.depth + 1 FROM placement_requests r JOIN chain c ON r.id = c.bridge WHERE c.depth < 100
      ),
      roots AS (SELECT DISTINCT ON (start) start, id AS root FROM chain ORDER BY start, depth DESC),
      ranked AS (
        SELECT v.id, COALESCE(roots.root, v.placement_request_id) AS root,
               row_number() OVER (PARTITION BY COALESCE(roots.root, v.placement_request_id), v.member ORDER BY v.registered_at, v.id) AS n
          FROM victim_registrations v LEFT JOIN roots ON roots.start = v.placement_request_id
         WHERE v.placement_request_id IS NOT NULL
      )
      UPDATE victim_registrations v
         SET person_request_id = CASE WHEN ranked.n = 1 THEN ranked.root ELSE v.placement_request_id END
        FROM ranked WHERE ranked.id = v.id`);
    await queryRunner.query(`DROP INDEX "victim_registrations_request_member"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "victim_registrations_person_member" ON "victim_registrations" ("person_request_id", "member") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "victim_registrations_person_member"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "victim_registrations_request_member" ON "victim_registrations" ("placement_request_id", "member") `,
    );
    await queryRunner.query(`ALTER TABLE "victim_registrations" DROP COLUMN "person_request_id"`);
  }
}
