/**
 * Contention (`--only placement-contention`): 500 requestPlacement calls fired at once at 2 API processes,
 * matched by 2 worker processes (all from dist/, on a private database holding the national
 * register with every place taken except exactly 50 that the profile can get, at any hour). Waits
 * until each request is OFFERED or WAITING, then checks the ledger in one snapshot: exactly 50
 * OFFERED, 450 WAITING, capacity.held equal to the places of the HELD holds and occupied + held +
 * out_of_service ≤ total everywhere. Throughput = requests settled per second.
 *
 * Baseline: the 500 bare hold statements alone (`UPDATE … SET held = held + 1 … WHERE free > 0
 * RETURNING`), all issued at once through a pg Pool with as many connections as the workers run
 * jobs (2 × 4), on a copy of the same free capacity: the least a correct hold can cost, with none
 * of the queue, the matching, the history or the HTTP.
 */
import { randomBytes } from 'node:crypto';
import { Role } from '@opvangplek/domain';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { type BenchContext, type BenchFigure, fmtMs, type Measurement, memorySnapshot } from '../figure';
import { postGraphql } from '../graphql-client';
import { summarize } from '../load-driver';
import { freePlacesAt, takeEveryPlace } from '@opvangplek/capacity';
import { type Cluster, tokenFor, withPrivateCluster } from './private-cluster';
import {
  matchInProcess,
  pollUntil,
  REQUEST_PLACEMENT,
  type RequestPlacementData,
  regionCodes,
  roundTheClock,
  sleep,
  stageBreakdown,
} from './placement-support';
import { roundTheClockMix } from './profiles';
import { API_RSS_LIMIT_MB, sampleClusterMemory } from './soak-samples';

const REQUESTS = 500;
const FREE_PLACES = 50;
const APIS = 2;
const WORKERS = 2;
/** The worker's job concurrency (placement.processor.ts) × workers: holds in flight at most. */
const HOLDS_IN_FLIGHT = WORKERS * 4;
const BASELINE_ROUNDS = 3;

const PROFILE = roundTheClockMix()[0].profile;
/** Matches nothing in the register: warms the workers' code paths without taking a place. */
const WARMUP_PROFILE = { gender: 'FEMALE', age: 30, exploitationTypes: ['SEXUAL'], residenceStatus: 'ASYLUM_PROCEDURE' };

const CANCEL = `mutation BenchCancel($id: ID!) { cancelPlacementRequest(requestId: $id, reason: "bench warm-up") { id status } }`;
const MATCH = `query BenchWarm($profile: VictimProfileInput!) { matchFacilities(profile: $profile, options: { first: 5, excludedFirst: 5 }) { matchCount } }`;

/** Every place taken, then exactly FREE_PLACES freed at facilities the profile can get around the clock. */
async function prepareRegister(context: BenchContext, dataSource: DataSource): Promise<{ facilityIds: string[]; note: string }> {
  const candidates = (await matchInProcess(context, dataSource, PROFILE, { pretendFree: true })).matches.filter(
    (m) => roundTheClock(context, m.facility) && m.facility.capacity.total - m.facility.capacity.outOfService >= 1,
  );
  const freed: { id: string; places: number }[] = [];
  let left = FREE_PLACES;
  for (const match of candidates) {
    if (left === 0) break;
    const places = Math.min(2, left, match.facility.capacity.total - match.facility.capacity.outOfService);
    freed.push({ id: match.facility.id, places });
    left -= places;
  }
  if (left > 0) throw new Error(`only ${FREE_PLACES - left} places in the register suit the profile around the clock`);
  await dataSource.transaction(async (manager) => {
    // No seeded `held` survives: every held place must belong to a hold row of this run.
    await takeEveryPlace(manager);
    for (const { id, places } of freed) await freePlacesAt(manager, id, places);
  });
  await dataSource.query('ANALYZE capacity');

  const check = await matchInProcess(context, dataSource, PROFILE);
  const free = check.matches.reduce(
    (sum, m) => sum + m.facility.capacity.total - m.facility.capacity.occupied - m.facility.capacity.outOfService,
    0,
  );
  if (free !== FREE_PLACES || check.matches.some((m) => !roundTheClock(context, m.facility)))
    throw new Error(
      `setup: the profile can get ${free} places (${check.matches.length} facilities), expected ${FREE_PLACES} around the clock`,
    );
  const warm = await matchInProcess(context, dataSource, WARMUP_PROFILE);
  if (warm.matches.length > 0) throw new Error('setup: the warm-up profile matches a facility and would take a place');
  const [{ facilities }] = (await dataSource.query('SELECT count(*)::int AS facilities FROM capacity')) as {
    facilities: number;
  }[];
  return {
    facilityIds: freed.map((f) => f.id),
    note:
      `register: national ×${context.scale} (${facilities} facilities) with every place taken except ${FREE_PLACES} at ${freed.length} ` +
      `facilities the profile can get around the clock (checked with the matcher in this process: ${check.matches.length} matches, ` +
      `${free} free places; ${check.excluded.length} excluded)`,
  };
}

