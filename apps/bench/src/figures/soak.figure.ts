/**
 * The soak (`--only soak`): minutes (`--soak-seconds`, default 300) of new requests at `--soak-rate`
 * per second (default 3) on an open-loop schedule, with one other action a second mixed in (in turn:
 * accept an offer, free a place by a staff update, decline an offer, cancel a request), against 2 API
 * and 2 worker processes on a register with at most one free place per facility, so requests wait
 * and freed places send re-tries through the queue: a flood of re-tries shows as a queue that grows.
 *
 * Reports the placement queue's depth every 10 s (from an API's /metrics), the time from each
 * request's planned start to its first decision (offer, wait, or anything after; seen on a
 * placementRequestUpdated subscription) by urgency, and each process's resident memory. Targets: p99
 * time to first decision under 5 s, and no growth of the queue over the run (queueGrowth).
 */
import { randomBytes } from 'node:crypto';
import { Role } from '@opvangplek/domain';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type BenchContext, type BenchFigure, fmtMs, type Measurement, memorySnapshot } from '../figure';
import { postGraphql } from '../graphql-client';
import { LoadAborted, summarize } from '../load-driver';
import { leaveAtMostOneFreeEverywhere } from '@opvangplek/capacity';
import { tokenFor, withPrivateCluster } from './private-cluster';
import {
  matchInProcess,
  REQUEST_PLACEMENT,
  type RequestPlacementData,
  regionCodes,
  roundTheClock,
  sleep,
  stageBreakdown,
} from './placement-support';
import { roundTheClockMix } from './profiles';
import {
  censoredPercentiles,
  GROWTH_SLACK_JOBS,
  MemoryTrack,
  placementQueueDepth,
  type QueueDepth,
  queueGrowth,
} from './soak-samples';

export interface SoakOptions {
  /** How long the load lasts. */
  seconds: number;
  /** New requests per second. */
  rate: number;
}

const APIS = 2;
const WORKERS = 2;
const P99_LIMIT_MS = 5_000;
const SAMPLE_EVERY_MS = 10_000;
const ACTIONS_PER_SECOND = 1;
/** After the load: how long the figure waits for the last requests' first decisions before it counts them undecided. */
const DRAIN_MS = 60_000;
/** Two in five URGENT, two PLANNED, one ACUTE. */
const URGENCIES = ['URGENT', 'PLANNED', 'ACUTE', 'URGENT', 'PLANNED'] as const;
type Urgency = (typeof URGENCIES)[number];
const ACTIONS = ['accept', 'free a place', 'decline', 'cancel'] as const;
type Action = (typeof ACTIONS)[number];
/** Statuses that are a decision: the request left RECEIVED/MATCHING. */
const UNDECIDED = new Set(['RECEIVED', 'MATCHING']);

const SUBSCRIPTION = 'subscription SoakUpdates { placementRequestUpdated { id status } }';
const RESPOND = 'mutation SoakRespond($input: OfferResponseInput!) { respondToOffer(input: $input) { id status } }';
const CANCEL =
  'mutation SoakCancel($id: ID!, $reason: String!) { cancelPlacementRequest(requestId: $id, reason: $reason) { id } }';
const UPDATE_CAPACITY = 'mutation SoakCapacity($input: UpdateCapacityInput!) { updateCapacity(input: $input) { id } }';

interface Submitted {
  plannedNs: bigint;
  urgency: Urgency;
  id: string;
}

/** The latest status of every request the coordinator may see, and when each was first seen decided. */
function watch(client: Client) {
  const status = new Map<string, string>();
  const decidedAt = new Map<string, bigint>();
  const errors: string[] = [];
  const stop = client.subscribe<{ placementRequestUpdated: { id: string; status: string } }>(
    { query: SUBSCRIPTION },
    {
      next: (message) => {
        const update = message.data?.placementRequestUpdated;
        if (!update) return void errors.push(JSON.stringify(message.errors ?? message).slice(0, 300));
        status.set(update.id, update.status);
        if (!UNDECIDED.has(update.status) && !decidedAt.has(update.id)) decidedAt.set(update.id, process.hrtime.bigint());
      },
      error: (error) => errors.push(error instanceof Error ? error.message : JSON.stringify(error).slice(0, 300)),
      complete: () => undefined,
    },
  );
  return { status, decidedAt, errors, stop };
}

