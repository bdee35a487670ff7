/**
 * Issue 19: a simulated national year. Real API and worker processes (from dist/, on a private
 * database with the national register) run on a simulated clock (SIMULATED_CLOCK_*), and the
 * people around the service (agents.ts) act on it over GraphQL as simulated time passes: the
 * demand of demand.ts, the answers of responders.ts. What it measures comes from the database the
 * service wrote (placement_events, placement_holds, capacity), not from a model of the service.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { issueDevToken } from '@opvangplek/access';
import { Role } from '@opvangplek/domain';
import { SimulatedClock, SpeedSchedule } from '@opvangplek/platform';
import type { BenchContext, BenchFigure, FigureOutcome } from '../figure';
import { regionCodes } from '../figures/placement-support';
import { privateNamespace, withPrivateCluster } from '../figures/private-cluster';
import {
  ASSIGN,
  CANDIDATES,
  Caller,
  CONFIRM_ARRIVAL,
  END_PLACEMENT,
  PLAN_ACTION,
  type PlanAnswer,
  planFor,
  RECORD_ROUTE_DECISION,
  REQUEST_TRANSFER,
  RESPOND,
  transferFor,
  warmUp,
} from './agents';
import { ATTEND_BEFORE_DEADLINE_MS, attendedTo, attendFrom, CALM_MARGIN_MS, CalmSpeed } from './calm-speed';
import { type Arrival, generateArrivals } from './demand';
import {
  byHourOfWeek,
  byProfileClass,
  escalationCost,
  unnamedRequests,
  type PersonOutcome,
  reachedByCounts,
  TARGET_MINUTES,
  worstHour,
} from './measures';
import { between, chance, seededRandom } from './random';
import { yearReportHtml, yearReportTable, type YearReport } from './report';
import { drawArrivalDelayMs, drawDecisionAt, drawOfferAnswer, drawRouteDecision, drawStayMs } from './responders';
import { QueueReadings } from './queue-readings';
import { Requesters } from './requesters';
import { ShelterStaff } from './shelter-staff';
import {
  chainSteps,
  checkInvariants,
  heldMinusHolds,
  type Invariants,
  nextServiceDeadlines,
  openRequests,
  outcomes,
  slowestPeople,
  waitingNow,
  wherePlacesRanOut,
} from './year-readings';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A Monday, so hour-of-week buckets start at a week's start. */
const SIMULATION_START = new Date('2027-01-04T00:00:00Z');
/** Wall seconds the processes get to start before simulated time reaches SIMULATION_START. */
const STARTUP_SECONDS = 40;
const TICK_MS = 40;
/**
 * Simulated ms per wall ms while measuring: one 40 ms tick is 2 simulated minutes, fine enough to
 * judge a 15-minute target (a tick's own queries add to it; the report says how much).
 */
const DEFAULT_SPEED = 3_000;
/**
 * Simulated ms per wall ms while the service works on someone not yet reached (calm-speed.ts
 * `attendedTo`): a tenth of the measuring speed, so a second the service lags under the
 * simulation's own load reads as 5 simulated minutes rather than 50. `--attend-speed 0`: off.
 */
const DEFAULT_ATTEND_SPEED = 300;
/**
 * Simulated ms per wall ms while nobody waits to be reached (calm-speed.ts): the year in about 45
 * wall minutes instead of 3 hours, two weeks in about 90 s instead of 7 minutes (measured before --quick became a month), with the same
 * headline on the seeds compared. `--calm-speed 0` runs at one speed throughout.
 */
const DEFAULT_CALM_SPEED = 60_000;
/** Share of structural stays that ask to move (SAFETY to another region, or MOVE_ON): an assumption. */
const TRANSFER_SHARE = 0.06;
/** Share of NLA raids announced ahead with planAction (1-3 days): an assumption. */
const PLANNED_SHARE = 0.5;

export interface YearOptions {
  quick: boolean;
  seed: number;
  /** Simulated ms per wall ms while measuring; by default DEFAULT_SPEED. */
  speed: number | undefined;
  /** Simulated ms per wall ms while nobody waits to be reached (calm-speed.ts); by default DEFAULT_CALM_SPEED; 0: one speed throughout. */
  calmSpeed: number | undefined;
  /** Simulated ms per wall ms while the service works on someone not yet reached; by default DEFAULT_ATTEND_SPEED; 0: off. */
  attendSpeed: number | undefined;
  peoplePerYear: number;
}

interface Person {
  arrival: Arrival;
  requestId?: string;
  /** An NLA raid announced ahead: when it is planned; the service makes its requests at the start. */
  plan?: { announceAt: number; actionId?: string; failed?: boolean };
  /** Simulated ms when the police were told a noodbed (requestNoodbed answered with one). */
  noodbedToldAt?: number;
}

