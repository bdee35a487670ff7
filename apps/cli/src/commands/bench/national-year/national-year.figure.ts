/**
 * Issue 19: a simulated national year. Real API and worker processes (from dist/, on a private
 * database with the national register) run on a simulated clock (SIMULATED_CLOCK_*), and the
 * people around the service (agents.ts) act on it over GraphQL as simulated time passes: the
 * demand of demand.ts, the answers of responders.ts. What it measures comes from the database the
 * service wrote (placement_events, placement_holds, capacity), not from a model of the service.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { issueDevToken } from '@opvangplek/access';
import { Role } from '@opvangplek/domain';
import { SimulatedClock } from '@opvangplek/platform/clock';
import type { DataSource } from 'typeorm';
import type { BenchContext, BenchFigure, FigureOutcome } from '../figure';
import { regionCodes } from '../figures/placement-support';
import { withPrivateCluster } from '../figures/private-cluster';
import { askFor, ASSIGN, CANDIDATES, Caller, CONFIRM_ARRIVAL, END_PLACEMENT, type NoodbedAnswer, RESPOND } from './agents';
import { type Arrival, generateArrivals } from './demand';
import { byHourOfWeek, byProfileClass, type PersonOutcome } from './measures';
import { seededRandom } from './random';
import { yearReportHtml, yearReportTable, type YearReport } from './report';
import { drawArrivalDelayMs, drawDecisionAt, drawOfferAnswer, drawStayMs } from './responders';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A Monday, so hour-of-week buckets start at a week's start. */
const SIMULATION_START = new Date('2027-01-04T00:00:00Z');
/** Wall seconds the processes get to start before simulated time reaches SIMULATION_START. */
const STARTUP_SECONDS = 40;
const TICK_MS = 40;
/** A request untouched this long in RECEIVED/MATCHING is counted lost (the sweep re-queues after RECONCILE_AFTER_SECONDS). */
const LOST_AFTER_MS = 6 * 60 * MINUTE_MS;

export interface YearOptions {
  quick: boolean;
  seed: number;
  /** Simulated ms per wall ms; by default a month in ~4 minutes, a year in ~45. */
  speed: number | undefined;
  peoplePerYear: number;
}

interface Person {
  arrival: Arrival;
  requestId?: string;
  /** Simulated ms when the police were told a noodbed (requestNoodbed answered with one). */
  noodbedToldAt?: number;
}