/** The baseline on a copy of the prepared capacity: all statements issued at once, HOLDS_IN_FLIGHT connections. */
async function bareHolds(url: string, facilityIds: string[]): Promise<{ latencies: number[]; wallMs: number; taken: number }> {
  const pool = new Pool({ connectionString: url, max: HOLDS_IN_FLIGHT, application_name: 'opvangplek-bench-bare-holds' });
  try {
    await pool.query('TRUNCATE bench_capacity_copy');
    await pool.query('INSERT INTO bench_capacity_copy SELECT * FROM capacity');
    await Promise.all(Array.from({ length: HOLDS_IN_FLIGHT }, () => pool.query('SELECT 1'))); // connections open before timing
    const latencies: number[] = [];
    let taken = 0;
    const began = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const start = process.hrtime.bigint();
        const result = await pool.query(
          `UPDATE bench_capacity_copy SET held = held + 1, version = version + 1, updated_at = now()
            WHERE facility_id = $1 AND total - occupied - held - out_of_service > 0
            RETURNING facility_id, held, version`,
          [facilityIds[i % facilityIds.length]],
        );
        taken += result.rowCount ?? 0;
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      }),
    );
    return { latencies, wallMs: Number(process.hrtime.bigint() - began) / 1e6, taken };
  } finally {
    await pool.end();
  }
}

type Counts = Record<string, number>;

/** The statuses of the requests `ids` (the answers' ids: a clientReference is sealed at rest, not selectable in SQL). */
async function statusCounts(dataSource: DataSource, ids: string[]): Promise<Counts> {
  const rows = (await dataSource.query(
    'SELECT status, count(*)::int AS count FROM placement_requests WHERE id = ANY($1::uuid[]) GROUP BY status',
    [ids],
  )) as { status: string; count: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.count]));
}

const total = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The ledger in one snapshot; every violation in words. */
async function checkLedger(dataSource: DataSource, ids: string[]) {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const facilities = (await manager.query(
      `SELECT c.facility_id, c.total, c.occupied, c.held, c.out_of_service,
              COALESCE((SELECT sum(h.places) FROM placement_holds h WHERE h.facility_id = c.facility_id AND h.state = 'HELD'), 0)::int AS held_by_holds
         FROM capacity c`,
    )) as { facility_id: string; total: number; occupied: number; held: number; out_of_service: number; held_by_holds: number }[];
    const requests = (await manager.query(
      `SELECT r.status, count(h.id) FILTER (WHERE h.state = 'HELD')::int AS held
         FROM placement_requests r LEFT JOIN placement_holds h ON h.request_id = r.id
        WHERE r.id = ANY($1::uuid[]) GROUP BY r.id, r.status`,
      [ids],
    )) as { status: string; held: number }[];
    const problems: string[] = [];
    const heldMismatch = facilities.filter((f) => f.held !== f.held_by_holds);
    const overbooked = facilities.filter((f) => f.occupied + f.held + f.out_of_service > f.total);
    const wrongHolds = requests.filter((r) => r.held !== (r.status === 'OFFERED' ? 1 : 0));
    if (heldMismatch.length)
      problems.push(`${heldMismatch.length} facilities where capacity.held ≠ the places of their HELD holds`);
    if (overbooked.length) problems.push(`${overbooked.length} facilities with occupied + held + out_of_service > total`);
    if (wrongHolds.length) problems.push(`${wrongHolds.length} requests with a wrong number of HELD holds`);
    const heldPlaces = facilities.reduce((sum, f) => sum + f.held, 0);
    const offered = requests.filter((r) => r.status === 'OFFERED').length;
    if (heldPlaces !== offered) problems.push(`${heldPlaces} places held for ${offered} offers`);
    return { problems, heldPlaces, offered, facilities: facilities.length };
  });
}

