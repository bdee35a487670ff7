/**
 * The harness of the fault suite (issue 15, "Tests that must exist and pass"): a private PostgreSQL
 * and Redis, 2 API and 2 worker processes on them, a burst of clients that retry on the other API
 * with the same request, and the checks every fault must pass afterwards. The checks read the rows
 * themselves: "nothing lost, nothing given twice" is a property of the database, not of the answers.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PlacingAuthority, Role, ShelterType } from '@opvangplek/domain';
import { APPLICATION_ROLE, dataSourceOptions } from '@opvangplek/platform/database';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { insertFacilities, newFacility } from '../support/factories';
import { TEST_AUDIT_KEY } from '../support/test-config';
import { TEST_JWT_SECRET } from '../support/test-env';
import { startProcess } from '../support/test-processes';
import { tokenFor } from '../support/tokens';
import {
  assertFacilityLedger,
  Cluster,
  type StatusCounts,
  statusCounts,
  waitUntilSettled,
} from '../placement/resilience-support';
import { PrivatePostgres } from './private-postgres';
import { PrivateRedis } from './redis-server';
import { ENTITIES } from '@opvangplek/composition';

// -------------------------------------------------------------------------------------------------
// Timings

/**
 * The service's clock runs this many times faster than the wall (SIMULATED_CLOCK_SPEED, issue 19),
 * so an ACUTE request comes due for escalation (ESCALATE_AFTER_MINUTES, at least 1) 10 s after it
 * was made and each fault fits in well under a minute. Holds (120 minutes) last 20 wall minutes:
 * none lapses during a test.
 */
export const CLOCK_SPEED = 6;
const ESCALATE_AFTER_MINUTES = 1;
/** The sweep runs every SWEEP_SECONDS of the service's clock: every wall second at CLOCK_SPEED. */
const SWEEP_SECONDS = CLOCK_SPEED;
/**
 * "No client call waiting longer than a few seconds" (issue 15): the one timing the suite asserts,
 * because the bug was calls hanging 15–101 s (as long as Redis was away). Enqueueing gives
 * up after QUEUE_CALL_TIMEOUT_MS (1.5 s by default). 8 s, not less: on the shared 2-core machine,
 * with other suites running (load 11), ordinary calls of a burst took up to 5.8 s; every hang the
 * issue reports still fails it.
 */
export const MAX_CLIENT_WAIT_MS = 8_000;
/** A client gives up on one call after this long (then retries on the other API): a hang is measured, not waited out. */
const CALL_TIMEOUT_MS = 15_000;
/**
 * Escalation is on time when it happens within ESCALATE_AFTER_MINUTES plus this much of the
 * service's clock: a few sweeps (one a wall second), and a PostgreSQL restart's second or two.
 */
const ESCALATION_GRACE_MS = 30_000 * (CLOCK_SPEED / 6);

const ALWAYS_OPEN = Object.fromEntries(Object.values(PlacingAuthority).map((authority) => [`${authority}_HOURS`, '24/7']));

// -------------------------------------------------------------------------------------------------
// Servers

const TEMPLATE = 'opvangplek_faults_template';

/** The private PostgreSQL and Redis one spec file shares between its faults (a database and namespace per fault). */
export class FaultServers {
  private constructor(
    readonly postgres: PrivatePostgres,
    readonly redis: PrivateRedis,
    readonly appLogin: { user: string; password: string },
  ) {}

  static async start(): Promise<FaultServers> {
    const [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    const appLogin = { user: 'opvangplek_faults_app', password: randomBytes(18).toString('base64url') };
    await postgres.createMigratedDatabase(TEMPLATE, appLogin.user, appLogin.password);
    return new FaultServers(postgres, redis, appLogin);
  }

  async stop(): Promise<void> {
    await Promise.all([this.postgres.destroy(), this.redis.stop()]);
  }
}

// -------------------------------------------------------------------------------------------------
// One fault's run: its database, register and processes

/** Facilities of the register and free places in each: scarce, so most of a burst waits. */
const FACILITIES = 6;
const FREE_PER_FACILITY = 3;
export const FREE_PLACES = FACILITIES * FREE_PER_FACILITY;

export class FaultRun {
  readonly cluster: Cluster;
  private constructor(
    readonly servers: FaultServers,
    readonly database: string,
    readonly dataSource: DataSource,
    env: Record<string, string>,
  ) {
    this.cluster = new Cluster(env);
  }

