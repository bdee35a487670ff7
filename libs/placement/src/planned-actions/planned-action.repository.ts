import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@opvangplek/access';
import {
  type ExpectedPeopleOutline,
  PlannedActionStatus,
  ReservationState,
  Role,
  type ShortfallReason,
  ActionPartner,
} from '@opvangplek/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** An outline as stored: the expected people and what planning found for them. */
export interface StoredOutline extends ExpectedPeopleOutline {
  shortfall: { count: number; reasons: ShortfallReason[] };
}

export interface PlannedActionRow {
  id: string;
  regionCode: string;
  onBehalfOf: ActionPartner;
  onBehalfOfOrg: string;
  plannedBy: string;
  plannedByRole: Role;
  plannedByOrg: string;
  plannedByRegions: string[];
  startsAt: Date;
  endsAt: Date;
  outlines: StoredOutline[];
  status: PlannedActionStatus;
  cancelledAt: Date | null;
  createdAt: Date;
  clientReference?: string | null;
}

export interface ReservationRow {
  id: string;
  actionId: string;
  outlineIndex: number;
  facilityId: string;
  places: number;
  /** Held by the action's requests at its start. */
  converted: number;
  /** Could not be held at its start: taken before the window, or by another action converting first. */
  notHeld: number;
  startsAt: Date;
  endsAt: Date;
  state: ReservationState;
}

const ACTION_COLUMNS = `id, region_code AS "regionCode", on_behalf_of AS "onBehalfOf", on_behalf_of_org AS "onBehalfOfOrg",
  planned_by AS "plannedBy", planned_by_role AS "plannedByRole", planned_by_org AS "plannedByOrg",
  planned_by_regions AS "plannedByRegions", starts_at AS "startsAt", ends_at AS "endsAt", outlines, status,
  cancelled_at AS "cancelledAt", created_at AS "createdAt"`;

const RESERVATION_COLUMNS = `id, action_id AS "actionId", outline_index AS "outlineIndex", facility_id AS "facilityId", places,
  converted, not_held AS "notHeld", starts_at AS "startsAt", ends_at AS "endsAt", state`;

/**
 * Which planned actions a caller may see (a planned raid is confidential, issue 14): only the
 * planning organisations. A zorgcoördinator sees those of their regions (it is arranged "via
 * zorgcoördinator", 003:493-496); anyone else, CoMensha included, those their organisation planned or
 * that are carried out on its behalf: a national organisation that takes no part in a region's raid
 * does not learn of it (red team, fifth pass M2). Planners and ADMIN none; shelter staff see only the
 * places reserved at their own facility (reservationsAt), never the action.
 */
function visibleTo(viewer: Viewer, bind: (value: unknown) => string): string {
  if (viewer.role === Role.PLANNER || viewer.role === Role.ADMIN || viewer.role === Role.SHELTER_STAFF) return 'false';
  const org = bind(viewer.org);
  const own = `(a.planned_by_org = ${org} OR a.on_behalf_of_org = ${org})`;
  if (viewer.role === Role.ZORGCOORDINATOR) return `(${own} OR a.region_code = ANY(${bind(viewer.regions)}::text[]))`;
  return own;
}