interface Scheduled {
  at: number;
  run: () => Promise<unknown>;
  /**
   * The task puts someone back to matching for a moment (a shelter's decline, the screeningsoverleg's
   * route decision for a shelter place): the calm speed ends a margin before it, as before an
   * arrival, or the service's next steps for her would pass at the calm speed, unmeasured. (An
   * authority's assignment offers in the same transaction: nothing to measure between.)
   */
  unreaches?: boolean;
}

async function tokens(context: BenchContext, regions: string[]) {
  const { auth } = context.config;
  const issue = (role: Role, org: string, extra: { regions?: string[]; facilityIds?: string[] } = {}) =>
    issueDevToken(
      { role, org, sub: `year@${org}`, ...extra },
      { secret: auth.secret!, issuer: auth.issuer, audience: auth.audience },
    );
  return {
    police: await issue(Role.POLICE, 'politie', { regions }),
    coordinator: await issue(Role.ZORGCOORDINATOR, 'zorgcoordinatie', { regions }),
    nla: await issue(Role.NLA, 'nla', { regions }),
    youthCare: await issue(Role.JEUGDBESCHERMING, 'jeugdbescherming', { regions }),
    // Nidos only for the requests waiting for Nidos; another youth-care organisation sees its regions' minors.
    authority: async (authority: string, organisation: string | null) => {
      const org =
        organisation ??
        { COMENSHA: 'comensha', NLA: 'nla', JEUGDBESCHERMING: 'jeugdbescherming', POLICE: 'politie' }[authority] ??
        'zorgcoordinatie';
      return issue(authority as Role, org, { regions });
    },
    shelter: (facilityIds: string[]) => issue(Role.SHELTER_STAFF, 'opvang', { facilityIds }),
  };
}
function earliest(...moments: (number | null)[]): number | null {
  const known = moments.filter((m): m is number => m !== null);
  return known.length ? Math.min(...known) : null;
}