async function warmUp(
  context: BenchContext,
  cluster: Cluster,
  dataSource: DataSource,
  token: string,
  regions: string[],
): Promise<void> {
  for (const url of cluster.apiUrls) await postGraphql(url, token, MATCH, { profile: PROFILE });
  const prefix = `bench-warm-${randomBytes(3).toString('hex')}-`;
  const ids = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const url = cluster.apiUrls[i % cluster.apiUrls.length];
      const input = {
        profile: WARMUP_PROFILE,
        urgency: 'URGENT',
        regionCode: regions[i % regions.length],
        clientReference: `${prefix}${i}`,
      };
      return (await postGraphql<RequestPlacementData>(url, token, REQUEST_PLACEMENT, { input })).requestPlacement.id;
    }),
  );
  await pollUntil(
    context,
    async () => {
      const counts = await statusCounts(dataSource, ids);
      return counts.WAITING === ids.length ? counts : undefined;
    },
    { timeoutMs: 60_000, timeoutMessage: () => `warm-up requests not WAITING within 60 s\n${cluster.outputs()}` },
  );
  for (const id of ids) await postGraphql(cluster.apiUrls[0], token, CANCEL, { id });
}

export const placementContentionFigure: BenchFigure = {
  name: 'placement-contention',
  description: `${REQUESTS} concurrent requestPlacement for ${FREE_PLACES} free places across ${APIS} API + ${WORKERS} worker processes; exactly ${FREE_PLACES} OFFERED, ${REQUESTS - FREE_PLACES} WAITING, no overbooking; throughput vs bare UPDATE … RETURNING`,
  scale: 1,
  async run(context) {
    let prepared: { facilityIds: string[]; note: string } | undefined;
    const baseline: { latencies: number[]; wallMs: number; taken: number }[] = [];
    return withPrivateCluster(
      context,
      {
        suffix: 'contention',
        scale: context.scale,
        apis: APIS,
        workers: WORKERS,
        prepare: async (db) => {
          prepared = await prepareRegister(context, db.dataSource);
          context.log(`  ${prepared.note}`);
          await db.dataSource.query('CREATE TABLE bench_capacity_copy (LIKE capacity INCLUDING ALL)');
          // The baseline runs before the processes start, on a quiet machine, a few times: one burst is short.
          context.log(
            `  baseline: ${BASELINE_ROUNDS} × ${REQUESTS} bare hold statements, all at once, pool of ${HOLDS_IN_FLIGHT}`,
          );
          for (let round = 0; round < BASELINE_ROUNDS; round++) baseline.push(await bareHolds(db.url, prepared.facilityIds));
        },
      },
      async (db, cluster, started) => {
        const regions = await regionCodes(db.dataSource);
        const token = await tokenFor(context, { role: Role.ZORGCOORDINATOR, org: 'opvangplek-bench', regions });
        context.log(
          `  processes ready in ${started.seconds} s; warming up (matchFacilities per API, 8 requests no place suits, cancelled)`,
        );
        await warmUp(context, cluster, db.dataSource, token, regions);
        await sleep(500);

        const prefix = `bench-c-${randomBytes(3).toString('hex')}-`;
        const sentAt: number[] = new Array<number>(REQUESTS);
        const httpMs: number[] = [];
        context.log(
          `  firing ${REQUESTS} requestPlacement at once, round-robin over ${APIS} APIs, regions rotating over ${regions.length}`,
        );
        const memory = sampleClusterMemory(cluster.processes);
        const firstSent = Date.now();
        const httpBegan = process.hrtime.bigint();
        const answers = await Promise.allSettled(
          Array.from({ length: REQUESTS }, async (_, i) => {
            const url = cluster.apiUrls[i % cluster.apiUrls.length];
            const input = {
              profile: PROFILE,
              urgency: 'URGENT',
              regionCode: regions[i % regions.length],
              clientReference: `${prefix}${i}`,
            };
            sentAt[i] = Date.now();
            const start = process.hrtime.bigint();
            const answer = await postGraphql<RequestPlacementData>(url, token, REQUEST_PLACEMENT, { input });
            httpMs.push(Number(process.hrtime.bigint() - start) / 1e6);
            if (answer.requestPlacement.status !== 'RECEIVED')
              throw new Error(`requestPlacement answered ${answer.requestPlacement.status}, not RECEIVED`);
            return answer.requestPlacement.id;
          }),
        );
        const httpWallMs = Number(process.hrtime.bigint() - httpBegan) / 1e6;
        const failed = answers.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        if (failed.length)
          throw new Error(
            `${failed.length} of ${REQUESTS} submissions failed: ${String(failed[0].reason)}\n${cluster.outputs()}`,
          );
        const ids = answers.map((answer) => (answer as PromiseFulfilledResult<string>).value);
        const sentAtOf = new Map(ids.map((id, i) => [id, sentAt[i]]));

        const timeoutMs = Math.min(context.maxDurationMs, 180_000);
        const settled = await pollUntil(
          context,
          async () => {
            const counts = await statusCounts(db.dataSource, ids);
            return total(counts) === REQUESTS && !counts.RECEIVED && !counts.MATCHING ? counts : undefined;
          },
          {
            timeoutMs,
            timeoutMessage: () => `requests not all OFFERED/WAITING within ${timeoutMs / 1000} s\n${cluster.outputs()}`,
          },
        );
        const memoryUnderBurst = memory.stop();
        const ledger = await checkLedger(db.dataSource, ids);

        // Per request: from its submission to its first OFFERED or WAITING, by the workers' clock (same machine).
        const settleRows = (await db.dataSource.query(
          `SELECT r.id, min(e.at) AS settled_at
             FROM placement_requests r JOIN placement_events e ON e.request_id = r.id AND e.status IN ('OFFERED', 'WAITING')
            WHERE r.id = ANY($1::uuid[]) GROUP BY r.id`,
          [ids],
        )) as { id: string; settled_at: Date }[];
        const latencies = settleRows.map((row) => row.settled_at.getTime() - sentAtOf.get(row.id)!);
        const lastSettled = Math.max(...settleRows.map((row) => row.settled_at.getTime()));
        const [{ matching }] = (await db.dataSource.query(
          `SELECT count(*)::int AS matching FROM placement_events e JOIN placement_requests r ON r.id = e.request_id
            WHERE r.id = ANY($1::uuid[]) AND e.status = 'MATCHING'`,
          [ids],
        )) as { matching: number }[];

        const breakdown = await stageBreakdown(db.dataSource, ids, ['OFFERED', 'WAITING']);
        const mem = memorySnapshot();
        const settledRun: Measurement = {
          key: 'settled',
          label: 'submit → settled',
          what: `from each submission to its first OFFERED or WAITING (placement_events), ${REQUESTS} at once over ${APIS} APIs and ${WORKERS} workers; req/s = requests settled per second`,
          stats: summarize(latencies, lastSettled - firstSent),
          memory: { before: mem, after: mem },
        };
        const byThroughput = [...baseline].sort((a, b) => REQUESTS / a.wallMs - REQUESTS / b.wallMs);
        const median = byThroughput[Math.floor(byThroughput.length / 2)];
        const bareRun: Measurement = {
          key: 'bareHolds',
          label: 'bare UPDATE hold',
          what: `${REQUESTS} hold statements issued at once through a pg Pool of ${HOLDS_IN_FLIGHT} on a copy of the same capacity (median of ${BASELINE_ROUNDS} bursts by throughput)`,
          stats: summarize(median.latencies, median.wallMs),
          memory: { before: mem, after: mem },
        };
        const httpRun: Measurement = {
          key: 'http',
          label: 'HTTP submit (info)',
          what: 'the same submissions, from sending to the RECEIVED answer',
          stats: summarize(httpMs, httpWallMs),
          memory: { before: mem, after: mem },
        };
        for (const m of [settledRun, bareRun, httpRun]) {
          const s = m.stats;
          context.log(
            `    ${m.label}: ${s.count} in ${(s.wallMs / 1000).toFixed(2)} s: p50 ${fmtMs(s.p50)} · p99 ${fmtMs(s.p99)} · max ${fmtMs(s.max)} · ${s.throughput.toFixed(0)}/s`,
          );
        }

        const offered = settled.OFFERED ?? 0;
        const waiting = settled.WAITING ?? 0;
        const baselineWrong = baseline.filter((b) => b.taken !== FREE_PLACES).length;
        return {
          measurements: [settledRun, bareRun, httpRun],
          ratios: [
            {
              label: 'throughput bare UPDATE hold ÷ submit → settled',
              value: bareRun.stats.throughput / settledRun.stats.throughput,
            },
            { label: 'p50 submit → settled ÷ bare UPDATE hold', value: settledRun.stats.p50 / bareRun.stats.p50 },
          ],
          targets: [
            {
              label: `exactly ${FREE_PLACES} OFFERED and ${REQUESTS - FREE_PLACES} WAITING`,
              measured: `${offered} OFFERED, ${waiting} WAITING`,
              pass: offered === FREE_PLACES && waiting === REQUESTS - FREE_PLACES,
            },
            {
              label: 'zero overbooking',
              measured: ledger.problems.length
                ? ledger.problems.join('; ')
                : `${ledger.heldPlaces} places held for ${ledger.offered} offers; held = HELD holds and occupied + held + out_of_service ≤ total at all ${ledger.facilities} facilities`,
              pass: ledger.problems.length === 0,
            },
            {
              label: `API resident memory < ${API_RSS_LIMIT_MB} MB under the burst`,
              measured: `highest API reading ${memoryUnderBurst.apiPeakMB} MB`,
              pass: memoryUnderBurst.apiPeakMB > 0 && memoryUnderBurst.apiPeakMB < API_RSS_LIMIT_MB,
            },
          ],
          notes: [
            prepared!.note,
            breakdown,
            `queue backend ${context.config.queueBackend}, events ${context.config.eventsBackend}; ${APIS} API + ${WORKERS} worker processes from dist/ (NODE_ENV=test), started in ${started.seconds} s`,
            `${matching} MATCHING transitions for ${REQUESTS} requests: ${matching - REQUESTS} re-tries of WAITING requests, which every capacityChanged event schedules (the offers' own holds publish one)`,
            `bare-hold baseline: ${baseline.map((b) => `${(REQUESTS / (b.wallMs / 1000)).toFixed(0)}/s`).join(', ')} over ${BASELINE_ROUNDS} bursts, ` +
              (baselineWrong
                ? `${baselineWrong} burst(s) did NOT take exactly ${FREE_PLACES} places`
                : `each took exactly ${FREE_PLACES} places`),
            `resident memory under the burst (/proc VmRSS, every 100 ms from the first call until all settled): ${memoryUnderBurst.text}`,
            `per-request latency and throughput from submission times here and placement_events.at written by the workers (one machine, one clock)`,
          ],
        };
      },
    );
  },
};
