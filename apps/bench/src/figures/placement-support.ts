/**
 * Small pieces the placement figures share: the mutation texts, an HTTP call that also reports its
 * own round trip, polling with a deadline, and the matcher run in this process on a database's rows
 * (to prepare a register and to check what a profile can get before anything is measured).
 */
import { type GeoPoint, type MatchResult, matchFacilities, matchingConfig, type VictimProfile } from '@opvangplek/domain';
import { REGISTER_ROWS_ORDER, REGISTER_ROWS_SQL, type RegisterRecord, toLoadedFacility } from '@opvangplek/capacity';
import { toFacilitySnapshot } from '@opvangplek/registry';
import type { DataSource } from 'typeorm';
import type { BenchContext } from '../figure';
import { LoadAborted } from '../load-driver';
import type { ProfileInput } from './profiles';

export const REQUEST_PLACEMENT = `mutation BenchRequestPlacement($input: PlacementRequestInput!) {
  requestPlacement(input: $input) { id status }
}`;

export type RequestPlacementData = { requestPlacement: { id: string; status: string } };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns a value, the deadline passes (throws `timeoutMessage()`) or the run is interrupted. */
export async function pollUntil<T>(
  context: BenchContext,
  check: () => Promise<T | undefined>,
  options: { timeoutMs: number; everyMs?: number; timeoutMessage: () => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (context.signal.aborted) throw new LoadAborted();
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(options.timeoutMessage());
    await sleep(options.everyMs ?? 25);
  }
}

/** The register's regions, in code order. */
export async function regionCodes(dataSource: DataSource): Promise<string[]> {
  return ((await dataSource.query('SELECT code FROM regions ORDER BY code')) as { code: string }[]).map((r) => r.code);
}

/**
 * The pure matcher on the database's current rows, in this process, as the API would run it now
 * (`pretendFree`: as if every place not out of service were free, to see where a profile COULD go).
 */
export async function matchInProcess(
  context: BenchContext,
  dataSource: DataSource,
  profile: ProfileInput,
  options: { requesterRegionCode?: string; pretendFree?: boolean } = {},
): Promise<MatchResult> {
  const rows: RegisterRecord[] = await dataSource.query(`${REGISTER_ROWS_SQL} ${REGISTER_ROWS_ORDER}`);
  const regions = (await dataSource.query('SELECT code, latitude, longitude FROM regions')) as {
    code: string;
    latitude: number;
    longitude: number;
  }[];
  const facilities = rows.map((row) => {
    const snapshot = toFacilitySnapshot(toLoadedFacility(row));
    if (!options.pretendFree) return snapshot;
    return { ...snapshot, capacity: { ...snapshot.capacity, occupied: 0, held: 0 } };
  });
  const regionCentroids: Record<string, GeoPoint> = Object.fromEntries(
    regions.map((r) => [r.code, { latitude: r.latitude, longitude: r.longitude }]),
  );
  return matchFacilities({
    profile: profile as unknown as VictimProfile,
    facilities,
    at: new Date(),
    requesterRegionCode: options.requesterRegionCode ?? null,
    regionCentroids,
    authorityHours: context.config.authorityHours,
    config: matchingConfig({ freshness: context.config.freshness }),
  });
}

/** Whether a matched facility can be placed at any hour (its authority and its intake never close). */
export function roundTheClock(context: BenchContext, facility: MatchResult['matches'][number]['facility']): boolean {
  return context.config.authorityHours[facility.placingAuthority] === null && facility.intakeHours === null;
}

/**
 * Where a request's time went, from the history rows the API and the workers wrote: RECEIVED →
 * first MATCHING (waiting in the queue for a worker) and first MATCHING → first of `settled`
 * (matching and taking the hold), over the requests `requestIds` (the ids the calls answered: the
 * clientReference is sealed at rest, so requests cannot be picked by it in SQL). Informational:
 * one clock, millisecond timestamps.
 */
export async function stageBreakdown(
  dataSource: DataSource,
  requestIds: string[],
  settled: string[],
  firstStage = 'queued for a worker',
): Promise<string> {
  const [row] = (await dataSource.query(
    `WITH s AS (
       SELECT min(e.at) FILTER (WHERE e.status = 'RECEIVED') AS received,
              min(e.at) FILTER (WHERE e.status = 'MATCHING') AS matching,
              min(e.at) FILTER (WHERE e.status::text = ANY($2::text[])) AS settled
         FROM placement_requests r JOIN placement_events e ON e.request_id = r.id
        WHERE r.id = ANY($1::uuid[])
        GROUP BY r.id
     ), ms AS (
       SELECT extract(epoch FROM matching - received) * 1000 AS queued, extract(epoch FROM settled - matching) * 1000 AS work
         FROM s WHERE received IS NOT NULL AND matching IS NOT NULL AND settled IS NOT NULL
     )
     SELECT count(*)::int AS n,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY queued) AS q50, percentile_disc(0.99) WITHIN GROUP (ORDER BY queued) AS q99,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY work) AS w50, percentile_disc(0.99) WITHIN GROUP (ORDER BY work) AS w99
       FROM ms`,
    [requestIds, settled],
  )) as { n: number; q50: string | null; q99: string | null; w50: string | null; w99: string | null }[];
  const ms = (value: string | null) => (value === null ? '—' : `${Math.round(Number(value))} ms`);
  return (
    `server side over ${row.n} requests (placement_events): RECEIVED → MATCHING (${firstStage}) p50 ${ms(row.q50)} · p99 ${ms(row.q99)}; ` +
    `MATCHING → ${settled.join('/')} (match and hold) p50 ${ms(row.w50)} · p99 ${ms(row.w99)}`
  );
}
