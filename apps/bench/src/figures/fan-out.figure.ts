/**
 * Fan-out and memory (`--only fan-out`): 1,000 graphql-ws subscriptions to `capacityChanged` and 200 to
 * `placementRequestUpdated`, spread over 2 API processes (2 workers beside them, as in production),
 * then CHANGES capacity changes, one every CHANGE_EVERY_MS, by shelter staff through `updateCapacity`.
 *
 * Reports, for each change, the time from the mutation's answer to its arrival at every capacity
 * subscriber (all of them may see the changed facilities: public addresses only), p50/p99/max over
 * all deliveries; the capacity feed's database reads per event on each API (its own counters on
 * /metrics, scraped before and after); and each process's resident memory (/proc, from outside) at
 * the start, under the fan-out and at the end. Targets: p99 delivery < 1 s, at most one
 * read per event and kind of read per API process, API RSS < 200 MB.
 *
 * The README's per-caller limits are kept as configured: 60 callers (distinct token subjects), each
 * with one socket of SUBSCRIPTIONS_PER_SOCKET subscriptions (WS_MAX_SUBSCRIPTIONS 20, 40 per caller).
 */
import { Role } from '@opvangplek/domain';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type BenchContext, type BenchFigure, fmtMs, memorySnapshot } from '../figure';
import { postGraphql } from '../graphql-client';
import { LoadAborted, summarize } from '../load-driver';
import {
  type CapacityFeedCounts,
  capacityFeedCounts,
  deliveryLatencies,
  deliveryPercentiles,
  readsPerEvent,
} from './fan-out-samples';
import { type Cluster, tokenFor, withPrivateCluster } from './private-cluster';
import { regionCodes, sleep } from './placement-support';
import { API_RSS_LIMIT_MB, MemoryTrack, residentMB } from './soak-samples';

const APIS = 2;
const WORKERS = 2;
const SUBSCRIPTIONS_PER_SOCKET = 20;
/** 50 callers × 20 = 1,000 capacityChanged subscriptions; 10 × 20 = 200 placementRequestUpdated. */
const CAPACITY_CALLERS = 50;
const REQUEST_CALLERS = 10;
const CHANGES = 20;
const CHANGE_EVERY_MS = 2_000;
/** How long the figure waits for the warm-up change to reach every subscription (they are live once it has). */
const LIVE_TIMEOUT_MS = 30_000;
/** After the last change: how long stragglers may take before they count as never delivered. */
const DRAIN_MS = 10_000;
const FACILITIES = 10;
const P99_LIMIT_MS = 1_000;
/** The callers' roles in turn: a region's coordinators, the police, shelter staff (all follow public facilities). */
const ROLES = [Role.ZORGCOORDINATOR, Role.POLICE, Role.SHELTER_STAFF] as const;

const CAPACITY_SUBSCRIPTION = 'subscription FanOutCapacity { capacityChanged { id capacity { version } } }';
const REQUEST_SUBSCRIPTION = 'subscription FanOutRequests { placementRequestUpdated { id status } }';
const UPDATE_CAPACITY =
  'mutation FanOutCapacity($input: UpdateCapacityInput!) { updateCapacity(input: $input) { id capacity { version } } }';

type CapacityEvent = { capacityChanged: { id: string; capacity: { version: number } | null } };
type UpdateCapacityData = { updateCapacity: { id: string; capacity: { version: number } | null } };

/** What the subscriptions saw: arrival times per facility version, and anything that went wrong. */
class Deliveries {
  readonly arrivals = new Map<string, bigint[]>();
  readonly errors: string[] = [];
  errorCount = 0;
  requestUpdates = 0;

  key(facilityId: string, version: number | undefined): string {
    return `${facilityId}:${version ?? '?'}`;
  }

  arrived(key: string): number {
    return this.arrivals.get(key)?.length ?? 0;
  }

  failed(what: string, error: unknown): void {
    this.errorCount++;
    if (this.errors.length < 5)
      this.errors.push(`${what}: ${error instanceof Error ? error.message : JSON.stringify(error).slice(0, 200)}`);
  }
}