export const soakFigure: BenchFigure = {
  name: 'soak',
  description:
    'issue 15 soak: new requests at --soak-rate/s (default 3) for --soak-seconds (default 300) with accepts, declines, cancels and ' +
    `freed places mixed in; target p99 time to first decision < ${P99_LIMIT_MS / 1000} s and no growth of the queue`,
  scale: 1,
  // Minutes long: only with --only soak.
  optIn: true,
  async run(context: BenchContext) {
    const { seconds, rate } = context.soak;
    const mix = roundTheClockMix();
    let facilityIds: string[] = [];
    let setupNote = '';
    return withPrivateCluster(
      context,
      {
        suffix: 'soak',
        scale: context.scale,
        apis: APIS,
        workers: WORKERS,
        prepare: async (db) => {
          // Scarce: at most one free place per facility, so requests wait and a freed place sends re-tries through the queue.
          await leaveAtMostOneFreeEverywhere(db.dataSource);
          const ids = new Set<string>();
          for (const { profile } of mix) {
            const result = await matchInProcess(context, db.dataSource, profile, { pretendFree: true });
            for (const match of result.matches) if (roundTheClock(context, match.facility)) ids.add(match.facility.id);
          }
          facilityIds = [...ids];
          if (facilityIds.length === 0) throw new Error('setup: no facility takes the soak profiles around the clock');
          const [{ free }] = (await db.dataSource.query(
            'SELECT coalesce(sum(total - occupied - held - out_of_service), 0)::int AS free FROM capacity WHERE facility_id = ANY($1::uuid[])',
            [facilityIds],
          )) as { free: number }[];
          setupNote =
            `register: national ×${context.scale}, at most one free place per facility; ${facilityIds.length} facilities ` +
            `take the profiles around the clock, ${free} places free there at the start`;
          context.log(`  ${setupNote}`);
        },
      },
      async (db, cluster, started) => {
        const regions = await regionCodes(db.dataSource);
        const coordinator = await tokenFor(context, { role: Role.ZORGCOORDINATOR, org: 'opvangplek-bench', regions });
        const staff = await tokenFor(context, { role: Role.SHELTER_STAFF, org: 'opvangplek-bench-staff', facilityIds });
        const apiUrls = cluster.apiUrls;
        const client = createClient({
          url: `${apiUrls[1].replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { Authorization: `Bearer ${coordinator}` },
          retryAttempts: 0,
          lazy: false,
        });
        const seen = watch(client);
        const memory = cluster.processes.map((p, i) => new MemoryTrack(`${p.kind} ${i}`, p.child.pid));
        const underLoad: QueueDepth[] = [];
        const afterLoad: QueueDepth[] = [];
        const counts = { submitFailures: 0, skipped: 0, refused: 0, sampleFailures: 0 } as Record<string, number>;
        const done: Record<Action, number> = { accept: 0, 'free a place': 0, decline: 0, cancel: 0 };
        const actedOn = new Set<string>();
        const firstErrors: string[] = [];
        const noteError = (what: string, error: unknown) => {
          if (firstErrors.length < 5) firstErrors.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
        };
        try {
          const t0 = process.hrtime.bigint();
          const elapsedSeconds = () => Number(process.hrtime.bigint() - t0) / 1e9;
          const sample = async (into: QueueDepth[]) => {
            memory.forEach((track) => track.sample());
            try {
              const response = await fetch(`${apiUrls[0]}/metrics`);
              const depth = placementQueueDepth(await response.text(), Math.round(elapsedSeconds()));
              if (depth) into.push(depth);
              else counts.sampleFailures++;
            } catch {
              counts.sampleFailures++;
            }
          };
          await sample(underLoad);
          const sampler = setInterval(() => void sample(underLoad), SAMPLE_EVERY_MS);

          const prefix = `bench-s-${randomBytes(3).toString('hex')}-`;
          const submitted: Promise<Submitted | undefined>[] = [];
          const actions: Promise<void>[] = [];
          const submit = (i: number, plannedNs: bigint): Promise<Submitted | undefined> => {
            const urgency = URGENCIES[i % URGENCIES.length];
            return postGraphql<RequestPlacementData>(apiUrls[i % apiUrls.length], coordinator, REQUEST_PLACEMENT, {
              input: {
                profile: mix[i % mix.length].profile,
                urgency,
                regionCode: regions[i % regions.length],
                clientReference: `${prefix}${i}`,
              },
            }).then(
              (answer) => ({ plannedNs, urgency, id: answer.requestPlacement.id }),
              (error: unknown) => {
                counts.submitFailures++;
                noteError('requestPlacement', error);
                return undefined;
              },
            );
          };
          /** A request in one of `statuses` that no action has touched yet, oldest first. */
          const pick = (statuses: string[]) => {
            for (const [id, status] of seen.status) if (statuses.includes(status) && !actedOn.has(id)) return id;
            return undefined;
          };
          let nextFacility = 0;
          const act = async (j: number): Promise<void> => {
            const action = ACTIONS[j % ACTIONS.length];
            const url = apiUrls[j % apiUrls.length];
            if (action === 'free a place') {
              // Someone left: a staff update lowers `occupied` by one somewhere the profiles go.
              for (let tries = 0; tries < facilityIds.length; tries++) {
                const facilityId = facilityIds[nextFacility++ % facilityIds.length];
                const [row] = (await db.dataSource.query(
                  'SELECT total, occupied, out_of_service AS "outOfService", version FROM capacity WHERE facility_id = $1',
                  [facilityId],
                )) as { total: number; occupied: number; outOfService: number; version: number }[];
                if (!row || row.occupied === 0) continue;
                const input = {
                  facilityId,
                  total: row.total,
                  occupied: row.occupied - 1,
                  outOfService: row.outOfService,
                  expectedVersion: row.version,
                };
                await postGraphql(url, staff, UPDATE_CAPACITY, { input });
                done[action]++;
                return;
              }
              counts.skipped++;
              return;
            }
            const id = pick(action === 'cancel' ? ['WAITING', 'OFFERED'] : ['OFFERED']);
            if (!id) return void counts.skipped++;
            actedOn.add(id);
            if (action === 'cancel') await postGraphql(url, coordinator, CANCEL, { id, reason: 'bench: soak cancel' });
            // The shelter answers an offer (its staff), the coordinator cancels.
            else
              await postGraphql(url, staff, RESPOND, {
                input: {
                  requestId: id,
                  accept: action === 'accept',
                  declineReason: action === 'decline' ? 'bench: soak decline' : undefined,
                },
              });
            done[action]++;
          };

          context.log(
            `  processes ready in ${started.seconds} s; load: ${rate} new requests/s for ${seconds} s (open loop), ` +
              `${ACTIONS_PER_SECOND} action/s (${ACTIONS.join(', ')} in turn); queue depth every ${SAMPLE_EVERY_MS / 1000} s`,
          );
          const before = memorySnapshot();
          const requestNs = 1e9 / rate;
          const actionNs = 1e9 / ACTIONS_PER_SECOND;
          const endNs = t0 + BigInt(Math.round(seconds * 1e9));
          let i = 0;
          let j = 0;
          let maxLateMs = 0;
          for (;;) {
            if (context.signal.aborted) break;
            const nextRequest = t0 + BigInt(Math.round(i * requestNs));
            const nextAction = t0 + BigInt(Math.round((j + 0.5) * actionNs));
            const next = nextRequest <= nextAction ? nextRequest : nextAction;
            if (next >= endNs) break;
            const waitMs = Number(next - process.hrtime.bigint()) / 1e6;
            if (waitMs > 0) await sleep(waitMs);
            maxLateMs = Math.max(maxLateMs, Number(process.hrtime.bigint() - next) / 1e6);
            if (next === nextRequest) submitted.push(submit(i++, nextRequest));
            else {
              const k = j++;
              actions.push(
                act(k).catch((error: unknown) => {
                  // A refusal (the offer changed meanwhile, a stale version) is part of a busy shift, not a failure of the run.
                  counts.refused++;
                  noteError(ACTIONS[k % ACTIONS.length], error);
                }),
              );
            }
          }
          clearInterval(sampler);
          await sample(underLoad);
          if (context.signal.aborted) throw new LoadAborted();
          const requests = (await Promise.all(submitted)).filter((r): r is Submitted => r !== undefined);
          await Promise.all(actions);

          // Drain: the last requests' first decisions, and the queue until it is empty (sampled as under load).
          const loadEndedAt = elapsedSeconds();
          const drainEnd = Date.now() + DRAIN_MS;
          let emptyAfter: number | undefined;
          let lastSample = 0;
          while (Date.now() < drainEnd) {
            if (context.signal.aborted) throw new LoadAborted();
            if (Date.now() - lastSample >= SAMPLE_EVERY_MS) {
              lastSample = Date.now();
              await sample(afterLoad);
              if (emptyAfter === undefined && afterLoad.at(-1)?.depth === 0) emptyAfter = elapsedSeconds() - loadEndedAt;
            }
            const allDecided = requests.every((r) => seen.decidedAt.has(r.id));
            if (allDecided && emptyAfter !== undefined) break;
            await sleep(250);
          }
          const after = memorySnapshot();
          memory.forEach((track) => track.sample());
          if (seen.errors.length) throw new Error(`subscription: ${seen.errors[0]}`);

          const wallMs = loadEndedAt * 1000;
          const byUrgency = (urgency?: Urgency) => {
            const mine = requests.filter((r) => urgency === undefined || r.urgency === urgency);
            const decidedMs = mine
              .filter((r) => seen.decidedAt.has(r.id))
              .map((r) => Number(seen.decidedAt.get(r.id)! - r.plannedNs) / 1e6);
            return {
              total: mine.length,
              decidedMs,
              undecided: mine.length - decidedMs.length,
              ...censoredPercentiles(decidedMs, mine.length - decidedMs.length),
            };
          };
          const overall = byUrgency();
          const measurement = (key: string, label: string, part: ReturnType<typeof byUrgency>): Measurement => ({
            key,
            label,
            what: `time from each ${label === 'all urgencies' ? '' : `${label} `}request's planned start to its first decision on the subscription`,
            stats: summarize(part.decidedMs, wallMs),
            memory: { before, after },
          });
          const parts = (['ACUTE', 'URGENT', 'PLANNED'] as const).map((urgency) => ({ urgency, part: byUrgency(urgency) }));
          const p99Text = (part: ReturnType<typeof byUrgency>) =>
            Number.isFinite(part.p99) ? fmtMs(part.p99) : `> ${DRAIN_MS / 1000} s after the load (${part.undecided} undecided)`;
          const growth = queueGrowth(underLoad);
          const depthLine = (samples: QueueDepth[]) =>
            samples.map((s) => `${s.atSeconds}s ${s.depth}${s.delayed ? ` (+${s.delayed} delayed)` : ''}`).join(', ');
          for (const { urgency, part } of parts)
            context.log(`    first decision ${urgency}: ${part.total} requests, p50 ${fmtMs(part.p50)} · p99 ${p99Text(part)}`);
          context.log(`    queue depth under load: ${depthLine(underLoad)}`);
          return {
            measurements: [
              measurement('all', 'all urgencies', overall),
              ...parts.map(({ urgency, part }) => measurement(urgency.toLowerCase(), urgency, part)),
            ],
            ratios: [],
            targets: [
              {
                label: `p99 time to first decision < ${P99_LIMIT_MS / 1000} s at ${rate} requests/s for ${seconds} s`,
                measured: `p99 ${p99Text(overall)}; ${parts.map(({ urgency, part }) => `${urgency} ${p99Text(part)}`).join(', ')}${overall.undecided ? `; ${overall.undecided} of ${overall.total} undecided ${DRAIN_MS / 1000} s after the load` : ''}`,
                pass: overall.p99 < P99_LIMIT_MS && overall.total > 0,
              },
              {
                label: `no growth of the queue (last third's mean depth ≤ first third's + ${GROWTH_SLACK_JOBS})`,
                measured: growth
                  ? `first third ${growth.firstMean.toFixed(1)}, last third ${growth.lastMean.toFixed(1)} jobs over ${underLoad.length} samples`
                  : `only ${underLoad.length} samples: too short to judge (run at least ${3 * (SAMPLE_EVERY_MS / 1000)} s)`,
                pass: growth !== undefined && !growth.grew,
              },
            ],
            notes: [
              setupNote,
              `queue backend ${context.config.queueBackend}, events ${context.config.eventsBackend}; ${APIS} API + ${WORKERS} worker processes from dist/ (NODE_ENV=test), started in ${started.seconds} s`,
              `${requests.length} requests submitted (${counts.submitFailures} failed), scheduler at most ${maxLateMs.toFixed(1)} ms late; ` +
                `actions done: ${ACTIONS.map((a) => `${done[a]} ${a}`).join(', ')}; ${counts.skipped} skipped (nothing to act on), ${counts.refused} refused`,
              ...(firstErrors.length ? [`first errors: ${firstErrors.join(' | ')}`] : []),
              `queue depth (waiting + prioritized + active jobs; delayed = offer expiries and backed-off retries) under load, every ${SAMPLE_EVERY_MS / 1000} s: ${depthLine(underLoad)}`,
              `after the load: ${depthLine(afterLoad) || 'no sample'}; ${emptyAfter === undefined ? `not empty within ${DRAIN_MS / 1000} s` : `empty ${emptyAfter.toFixed(0)} s after the load`}` +
                (counts.sampleFailures ? `; ${counts.sampleFailures} samples failed` : ''),
              `resident memory (start → end, max): ${memory.map((track) => track.toString()).join('; ')}`,
              `statuses at the end: ${[...countStatuses(requests, seen.status)].map(([status, n]) => `${n} ${status}`).join(', ')}`,
              await stageBreakdown(
                db.dataSource,
                requests.map((r) => r.id),
                ['OFFERED', 'WAITING'],
              ),
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

function countStatuses(requests: readonly Submitted[], status: ReadonlyMap<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    const value = status.get(request.id) ?? 'never seen';
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
