/**
 * Who owns each table (issue 17, "the house"): the one feature that alone writes it. Others read it
 * through the owner's public entry (its services and functions, or its exported entity class with
 * TypeORM's read calls), or through a view the owner publishes (`view: true`, created by a
 * migration, reading only the owner's tables; any lib may read it), or — a read model — with SQL
 * of their own, declared here under `sqlReaders` with why. `table-owners.spec.ts` holds the code to this list: a write by anyone
 * else, a raw SQL read not declared, a table without an owner, a feature registering another's
 * entity, or an exception no longer needed, each fails naming file, table and owner.
 *
 * An owner is a lib (`libs/<owner>`); apps own nothing but a scratch table they create themselves.
 * Apps (the bench, the CLI) may read any table: they are tools run by an operator, not features.
 */
export interface TableOwnership {
  /** The lib (`libs/<owner>`), or for a scratch table the app that creates it (`apps/<app>`). */
  owner: string;
  /** Who writes it that the scan cannot see (a trigger, a library given the table name). */
  note?: string;
  /** Libs that read it with SQL of their own (a read model), with why not through the owner. */
  sqlReaders?: Record<string, string>;
  /** Not created by a migration: made at run time by its owner (a bench figure's copy). */
  scratch?: true;
  /** A view its owner publishes for others to read (a migration creates it over the owner's own tables). */
  view?: true;
}

export const TABLE_OWNERS: Record<string, TableOwnership> = {
  // ── registry: the national register ──────────────────────────────────────────────────────────
  regions: { owner: 'registry' },
  municipalities: { owner: 'registry' },
  facilities: {
    owner: 'registry',
    sqlReaders: {
      access:
        'audit.service: which audited facilities are secret-address (one indexed read); access cannot import registry, which imports access',
      notifications:
        "jobs/stale-figures.job: the facilities whose figures aged, joined to capacity and the job's own notices in one statement",
      insight:
        'readers (offer responses, demand, placements): the kind and region of the facility of each hold or request, joined in the aggregate',
      capacity:
        "capacity-ledger (region and kind of the moved row, in the move's statement), capacity-metrics, capacity-ahead reader, the register reader",
    },
  },
  register_version: {
    owner: 'registry',
    note: 'bumped by a trigger on every write to facilities and regions (migration RegisterVersion)',
  },

  // ── capacity: keeping capacity true ─────────────────────────────────────────────────────────
  capacity: {
    owner: 'capacity',
    sqlReaders: {
      notifications: 'jobs/stale-figures.job: confirmed_at, joined to the facility and its notices in one statement',
    },
  },
  capacity_history: {
    owner: 'capacity',
    sqlReaders: { insight: 'the occupancy and stale-share replays scan the append-only history by facility and period' },
  },

  // ── placement: the workflow; placement.repository.ts and planned-action.repository.ts write it ─
  placement_requests: {
    owner: 'placement',
    sqlReaders: {
      insight: 'readers (demand, placements, transfers, registrations): anonymous aggregates over requests in a period',
    },
  },
  placement_holds: {
    owner: 'placement',
    sqlReaders: {
      insight: 'offer-responses reader: how each offer in a period was answered',
      matching: "responsiveness-figures: each facility's answer times, for the ranking",
    },
  },
  placement_events: {
    owner: 'placement',
    sqlReaders: { insight: 'readers (demand, leavings): the history of statuses, aggregated' },
  },
  placement_profile_changes: { owner: 'placement' },
  sweep_runs: { owner: 'placement', note: 'the last completed sweep, written by the worker that ran it' },
  planned_actions: { owner: 'placement' },
  action_reservations: { owner: 'placement' },
  action_requests: { owner: 'placement' },
  // Published for capacity (which may not import placement): its hold guard, inside the one atomic
  // UPDATE, and its capacity ahead (migration PlacementReadViews).
  reserved_places_v: { owner: 'placement', view: true },
  occupied_stays_v: { owner: 'placement', view: true },
  stay_departures_v: { owner: 'placement', view: true },

  // ── the rest ────────────────────────────────────────────────────────────────────────────────
  audit_log: { owner: 'access', note: "written only through access's audit(); sealed by its AuditSealer" },
  webhook_subscriptions: { owner: 'notifications' },
  webhook_deliveries: { owner: 'notifications' },
  stale_figure_notices: { owner: 'notifications' },
  victim_registrations: {
    owner: 'registration',
    sqlReaders: { insight: 'registrations reader: yearly figures joined to the placement they led to' },
  },
  rate_limit: { owner: 'platform', note: "written by rate-limiter-flexible, given the table's name (limits/caller-limits.ts)" },
  caller_lease: { owner: 'platform' },

  // ── scratch ─────────────────────────────────────────────────────────────────────────────────
  bench_capacity_copy: {
    owner: 'apps/bench',
    scratch: true,
    note: "placement-contention's copy of capacity in its private database, for the bare-statement baseline",
  },
};

/**
 * Writes by someone other than the owner that are known and dated: each says who removes it. The
 * spec fails when one is no longer found, so a fixed one cannot stay listed.
 */
export const ALLOWED_WRITES: { file: string; table: string; why: string }[] = [];

/** Entities a lib registers (`<LIB>_ENTITIES`) whose table another lib owns; the spec fails when one is gone. */
export const ALLOWED_REGISTRATIONS: { lib: string; entity: string; why: string }[] = [];