function subscribeMany(client: Client, deliveries: Deliveries, kind: 'capacity' | 'requests'): Array<() => void> {
  return Array.from({ length: SUBSCRIPTIONS_PER_SOCKET }, () =>
    kind === 'capacity'
      ? client.subscribe<CapacityEvent>(
          { query: CAPACITY_SUBSCRIPTION },
          {
            next: (message) => {
              const at = process.hrtime.bigint();
              const facility = message.data?.capacityChanged;
              if (!facility) return deliveries.failed('capacityChanged', message.errors ?? message);
              const key = deliveries.key(facility.id, facility.capacity?.version);
              const list = deliveries.arrivals.get(key);
              if (list) list.push(at);
              else deliveries.arrivals.set(key, [at]);
            },
            error: (error) => deliveries.failed('capacityChanged', error),
            complete: () => undefined,
          },
        )
      : client.subscribe<{ placementRequestUpdated: { id: string } }>(
          { query: REQUEST_SUBSCRIPTION },
          {
            next: (message) => {
              if (message.data?.placementRequestUpdated) deliveries.requestUpdates++;
              else deliveries.failed('placementRequestUpdated', message.errors ?? message);
            },
            error: (error) => deliveries.failed('placementRequestUpdated', error),
            complete: () => undefined,
          },
        ),
  );
}

/** One scrape of each API's capacity feed counters, in API order; undefined where a scrape failed. */
async function scrapeFeeds(cluster: Cluster): Promise<(CapacityFeedCounts | undefined)[]> {
  return Promise.all(
    cluster.apiUrls.map(async (url) => {
      try {
        return capacityFeedCounts(await (await fetch(`${url}/metrics`)).text());
      } catch {
        return undefined;
      }
    }),
  );
}