/** The one way into planned_actions, action_reservations and action_requests. */
@Injectable()
export class PlannedActionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Places `org` has reserved (not yet converted) for windows overlapping [startsAt, endsAt), read
   * under a per-organisation lock held until the caller's transaction ends, so two plans of the same
   * organisation cannot both pass its limit. Only the organisation's own actions count.
   */
  async lockReservedByOrganisation(
    manager: EntityManager,
    org: string,
    window: { startsAt: Date; endsAt: Date },
  ): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('planned-action-org:' || $1))`, [org]);
    const [row]: { reserved: number }[] = await manager.query(
      `SELECT COALESCE(SUM(r.places - r.converted - r.not_held), 0)::int AS reserved
         FROM action_reservations r JOIN planned_actions a ON a.id = r.action_id
        WHERE a.planned_by_org = $1 AND r.state = 'RESERVED' AND r.starts_at < $3 AND r.ends_at > $2`,
      [org, window.startsAt, window.endsAt],
    );
    return row.reserved;
  }

  /** The action `org` planned under `clientReference`, whoever asks (a retry of the planner's own call). */
  async findByReference(org: string, clientReference: string): Promise<PlannedActionRow | null> {
    const [row]: PlannedActionRow[] = await this.dataSource.query(
      `SELECT ${ACTION_COLUMNS} FROM planned_actions WHERE planned_by_org = $1 AND client_reference = $2`,
      [org, clientReference],
    );
    return row ?? null;
  }

  /** Inserts the action; null when `clientReference` is taken (a concurrent retry was first). */
  async insertAction(
    manager: EntityManager,
    action: Omit<PlannedActionRow, 'id' | 'status' | 'cancelledAt'>,
  ): Promise<PlannedActionRow | null> {
    const [row]: PlannedActionRow[] = await manager.query(
      `INSERT INTO planned_actions (region_code, on_behalf_of, on_behalf_of_org, planned_by, planned_by_role, planned_by_org,
         planned_by_regions, starts_at, ends_at, outlines, created_at, client_reference)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (planned_by_org, client_reference) WHERE client_reference IS NOT NULL DO NOTHING
       RETURNING ${ACTION_COLUMNS}`,
      [
        action.regionCode,
        action.onBehalfOf,
        action.onBehalfOfOrg,
        action.plannedBy,
        action.plannedByRole,
        action.plannedByOrg,
        action.plannedByRegions,
        action.startsAt,
        action.endsAt,
        JSON.stringify(action.outlines),
        action.createdAt,
        action.clientReference ?? null,
      ],
    );
    return row ?? null;
  }

  async insertReservations(
    manager: EntityManager,
    action: PlannedActionRow,
    reservations: { outlineIndex: number; facilityId: string; places: number }[],
  ): Promise<void> {
    for (const reservation of reservations) {
      await manager.query(
        `INSERT INTO action_reservations (action_id, outline_index, facility_id, places, starts_at, ends_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [action.id, reservation.outlineIndex, reservation.facilityId, reservation.places, action.startsAt, action.endsAt],
      );
    }
  }

  async find(viewer: Viewer, id: string): Promise<PlannedActionRow | null> {
    const parameters: unknown[] = [id];
    const bind = (value: unknown) => `$${parameters.push(value)}`;
    const [row]: PlannedActionRow[] = await this.dataSource.query(
      `SELECT ${ACTION_COLUMNS} FROM planned_actions a WHERE a.id = $1 AND ${visibleTo(viewer, bind)}`,
      parameters,
    );
    return row ?? null;
  }

  async list(viewer: Viewer, filter: { statuses: PlannedActionStatus[] | null }): Promise<PlannedActionRow[]> {
    const parameters: unknown[] = [];
    const bind = (value: unknown) => `$${parameters.push(value)}`;
    const statuses = filter.statuses?.length ? ` AND a.status = ANY(${bind(filter.statuses)}::planned_action_status[])` : '';
    return this.dataSource.query(
      `SELECT ${ACTION_COLUMNS} FROM planned_actions a WHERE ${visibleTo(viewer, bind)}${statuses} ORDER BY a.starts_at, a.id LIMIT 500`,
      parameters,
    );
  }

  /** The action, locked, whoever asks (the runner and a cancellation already decided who may). */
  async lockAction(manager: EntityManager, id: string): Promise<PlannedActionRow | null> {
    const [row]: PlannedActionRow[] = await manager.query(
      `SELECT ${ACTION_COLUMNS} FROM planned_actions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async setStatus(manager: EntityManager, id: string, status: PlannedActionStatus, at: Date): Promise<void> {
    await manager.query(
      `UPDATE planned_actions SET status = $2::planned_action_status, cancelled_at = CASE WHEN $4 THEN $3::timestamptz ELSE cancelled_at END WHERE id = $1`,
      [id, status, at, status === PlannedActionStatus.CANCELLED],
    );
  }

  /** Ids of actions whose window has started but that were not turned into requests yet. */
  async dueToStart(now: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM planned_actions WHERE status = 'PLANNED' AND starts_at <= $1 ORDER BY starts_at LIMIT 100`,
      [now],
    );
    return rows.map((row) => row.id);
  }

  /** Ids of actions whose window has ended and whose places are not yet given back. */
  async dueToEnd(now: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM planned_actions WHERE status IN ('PLANNED', 'STARTED') AND ends_at <= $1 ORDER BY ends_at LIMIT 100`,
      [now],
    );
    return rows.map((row) => row.id);
  }

  reservationsOf(actionIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ReservationRow[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT ${RESERVATION_COLUMNS} FROM action_reservations WHERE action_id = ANY($1::uuid[]) ORDER BY outline_index, places DESC, facility_id`,
      [actionIds],
    );
  }

  /** What a shelter's staff see: places reserved at their facilities, with the window, and nothing of the action. */
  reservationsAt(facilityIds: string[], from: Date): Promise<ReservationRow[]> {
    if (facilityIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ${RESERVATION_COLUMNS} FROM action_reservations
        WHERE facility_id = ANY($1::uuid[]) AND state = 'RESERVED' AND ends_at > $2 ORDER BY starts_at, facility_id`,
      [facilityIds, from],
    );
  }

  /**
   * Takes one reserved place of an outline for one of the action's people, before the hold itself
   * (the ledger's guard then no longer counts it as reserved); null when none is left. Counted as
   * converted only if the hold in the same transaction succeeds (otherwise it rolls back, and
   * markNotHeld says so).
   */
  async takeReservedPlace(manager: EntityManager, actionId: string, outlineIndex: number): Promise<ReservationRow | null> {
    const [row]: ReservationRow[] = await manager.query(
      `WITH chosen AS (
         SELECT id FROM action_reservations
          WHERE action_id = $1 AND outline_index = $2 AND state = 'RESERVED' AND converted + not_held < places
          ORDER BY places - converted - not_held DESC, facility_id LIMIT 1 FOR UPDATE
       ), taken AS (
         UPDATE action_reservations r
            SET converted = converted + 1,
                state = CASE WHEN converted + not_held + 1 = places THEN 'CONVERTED'::action_reservation_state ELSE state END
           FROM chosen WHERE r.id = chosen.id
         RETURNING r.*
       )
       SELECT ${RESERVATION_COLUMNS} FROM taken`,
      [actionId, outlineIndex],
    );
    return row ?? null;
  }

  /** One place of a reservation could not be held at the start: it is no longer reserved, and not converted either. */
  async markNotHeld(manager: EntityManager, reservationId: string): Promise<void> {
    await manager.query(
      `UPDATE action_reservations
          SET not_held = not_held + 1,
              state = CASE WHEN converted + not_held + 1 = places THEN 'CONVERTED'::action_reservation_state ELSE state END
        WHERE id = $1 AND state = 'RESERVED' AND converted + not_held < places`,
      [reservationId],
    );
  }

  /** Gives back every place still reserved for the action. */
  async releaseReservations(manager: EntityManager, actionId: string): Promise<number> {
    // As a SELECT over the update: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    const rows: unknown[] = await manager.query(
      `WITH released AS (UPDATE action_reservations SET state = 'RELEASED' WHERE action_id = $1 AND state = 'RESERVED' RETURNING id)
       SELECT id FROM released`,
      [actionId],
    );
    return rows.length;
  }

  async linkRequest(actionId: string, outlineIndex: number, personIndex: number, requestId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO action_requests (action_id, outline_index, person_index, request_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [actionId, outlineIndex, personIndex, requestId],
    );
  }

  async requestsOf(actionId: string): Promise<{ outlineIndex: number; personIndex: number; requestId: string }[]> {
    return this.dataSource.query(
      `SELECT outline_index AS "outlineIndex", person_index AS "personIndex", request_id AS "requestId"
         FROM action_requests WHERE action_id = $1 ORDER BY outline_index, person_index`,
      [actionId],
    );
  }
}