/** The `q` quantile of `values` (nearest rank); 0 for none. */
function percentileOf(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export const nationalYearFigure: BenchFigure = {
  name: 'national-year',
  description:
    'issue 19: a simulated year (--quick: a month, four weeks) on the real API and worker: time from first contact to a place to go or a named escalation, by hour of week and profile; supply, transfers, planned actions; invariants',
  scale: 1,
  optIn: true,
  async run(context: BenchContext): Promise<FigureOutcome> {
    const options = context.year;
    // A month for --quick, as issue 19 asks: four whole weeks, so every hour of the week is met four
    // times (about 4 wall minutes with the calm speed; two weeks until the calm speed made a month short).
    const days = options.quick ? 28 : 365;
    const speed = options.speed ?? DEFAULT_SPEED;
    const calmSpeed = options.calmSpeed ?? DEFAULT_CALM_SPEED;
    const attendSpeed = options.attendSpeed ?? DEFAULT_ATTEND_SPEED;
    const calmOn = calmSpeed > speed;
    const attendOn = attendSpeed > 0 && attendSpeed < speed;
    // The service's own deadline (the worker's config is the same default): the attending speed starts shortly before it.
    const escalateAfterMs = context.config.placement.escalateAfterMinutes * MINUTE_MS;
    const endMs = SIMULATION_START.getTime() + days * DAY_MS;
    const wallEpochMs = Date.now() + STARTUP_SECONDS * 1000;
    const settings = { start: SIMULATION_START, speed, wallEpochMs };
    const outputDir = path.join(context.config.dataDir, 'bench');
    mkdirSync(outputDir, { recursive: true });
    // Every process follows the speed changes this run writes (SIMULATED_CLOCK_SCHEDULE_FILE).
    const scheduleFile = calmOn || attendOn ? path.join(outputDir, `national-year-speed-${process.pid}.json`) : null;
    const speeds = scheduleFile ? new SpeedSchedule(scheduleFile) : null;
    const clock = new SimulatedClock(settings, Date.now, speeds ?? undefined);
    context.log(
      `  seed ${options.seed} · ${days} simulated days from ${SIMULATION_START.toISOString()} at ${speed}× ` +
        `(1 wall ms = ${(speed / 1000).toFixed(1)} simulated s; at most ~${Math.round((days * DAY_MS) / speed / 1000)} wall s)` +
        `${calmOn ? `, ${calmSpeed}× while nobody waits to be reached` : ''}` +
        `${attendOn ? `, ${attendSpeed}× while the service works on someone not yet reached` : ''} · ${options.peoplePerYear} people a year`,
    );
    const env = {
      SIMULATED_CLOCK_START: SIMULATION_START.toISOString(),
      SIMULATED_CLOCK_SPEED: String(speed),
      SIMULATED_CLOCK_WALL_EPOCH: String(wallEpochMs),
      ...(scheduleFile ? { SIMULATED_CLOCK_SCHEDULE_FILE: scheduleFile } : {}),
      SWEEP_SECONDS: '60',
      // A worker is ready when it logs "worker running" at info; NODE_ENV=test defaults to warn (NOTES).
      LOG_LEVEL: 'info',
    };
    return withPrivateCluster(context, { suffix: 'year', scale: 1, apis: 1, workers: 1, env }, async (db, cluster) => {
      const regions = await regionCodes(db.dataSource);
      const random = seededRandom(options.seed);
      const arrivals = generateArrivals(random, {
        from: SIMULATION_START,
        to: new Date(endMs),
        peoplePerYear: options.peoplePerYear,
        regionCodes: regions,
      });
      context.log(`  ${arrivals.length} arrivals (${arrivals.reduce((s, a) => s + a.groupSize, 0)} people) generated`);
      const who = await tokens(context, regions);
      const heldBaseline = new Map((await heldMinusHolds(db.dataSource)).map((r) => [r.facility, r.gap]));
      const caller = new Caller(cluster.apiUrls, 8);
      const people: Person[] = arrivals.map((arrival) => ({ arrival }));
      // Some NLA raids are announced ahead (planAction): the service makes their requests at the start.
      for (const person of people) {
        if (person.arrival.channel !== 'NLA' || !chance(random, PLANNED_SHARE)) continue;
        const announceAt = person.arrival.at.getTime() - between(random, 1, 3) * DAY_MS;
        if (announceAt > SIMULATION_START.getTime()) person.plan = { announceAt };
      }
      const plans = people.filter((p) => p.plan).sort((a, b) => a.plan!.announceAt - b.plan!.announceAt);
      const planned = { actions: 0, expected: 0, reserved: 0, shortfall: 0, refused: 0 };
      let nextPlan = 0;
      const transfers = { asked: 0, refused: 0 };
      // Its own random stream: staff report from async tasks, whose order would otherwise shift the answers' draws.
      const staff = new ShelterStaff(db.dataSource, caller, seededRandom(options.seed ^ 0x5eed), who.shelter);
      const firstReports = await staff.fill(clock.now().getTime());
      context.log(
        `  register filled through updateCapacity: ${(staff.figures.startingFill * 100).toFixed(0)}% of places in service taken ` +
          `(${staff.figures.facilities} facilities, ${staff.figures.stale} rarely reporting)`,
      );
      const unnamedSeries: { at: number; unnamed: number; unnamedStrict: number }[] = [];
      /** Each request seen left unnamed at a sample, by id, as first seen. */
      const unnamedSeen = new Map<string, { text: string; contactMs: number }>();
      /** Ticks and simulated time while measuring (at `speed`), the time run calm, and the wall time spent attending. */
      let measuringTicks = 0;
      let measuringMs = 0;
      let calmMs = 0;
      let attendingWallMs = 0;
      let previous: { now: number; wall: number; speed: number } | null = null;
      const calm = new CalmSpeed();
      const scheduled = new Map<string, Scheduled>();
      const invariants: Invariants = {
        checks: 0,
        twoPlaces: 0,
        parallelOffers: 0,
        overCapacity: 0,
        ledgerMismatch: 0,
        lost: 0,
        examples: [],
      };
      const waitingSeries: { at: number; waiting: number; byReason: Record<string, number> }[] = [];
      const reportCapacity = (facilityId: string, at: number) =>
        schedule(`capacity:${facilityId}:${at}`, at, async () => {
          const nextAt = await staff.reportNow(facilityId, clock.now().getTime());
          // Done with: a year of reports would otherwise fill the map every tick walks.
          scheduled.delete(`capacity:${facilityId}:${at}`);
          reportCapacity(facilityId, nextAt);
        });
      const requesters = new Requesters(people, clock, caller, who);
      context.signal.addEventListener('abort', () => requesters.stop());
      let lastInvariantWall = 0;
      let lastWaitingSim = 0;
      let lastLogWall = Date.now();
      const schedule = (key: string, at: number, run: () => Promise<unknown>, unreaches = false) => {
        if (!scheduled.has(key)) scheduled.set(key, { at, run, unreaches });
      };
      /**
       * Tasks that put someone back to matching whose call is on its way: until the service has
       * answered, she still reads as reached (the told noodbed not yet declined), and a calm speed
       * decided meanwhile ran her re-match at 60,000× (the eighth year's three people left unnamed).
       */
      let unreachingOnTheirWay = 0;
      /** The earliest task still to run that puts someone back to matching (`Scheduled.unreaches`). */
      const nextUnreaching = () => {
        let next: number | null = null;
        for (const task of scheduled.values())
          if (task.unreaches && task.at !== Number.POSITIVE_INFINITY) next = earliest(next, task.at);
        return next;
      };
      await warmUp(caller, who, regions[0], people[0]?.arrival.profile);
      while (clock.now().getTime() < SIMULATION_START.getTime()) await new Promise((r) => setTimeout(r, 100));
      const began = Date.now();
      const beganSim = clock.now().getTime();
      for (const { facilityId, at } of firstReports) reportCapacity(facilityId, at);

      for (let now = clock.now().getTime(); now < endMs; now = clock.now().getTime()) {
        context.signal.throwIfAborted();
        if (previous) {
          if (previous.speed > speed) calmMs += now - previous.now;
          else if (previous.speed < speed) attendingWallMs += Date.now() - previous.wall;
          else {
            measuringMs += now - previous.now;
            measuringTicks++;
          }
        }
        previous = { now, wall: Date.now(), speed: clock.speed };
        // Planners announce raids ahead: places are reserved for the group's window.
        while (nextPlan < plans.length && plans[nextPlan].plan!.announceAt <= now) {
          const person = plans[nextPlan++];
          void caller.call<PlanAnswer>(who.nla, PLAN_ACTION, planFor(person.arrival)).then((answer) => {
            if (!answer) {
              planned.refused++;
              person.plan!.failed = true;
              return;
            }
            person.plan!.actionId = answer.planAction.id;
            planned.actions++;
            planned.expected += answer.planAction.expectedCount;
            planned.reserved += answer.planAction.reservedCount;
            planned.shortfall += answer.planAction.shortfallCount;
          });
        }
        // Requesters ask at their person's first contact, each on a timer of her own (requesters.ts).
        requesters.armDue();
        // What the roles see on their worklists.
        const rows = (await db.dataSource.query(
          `SELECT r.id, r.status, r.attempt, r.waiting_for_authority AS authority, r.waiting_for_organisation AS organisation,
                  r.placed_at, r.region_code AS region, r.waiting_reason AS "waitingReason", r.transfer_reason IS NOT NULL AS "isTransfer", coalesce(array_agg(h.facility_id::text) FILTER (WHERE h.id IS NOT NULL), '{}') AS facilities,
                  min(f.type::text) AS type
             FROM placement_requests r
             LEFT JOIN placement_holds h ON h.request_id = r.id AND h.state IN ('HELD','OCCUPIED')
             LEFT JOIN facilities f ON f.id = h.facility_id
            WHERE r.status IN ('OFFERED','ACCEPTED','PLACED')
               OR (r.status = 'WAITING' AND (r.waiting_for_authority IS NOT NULL OR r.waiting_reason = 'AWAITING_ROUTE_DECISION'))
            GROUP BY r.id`,
        )) as {
          id: string;
          status: string;
          attempt: number;
          authority: string | null;
          organisation: string | null;
          placed_at: Date | null;
          region: string;
          waitingReason: string | null;
          isTransfer: boolean;
          facilities: string[];
          type: string | null;
        }[];
        for (const row of rows) {
          const key = `${row.id}:${row.attempt}:${row.status}`;
          if (scheduled.has(key)) continue;
          if (row.status === 'OFFERED') {
            for (const facilityId of row.facilities) {
              const answer = drawOfferAnswer(random, new Date(now));
              if (answer.afterMs === null) continue; // nobody answers: the hold lapses
              schedule(
                `${key}:${facilityId}`,
                now + answer.afterMs,
                async () =>
                  caller.call(await who.shelter([facilityId]), RESPOND, {
                    input: {
                      requestId: row.id,
                      accept: answer.accept,
                      ...(answer.accept ? {} : { declineReason: answer.declineReason }),
                    },
                  }),
                !answer.accept,
              );
            }
            scheduled.set(key, { at: Number.POSITIVE_INFINITY, run: async () => undefined });
          } else if (row.status === 'ACCEPTED') {
            // A group split over shelters arrives at each; each shelter confirms its own share.
            const arrivesAt = now + drawArrivalDelayMs(random);
            for (const facilityId of new Set(row.facilities)) {
              schedule(`${key}:${facilityId}`, arrivesAt, async () =>
                caller.call(await who.shelter([facilityId]), CONFIRM_ARRIVAL, { requestId: row.id }),
              );
            }
            scheduled.set(key, { at: Number.POSITIVE_INFINITY, run: async () => undefined });
          } else if (row.status === 'PLACED') {
            const placedAt = row.placed_at ? new Date(row.placed_at).getTime() : now;
            const endsAt = placedAt + drawStayMs(random, row.type ?? 'VROUWENOPVANG');
            for (const facilityId of new Set(row.facilities)) {
              schedule(`${key}:${facilityId}`, endsAt, async () =>
                caller.call(
                  await who.shelter([facilityId]),
                  END_PLACEMENT,
                  {
                    requestId: row.id,
                    reason: 'verblijf afgerond (simulatie)',
                    outcome: row.type === 'NOODBED' ? 'ONWARD_SHELTER' : 'OWN_HOUSING',
                  },
                  'background',
                ),
              );
            }
            // A few structural stays ask to move, some days in and before the stay ends: for her safety to
            // another region, or onward to the next kind. She keeps her place until she arrives.
            if (row.type !== 'NOODBED' && !row.isTransfer && row.facilities.length === 1 && chance(random, TRANSFER_SHARE)) {
              const askAt = placedAt + Math.min(between(random, 1, 14) * DAY_MS, (endsAt - placedAt) / 2);
              const safety = chance(random, 0.4);
              const elsewhere = regions.filter((r) => r !== row.region);
              const toRegion = elsewhere[Math.floor(random.next() * elsewhere.length)];
              schedule(`${key}:transfer`, askAt, async () => {
                transfers.asked++;
                const answer = await caller.call(
                  who.coordinator,
                  REQUEST_TRANSFER,
                  transferFor(row.id, safety ? toRegion : null),
                );
                if (!answer) transfers.refused++;
              });
            }
            scheduled.set(key, { at: Number.POSITIVE_INFINITY, run: async () => undefined });
          } else if (row.status === 'WAITING' && row.waitingReason === 'AWAITING_ROUTE_DECISION') {
            // Criminal exploitation: the coordinator brings the screeningsoverleg's decision (003:490).
            const route = drawRouteDecision(random, new Date(now));
            schedule(
              key,
              route.at.getTime(),
              async () => {
                const recorded = await caller.call(who.coordinator, RECORD_ROUTE_DECISION, {
                  requestId: row.id,
                  shelter: route.shelter,
                  reason: route.shelter
                    ? 'screeningsoverleg: veilige opvangplek (simulatie)'
                    : 'screeningsoverleg: andere route (simulatie)',
                });
                if (!recorded) scheduled.delete(key);
              },
              route.shelter,
            );
          } else if (row.status === 'WAITING' && row.authority) {
            const authority = row.authority;
            schedule(key, drawDecisionAt(random, authority, new Date(now)).getTime(), async () => {
              const token = await who.authority(authority, row.organisation);
              const candidates = await caller.call<{
                placementCandidates: { matches: { facility: { id: string }; placeableNow: boolean; decidedBy: string }[] };
              }>(token, CANDIDATES, { requestId: row.id });
              const best = candidates?.placementCandidates.matches.find((m) => m.placeableNow && m.decidedBy === authority);
              const assigned = best
                ? await caller.call(token, ASSIGN, {
                    requestId: row.id,
                    facilityId: best.facility.id,
                    reason: 'simulatie: de eerste plaatsbare plek die wij toewijzen',
                  })
                : undefined;
              // Not now (nothing placeable, or refused): the worklist is looked at again later.
              if (!assigned) scheduled.delete(key);
            });
          }
        }
        // Calm hours pass faster: nobody waits to be reached and nobody arrives soon (calm-speed.ts).
        // Decided after the worklists' answers are drawn: a decline drawn now ends a calm stretch before it.
        if (speeds) {
          // Anyone without a place, a named escalation or a named wait keeps it measuring: her first
          // contact, and the samples of people left unnamed, are what the run is for.
          // However recently: the tick's `now` is read before its queries, and at the calm speed a step
          // the service took during them (a re-match after a decline) lies tens of minutes after it.
          const unreached = unnamedRequests(await openRequests(db.dataSource), now, { graceMinutes: Number.NEGATIVE_INFINITY });
          const deadlines = await nextServiceDeadlines(db.dataSource, now);
          const nextContact = requesters.nextContactMs();
          const decision = calm.decide({
            nowMs: now,
            // Without a calm speed the next arrival is always now: never calm.
            nextArrivalMs: calmOn ? earliest(nextContact, deadlines.holdLapse, deadlines.plannedStart, nextUnreaching()) : now,
            unanswered: requesters.unanswered + unreachingOnTheirWay,
            unreached: unreached.length,
            attending:
              attendOn &&
              (requesters.unanswered + unreachingOnTheirWay > 0 ||
                unreached.some((request) => attendedTo(request, now, escalateAfterMs))),
          });
          if (decision === 'attend') speeds.change(clock, attendSpeed);
          else if (decision === 'measure') speeds.change(clock, speed);
          else if (decision) {
            speeds.change(clock, calmSpeed);
            // Back to the measuring speed before the next arrival, announced now (calmUntil is simulated time).
            if (Number.isFinite(decision.calmUntil)) speeds.change(clock, speed, clock.wallAt(decision.calmUntil));
          }
          // Slower from just before the next contact, at its wall moment, not a tick after it (calm-speed.ts attendFrom);
          // announced again each tick until it applies, and after a 'measure' (a later change of speed drops it).
          const attendAt =
            attendOn && decision !== 'attend' ? attendFrom(earliest(nextContact, deadlines.plannedStart), now) : null;
          if (attendAt !== null && (clock.speed !== attendSpeed || decision === 'measure')) {
            speeds.change(clock, attendSpeed, clock.wallAt(attendAt));
            calm.attendAhead();
          }
        }
        // Whatever is due now.
        for (const [key, task] of scheduled) {
          // One that puts someone back to matching waits for the measuring speed: drawn in a calm tick
          // (whose `now` is tens of simulated minutes old) it may be due at once, and the re-match it
          // starts would run at the calm speed before the change back applies (the fifth year).
          if (task.unreaches && clock.speed > speed) continue;
          if (task.at <= now) {
            task.at = Number.POSITIVE_INFINITY;
            if (task.unreaches) unreachingOnTheirWay++;
            void task
              .run()
              .catch(() => undefined)
              .finally(() => {
                if (task.unreaches) unreachingOnTheirWay--;
              });
            // Re-armed when the request moves on (a new status or attempt is a new key).
            scheduled.set(key, task);
          }
        }
        if (Date.now() - lastInvariantWall > 1_000) {
          lastInvariantWall = Date.now();
          await checkInvariants(db.dataSource, now, invariants, heldBaseline, speed);
        }
        // Sampled every simulated quarter hour: who waits, and who has neither a place nor a named escalation (or wait).
        if (now - lastWaitingSim >= 15 * MINUTE_MS) {
          lastWaitingSim = now;
          const { unnamed, unnamedStrict, unnamedNow, ...waiting } = await waitingNow(db.dataSource, now);
          for (const { id, ...seen } of unnamedNow) if (!unnamedSeen.has(id)) unnamedSeen.set(id, seen);
          unnamedSeries.push({ at: now, unnamed, unnamedStrict });
          if (waitingSeries.length === 0 || now - waitingSeries[waitingSeries.length - 1].at >= 60 * MINUTE_MS)
            waitingSeries.push({ at: now, ...waiting });
        }
        if (Date.now() - lastLogWall > 15_000) {
          lastLogWall = Date.now();
          const w = waitingSeries.at(-1);
          context.log(
            `  ${new Date(now).toISOString().slice(0, 16)} · ${requesters.arrived}/${people.length} arrived · ${caller.calls} calls · ` +
              `${w?.waiting ?? 0} waiting · refusals ${[...caller.refusals.values()].reduce((a, b) => a + b, 0)}`,
          );
        }
        await new Promise((r) => setTimeout(r, TICK_MS));
      }
      await requesters.settle();
      await caller.drain();
      const wallSeconds = Math.round((Date.now() - began) / 1000);
      await checkInvariants(db.dataSource, clock.now().getTime(), invariants, heldBaseline, speed);
      const simulatedMs = clock.now().getTime() - beganSim;
      const asked = people.filter((p) => p.arrival.at.getTime() < endMs && !(p.plan && !p.plan.failed));
      const lostRequests = asked.filter((p) => !p.requestId).length;
      // A planned raid's people are measured one by one from the action's start (their first contact).
      const actionRequests = (await db.dataSource.query(
        `SELECT ar.action_id AS "actionId", ar.request_id AS "requestId", a.starts_at AS "startsAt"
           FROM action_requests ar JOIN planned_actions a ON a.id = ar.action_id WHERE a.starts_at < $1`,
        [new Date(endMs - TARGET_MINUTES * MINUTE_MS)],
      )) as { actionId: string; requestId: string; startsAt: Date }[];
      const classesOfAction = new Map(people.filter((p) => p.plan?.actionId).map((p) => [p.plan!.actionId!, p.arrival.classes]));
      // Who came in the run's last 15 minutes may rightly have neither yet: not measured (censored), still counted as asked.
      const measuredUntil = endMs - TARGET_MINUTES * MINUTE_MS;
      const measured = await outcomes(db.dataSource, [
        ...asked
          .filter((p) => p.arrival.at.getTime() < measuredUntil)
          .map((p) => ({
            requestId: p.requestId,
            contactAt: p.arrival.at,
            classes: p.arrival.classes,
            noodbedToldAt: p.noodbedToldAt,
          })),
        ...actionRequests.map((r) => ({
          requestId: r.requestId,
          contactAt: new Date(r.startsAt),
          classes: classesOfAction.get(r.actionId) ?? ['group' as const],
        })),
      ]);
      const [plannedOutcome] = (await db.dataSource.query(
        `SELECT count(*)::int AS requests,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM placement_events e WHERE e.request_id = r.id AND e.status IN ('ACCEPTED','PLACED')))::int AS placed,
                count(*) FILTER (WHERE r.status = 'CANCELLED')::int AS cancelled
           FROM action_requests ar JOIN placement_requests r ON r.id = ar.request_id`,
      )) as { requests: number; placed: number; cancelled: number }[];
      const [transferOutcome] = (await db.dataSource.query(
        `SELECT count(*)::int AS opened,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM placement_events e WHERE e.request_id = r.id AND e.status = 'PLACED'))::int AS arrived,
                count(*) FILTER (WHERE r.status = 'CANCELLED')::int AS cancelled,
                count(*) FILTER (WHERE r.status NOT IN ('CANCELLED','PLACED','ENDED'))::int AS open
           FROM placement_requests r WHERE r.transfer_reason IS NOT NULL`,
      )) as { opened: number; arrived: number; cancelled: number; open: number }[];
      const [noodbed] = (await db.dataSource.query(
        `SELECT count(*)::int AS stays,
                coalesce(sum(extract(epoch FROM coalesce(r.ended_at, $1) - r.placed_at) / 86400), 0)::float AS nights,
                count(*) FILTER (WHERE r.overstay)::int AS overrun
           FROM placement_requests r
          WHERE r.placed_at IS NOT NULL
            -- Where she arrived: the place accepted last before her arrival (an ended stay no longer
            -- names its facility on the request, and a noodbed offered to her and declined or let
            -- lapse before she went elsewhere is no night there).
            AND (SELECT f.type FROM placement_holds h JOIN facilities f ON f.id = h.facility_id
                  WHERE h.request_id = r.id AND h.accepted_at <= r.placed_at
                  ORDER BY h.accepted_at DESC LIMIT 1) = 'NOODBED'`,
        [new Date(endMs)],
      )) as { stays: number; nights: number; overrun: number }[];
      const shortfall = await wherePlacesRanOut(db.dataSource);
      const [lapsed] = (await db.dataSource.query(
        `SELECT count(*)::int AS n FROM placement_events WHERE note_code = 'OFFER_LAPSED'`,
      )) as { n: number }[];
      const headline = (o: PersonOutcome) => o.toPlaceOrEscalationMinutes;
      const peakOf = (pick: (u: (typeof unnamedSeries)[number]) => number) => {
        const peak = unnamedSeries.reduce((m, u) => (pick(u) > pick(m) ? u : m), { at: 0, unnamed: 0, unnamedStrict: 0 });
        return {
          samples: unnamedSeries.length,
          samplesAboveZero: unnamedSeries.filter((u) => pick(u) > 0).length,
          peak: pick(peak),
          peakAt: peak.at,
        };
      };
      const unnamedLines: string[] = [];
      // With what the queue did for each (a wait the history alone does not explain), read on the clock as it ran.
      const jobs = context.config.redisUrl
        ? new QueueReadings(context.config.redisUrl, privateNamespace(context, 'year'), (wallMs) =>
            new SimulatedClock(settings, () => wallMs, { changes: () => speeds?.everyChange() ?? [] }).timeAt(wallMs),
          )
        : null;
      for (const [id, { text, contactMs }] of [...unnamedSeen].slice(0, 10)) {
        unnamedLines.push(`  unnamed ${text}: ${(await chainSteps(db.dataSource, id, contactMs)).join(' → ')}`);
        for (const job of (await jobs?.jobsOf(id, contactMs)) ?? []) unnamedLines.push(`    job ${job}`);
      }
      await jobs?.close();
      const report: YearReport = {
        seed: options.seed,
        days,
        speed,
        wallSeconds,
        tickMinutes: measuringMs / Math.max(1, measuringTicks) / MINUTE_MS,
        calmSpeed: speeds ? calmSpeed : null,
        calmShare: simulatedMs > 0 ? calmMs / simulatedMs : 0,
        from: SIMULATION_START.toISOString(),
        people: measured.length,
        arrivals: arrivals.filter((a) => a.at.getTime() < endMs).length,
        hourOfWeek: byHourOfWeek(measured),
        headlineHourOfWeek: byHourOfWeek(measured, headline),
        headline: byProfileClass(measured, headline),
        headlineWorstHour: worstHour(measured, headline),
        placeWorstHour: worstHour(measured, (o) => o.toPlaceMinutes),
        reachedBy: reachedByCounts(measured),
        escalationCost: escalationCost(measured),
        unnamed: peakOf((u) => u.unnamed),
        strict: {
          headline: byProfileClass(measured, (o) => o.strictMinutes).everyone,
          worstHour: worstHour(measured, (o) => o.strictMinutes),
          unnamed: peakOf((u) => u.unnamedStrict),
        },
        toPlace: byProfileClass(measured, (o) => o.toPlaceMinutes),
        toStructural: byProfileClass(measured, (o) => o.toStructuralMinutes),
        waitingSeries,
        invariants: { ...invariants, unanswered: lostRequests },
        noodbed,
        offersLapsed: lapsed.n,
        noodbedAnswers: requesters.noodbedAnswers,
        shortfall,
        supply: staff.figures,
        transfers: { asked: transfers.asked, refused: transfers.refused, ...transferOutcome },
        planned: { ...planned, ...plannedOutcome },
        slowest: await slowestPeople(db.dataSource, measured),
        refusals: Object.fromEntries([...caller.refusals].sort((a, b) => b[1] - a[1]).slice(0, 15)),
      };
      const table = yearReportTable(report);
      context.log(table);
      if (scheduleFile) rmSync(scheduleFile, { force: true });
      const file = path.join(
        outputDir,
        `national-year-${options.quick ? 'quick' : 'year'}-seed${options.seed}-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}.html`,
      );
      writeFileSync(file, yearReportHtml(report));
      writeFileSync(file.replace(/\.html$/, '.json'), `${JSON.stringify(report, null, 2)}\n`);
      context.log(`  report written to ${file}`);
      const p95 = report.headline.everyone.p95;
      const worst = report.headlineWorstHour;
      const minutesText = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} min` : 'none within the run');
      return {
        measurements: [],
        ratios: [],
        targets: [
          {
            label: `a place to go, a named escalation or (not ACUTE) a named wait within ${TARGET_MINUTES} min (p95, everyone)`,
            measured: `p95 ${minutesText(p95)} (n ${report.headline.everyone.n}, ${report.headline.everyone.without} with neither)`,
            pass: p95 <= TARGET_MINUTES && report.headline.everyone.without === 0,
          },
          {
            label: `a place to go, a named escalation or (not ACUTE) a named wait within ${TARGET_MINUTES} min (p95) at every hour of the week`,
            measured: worst ? `worst hour ${worst.label}: p95 ${minutesText(worst.p95)} (n ${worst.n})` : 'no measurement',
            pass: worst !== null && worst.p95 <= TARGET_MINUTES,
          },
          {
            label: `nobody left without a place, a named escalation or (not ACUTE) a named wait after ${TARGET_MINUTES} min (sampled every 15 simulated min)`,
            measured: `${report.unnamed.samplesAboveZero} of ${report.unnamed.samples} samples above 0, peak ${report.unnamed.peak}${
              report.unnamed.peak ? ` at ${new Date(report.unnamed.peakAt).toISOString().slice(0, 16)}` : ''
            }`,
            pass: report.unnamed.peak === 0,
          },
          {
            label: 'no person with two places',
            measured:
              `${invariants.twoPlaces} found in ${invariants.checks} checks` +
              (invariants.parallelOffers
                ? ` (${invariants.parallelOffers} saw a parallel offer held at several shelters: one place to go)`
                : ''),
            pass: invariants.twoPlaces === 0,
          },
          { label: 'no facility over capacity', measured: `${invariants.overCapacity}`, pass: invariants.overCapacity === 0 },
          {
            label: 'no request lost',
            measured: `${invariants.lost} stuck, ${lostRequests} unanswered`,
            pass: invariants.lost === 0 && lostRequests === 0,
          },
        ],
        notes: [
          `seed ${options.seed}; ${days} days at ${speed}× in ${wallSeconds} wall s; resolution while measuring: one tick (${TICK_MS} ms plus its queries) was ` +
            `${report.tickMinutes.toFixed(1)} simulated minutes on average (nominal ${((TICK_MS * speed) / MINUTE_MS).toFixed(1)})` +
            (speeds
              ? `; ${(report.calmShare * 100).toFixed(0)}% of the simulated time ran calm at ${calmSpeed}× (nobody waiting to be reached, ` +
                `nobody arriving and no held place lapsing within ${CALM_MARGIN_MS / MINUTE_MS} min): in calm hours stays end and capacity ` +
                `is reported on coarser ticks, and what the service does there by itself is seen up to a speed change's lead ` +
                `(20 wall ms, ${((0.02 * calmSpeed) / 60).toFixed(0)} simulated min) plus a tick late (calm-speed.ts)`
              : '') +
            (attendOn
              ? `; ${Math.round(attendingWallMs / 1000)} wall s ran at ${attendSpeed}× while the service worked on someone not yet reached ` +
                `(a request received or being matched, a call on its way, an ACUTE escalation deadline within ${ATTEND_BEFORE_DEADLINE_MS / MINUTE_MS} min)`
              : ''),
          `asked after contact: p50 ${percentileOf(
            requesters.lateness.map((a) => a.minutes),
            0.5,
          ).toFixed(1)} min, max ${Math.max(0, ...requesters.lateness.map((a) => a.minutes)).toFixed(1)} min` +
            ` (${requesters.lateness.filter((a) => a.speed > speed).length} of ${requesters.lateness.length} asked at the calm speed)`,
          `a place to go alone (stricter than the target: an escalation does not count): p95 ${minutesText(report.toPlace.everyone.p95)}, ` +
            `worst hour ${report.placeWorstHour?.label ?? '—'} p95 ${minutesText(report.placeWorstHour?.p95 ?? Number.NaN)}`,
          ...invariants.examples,
          ...(unnamedSeen.size ? [`left unnamed after 15 min at a sample: ${unnamedSeen.size} request(s)`] : []),
          // The first of them with their steps: what left each one without a name, readable without the database.
          ...unnamedLines,
        ],
      };
    });
  },
};