export const fanOutFigure: BenchFigure = {
  name: 'fan-out',
  description:
    `issue 16 fan-out: ${CAPACITY_CALLERS * SUBSCRIPTIONS_PER_SOCKET} capacityChanged + ${REQUEST_CALLERS * SUBSCRIPTIONS_PER_SOCKET} ` +
    `placementRequestUpdated subscribers over ${APIS} APIs, ${CHANGES} capacity changes; target p99 delivery < ${P99_LIMIT_MS / 1000} s, ` +
    `≤ 1 database read per event per API, API RSS < ${API_RSS_LIMIT_MB} MB`,
  scale: 1,
  // About a minute of its own processes and 60 sockets: only with --only fan-out.
  optIn: true,
  async run(context: BenchContext) {
    let facilityIds: string[] = [];
    return withPrivateCluster(
      context,
      {
        suffix: 'fanout',
        scale: context.scale,
        apis: APIS,
        workers: WORKERS,
        prepare: async (db) => {
          // Public addresses only: every subscriber may see these, counts included (a secret one only its staff).
          const rows = (await db.dataSource.query(
            `SELECT f.id FROM facilities f JOIN capacity c ON c.facility_id = f.id
              WHERE NOT f.secret_address AND c.total - c.out_of_service - c.held >= 1
              ORDER BY f.id LIMIT ${FACILITIES}`,
          )) as { id: string }[];
          facilityIds = rows.map((r) => r.id);
          if (facilityIds.length === 0) throw new Error('setup: no public-address facility with a place to change');
        },
      },
      async (db, cluster, started) => {
        const regions = await regionCodes(db.dataSource);
        const apiUrls = cluster.apiUrls;
        const staff = await tokenFor(context, { role: Role.SHELTER_STAFF, org: 'opvangplek-bench-fanout-staff', facilityIds });
        // Distinct subjects (tokenFor's sub is bench@<org>): each caller has its own socket and subscription budget.
        const callerToken = (i: number, kind: string, role: Role) =>
          tokenFor(context, {
            role,
            org: `opvangplek-bench-fanout-${kind}-${i}`,
            ...(role === Role.SHELTER_STAFF ? { facilityIds: [facilityIds[i % facilityIds.length]] } : { regions }),
          });
        const memory = cluster.processes.map((p, i) => ({
          label: `${p.kind} ${i}`,
          kind: p.kind,
          start: residentMB(p.child.pid),
          load: new MemoryTrack(`${p.kind} ${i}`, p.child.pid),
          end: undefined as number | undefined,
          pid: p.child.pid,
        }));
        const deliveries = new Deliveries();
        const clients: Client[] = [];
        const unsubscribes: Array<() => void> = [];
        const before = memorySnapshot();
        let retries = 0;

        /** Staff change one facility's occupied count by one (down if it can, else up), re-reading on CONFLICT. */
        const change = async (facilityId: string, url: string): Promise<{ key: string; answerNs: bigint }> => {
          for (let attempt = 0; ; attempt++) {
            const [row] = (await db.dataSource.query(
              'SELECT total, occupied, held, out_of_service AS "outOfService", version FROM capacity WHERE facility_id = $1',
              [facilityId],
            )) as { total: number; occupied: number; held: number; outOfService: number; version: number }[];
            const occupied = row.occupied > 0 ? row.occupied - 1 : row.occupied + 1;
            try {
              const answer = await postGraphql<UpdateCapacityData>(url, staff, UPDATE_CAPACITY, {
                input: { facilityId, total: row.total, occupied, outOfService: row.outOfService, expectedVersion: row.version },
              });
              const answerNs = process.hrtime.bigint();
              return { key: deliveries.key(answer.updateCapacity.id, answer.updateCapacity.capacity?.version), answerNs };
            } catch (error) {
              if (attempt >= 3 || !/conflict|version/i.test(error instanceof Error ? error.message : '')) throw error;
              retries++;
            }
          }
        };

        try {
          const subscribers = async (count: number, kind: 'capacity' | 'requests', offset: number) => {
            for (let i = 0; i < count; i++) {
              const role = kind === 'capacity' ? ROLES[i % ROLES.length] : Role.ZORGCOORDINATOR;
              const token = await callerToken(i, kind, role);
              const client = createClient({
                url: `${apiUrls[(i + offset) % apiUrls.length].replace(/^http/, 'ws')}/graphql`,
                webSocketImpl: WebSocket,
                connectionParams: { Authorization: `Bearer ${token}` },
                retryAttempts: 0,
                lazy: false,
                onNonLazyError: (error) => deliveries.failed(`${kind} socket`, error),
              });
              clients.push(client);
              unsubscribes.push(...subscribeMany(client, deliveries, kind));
            }
          };
          const capacitySubscriptions = CAPACITY_CALLERS * SUBSCRIPTIONS_PER_SOCKET;
          await subscribers(CAPACITY_CALLERS, 'capacity', 0);
          await subscribers(REQUEST_CALLERS, 'requests', 1);
          context.log(
            `  processes ready in ${started.seconds} s; ${clients.length} sockets: ${capacitySubscriptions} capacityChanged + ` +
              `${REQUEST_CALLERS * SUBSCRIPTIONS_PER_SOCKET} placementRequestUpdated subscriptions over ${APIS} APIs`,
          );

          // Warm-up: one change every subscription must see before anything is measured (they are live then).
          const liveSince = Date.now();
          const warmUp = await change(facilityIds[0], apiUrls[0]);
          while (deliveries.arrived(warmUp.key) < capacitySubscriptions && Date.now() - liveSince < LIVE_TIMEOUT_MS) {
            if (context.signal.aborted) throw new LoadAborted();
            await sleep(50);
          }
          const live = deliveries.arrived(warmUp.key);
          context.log(
            `  warm-up change reached ${live} of ${capacitySubscriptions} subscriptions in ${Date.now() - liveSince} ms`,
          );
          memory.forEach((m) => m.load.sample());

          const feedsBefore = await scrapeFeeds(cluster);
          const changes: { key: string; answerNs: bigint }[] = [];
          const t0 = Date.now();
          for (let k = 0; k < CHANGES; k++) {
            if (context.signal.aborted) throw new LoadAborted();
            const waitMs = t0 + k * CHANGE_EVERY_MS - Date.now();
            if (waitMs > 0) await sleep(waitMs);
            // Staff write through either API; the event reaches both over the events backend.
            changes.push(await change(facilityIds[k % facilityIds.length], apiUrls[k % apiUrls.length]));
            memory.forEach((m) => m.load.sample());
          }
          const drainEnd = Date.now() + DRAIN_MS;
          while (
            changes.some((c) => deliveries.arrived(c.key) < capacitySubscriptions) &&
            Date.now() < drainEnd &&
            !context.signal.aborted
          )
            await sleep(100);
          memory.forEach((m) => m.load.sample());
          const feedsAfter = await scrapeFeeds(cluster);

          const latencies: number[] = [];
          let early = 0;
          let missing = 0;
          const perChangeP99: number[] = [];
          for (const c of changes) {
            const one = deliveryLatencies(c.answerNs, deliveries.arrivals.get(c.key) ?? [], capacitySubscriptions);
            latencies.push(...one.latenciesMs);
            early += one.early;
            missing += one.missing;
            perChangeP99.push(deliveryPercentiles(one.latenciesMs, one.missing).p99);
          }
          const overall = deliveryPercentiles(latencies, missing);
          const fmt = (ms: number) => (Number.isFinite(ms) ? fmtMs(ms) : 'never (missing)');
          context.log(
            `    ${latencies.length} deliveries of ${changes.length} changes (${missing} missing, ${early} before the answer): ` +
              `p50 ${fmt(overall.p50)} · p99 ${fmt(overall.p99)} · max ${fmt(overall.max)}`,
          );

          const perApi = apiUrls.map((url, i) => {
            const b = feedsBefore[i];
            const a = feedsAfter[i];
            return { api: i, ratio: b && a ? readsPerEvent(b, a) : undefined, scraped: !!(b && a) };
          });
          const readsText = perApi
            .map(({ api, ratio, scraped }) =>
              !scraped
                ? `API ${api}: /metrics not readable`
                : !ratio
                  ? `API ${api}: no events counted`
                  : `API ${api}: ${ratio.events} events, ${ratio.facility.toFixed(2)} facility + ${ratio.aggregate.toFixed(2)} aggregate reads per event`,
            )
            .join('; ');
          context.log(`    capacity feed: ${readsText}`);

          // The end: every socket closed, a moment for the processes to let go of them.
          unsubscribes.splice(0).forEach((stop) => stop());
          await Promise.all(clients.splice(0).map((client) => client.dispose()));
          await sleep(2_000);
          for (const m of memory) m.end = residentMB(m.pid);
          const mb = (value: number | undefined) => (value === undefined ? '—' : `${value} MB`);
          const memoryText = memory
            .map((m) => `${m.label}: start ${mb(m.start)}, under fan-out max ${m.load.max || '—'} MB, end ${mb(m.end)}`)
            .join('; ');
          context.log(`    resident memory: ${memoryText}`);
          const apiPeak = Math.max(
            ...memory.filter((m) => m.kind === 'api').map((m) => Math.max(m.start ?? 0, m.load.max, m.end ?? 0)),
          );

          const wallMs = Date.now() - t0;
          return {
            measurements: [
              {
                key: 'delivery',
                label: 'capacity change → every subscriber',
                what: `time from updateCapacity's answer to the change's arrival on each of ${capacitySubscriptions} capacityChanged subscriptions (arrivals only; missing ones are in the target)`,
                stats: summarize(latencies, wallMs),
                memory: { before, after: memorySnapshot() },
              },
            ],
            ratios: perApi
              .filter((p) => p.ratio)
              .map((p) => ({ label: `API ${p.api} facility reads per capacity event`, value: p.ratio!.facility })),
            targets: [
              {
                label: `p99 time from a capacity change's answer to every subscriber < ${P99_LIMIT_MS / 1000} s`,
                measured: `p99 ${fmt(overall.p99)} (p50 ${fmt(overall.p50)}, max ${fmt(overall.max)}) over ${changes.length} × ${capacitySubscriptions} deliveries, ${missing} missing`,
                pass: overall.p99 < P99_LIMIT_MS && changes.length > 0,
              },
              {
                label: 'database reads per capacity event at most 1 per kind of read, per API process',
                measured: readsText,
                pass: perApi.every((p) => p.ratio !== undefined && p.ratio.facility <= 1 && p.ratio.aggregate <= 1),
              },
              {
                label: `API resident memory < ${API_RSS_LIMIT_MB} MB under the fan-out`,
                measured: `highest API reading ${apiPeak} MB`,
                pass: apiPeak > 0 && apiPeak < API_RSS_LIMIT_MB,
              },
            ],
            notes: [
              `register: national ×${context.scale}; changes on ${facilityIds.length} public-address facilities in turn, occupied ±1 by shelter staff, one every ${CHANGE_EVERY_MS / 1000} s through the 2 APIs alternately (${retries} CONFLICT re-tries)`,
              `queue backend ${context.config.queueBackend}, events ${context.config.eventsBackend}; ${APIS} API + ${WORKERS} worker processes from dist/ (NODE_ENV=test), started in ${started.seconds} s`,
              `${CAPACITY_CALLERS} capacity callers (${ROLES.join('/')} in turn) and ${REQUEST_CALLERS} coordinators, one socket each of ${SUBSCRIPTIONS_PER_SOCKET} subscriptions, sockets alternating between the APIs; per-caller limits as configured`,
              `warm-up change reached ${live} of ${capacitySubscriptions} capacity subscriptions before measuring`,
              `per change p99: ${perChangeP99.map((ms) => (Number.isFinite(ms) ? Math.round(ms) : '∞')).join(', ')} ms`,
              `${early} deliveries arrived before the mutation's answer reached the bench (counted as 0 ms)`,
              `placementRequestUpdated subscriptions got ${deliveries.requestUpdates} updates (no requests are made: they are held open as load)`,
              `subscription errors: ${deliveries.errorCount}${deliveries.errors.length ? ` (first: ${deliveries.errors.join(' | ')})` : ''}`,
              `resident memory (/proc VmRSS): ${memoryText}`,
            ],
          };
        } finally {
          unsubscribes.forEach((stop) => stop());
          await Promise.all(clients.map((client) => client.dispose()));
        }
      },
    );
  },
};