  /** A database cloned from the migrated template, the register, and 2 API + 2 worker processes. */
  static async start(servers: FaultServers, overrides: Record<string, string> = {}): Promise<FaultRun> {
    const database = `opvangplek_fault_${randomBytes(4).toString('hex')}`;
    await servers.postgres.admin(async (client) => {
      await client.query(`CREATE DATABASE "${database}" TEMPLATE "${TEMPLATE}"`);
      // Not copied from the template: the PostgreSQL side of the app creates what it needs at start.
      await client.query(`GRANT CREATE ON DATABASE "${database}" TO ${APPLICATION_ROLE}`);
    });
    const ownerUrl = servers.postgres.url(database);
    const dataSource = new DataSource(dataSourceOptions(ownerUrl, { entities: ENTITIES, poolSize: 4 }));
    await dataSource.initialize();
    await insertFacilities(
      dataSource,
      Array.from({ length: FACILITIES }, () =>
        newFacility({
          type: ShelterType.VROUWENOPVANG,
          regionCode: 'RR',
          capacity: { total: 3 + FREE_PER_FACILITY, occupied: 2, held: 0, outOfService: 1 },
        }),
      ),
    );
    const appUrl = new URL(ownerUrl);
    appUrl.username = servers.appLogin.user;
    appUrl.password = servers.appLogin.password;
    const namespace = `f_${randomBytes(5).toString('hex')}`;
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: appUrl.toString(),
      DATABASE_MIGRATION_URL: ownerUrl,
      REDIS_URL: servers.redis.url,
      QUEUE_BACKEND: 'redis',
      EVENTS_BACKEND: 'redis',
      OPVANGPLEK_NAMESPACE: namespace,
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_DIR: path.join(os.tmpdir(), `opvangplek-test-${namespace}`),
      AUDIT_KEY: TEST_AUDIT_KEY,
      HOST: '127.0.0.1',
      // A burst is many people's requests sent with one coordinator's token, re-sent through faults:
      // the per-caller limit (test/security/limits.e2e-spec.ts) is not what this suite measures.
      RATE_LIMIT_PER_MINUTE: '100000',
      // Clients retry without clientReference too (issue 15, item 2): the server must see the retry.
      IMPLICIT_RETRY_SECONDS: String(10 * 60),
      // Every process agrees on the accelerated "now".
      SIMULATED_CLOCK_START: new Date().toISOString(),
      SIMULATED_CLOCK_SPEED: String(CLOCK_SPEED),
      SIMULATED_CLOCK_WALL_EPOCH: String(Date.now()),
      ESCALATE_AFTER_MINUTES: String(ESCALATE_AFTER_MINUTES),
      SWEEP_SECONDS: String(SWEEP_SECONDS),
      // A request untouched for 2 s of database time has lost its job: recovery in seconds.
      RECONCILE_AFTER_SECONDS: '2',
      ...ALWAYS_OPEN,
      ...overrides,
    };
    const run = new FaultRun(servers, database, dataSource, env);
    await run.cluster.start({ apis: 2, workers: 2 });
    return run;
  }

  /** The processes that are no longer running, each with the tail of its output. */
  exitedProcesses(): string[] {
    const tail = (text: string) => text.split('\n').slice(-80).join('\n');
    return [
      ...this.cluster.apis.map((api, i) => ({ label: `api ${i}`, process: api })),
      ...this.cluster.workers.map((worker, i) => ({ label: `worker ${i}`, process: worker })),
    ]
      .filter(({ process }) => process.child.exitCode !== null || process.child.signalCode !== null)
      .map(
        ({ label, process }) =>
          `--- ${label} (${process.child.exitCode ?? process.child.signalCode}) ---\n${tail(process.output())}`,
      );
  }

  apiUrls(): string[] {
    return this.cluster.apis.map((api) => api.url);
  }

  /** SIGKILL API `index` (no shutdown hooks, answers cut off mid-flight). */
  async killApi(index: number): Promise<void> {
    await this.cluster.apis[index].stop('SIGKILL');
  }

  /** Set while the test starts a process again (a supervisor's restart is not a death of the fault). */
  restarting = false;

