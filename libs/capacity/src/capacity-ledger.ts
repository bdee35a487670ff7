import { audit, type AuditEntry } from '@opvangplek/access';
import type { EntityManager } from 'typeorm';
import { CapacityChangeKind } from './capacity-history.entity';

export interface LedgerActor {
  by: string;
  role: string;
  org: string;
}

/** The counts of a capacity row right after a move (what a caller would otherwise read again). */
export interface CapacityCounts {
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
  version: number;
  updatedAt: Date;
  confirmedAt: Date | null;
}

export interface CapacityRow {
  facilityId: string;
  regionCode: string;
  type: string;
  version: number;
  counts: CapacityCounts;
}

/**
 * Places a planned action reserved at this facility for a window that contains the moment `$3`
 * (issue 14): inside its window a reservation is not free for anyone else; outside it, it is.
 * Its places leave this sum as they become the action's own holds (`converted`) or turn out not to
 * be holdable at its start (`not_held`), so they are never counted twice. Reservations of several
 * actions may overlap (planning does not see other actions' reservations, red team F1): together
 * they only keep real holds out; between themselves, the first to convert gets the place. The
 * reservations are placement's: it publishes them as the view reserved_places_v (migration
 * PlacementReadViews), which PostgreSQL inlines into this statement.
 */
const RESERVED_INSIDE_WINDOW = `(SELECT COALESCE(SUM(r.places), 0) FROM reserved_places_v r
  WHERE r.facility_id = capacity.facility_id AND r.starts_at <= $3 AND r.ends_at > $3)`;

/**
 * The only statements that move places between free, held and occupied. Each is ONE atomic
 * UPDATE whose WHERE clause is the availability check, so two processes can never take the same
 * place (never check-then-write); zero rows means "not possible now". Each writes its history row
 * in the same statement, and its audit row right after, in the caller's transaction: the audit row
 * carries the application's MAC over its facts, the new version included, which only the
 * application can compute, and only once the statement has returned the version. A caller that
 * collects its transaction's audit rows and writes them together before it commits (the placement
 * workflow's `Changes`) passes `auditInto`: the row joins them instead of costing a round trip.
 */
const MOVES: Record<
  'hold' | 'holdReserved' | 'release' | 'arrive' | 'depart' | 'repair',
  { set: string; guard: string; kind: CapacityChangeKind }
> = {
  hold: {
    set: 'held = held + $2',
    guard: `total - occupied - held - out_of_service - ${RESERVED_INSIDE_WINDOW} >= $2`,
    kind: CapacityChangeKind.HOLD,
  },
  /** A planned action's own reserved place at its start: reservations (its own and overlapping ones) do not stand in its way. */
  holdReserved: {
    set: 'held = held + $2',
    guard: 'total - occupied - held - out_of_service >= $2',
    kind: CapacityChangeKind.HOLD,
  },
  release: { set: 'held = held - $2', guard: 'held >= $2', kind: CapacityChangeKind.RELEASE },
  arrive: { set: 'held = held - $2, occupied = occupied + $2', guard: 'held >= $2', kind: CapacityChangeKind.ARRIVAL },
  depart: { set: 'occupied = occupied - $2', guard: 'occupied >= $2', kind: CapacityChangeKind.DEPARTURE },
  // The drift check only (capacity-drift.check.ts): `held` set to what the active holds take.
  repair: { set: 'held = $2', guard: 'held <> $2', kind: CapacityChangeKind.DRIFT_REPAIR },
};

interface MovedRow {
  facility_id: string;
  region_code: string;
  type: string;
  version: number;
  total: number;
  occupied: number;
  held: number;
  out_of_service: number;
  updated_at: Date;
  confirmed_at: Date | null;
}

