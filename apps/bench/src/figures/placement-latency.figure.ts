/**
 * Latency (`--only placement-latency`): the time from `requestPlacement` to OFFERED at 20 requests
 * per second sustained for 60 s (`--latency-seconds`), on an OPEN-loop schedule: request i leaves at
 * t0 + i/20 s whether or not earlier ones are done, and its latency counts from that planned moment,
 * so a slow system cannot slow the load down and hide its own queueing. OFFERED is observed the way
 * a coordinator's screen sees it: one `placementRequestUpdated` subscription (graphql-ws) opened
 * before the run. One API and two worker processes from dist/, on a private database holding the
 * national register with 20 extra places at every facility, so every request can be offered, and
 * three profiles whose best kind is placed around the clock, so the hour of the run does not matter.
 *
 * Baseline: the bare HTTP round trip of the same `requestPlacement` calls (the RECEIVED answer), in
 * the same run under the same load: what the caller waits for before the asynchronous part begins.
 */
import { randomBytes } from 'node:crypto';
import { Role } from '@opvangplek/domain';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type BenchContext, type BenchFigure, fmtMs, type Measurement, memorySnapshot } from '../figure';
import { postGraphql } from '../graphql-client';
import { LoadAborted, percentile, summarize } from '../load-driver';
import { addPlacesEverywhere } from '@opvangplek/capacity';
import { tokenFor, withPrivateCluster } from './private-cluster';
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
import { AuthorityVerdict, authorityVerdict, RequesterCapacity } from '@opvangplek/domain';

/** The rate the issue's target is judged at; `--latency-rate` measures others (40/s: p99 and queue wait reported). */
const TARGET_RATE_PER_SECOND = 20;
const P99_LIMIT_MS = 500;
const EXTRA_PLACES_PER_FACILITY = 20;
const APIS = 1;
const WORKERS = 2;
/** How long after the last planned request the figure waits for stragglers before it calls them missing. */
const DRAIN_MS = 30_000;

const SUBSCRIPTION = 'subscription BenchUpdates { placementRequestUpdated { id status } }';

/** Records the first moment each request was seen OFFERED (and WAITING), by id. */
function watch(client: Client): { offered: Map<string, bigint>; waiting: Set<string>; errors: string[]; stop: () => void } {
  const offered = new Map<string, bigint>();
  const waiting = new Set<string>();
  const errors: string[] = [];
  const stop = client.subscribe<{ placementRequestUpdated: { id: string; status: string } }>(
    { query: SUBSCRIPTION },
    {
      next: (message) => {
        const update = message.data?.placementRequestUpdated;
        if (!update) {
          errors.push(JSON.stringify(message.errors ?? message).slice(0, 300));
          return;
        }
        if (update.status === 'OFFERED' && !offered.has(update.id)) offered.set(update.id, process.hrtime.bigint());
        if (update.status === 'WAITING') waiting.add(update.id);
      },
      error: (error) => errors.push(error instanceof Error ? error.message : JSON.stringify(error).slice(0, 300)),
      complete: () => undefined,
    },
  );
  return { offered, waiting, errors, stop };
}

