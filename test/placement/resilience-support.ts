/**
 * Helpers for the placement resilience specs (resilience.e2e-spec.ts): real API and worker
 * processes on one private database, many concurrent submissions, and checks that read the
 * database itself, because "nothing lost, nothing given twice" is a property of the rows.
 */
import { PlacementStatus, Role, ShelterType } from '@opvangplek/domain';
import { freePort } from '@opvangplek/platform/database';
import Redis from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';
import { insertFacilities, newFacility } from '../support/factories';
import { gql } from '../support/graphql-client';
import { distEntry, type RunningProcess, startProcess } from '../support/test-processes';
import { tokenFor } from '../support/tokens';
import { type DistProcess, startDistProcess } from '@opvangplek/platform';

// The bench cleans up after its processes the same way.
export { deleteNamespaceKeys } from '@opvangplek/platform';

/** How often the specs look at the database while waiting: short, so a pass is never a long sleep. */
const POLL_MS = 50;

/** Sweep every second and treat a request untouched for 2 s as lost, so recovery fits in a test. */
export const FAST_SWEEP = { SWEEP_SECONDS: '1', RECONCILE_AFTER_SECONDS: '2' } as const;

// -------------------------------------------------------------------------------------------------
// Processes

/** A spawned worker process (no HTTP: it is ready when it logs "worker running"). */
export interface RunningWorker extends DistProcess {
  /** SIGKILL: no shutdown hooks, no job clean-up, open transactions die with the connection. */
  kill(): Promise<void>;
}

/** Starts `dist/apps/worker` and waits for its "worker running" log line. */
export async function startWorker(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<RunningWorker> {
  const worker = await startDistProcess(
    distEntry('worker'),
    env,
    { outputIncludes: 'worker running' },
    { label: 'worker', timeoutMs: options.timeoutMs ?? 30_000 },
  );
  return {
    ...worker,
    kill: async () => {
      await worker.stop('SIGKILL');
    },
  };
}

/** API and worker processes of one test; `stopAll` ends whatever is still running. */
export class Cluster {
  readonly apis: RunningProcess[] = [];
  readonly workers: RunningWorker[] = [];

  constructor(readonly env: Record<string, string>) {}

  async start(counts: { apis: number; workers: number }): Promise<this> {
    await Promise.all([
      ...Array.from({ length: counts.apis }, async () => {
        this.apis.push(await startProcess('api', this.env, { port: await freePort() }));
      }),
      ...Array.from({ length: counts.workers }, () => this.addWorker()),
    ]);
    return this;
  }

  async addWorker(): Promise<RunningWorker> {
    const worker = await startWorker(this.env);
    this.workers.push(worker);
    return worker;
  }

  /** The tail of every process's output, for a failure message. */
  outputs(): string {
    const tail = (text: string) => text.split('\n').slice(-25).join('\n');
    return [
      ...this.apis.map((api, i) => `--- api ${i} ---\n${tail(api.output())}`),
      ...this.workers.map((worker, i) => `--- worker ${i} ---\n${tail(worker.output())}`),
    ].join('\n');
  }

  async stopAll(): Promise<void> {
    await Promise.all([
      ...this.apis.splice(0).map((api) => api.stop()),
      ...this.workers.splice(0).map((worker) => worker.stop()),
    ]);
  }
}

// -------------------------------------------------------------------------------------------------
// Arrange

/** Places per facility in the register of these specs. */
export const FREE_PER_FACILITY = 2;

/**
 * `facilities` VROUWENOPVANG facilities in region RR (24/7 intake, the zorgcoördinator places),
 * each with exactly FREE_PER_FACILITY free places; one place out of service, so the invariant
 * occupied + held + out_of_service ≤ total has something to count.
 */
export async function insertRegister(dataSource: DataSource, facilities: number): Promise<{ id: string }[]> {
  return insertFacilities(
    dataSource,
    Array.from({ length: facilities }, () =>
      newFacility({
        type: ShelterType.VROUWENOPVANG,
        regionCode: 'RR',
        capacity: { total: 3 + FREE_PER_FACILITY, occupied: 2, held: 0, outOfService: 1 },
      }),
    ),
  );
}

export function coordinatorToken(): Promise<string> {
  return tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zorgcoordinatie-rr', regions: ['RR'] });
}

/** One profile every facility of the register takes. */
const PROFILE = { gender: 'FEMALE', age: 30, exploitationTypes: ['SEXUAL'] };

const REQUEST_PLACEMENT = `mutation R($input: PlacementRequestInput!) { requestPlacement(input: $input) { id status } }`;

/**
 * Fires `count` requestPlacement calls at once, spread round-robin over the API processes, each
 * with its own clientReference. Every call must answer at once with a RECEIVED request.
 */
export async function submitMany(apiUrls: string[], token: string, count: number, referencePrefix: string): Promise<string[]> {
  const responses = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      gql<{ requestPlacement: { id: string; status: string } }>(apiUrls[i % apiUrls.length], REQUEST_PLACEMENT, {
        token,
        variables: {
          input: { profile: PROFILE, urgency: 'URGENT', regionCode: 'RR', clientReference: `${referencePrefix}-${i}` },
        },
      }),
    ),
  );
  const failed = responses.filter((response) => response.errors || !response.data);
  if (failed.length > 0) throw new Error(`${failed.length} of ${count} submissions failed: ${JSON.stringify(failed[0])}`);
  for (const response of responses) expect(response.data!.requestPlacement.status).toBe(PlacementStatus.RECEIVED);
  const ids = responses.map((response) => response.data!.requestPlacement.id);
  expect(new Set(ids).size).toBe(count);
  return ids;
}