async function move(
  manager: EntityManager,
  kind: keyof typeof MOVES,
  facilityId: string,
  places: number,
  at: Date,
  actor: LedgerActor,
  auditInto?: AuditEntry[],
): Promise<CapacityRow | null> {
  const { set, guard, kind: historyKind } = MOVES[kind];
  const rows: MovedRow[] = await manager.query(
    `WITH moved AS (
       UPDATE capacity SET ${set}, version = version + 1, updated_at = $3
       WHERE facility_id = $1 AND ${guard}
       RETURNING *
     ), history AS (
       INSERT INTO capacity_history (facility_id, kind, version, total, occupied, held, out_of_service, changed_by, changed_by_role, changed_by_org, changed_at)
       SELECT facility_id, $4, version, total, occupied, held, out_of_service, $5, $6, $7, $3 FROM moved
     )
     SELECT moved.facility_id, f.region_code, f.type, moved.version, moved.total, moved.occupied, moved.held,
            moved.out_of_service, moved.updated_at, moved.confirmed_at
       FROM moved JOIN facilities f ON f.id = moved.facility_id`,
    [facilityId, places, at, historyKind, actor.by, actor.role, actor.org],
  );
  const [row] = rows;
  if (!row) return null;
  // Who, what, v<version> (libs/access/audit), signed there.
  const entry: AuditEntry = {
    actor: { sub: actor.by, role: actor.role, org: actor.org },
    record: {
      action: `capacity.${kind === 'holdReserved' ? 'hold' : kind}`,
      facilityId: row.facility_id,
      detail: kind === 'repair' ? `held set to ${places}, v${row.version}` : `${places} place(s), v${row.version}`,
    },
    at,
  };
  if (auditInto) auditInto.push(entry);
  else await audit(manager, entry.actor, entry.record, entry.at);
  return {
    facilityId: row.facility_id,
    regionCode: row.region_code,
    type: row.type,
    version: row.version,
    counts: {
      total: row.total,
      occupied: row.occupied,
      held: row.held,
      outOfService: row.out_of_service,
      version: row.version,
      updatedAt: row.updated_at,
      confirmedAt: row.confirmed_at,
    },
  };
}

/**
 * Sets `held` to the places the facility's active holds take (the drift check, which has proven
 * that value under this row's lock); `null` when it was that already.
 */
export const repairHeld = (manager: EntityManager, facilityId: string, held: number, at: Date, actor: LedgerActor) =>
  move(manager, 'repair', facilityId, held, at, actor);

/**
 * The places free now at the facilities of one kind in one region, as a hold would see them
 * (planned-action reservations inside their window are not free).
 */
export async function freePlacesIn(manager: EntityManager, type: string, regionCode: string, at: Date): Promise<number> {
  const [row]: { free: number | null }[] = await manager.query(
    `SELECT SUM(GREATEST(total - occupied - held - out_of_service - ${RESERVED_INSIDE_WINDOW}, 0))::int AS free
       FROM capacity JOIN facilities f ON f.id = capacity.facility_id
      WHERE f.type = $1 AND f.region_code = $2`,
    [type, regionCode, at],
  );
  return row?.free ?? 0;
}

/**
 * Locks the capacity rows of `facilityIds` in facility-id order. Every transaction that moves
 * places at more than one facility (a split group's holds, their release or arrival) calls this
 * first, so two of them always queue on the same first row instead of each holding the row the
 * other waits for (a deadlock). The planned-action reservations lock in the same order.
 */
export async function lockCapacityRows(manager: EntityManager, facilityIds: readonly string[]): Promise<void> {
  const ids = [...new Set(facilityIds)];
  if (ids.length < 2) return;
  await manager.query('SELECT facility_id FROM capacity WHERE facility_id = ANY($1::uuid[]) ORDER BY facility_id FOR UPDATE', [
    ids,
  ]);
}

/**
 * Takes `places` free places; `null` when fewer are free (someone else was first). `reserved`: the
 * places are a planned action's reservation being converted at its start (its reservation already
 * marked converted), which only real holds and occupation can stand in the way of. `auditInto`:
 * the caller's pending audit rows, which it writes before it commits (see MOVES).
 */
export const holdPlaces = (
  manager: EntityManager,
  facilityId: string,
  places: number,
  at: Date,
  actor: LedgerActor,
  options: { reserved?: boolean; auditInto?: AuditEntry[] } = {},
) => move(manager, options.reserved ? 'holdReserved' : 'hold', facilityId, places, at, actor, options.auditInto);

export const releasePlaces = (manager: EntityManager, facilityId: string, places: number, at: Date, actor: LedgerActor) =>
  move(manager, 'release', facilityId, places, at, actor);

export const occupyHeldPlaces = (manager: EntityManager, facilityId: string, places: number, at: Date, actor: LedgerActor) =>
  move(manager, 'arrive', facilityId, places, at, actor);

export const vacatePlaces = (manager: EntityManager, facilityId: string, places: number, at: Date, actor: LedgerActor) =>
  move(manager, 'depart', facilityId, places, at, actor);