interface Scheduled {
  at: number;
  run: () => Promise<unknown>;
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

interface Invariants {
  checks: number;
  twoPlaces: number;
  overCapacity: number;
  ledgerMismatch: number;
  lost: number;
  examples: string[];
}

/** The invariants, read from the service's own tables at one moment. */
async function checkInvariants(
  db: DataSource,
  nowMs: number,
  into: Invariants,
  heldBaseline: Map<string, number>,
  speed: number,
): Promise<void> {
  into.checks++;
  // One person, one place: a single person's request chain (a noodbed and its onward request) holding or occupying two facilities.
  const [two] = (await db.query(
    `WITH RECURSIVE chain(root, id) AS (
        SELECT id, id FROM placement_requests WHERE bridge_request_id IS NULL AND group_size = 1
        UNION ALL SELECT c.root, r.id FROM placement_requests r JOIN chain c ON r.bridge_request_id = c.id)
     SELECT count(*)::int AS n, min(root::text) AS example FROM (
       SELECT c.root FROM chain c JOIN placement_holds h ON h.request_id = c.id AND h.state = 'HELD'
        JOIN placement_requests r ON r.id = c.id AND r.status IN ('OFFERED','ACCEPTED')
       GROUP BY c.root HAVING count(DISTINCT h.facility_id) > 1
       UNION ALL
       SELECT c.root FROM chain c JOIN placement_holds h ON h.request_id = c.id AND h.state = 'OCCUPIED'
        JOIN placement_requests r ON r.id = c.id AND r.status = 'PLACED'
       GROUP BY c.root HAVING count(DISTINCT h.facility_id) > 1) t`,
  )) as { n: number; example: string | null }[];
  const [over] = (await db.query(`SELECT count(*)::int AS n FROM capacity WHERE occupied + held + out_of_service > total`)) as {
    n: number;
  }[];
  // The seeded register starts with held places no hold row stands for: compare against that start.
  const ledgerRows = await heldMinusHolds(db);
  const ledger = { n: ledgerRows.filter((r) => r.gap !== (heldBaseline.get(r.facility) ?? 0)).length };
  const [lost] = (await db.query(
    `SELECT count(*)::int AS n, min(id::text || ' ' || status::text || ' since ' || updated_at::text) AS example
       FROM placement_requests WHERE status IN ('RECEIVED','MATCHING') AND updated_at < now() - make_interval(secs => $1)`,
    // updated_at is the database's wall time (its default now()), not the service's clock: compare in wall time.
    [LOST_AFTER_MS / speed / 1000],
  )) as { n: number; example: string | null }[];
  if (lost.n > into.lost && into.examples.length < 8) into.examples.push(`stuck: ${lost.example} (${lost.n} in all)`);
  into.twoPlaces += two.n;
  into.overCapacity += over.n;
  into.ledgerMismatch += ledger.n;
  into.lost = Math.max(into.lost, lost.n);
  if (two.n > 0 && into.examples.length < 5)
    into.examples.push(`two places: request chain ${two.example} at ${new Date(nowMs).toISOString()}`);
  if (ledger.n > 0 && into.examples.length < 5)
    into.examples.push(`held count ≠ holds at ${ledger.n} facilities at ${new Date(nowMs).toISOString()}`);
}

/** Per facility: capacity.held minus the places its HELD holds stand for. */
async function heldMinusHolds(db: DataSource): Promise<{ facility: string; gap: number }[]> {
  return (await db.query(
    `SELECT c.facility_id AS facility, (c.held - coalesce(h.held, 0))::int AS gap FROM capacity c
       LEFT JOIN (SELECT facility_id, sum(places) AS held FROM placement_holds WHERE state = 'HELD' GROUP BY facility_id) h
         ON h.facility_id = c.facility_id`,
  )) as { facility: string; gap: number }[];
}

/** Who is without a place right now, by the escalation that names them. */
async function waitingNow(db: DataSource): Promise<{ waiting: number; byReason: Record<string, number> }> {
  const rows = (await db.query(
    `SELECT coalesce(CASE WHEN escalated THEN 'ESCALATED ' ELSE '' END || coalesce(waiting_reason::text, status::text), '?') AS reason,
            sum(group_size)::int AS n
       FROM placement_requests WHERE status IN ('RECEIVED','MATCHING','WAITING','OFFERED') AND bridge_request_id IS NULL
      GROUP BY 1`,
  )) as { reason: string; n: number }[];
  const byReason = Object.fromEntries(rows.map((r) => [r.reason, r.n]));
  return { waiting: rows.reduce((sum, r) => sum + r.n, 0), byReason };
}

/** Per person: minutes to a place to go and to a structural place, from placement_events. */
async function outcomes(db: DataSource, people: readonly Person[], endMs: number): Promise<PersonOutcome[]> {
  const rows = (await db.query(
    `WITH RECURSIVE chain(root, id) AS (
        SELECT id, id FROM placement_requests WHERE id = ANY($1::uuid[])
        UNION ALL SELECT c.root, r.id FROM placement_requests r JOIN chain c ON r.bridge_request_id = c.id)
     SELECT c.root,
            min(e.at) AS placed,
            min(e.at) FILTER (WHERE f.type <> 'NOODBED') AS structural
       FROM chain c
       JOIN placement_requests r ON r.id = c.id
       JOIN placement_events e ON e.request_id = c.id AND e.status IN ('ACCEPTED','PLACED')
       LEFT JOIN placement_holds h ON h.request_id = c.id AND h.state <> 'RELEASED'
       LEFT JOIN facilities f ON f.id = coalesce(h.facility_id, r.facility_id)
      GROUP BY c.root`,
    [people.filter((p) => p.requestId).map((p) => p.requestId)],
  )) as { root: string; placed: Date | null; structural: Date | null }[];
  const byRoot = new Map(rows.map((r) => [r.root, r]));
  const minutes = (from: number, to: Date | number | null | undefined) =>
    to === null || to === undefined ? null : Math.max(0, (new Date(to).getTime() - from) / MINUTE_MS);
  return people
    .filter((p) => p.arrival.at.getTime() < endMs)
    .map((p) => {
      const contact = p.arrival.at.getTime();
      const row = p.requestId ? byRoot.get(p.requestId) : undefined;
      const placed = [p.noodbedToldAt, row?.placed ? new Date(row.placed).getTime() : undefined].filter(
        (v): v is number => v !== undefined,
      );
      return {
        contactAt: p.arrival.at,
        classes: p.arrival.classes,
        toPlaceMinutes: placed.length ? minutes(contact, Math.min(...placed)) : null,
        toStructuralMinutes: minutes(contact, row?.structural ?? null),
      };
    });
}

export const nationalYearFigure: BenchFigure = {
  name: 'national-year',
  description:
    'issue 19: a simulated year (--quick: a month) on the real API and worker: time from first contact to a place to go, by hour of week and profile; invariants',
  scale: 1,
  optIn: true,
  async run(context: BenchContext): Promise<FigureOutcome> {
    const options = context.year;
    const days = options.quick ? 30 : 365;
    const speed = options.speed ?? Math.round((days * DAY_MS) / ((options.quick ? 4 : 45) * 60_000));
    const endMs = SIMULATION_START.getTime() + days * DAY_MS;
    const wallEpochMs = Date.now() + STARTUP_SECONDS * 1000;
    const settings = { start: SIMULATION_START, speed, wallEpochMs };
    const clock = new SimulatedClock(settings);
    context.log(
      `  seed ${options.seed} · ${days} simulated days from ${SIMULATION_START.toISOString()} at ${speed}× ` +
        `(1 wall ms = ${(speed / 1000).toFixed(1)} simulated s; ~${Math.round((days * DAY_MS) / speed / 1000)} wall s) · ${options.peoplePerYear} people a year`,
    );
    const env = {
      SIMULATED_CLOCK_START: SIMULATION_START.toISOString(),
      SIMULATED_CLOCK_SPEED: String(speed),
      SIMULATED_CLOCK_WALL_EPOCH: String(wallEpochMs),
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
      const noodbedAnswers = { withPlace: 0, withoutPlace: 0, byKind: {} as Record<string, number> };
      const caller = new Caller(cluster.apiUrls, 8);
      const people: Person[] = arrivals.map((arrival) => ({ arrival }));
      const scheduled = new Map<string, Scheduled>();
      const invariants: Invariants = { checks: 0, twoPlaces: 0, overCapacity: 0, ledgerMismatch: 0, lost: 0, examples: [] };
      const waitingSeries: { at: number; waiting: number; byReason: Record<string, number> }[] = [];
      let next = 0;
      let lastInvariantWall = 0;
      let lastWaitingSim = 0;
      let lastLogWall = Date.now();
      const schedule = (key: string, at: number, run: () => Promise<unknown>) => {
        if (!scheduled.has(key)) scheduled.set(key, { at, run });
      };
      while (clock.now().getTime() < SIMULATION_START.getTime()) await new Promise((r) => setTimeout(r, 100));
      const began = Date.now();

      for (let now = clock.now().getTime(); now < endMs; now = clock.now().getTime()) {
        context.signal.throwIfAborted();
        // Requesters ask as their people arrive.
        while (next < people.length && people[next].arrival.at.getTime() <= now) {
          const person = people[next++];
          const ask = askFor(person.arrival);
          const token =
            person.arrival.channel === 'NLA'
              ? who.nla
              : person.arrival.channel === 'COORDINATOR'
                ? who.coordinator
                : ask.noodbed
                  ? who.police
                  : // The police hand a minor to youth care and a group to the coordinator (requestPlacement is not theirs).
                    person.arrival.classes.includes('minor')
                    ? who.youthCare
                    : who.coordinator;
          void caller.call<Record<string, { id: string }>>(token, ask.query, ask.variables).then((answer) => {
            if (!answer) return;
            person.requestId = Object.values(answer)[0].id;
            const told = (answer as NoodbedAnswer).requestNoodbed?.facility;
            if (ask.noodbed) noodbedAnswers[told ? 'withPlace' : 'withoutPlace']++;
            // A full noodbed is stood in for by a 24/7 interim place (VO/MO): which kind the police were told.
            if (ask.noodbed && told) noodbedAnswers.byKind[told.type] = (noodbedAnswers.byKind[told.type] ?? 0) + 1;
            if (ask.noodbed && told) person.noodbedToldAt = clock.now().getTime();
          });
        }
        // What the roles see on their worklists.
        const rows = (await db.dataSource.query(
          `SELECT r.id, r.status, r.attempt, r.waiting_for_authority AS authority, r.waiting_for_organisation AS organisation,
                  r.placed_at, coalesce(array_agg(h.facility_id::text) FILTER (WHERE h.id IS NOT NULL), '{}') AS facilities,
                  min(f.type::text) AS type
             FROM placement_requests r
             LEFT JOIN placement_holds h ON h.request_id = r.id AND h.state IN ('HELD','OCCUPIED')
             LEFT JOIN facilities f ON f.id = h.facility_id
            WHERE r.status IN ('OFFERED','ACCEPTED','PLACED') OR (r.status = 'WAITING' AND r.waiting_for_authority IS NOT NULL)
            GROUP BY r.id`,
        )) as {
          id: string;
          status: string;
          attempt: number;
          authority: string | null;
          organisation: string | null;
          placed_at: Date | null;
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
              schedule(`${key}:${facilityId}`, now + answer.afterMs, async () =>
                caller.call(await who.shelter([facilityId]), RESPOND, {
                  input: {
                    requestId: row.id,
                    accept: answer.accept,
                    ...(answer.accept ? {} : { declineReason: answer.declineReason }),
                  },
                }),
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
                caller.call(await who.shelter([facilityId]), END_PLACEMENT, {
                  requestId: row.id,
                  reason: 'verblijf afgerond (simulatie)',
                  outcome: row.type === 'NOODBED' ? 'ONWARD_SHELTER' : 'OWN_HOUSING',
                }),
              );
            }
            scheduled.set(key, { at: Number.POSITIVE_INFINITY, run: async () => undefined });
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
        // Whatever is due now.
        for (const [key, task] of scheduled) {
          if (task.at <= now) {
            task.at = Number.POSITIVE_INFINITY;
            void task.run().catch(() => undefined);
            // Re-armed when the request moves on (a new status or attempt is a new key).
            scheduled.set(key, task);
          }
        }
        if (Date.now() - lastInvariantWall > 1_000) {
          lastInvariantWall = Date.now();
          await checkInvariants(db.dataSource, now, invariants, heldBaseline, speed);
        }
        if (now - lastWaitingSim >= 60 * MINUTE_MS) {
          lastWaitingSim = now;
          waitingSeries.push({ at: now, ...(await waitingNow(db.dataSource)) });
        }
        if (Date.now() - lastLogWall > 15_000) {
          lastLogWall = Date.now();
          const w = waitingSeries.at(-1);
          context.log(
            `  ${new Date(now).toISOString().slice(0, 16)} · ${next}/${people.length} arrived · ${caller.calls} calls · ` +
              `${w?.waiting ?? 0} waiting · refusals ${[...caller.refusals.values()].reduce((a, b) => a + b, 0)}`,
          );
        }
        await new Promise((r) => setTimeout(r, TICK_MS));
      }
      await caller.drain();
      const wallSeconds = Math.round((Date.now() - began) / 1000);
      await checkInvariants(db.dataSource, clock.now().getTime(), invariants, heldBaseline, speed);
      const lostRequests = people.filter((p) => p.arrival.at.getTime() < endMs && !p.requestId).length;
      const measured = await outcomes(db.dataSource, people, endMs);
      const [noodbed] = (await db.dataSource.query(
        `SELECT count(*)::int AS stays,
                coalesce(sum(extract(epoch FROM coalesce(r.ended_at, $1) - r.placed_at) / 86400), 0)::float AS nights,
                count(*) FILTER (WHERE r.overstay)::int AS overrun
           FROM placement_requests r
          WHERE r.placed_at IS NOT NULL
            -- By its holds: an ended stay no longer names its facility on the request.
            AND EXISTS (SELECT 1 FROM placement_holds h JOIN facilities f ON f.id = h.facility_id
                         WHERE h.request_id = r.id AND f.type = 'NOODBED')`,
        [new Date(endMs)],
      )) as { stays: number; nights: number; overrun: number }[];
      // Where and of what kind places ran out: the people whose requests were escalated, by region and kind.
      const shortfall = (await db.dataSource.query(
        `SELECT region_code AS region, coalesce(waiting_for_kind::text, types[1]::text, '?') AS kind,
                coalesce(waiting_reason::text, '?') AS reason, sum(group_size)::int AS people
           FROM placement_requests WHERE escalated_at IS NOT NULL
          GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 20`,
      )) as { region: string; kind: string; reason: string; people: number }[];
      const [lapsed] = (await db.dataSource.query(
        `SELECT count(*)::int AS n FROM placement_events WHERE note_code = 'OFFER_LAPSED'`,
      )) as { n: number }[];
      const report: YearReport = {
        seed: options.seed,
        days,
        speed,
        wallSeconds,
        from: SIMULATION_START.toISOString(),
        people: measured.length,
        arrivals: arrivals.filter((a) => a.at.getTime() < endMs).length,
        hourOfWeek: byHourOfWeek(measured),
        toPlace: byProfileClass(measured, (o) => o.toPlaceMinutes),
        toStructural: byProfileClass(measured, (o) => o.toStructuralMinutes),
        waitingSeries,
        invariants: { ...invariants, unanswered: lostRequests },
        noodbed,
        offersLapsed: lapsed.n,
        noodbedAnswers,
        shortfall,
        refusals: Object.fromEntries([...caller.refusals].sort((a, b) => b[1] - a[1]).slice(0, 15)),
      };
      const table = yearReportTable(report);
      context.log(table);
      const dir = path.join(context.config.dataDir, 'bench');
      mkdirSync(dir, { recursive: true });
      const file = path.join(
        dir,
        `national-year-${options.quick ? 'month' : 'year'}-seed${options.seed}-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}.html`,
      );
      writeFileSync(file, yearReportHtml(report));
      writeFileSync(file.replace(/\.html$/, '.json'), `${JSON.stringify(report, null, 2)}\n`);
      context.log(`  report written to ${file}`);
      const p95 = report.toPlace.everyone.p95;
      const worstHour = Math.max(...report.hourOfWeek.filter((s) => s.n > 0).map((s) => s.p95));
      return {
        measurements: [],
        ratios: [],
        targets: [
          { label: 'a place to go within 15 min (p95, everyone)', measured: `p95 ${p95.toFixed(0)} min`, pass: p95 <= 15 },
          {
            label: 'a place to go within 15 min (p95) at every hour of the week',
            measured: `worst hour p95 ${worstHour.toFixed(0)} min`,
            pass: worstHour <= 15,
          },
          {
            label: 'no person with two places',
            measured: `${invariants.twoPlaces} found in ${invariants.checks} checks`,
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
          `seed ${options.seed}; ${days} days at ${speed}× in ${wallSeconds} wall s; resolution: one ${TICK_MS} ms tick is ${((TICK_MS * speed) / MINUTE_MS).toFixed(0)} simulated minutes`,
          ...invariants.examples,
        ],
      };
    });
  },
};
