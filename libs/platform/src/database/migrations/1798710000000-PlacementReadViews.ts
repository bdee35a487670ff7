import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models placement publishes for capacity (issue 17, one owner per table): capacity's
 * hold guard and its capacity ahead need a few facts of the placement workflow, but capacity may
 * not import placement (placement depends on capacity). Placement, which alone writes these
 * tables, publishes the columns capacity needs as views; test/platform/table-owners.ts names
 * placement their owner. Each is a plain SELECT with a WHERE, which PostgreSQL inlines into the
 * reading statement, so the plans and indexes are those of the tables themselves. The application
 * role may only read them (a simple view would otherwise take writes through to its table).
 */
export class PlacementReadViews1798710000000 implements MigrationInterface {
  name = 'PlacementReadViews1798710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A planned action's places not yet held at its start, nor found not holdable there (issue 14).
    await queryRunner.query(
      `CREATE VIEW "reserved_places_v" AS
         SELECT facility_id, places - converted - not_held AS places, starts_at, ends_at
           FROM action_reservations
          WHERE state = 'RESERVED'`,
    );
    // The stays: places occupied, with the request's placement and planned end.
    await queryRunner.query(
      `CREATE VIEW "occupied_stays_v" AS
         SELECT h.facility_id, h.places, h.request_id AS stay_id, r.placed_at, r.stay_ends_at
           FROM placement_holds h
           JOIN placement_requests r ON r.id = h.request_id
          WHERE h.state = 'OCCUPIED'`,
    );
    // An onward or transfer place a stay's person has accepted (expires_at: her arrival deadline).
    await queryRunner.query(
      `CREATE VIEW "stay_departures_v" AS
         SELECT o.bridge_request_id AS stay_id, oh.expires_at
           FROM placement_requests o
           JOIN placement_holds oh ON oh.request_id = o.id AND oh.state = 'HELD' AND oh.accepted_at IS NOT NULL
          WHERE o.status = 'ACCEPTED' AND o.bridge_request_id IS NOT NULL`,
    );
    await queryRunner.query(`REVOKE ALL ON "reserved_places_v", "occupied_stays_v", "stay_departures_v" FROM opvangplek_app`);
    await queryRunner.query(`GRANT SELECT ON "reserved_places_v", "occupied_stays_v", "stay_departures_v" TO opvangplek_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "stay_departures_v"`);
    await queryRunner.query(`DROP VIEW "occupied_stays_v"`);
    await queryRunner.query(`DROP VIEW "reserved_places_v"`);
  }
}