// -------------------------------------------------------------------------------------------------
// Observe and assert

export type StatusCounts = Partial<Record<PlacementStatus, number>>;

export async function statusCounts(dataSource: DataSource): Promise<StatusCounts> {
  const rows: { status: PlacementStatus; count: number }[] = await dataSource.query(
    'SELECT status, count(*)::int AS count FROM placement_requests GROUP BY status',
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

const total = (counts: StatusCounts) => Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);

/** Requests still on their way (the queue or a worker has them, or lost them). */
export const unsettled = (counts: StatusCounts) =>
  (counts[PlacementStatus.RECEIVED] ?? 0) + (counts[PlacementStatus.MATCHING] ?? 0);

/**
 * Polls until all `expected` requests exist and none is RECEIVED or MATCHING; returns the counts
 * of that moment. On timeout the error names the last counts and the processes' output.
 */
export async function waitUntilSettled(
  dataSource: DataSource,
  expected: number,
  options: { timeoutMs: number; diagnostics?: () => string },
): Promise<StatusCounts> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const counts = await statusCounts(dataSource);
    if (total(counts) === expected && unsettled(counts) === 0) return counts;
    if (Date.now() > deadline)
      throw new Error(
        `requests not settled within ${options.timeoutMs} ms: ${JSON.stringify(counts)} (expected ${expected}, none RECEIVED/MATCHING)\n` +
          (options.diagnostics?.() ?? ''),
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export interface Ledger {
  offered: number;
  waiting: number;
  /** Sum of capacity.held over all facilities. */
  heldPlaces: number;
  /** placement_holds rows in any state: with no decline or lapse in a scenario, one per offer. */
  holdRows: number;
}

/**
 * Every facility's `held` equals the places of its HELD holds, and none is over capacity (occupied +
 * held + out of service within total); read in the caller's transaction. Returns the rows.
 */
export async function assertFacilityLedger(
  manager: EntityManager,
): Promise<
  { facility_id: string; total: number; occupied: number; held: number; out_of_service: number; held_by_holds: number }[]
> {
  const facilities: {
    facility_id: string;
    total: number;
    occupied: number;
    held: number;
    out_of_service: number;
    held_by_holds: number;
  }[] = await manager.query(
    `SELECT c.facility_id, c.total, c.occupied, c.held, c.out_of_service,
            COALESCE((SELECT sum(h.places) FROM placement_holds h WHERE h.facility_id = c.facility_id AND h.state = 'HELD'), 0)::int AS held_by_holds
       FROM capacity c ORDER BY c.facility_id`,
  );
  expect(facilities.filter((f) => f.held !== f.held_by_holds)).toEqual([]);
  expect(facilities.filter((f) => f.occupied + f.held + f.out_of_service > f.total)).toEqual([]);
  return facilities;
}

/**
 * The invariants of the ledger, read in one snapshot: for every facility capacity.held equals the
 * places of its HELD holds and occupied + held + out_of_service ≤ total; every OFFERED request has
 * exactly one HELD hold, no other request has any; the held total equals the number offered.
 * Returns the totals, so a spec can also say how many holds were ever taken.
 */
export async function assertCapacityInvariants(dataSource: DataSource): Promise<Ledger> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const facilities = await assertFacilityLedger(manager);

    const holdsPerRequest: { id: string; status: PlacementStatus; held: number }[] = await manager.query(
      `SELECT r.id, r.status, count(h.id) FILTER (WHERE h.state = 'HELD')::int AS held
         FROM placement_requests r LEFT JOIN placement_holds h ON h.request_id = r.id
        GROUP BY r.id, r.status`,
    );
    const wrong = holdsPerRequest.filter((r) => r.held !== (r.status === PlacementStatus.OFFERED ? 1 : 0));
    expect(wrong).toEqual([]);

    const offered = holdsPerRequest.filter((r) => r.status === PlacementStatus.OFFERED).length;
    const waiting = holdsPerRequest.filter((r) => r.status === PlacementStatus.WAITING).length;
    const heldPlaces = facilities.reduce((sum, f) => sum + f.held, 0);
    expect(heldPlaces).toBe(offered);
    const [{ count: holdRows }]: { count: number }[] = await manager.query('SELECT count(*)::int AS count FROM placement_holds');
    return { offered, waiting, heldPlaces, holdRows };
  });
}

// -------------------------------------------------------------------------------------------------
// Redis

/** The same server as `redisUrl`, logical database `db`. */
export function redisUrlWithDatabase(redisUrl: string, db: number): string {
  const url = new URL(redisUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

/** Runs `work` with a short-lived ioredis connection. */
export async function withRedis<T>(redisUrl: string, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return await work(redis);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