export const placementLatencyFigure: BenchFigure = {
  name: 'placement-latency',
  description: `requestPlacement → OFFERED (subscription) at --latency-rate (default ${TARGET_RATE_PER_SECOND})/s open loop for --latency-seconds (default 60) vs the RECEIVED round trip; target p99 < ${P99_LIMIT_MS} ms`,
  scale: 10,
  async run(context: BenchContext) {
    const mix = roundTheClockMix();
    const rate = context.latencyRate;
    const planned = rate * context.latencySeconds;
    const warmup = Math.min(rate * 2, planned);
    let setupNote = '';
    return withPrivateCluster(
      context,
      {
        suffix: 'latency',
        scale: context.scale,
        apis: APIS,
        workers: WORKERS,
        prepare: async (db) => {
          await addPlacesEverywhere(db.dataSource, EXTRA_PLACES_PER_FACILITY);
          await db.dataSource.query('ANALYZE capacity');
          const counts: string[] = [];
          for (const { label, profile } of mix) {
            const result = await matchInProcess(context, db.dataSource, profile, { requesterRegionCode: 'RR' });
            const open = result.matches.filter((m) => m.placeableNow && roundTheClock(context, m.facility));
            const free = open.reduce(
              (sum, m) =>
                sum +
                m.facility.capacity.total -
                m.facility.capacity.occupied -
                m.facility.capacity.held -
                m.facility.capacity.outOfService,
              0,
            );
            // The zorgcoördinator must be the one who places there (domain.md §5a), or it waits on a worklist.
            const best = result.matches[0];
            const hers =
              best && authorityVerdict(best.facility.type, [RequesterCapacity.REGION_ZORGCOORDINATOR]) === AuthorityVerdict.OFFER;
            if (!best?.placeableNow || !hers || !roundTheClock(context, best.facility) || free < planned + warmup)
              throw new Error(`setup: "${label}" cannot be offered at any hour (${free} free places around the clock)`);
            counts.push(`${label}: best ${result.matches[0].facility.type}, ${free} places free around the clock`);
          }
          setupNote = `register: national ×${context.scale} with ${EXTRA_PLACES_PER_FACILITY} extra places at every facility; ${counts.join('; ')}`;
          context.log(`  ${setupNote}`);
        },
      },
      async (db, cluster, started) => {
        const regions = await regionCodes(db.dataSource);
        const token = await tokenFor(context, { role: Role.ZORGCOORDINATOR, org: 'opvangplek-bench', regions });
        const apiUrl = cluster.apiUrls[0];
        const client = createClient({
          url: `${apiUrl.replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { Authorization: `Bearer ${token}` },
          retryAttempts: 0,
          lazy: false,
        });
        const seen = watch(client);
        try {
          const prefix = `bench-l-${randomBytes(3).toString('hex')}-`;
          const submit = (i: number, reference: string) =>
            postGraphql<RequestPlacementData>(apiUrl, token, REQUEST_PLACEMENT, {
              input: {
                profile: mix[i % mix.length].profile,
                urgency: 'URGENT',
                regionCode: regions[i % regions.length],
                clientReference: `${reference}${i}`,
              },
            });

          /** Runs `count` requests on the open-loop schedule; returns per request its planned start, RECEIVED time and id. */
          const schedule = async (reference: string, count: number) => {
            const intervalNs = BigInt(Math.round(1e9 / rate));
            const t0 = process.hrtime.bigint() + 5_000_000n;
            const runs: Promise<{ plannedNs: bigint; receivedNs: bigint; id: string }>[] = [];
            let maxLateMs = 0;
            for (let k = 0; k < count; k++) {
              if (context.signal.aborted) break;
              const plannedNs = t0 + BigInt(k) * intervalNs;
              const waitMs = Number(plannedNs - process.hrtime.bigint()) / 1e6;
              if (waitMs > 0) await sleep(waitMs);
              maxLateMs = Math.max(maxLateMs, Number(process.hrtime.bigint() - plannedNs) / 1e6);
              runs.push(
                submit(k, reference).then((answer) => {
                  if (answer.requestPlacement.status !== 'RECEIVED')
                    throw new Error(`requestPlacement answered ${answer.requestPlacement.status}, not RECEIVED`);
                  return { plannedNs, receivedNs: process.hrtime.bigint(), id: answer.requestPlacement.id };
                }),
              );
            }
            const settled = await Promise.allSettled(runs);
            if (context.signal.aborted) throw new LoadAborted();
            const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
            if (failed) throw new Error(`a submission failed: ${String(failed.reason)}\n${cluster.outputs()}`);
            const done = settled.map(
              (s) => (s as PromiseFulfilledResult<{ plannedNs: bigint; receivedNs: bigint; id: string }>).value,
            );
            return { done, t0, maxLateMs };
          };
          const waitOffered = async (ids: string[], timeoutMs: number) => {
            await pollUntil(
              context,
              async () => (ids.every((id) => seen.offered.has(id)) || seen.errors.length > 0 ? true : undefined),
              {
                timeoutMs,
                everyMs: 50,
                timeoutMessage: () => 'timeout',
              },
            ).catch((error: Error) => {
              if (error.message !== 'timeout') throw error;
            });
            if (seen.errors.length) throw new Error(`subscription: ${seen.errors[0]}`);
          };

          context.log(
            `  processes ready in ${started.seconds} s; warm-up: ${warmup} requests at ${rate}/s, each awaited on the subscription`,
          );
          const warm = await schedule(`${prefix}w`, warmup);
          await waitOffered(
            warm.done.map((d) => d.id),
            60_000,
          );
          const warmMissing = warm.done.filter((d) => !seen.offered.has(d.id)).length;
          if (warmMissing === warm.done.length)
            throw new Error(`no warm-up request was seen OFFERED on the subscription within 60 s\n${cluster.outputs()}`);

          context.log(
            `  measuring: ${planned} requests at ${rate}/s (open loop, ${context.latencySeconds} s), profiles and regions rotating`,
          );
          const before = memorySnapshot();
          const run = await schedule(`${prefix}m`, planned);
          const lastPlanned = run.t0 + BigInt(planned - 1) * BigInt(Math.round(1e9 / rate));
          const drainMs = Math.max(0, DRAIN_MS - Number(process.hrtime.bigint() - lastPlanned) / 1e6);
          await waitOffered(
            run.done.map((d) => d.id),
            drainMs,
          );
          const after = memorySnapshot();

          const offeredMs = run.done
            .filter((d) => seen.offered.has(d.id))
            .map((d) => Number(seen.offered.get(d.id)! - d.plannedNs) / 1e6);
          const missing = run.done.length - offeredMs.length;
          const waited = run.done.filter((d) => seen.waiting.has(d.id)).length;
          const wallMs = Number(process.hrtime.bigint() - run.t0) / 1e6;
          const receivedMs = run.done.map((d) => Number(d.receivedNs - d.plannedNs) / 1e6);
          const breakdown = await stageBreakdown(
            db.dataSource,
            run.done.map((d) => d.id),
            ['OFFERED'],
          );
          // A request never seen OFFERED counts as slower than every one that was (censored), not as absent.
          const censored = [...offeredMs, ...Array<number>(missing).fill(Number.POSITIVE_INFINITY)].sort((a, b) => a - b);
          const p99WithMissing = percentile(censored, 99);

          const offeredRun: Measurement = {
            key: 'offered',
            label: 'submit → OFFERED',
            what: `from each request's planned start (open loop, ${rate}/s) to its OFFERED on the placementRequestUpdated subscription`,
            stats: summarize(offeredMs, wallMs),
            memory: { before, after },
          };
          const receivedRun: Measurement = {
            key: 'received',
            label: 'HTTP RECEIVED',
            what: 'the same requestPlacement calls, from planned start to the RECEIVED answer over HTTP',
            stats: summarize(receivedMs, wallMs),
            memory: { before, after },
          };
          for (const m of [offeredRun, receivedRun]) {
            const s = m.stats;
            context.log(
              `    ${m.label}: ${s.count} in ${(s.wallMs / 1000).toFixed(1)} s: p50 ${fmtMs(s.p50)} · p90 ${fmtMs(s.p90)} · p99 ${fmtMs(s.p99)} · max ${fmtMs(s.max)} · ${s.throughput.toFixed(1)}/s`,
            );
          }
          const p99 = offeredRun.stats.p99;
          const p99Text = Number.isFinite(p99WithMissing)
            ? `p99 ${fmtMs(p99WithMissing)}`
            : `p99 > ${(DRAIN_MS / 1000).toFixed(0)} s (censored: more than 1 % never seen OFFERED)`;
          return {
            measurements: [offeredRun, receivedRun],
            ratios: [
              { label: 'p50 OFFERED ÷ p50 RECEIVED', value: offeredRun.stats.p50 / receivedRun.stats.p50 },
              { label: 'p99 OFFERED ÷ p99 RECEIVED', value: p99 / receivedRun.stats.p99 },
            ],
            // The target is the issue's at 20/s; at another rate the p99 and the queue wait are reported only.
            targets:
              rate === TARGET_RATE_PER_SECOND
                ? [
                    {
                      label: `p99 submit → OFFERED < ${P99_LIMIT_MS} ms at ${rate}/s for ${context.latencySeconds} s`,
                      measured: `${p99Text}${missing ? `; ${missing} of ${planned} not OFFERED within ${DRAIN_MS / 1000} s of the last planned start` : ''}`,
                      pass: p99WithMissing < P99_LIMIT_MS && missing === 0,
                    },
                  ]
                : [],
            notes: [
              setupNote,
              `queue backend ${context.config.queueBackend}, events ${context.config.eventsBackend}; ${APIS} API + ${WORKERS} worker processes from dist/ (NODE_ENV=test), started in ${started.seconds} s`,
              `open loop: ${planned} requests planned ${1000 / rate} ms apart; the scheduler sent at most ${run.maxLateMs.toFixed(1)} ms late; ${warmup} warm-up requests before (${warmMissing} not seen OFFERED)`,
              `${offeredMs.length} of ${planned} seen OFFERED, ${waited} seen WAITING, ${missing} missing (the measurement rows cover the ones seen OFFERED)`,
              breakdown,
              'one subscription for every request the coordinator may see, as a worklist screen would hold it',
            ],
          };
        } finally {
          seen.stop();
          await client.dispose();
        }
      },
    );
  },
};