  /** Starts API `index` again on its old port, as a supervisor would. */
  async restartApi(index: number): Promise<void> {
    const port = Number(new URL(this.cluster.apis[index].url).port);
    this.restarting = true;
    try {
      this.cluster.apis[index] = await startProcess('api', this.cluster.env, { port });
    } finally {
      this.restarting = false;
    }
  }

  /** SIGKILL worker `index`: jobs it held stay active in Redis until their lock lapses, open transactions roll back. */
  async killWorker(index: number): Promise<void> {
    await this.cluster.workers[index].kill();
    this.cluster.workers.splice(index, 1);
  }

  async flushRedis(): Promise<void> {
    const redis = new Redis(this.servers.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      await redis.flushall();
    } finally {
      redis.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.cluster.stopAll();
    await this.dataSource.destroy().catch(() => undefined);
    rmSync(this.cluster.env.DATA_DIR, { recursive: true, force: true });
    await this.servers.postgres
      .admin((client) => client.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`))
      .catch(() => undefined);
  }
}

// -------------------------------------------------------------------------------------------------
// The burst

/** Women sent at once when the fault is injected (see burst). */
const SURGE = 16;

const REQUEST_PLACEMENT = `mutation R($input: PlacementRequestInput!) { requestPlacement(input: $input) { id status } }`;
const RESPOND = `mutation Respond($input: OfferResponseInput!) { respondToOffer(input: $input) { id status } }`;

/** One person a client asks a place for, and what the client finally got. */
interface Person {
  key: string;
  input: Record<string, unknown>;
  acute: boolean;
  /** The request id of the answer that finally came back. */
  id?: string;
}

export interface CallRecord {
  operation: 'requestPlacement' | 'respondToOffer';
  /** When it was sent (wall ms). */
  at: number;
  ms: number;
  outcome: 'answered' | 'error' | 'timeout' | 'unreachable';
  detail?: string;
}

export interface BurstResult {
  people: Person[];
  calls: CallRecord[];
  /** The longest any single call waited for its answer (or for its timeout). */
  maxWaitMs: number;
  /** When the fault was injected, when its injection ended, and when the last client had its answer (wall ms). */
  faultStartedAt: number;
  faultEndedAt: number;
  burstEndedAt: number;
  /** Counts of the rows, and calls in flight, the moment the fault was injected. */
  atFault: { counts: StatusCounts; inFlight: number; notYetSubmitted: number };
  responses: { accepted: number; declined: number };
}

/** One call with a deadline; what the client saw and how long it waited. */
async function call<T>(
  url: string,
  query: string,
  token: string,
  variables: Record<string, unknown>,
  operation: CallRecord['operation'],
): Promise<{ record: CallRecord; data?: T }> {
  const started = Date.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    const ms = Date.now() - started;
    if (body.errors?.length || !body.data) {
      const detail =
        body.errors?.map((error) => `${error.extensions?.code}: ${error.message}`).join('; ') ?? `HTTP ${response.status}`;
      return { record: { operation, at: started, ms, outcome: 'error', detail } };
    }
    return { record: { operation, at: started, ms, outcome: 'answered' }, data: body.data };
  } catch (error) {
    const ms = Date.now() - started;
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { record: { operation, at: started, ms, outcome: 'timeout' } };
    return { record: { operation, at: started, ms, outcome: 'unreachable', detail: String((error as Error).cause ?? error) } };
  }
}

/**
 * `count` women asking for a place in region RR, half with a clientReference and half without
 * (each with a payload of her own, so the server's implicit retry key tells them apart), plus
 * `acute` men no facility of the register takes: ACUTE, they stay unplaced and must escalate.
 */
function people(count: number, acute: number, label: string): Person[] {
  const today = Date.now();
  const women = Array.from({ length: count }, (_, i): Person => {
    const withReference = i % 2 === 0;
    const bedenktijdStart = new Date(today - (1 + Math.floor(i / 40)) * 86_400_000).toISOString().slice(0, 10);
    return {
      key: `${label}-${i}`,
      acute: false,
      input: {
        profile: { gender: 'FEMALE', age: 20 + (i % 40), exploitationTypes: ['SEXUAL'], b8Status: 'BEDENKTIJD', bedenktijdStart },
        urgency: 'URGENT',
        regionCode: 'RR',
        ...(withReference ? { clientReference: `${label}-${i}` } : {}),
      },
    };
  });
  const men = Array.from({ length: acute }, (_, i): Person => ({
    key: `${label}-acute-${i}`,
    acute: true,
    input: {
      profile: { gender: 'MALE', age: 30 + i, exploitationTypes: ['LABOUR'] },
      urgency: 'ACUTE',
      regionCode: 'RR',
      clientReference: `${label}-acute-${i}`,
    },
  }));
  return [...women, ...men];
}

/**
 * Submits a burst: `count` people, one every `spacingMs`, each client starting on API i mod 2 and
 * retrying a failed or timed-out call on the other one with the same input (same clientReference,
 * or same payload) until it has an answer. At the `faultAt`-th person the ACUTE men and a surge of
 * SURGE women are sent at once and `fault` is injected while their calls are in flight; meanwhile
 * shelter staff accept or decline some offers.
 */
export async function burst(
  run: FaultRun,
  options: {
    count: number;
    spacingMs: number;
    faultAt: number;
    fault: () => Promise<void>;
    label: string;
    /** From the surge to the fault (default 200 ms): the surge's calls are in the servers, some committing. */
    faultDelayMs?: number;
  },
): Promise<BurstResult> {
  const coordinator = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-rijnmond-faults', regions: ['RR'] });
  const everyone = people(options.count, 2, options.label);
  const calls: CallRecord[] = [];
  let inFlight = 0;
  let submitted = 0;
  let burstOver = false;

  const ask = async (person: Person, first: number): Promise<void> => {
    const deadline = Date.now() + 60_000;
    for (let attempt = 0; ; attempt++) {
      if (burstOver) throw new Error(`${person.key}: the burst was given up`);
      const urls = run.apiUrls();
      inFlight++;
      const { record, data } = await call<{ requestPlacement: { id: string } }>(
        urls[(first + attempt) % urls.length],
        REQUEST_PLACEMENT,
        coordinator,
        { input: person.input },
        'requestPlacement',
      );
      inFlight--;
      calls.push(record);
      if (data) {
        person.id = data.requestPlacement.id;
        return;
      }
      // Only what a fault explains is tried again: a refusal of the input is the suite's own mistake.
      if (record.outcome === 'error' && !record.detail?.startsWith('INTERNAL_SERVER_ERROR'))
        throw new Error(`${person.key}: refused: ${record.detail}`);
      if (Date.now() > deadline) throw new Error(`${person.key}: no answer within 60 s; last: ${JSON.stringify(record)}`);
      // Nothing left to retry on: say why at once instead of at the deadline.
      if (run.cluster.apis.every((api) => api.child.exitCode !== null || api.child.signalCode !== null) && !run.restarting)
        throw new Error(`${person.key}: every API process has exited:\n${run.exitedProcesses().join('\n')}`);
      // A client's back-off: short, so a fault's end is noticed at once.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  let faultStartedAt = 0;
  let faultEndedAt = 0;
  let atFault: BurstResult['atFault'] | undefined;
  let faultDone: Promise<void> = Promise.resolve();
  const women = everyone.filter((person) => !person.acute);
  const men = everyone.filter((person) => person.acute);
  const asked: Promise<void>[] = [];
  const responder = respondToOffers(run, calls, () => burstOver);
  for (let i = 0; i < women.length; i++) {
    if (i === options.faultAt) {
      // The ACUTE men and a surge of women at once, and the fault a moment later: calls are
      // in flight (some committed, not yet answered) when it lands, which is where a failure after
      // commit or a retry that makes a second request would show.
      const surge = women.slice(i, i + SURGE);
      asked.push(...men.map((man, j) => ask(man, j)), ...surge.map((woman, j) => ask(woman, i + j)));
      submitted += surge.length;
      i += surge.length - 1;
      await new Promise((resolve) => setTimeout(resolve, options.faultDelayMs ?? 200));
      atFault = { counts: await statusCounts(run.dataSource), inFlight, notYetSubmitted: women.length - submitted };
      faultStartedAt = Date.now();
      faultDone = options.fault().then(() => {
        faultEndedAt = Date.now();
      });
      continue;
    }
    asked.push(ask(women[i], i));
    submitted++;
    await new Promise((resolve) => setTimeout(resolve, options.spacingMs));
  }
  try {
    await faultDone;
    await Promise.all(asked);
  } finally {
    burstOver = true;
  }
  const burstEndedAt = Date.now();
  const responses = await responder;
  return {
    people: everyone,
    calls,
    maxWaitMs: Math.max(...calls.map((record) => record.ms)),
    faultStartedAt,
    faultEndedAt,
    burstEndedAt,
    atFault: atFault!,
    responses,
  };
}

/**
 * Shelter staff answering offers while the burst runs: of the offers they see, every third is
 * accepted and every third declined (which gives the place back and re-matches the request).
 * One answer per request, not retried: a lost answer is the staff's to give again, not the suite's.
 */
async function respondToOffers(
  run: FaultRun,
  calls: CallRecord[],
  over: () => boolean,
): Promise<{ accepted: number; declined: number }> {
  const answered = new Set<string>();
  const tally = { accepted: 0, declined: 0 };
  let seen = 0;
  while (!over()) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const offers: { request_id: string; facility_id: string }[] = await run.dataSource
      .query(
        `SELECT h.request_id, h.facility_id FROM placement_holds h JOIN placement_requests r ON r.id = h.request_id
          WHERE r.status = 'OFFERED' AND h.state = 'HELD' ORDER BY h.created_at`,
      )
      .catch(() => []); // the database may be restarting
    for (const offer of offers) {
      if (answered.has(offer.request_id)) continue;
      answered.add(offer.request_id);
      const turn = seen++ % 3;
      if (turn === 2) continue;
      const staff = await tokenFor({ role: Role.SHELTER_STAFF, org: 'faultzorg', facilityIds: [offer.facility_id] });
      const urls = run.apiUrls();
      const accept = turn === 0;
      const { record } = await call(
        urls[seen % urls.length],
        RESPOND,
        staff,
        { input: { requestId: offer.request_id, accept, ...(accept ? {} : { declineReason: 'fault suite: no fit' }) } },
        'respondToOffer',
      );
      calls.push(record);
      if (record.outcome === 'answered') tally[accept ? 'accepted' : 'declined']++;
    }
  }
  return tally;
}

// -------------------------------------------------------------------------------------------------
// After the fault

export interface FaultFigures {
  maxWaitMs: number;
  /** The five slowest calls: ms waited, and when each was sent relative to the fault's injection. */
  slowest: { ms: number; sentAfterFaultMs: number; outcome: string }[];
  calls: number;
  failedCalls: number;
  /** What the failed calls saw, and how often. */
  failures: Record<string, number>;
  /** From the fault's end, and from the last client's answer, until every request was settled. */
  settleAfterFaultMs: number;
  settleAfterBurstMs: number;
  /** Of the service's clock: from each ACUTE request's creation to its escalation. */
  escalatedAfterMs: number[];
  counts: StatusCounts;
  responses: { accepted: number; declined: number };
}

/**
 * What must hold after every fault (issue 15): every submitted request exists exactly once and is
 * settled; no facility over capacity; `held` equals the places of active holds; no person holds
 * two places; no client call waited longer than MAX_CLIENT_WAIT_MS; the ACUTE requests were
 * escalated on time. Returns the figures for the README (NOTES-h-faults.md).
 */
export async function assertAfterFault(run: FaultRun, result: BurstResult): Promise<FaultFigures> {
  const diagnostics = () =>
    `calls not answered: ${JSON.stringify(result.calls.filter((c) => c.outcome !== 'answered').slice(0, 10))}\n${run.cluster.outputs()}`;

  // The fault landed mid-burst, or the test proves nothing.
  expect(result.atFault.notYetSubmitted).toBeGreaterThan(0);
  // Recovered by itself: no process died of the fault (a killed one was started again by the test, as a supervisor would).
  const exited = run.exitedProcesses();
  if (exited.length > 0) throw new Error(`processes exited during the fault:\n${exited.join('\n')}`);

  // Every person has an answer, each a request of her own, and there are no other requests: exactly once.
  const ids = result.people.map((person) => person.id);
  expect(ids.filter((id) => id === undefined)).toEqual([]);
  expect(new Set(ids).size).toBe(result.people.length);
  const counts = await waitUntilSettled(run.dataSource, result.people.length, { timeoutMs: 60_000, diagnostics });
  const settledAt = Date.now();
  const rows: { id: string }[] = await run.dataSource.query('SELECT id FROM placement_requests');
  expect(rows.map((row) => row.id).sort()).toEqual([...(ids as string[])].sort());

  await assertLedger(run.dataSource);

  const escalatedAfterMs = await waitForEscalation(
    run.dataSource,
    result.people.filter((person) => person.acute).map((person) => person.id!),
  );
  for (const ms of escalatedAfterMs) expect(ms).toBeLessThanOrEqual(ESCALATE_AFTER_MINUTES * 60_000 + ESCALATION_GRACE_MS);

  // The one timing assertion (see MAX_CLIENT_WAIT_MS): no call hung on the fault.
  const slow = result.calls.filter((record) => record.ms > MAX_CLIENT_WAIT_MS);
  expect(slow).toEqual([]);

  return {
    maxWaitMs: result.maxWaitMs,
    slowest: [...result.calls]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((record) => ({ ms: record.ms, sentAfterFaultMs: record.at - result.faultStartedAt, outcome: record.outcome })),
    calls: result.calls.length,
    failedCalls: result.calls.filter((record) => record.outcome !== 'answered').length,
    failures: result.calls
      .filter((record) => record.outcome !== 'answered')
      .reduce<Record<string, number>>((tally, record) => {
        const what = `${record.operation} ${record.outcome}: ${(record.detail ?? '').slice(0, 120)}`;
        tally[what] = (tally[what] ?? 0) + 1;
        return tally;
      }, {}),
    settleAfterFaultMs: settledAt - result.faultEndedAt,
    settleAfterBurstMs: settledAt - result.burstEndedAt,
    escalatedAfterMs,
    counts,
    responses: result.responses,
  };
}

/**
 * The ledger in one snapshot: per facility `held` equals the places of its HELD holds and nothing
 * is over capacity; an OFFERED or ACCEPTED request has exactly one HELD hold of its group's size,
 * any other none; no request (so, with one request per person, no person) has two active places.
 */
async function assertLedger(dataSource: DataSource): Promise<void> {
  await dataSource.transaction('REPEATABLE READ', async (manager) => {
    await assertFacilityLedger(manager);

    const requests: { id: string; status: string; group_size: number; held: number; held_places: number; active: number }[] =
      await manager.query(
        `SELECT r.id, r.status, r.group_size,
                count(h.id) FILTER (WHERE h.state = 'HELD')::int AS held,
                COALESCE(sum(h.places) FILTER (WHERE h.state = 'HELD'), 0)::int AS held_places,
                count(h.id) FILTER (WHERE h.state IN ('HELD', 'OCCUPIED'))::int AS active
           FROM placement_requests r LEFT JOIN placement_holds h ON h.request_id = r.id
          GROUP BY r.id, r.status, r.group_size`,
      );
    const holding = (status: string) => status === 'OFFERED' || status === 'ACCEPTED';
    const wrong = requests.filter((r) =>
      holding(r.status)
        ? r.held !== 1 || r.held_places !== r.group_size
        : r.held !== 0 || r.active > (r.status === 'PLACED' ? 1 : 0),
    );
    expect(wrong).toEqual([]);
    expect(requests.filter((r) => r.active > 1)).toEqual([]);
  });
}

/** Waits until every ACUTE request is escalated; returns, per request, the service clock's time from creation to escalation. */
async function waitForEscalation(dataSource: DataSource, ids: string[]): Promise<number[]> {
  const deadline = Date.now() + ((ESCALATE_AFTER_MINUTES * 60_000 + ESCALATION_GRACE_MS) / CLOCK_SPEED) * 2 + 5_000;
  for (;;) {
    const rows: { escalated_at: Date | null; created_at: Date }[] = await dataSource.query(
      'SELECT escalated_at, created_at FROM placement_requests WHERE id = ANY($1::uuid[])',
      [ids],
    );
    if (rows.length === ids.length && rows.every((row) => row.escalated_at !== null))
      return rows.map((row) => row.escalated_at!.getTime() - row.created_at.getTime());
    if (Date.now() > deadline) throw new Error(`ACUTE requests not escalated: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits for `ms` of wall time. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
