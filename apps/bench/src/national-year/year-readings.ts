/**
 * What the simulated year reads from the service's own tables (placement_requests, placement_events,
 * placement_holds, capacity, planned_actions): the invariants, who is waiting and why, each person's
 * way to a place, the longest waits and the service's next deadline. Read-only, and only here: the
 * figure decides what to do with them.
 */
import type { DataSource } from 'typeorm';
import type { ProfileClass } from './demand';
import type { OpenRequest, PersonOutcome } from './measures';
import { firstWayOut, leftUnnamed, unnamedRequests } from './measures';
import type { SlowPerson } from './report';

const MINUTE_MS = 60_000;
/** A request untouched this long in RECEIVED/MATCHING is counted lost (the sweep re-queues after RECONCILE_AFTER_SECONDS). */
const LOST_AFTER_MS = 6 * 60 * MINUTE_MS;

/**
 * One person's requests as `chain(root, id)`: each request matching `roots` and every request that
 * follows it (a noodbed's onward request, a stay's transfer), by `bridge_request_id`.
 */
export function requestChains(roots: string): string {
  return `WITH RECURSIVE chain(root, id) AS (
        SELECT id, id FROM placement_requests WHERE ${roots}
        UNION ALL SELECT c.root, r.id FROM placement_requests r JOIN chain c ON r.bridge_request_id = c.id)`;
}

export interface Invariants {
  checks: number;
  twoPlaces: number;
  /** Checks that saw a parallel offer held at several shelters (one place to go: the first to accept wins). */
  parallelOffers: number;
  overCapacity: number;
  ledgerMismatch: number;
  lost: number;
  examples: string[];
}

/** The invariants, read from the service's own tables at one moment. */
export async function checkInvariants(
  db: DataSource,
  nowMs: number,
  into: Invariants,
  heldBaseline: Map<string, number>,
  speed: number,
): Promise<void> {
  into.checks++;
  // One person, one place: a single person's request chain (a noodbed and its onward request, a stay and its
  // transfer) holding two facilities, or occupying two. Together: a transfer holds at most her stay and one target.
  const [two] = (await db.query(
    `${requestChains('bridge_request_id IS NULL AND group_size = 1')}
     SELECT count(*)::int AS n, min(root::text) AS example FROM (
       SELECT c.root FROM chain c JOIN placement_holds h ON h.request_id = c.id AND h.state = 'HELD'
        JOIN placement_requests r ON r.id = c.id AND r.status IN ('OFFERED','ACCEPTED')
       -- A parallel offer's places not yet accepted are one place to go: the first shelter to accept wins.
       GROUP BY c.root
       HAVING count(DISTINCT CASE WHEN h.parallel AND h.accepted_at IS NULL THEN 'one of ' || h.request_id::text
                                  ELSE h.facility_id::text END) > 1
       UNION ALL
       SELECT c.root FROM chain c JOIN placement_holds h ON h.request_id = c.id AND h.state = 'OCCUPIED'
        JOIN placement_requests r ON r.id = c.id AND r.status = 'PLACED'
       GROUP BY c.root HAVING count(DISTINCT h.facility_id) > 1) t`,
  )) as { n: number; example: string | null }[];
  // What the check above counts as one place to go: a parallel offer held at several shelters at once.
  const [parallel] = (await db.query(
    `SELECT EXISTS (SELECT 1 FROM placement_holds WHERE state = 'HELD' AND parallel AND accepted_at IS NULL
                     GROUP BY request_id HAVING count(DISTINCT facility_id) > 1) AS seen`,
  )) as { seen: boolean }[];
  if (parallel.seen) into.parallelOffers++;
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
    into.examples.push(
      `two places: request chain ${two.example} at ${new Date(nowMs).toISOString()}: ${await chainHolds(db, two.example!)}`,
    );
  if (ledger.n > 0 && into.examples.length < 5)
    into.examples.push(`held count ≠ holds at ${ledger.n} facilities at ${new Date(nowMs).toISOString()}`);
}

/** What a request chain holds, one line for the report: each request's status and its holds. */
async function chainHolds(db: DataSource, root: string): Promise<string> {
  const rows = (await db.query(
    `${requestChains('id = $1::uuid')}
     SELECT r.id::text AS request, r.status::text AS status, r.transfer_reason IS NOT NULL AS transfer,
            h.state::text AS hold, h.parallel, h.accepted_at IS NOT NULL AS accepted, f.type::text AS type
       FROM chain c JOIN placement_requests r ON r.id = c.id
       LEFT JOIN placement_holds h ON h.request_id = r.id AND h.state IN ('HELD','OCCUPIED')
       LEFT JOIN facilities f ON f.id = h.facility_id ORDER BY r.created_at`,
    [root],
  )) as {
    request: string;
    status: string;
    transfer: boolean;
    hold: string | null;
    parallel: boolean;
    accepted: boolean;
    type: string | null;
  }[];
  return rows
    .map(
      (r) =>
        `${r.request.slice(0, 8)} ${r.status}${r.transfer ? ' (transfer)' : ''}: ${r.hold ? `${r.hold} ${r.type}${r.parallel ? ' parallel' : ''}${r.accepted ? ' accepted' : ''}` : 'nothing held'}`,
    )
    .join('; ');
}

/**
 * The people who waited longest for the headline (none reached counts as longest), each with her
 * chain's steps in minutes after contact: what a MISS is made of, readable without the database.
 */
export async function slowestPeople(db: DataSource, measured: readonly PersonOutcome[], count = 8): Promise<SlowPerson[]> {
  const slowest = [...measured]
    .sort((a, b) => (b.toPlaceOrEscalationMinutes ?? Infinity) - (a.toPlaceOrEscalationMinutes ?? Infinity))
    .slice(0, count);
  const out: SlowPerson[] = [];
  for (const person of slowest) {
    out.push({
      requestId: person.requestId ?? null,
      contactAt: person.contactAt.toISOString().slice(0, 16),
      classes: person.classes,
      minutes: person.toPlaceOrEscalationMinutes,
      reachedBy: person.reachedBy,
      steps: person.requestId ? await chainSteps(db, person.requestId, person.contactAt.getTime()) : [],
    });
  }
  return out;
}

/**
 * A person's steps over her chain of requests, each as minutes after contact, its status, waiting
 * reason and note ("+11 WAITING AWAITING_AUTHORITY (WAITING)"): how a wait was spent.
 */
export async function chainSteps(db: DataSource, requestId: string, contactMs: number): Promise<string[]> {
  const steps = (await db.query(
    `${requestChains('id = $1::uuid')}
     SELECT e.at, e.status::text AS status, e.waiting_reason::text AS reason, e.note_code::text AS note
       FROM chain c JOIN placement_events e ON e.request_id = c.id ORDER BY e.at, e.id`,
    [requestId],
  )) as { at: Date; status: string; reason: string | null; note: string | null }[];
  return steps.map(
    (e) =>
      `+${((new Date(e.at).getTime() - contactMs) / MINUTE_MS).toFixed(0)} ${e.status}${e.reason ? ` ${e.reason}` : ''}${e.note ? ` (${e.note})` : ''}`,
  );
}

/**
 * The service's next deadlines that change someone's way to a place, read in one query each tick: a
 * place held for someone lapsing (an offer nobody answers, an accepted place she did not reach),
 * which puts her back to matching; and a planned action due to start, whose people become requests
 * then (already due and not yet started counts too: the sweep makes them). The calm speed ends a
 * margin before either, as before an arrival; the attending speed starts just before a start, as
 * before a contact. Null: none.
 */
export async function nextServiceDeadlines(
  db: DataSource,
  nowMs: number,
): Promise<{ holdLapse: number | null; plannedStart: number | null }> {
  const [row] = (await db.query(
    `SELECT (SELECT min(expires_at) FROM placement_holds WHERE state = 'HELD') AS "holdLapse",
            (SELECT min(starts_at) FROM planned_actions WHERE status = 'PLANNED') AS "plannedStart"`,
  )) as { holdLapse: Date | null; plannedStart: Date | null }[];
  return {
    // A hold past its expiry that has not lapsed yet counts as now: its expiry job or the sweep is
    // about to put her back to matching, and at the calm speed that would pass unmeasured.
    holdLapse: row.holdLapse ? Math.max(nowMs, new Date(row.holdLapse).getTime()) : null,
    plannedStart: row.plannedStart ? new Date(row.plannedStart).getTime() : null,
  };
}

/** Per facility: capacity.held minus the places its HELD holds stand for. */
export async function heldMinusHolds(db: DataSource): Promise<{ facility: string; gap: number }[]> {
  return (await db.query(
    `SELECT c.facility_id AS facility, (c.held - coalesce(h.held, 0))::int AS gap FROM capacity c
       LEFT JOIN (SELECT facility_id, sum(places) AS held FROM placement_holds WHERE state = 'HELD' GROUP BY facility_id) h
         ON h.facility_id = c.facility_id`,
  )) as { facility: string; gap: number }[];
}

/** The first requests of people (not onward requests or transfers) still without a place. */
export async function openRequests(db: DataSource): Promise<(OpenRequest & { id: string; requestedByRole: string })[]> {
  const rows = (await db.query(
    `SELECT id, requested_by_role::text AS "requestedByRole", group_size AS people, status::text AS status, created_at AS "createdAt", urgency::text AS urgency, escalated,
            waiting_reason::text AS "waitingReason", waiting_for_authority::text AS "waitingForAuthority",
            -- The offer a noodbed call's answer named, still held (the service's own rule, escalation-due.ts).
            (status = 'OFFERED' AND coalesce(told_attempt = attempt, false)) AS "placeToGo",
            -- The step after the last one that reached her (measures.ts hasNamedWait, hasNamedEscalation, a place).
            (SELECT min(e.at) FROM placement_events e WHERE e.request_id = r.id AND e.at > reached.at) AS "unnamedSince"
       FROM placement_requests r
       LEFT JOIN LATERAL (
         SELECT max(e.at) AS at FROM placement_events e
          WHERE e.request_id = r.id
            AND (e.status IN ('ACCEPTED','PLACED')
                 -- a noodbed call's first offer, the one its answer named (a later one was told nobody)
                 OR (e.status = 'OFFERED' AND 'NOODBED' = ANY(r.types::text[])
                     AND e.at = (SELECT min(f.at) FROM placement_events f WHERE f.request_id = r.id AND f.status = 'OFFERED'))
                 OR (e.status = 'WAITING' AND e.waiting_reason = 'AWAITING_AUTHORITY')
                 OR (r.urgency <> 'ACUTE' AND (e.status = 'OFFERED'
                     OR (e.status = 'WAITING' AND e.waiting_reason IN ('AWAITING_ROUTE_DECISION','AUTHORITY_CLOSED')))))) reached ON true
      WHERE status IN ('RECEIVED','MATCHING','WAITING','OFFERED') AND bridge_request_id IS NULL`,
  )) as (Omit<OpenRequest, 'createdAtMs' | 'unnamedSinceMs'> & {
    id: string;
    requestedByRole: string;
    createdAt: Date;
    unnamedSince: Date | null;
  })[];
  return rows.map(({ createdAt, unnamedSince, ...r }) => ({
    ...r,
    createdAtMs: new Date(createdAt).getTime(),
    unnamedSinceMs: unnamedSince ? new Date(unnamedSince).getTime() : undefined,
  }));
}

/** Who is without a place right now, by the escalation that names them, and who has neither a place nor a named escalation (or wait). */
export async function waitingNow(
  db: DataSource,
  nowMs: number,
): Promise<{
  waiting: number;
  byReason: Record<string, number>;
  unnamed: number;
  unnamedStrict: number;
  unnamedNow: { id: string; text: string; contactMs: number }[];
}> {
  const open = await openRequests(db);
  const byReason: Record<string, number> = {};
  for (const r of open) {
    if (r.placeToGo) continue;
    const reason = `${r.escalated ? 'ESCALATED ' : ''}${r.waitingReason ?? r.status}`;
    byReason[reason] = (byReason[reason] ?? 0) + r.people;
  }
  const unnamed = unnamedRequests(open, nowMs);
  return {
    waiting: Object.values(byReason).reduce((sum, n) => sum + n, 0),
    byReason,
    unnamed: unnamed.reduce((sum, r) => sum + r.people, 0),
    unnamedStrict: leftUnnamed(open, nowMs, { strict: true }),
    // Who they are, so a miss can be explained: the request, by whom, how and for how long.
    unnamedNow: unnamed.map((r) => ({
      id: r.id,
      contactMs: r.createdAtMs,
      text:
        `${r.id} (${r.requestedByRole}, ${r.urgency}, ${r.status}${r.waitingReason ? ` ${r.waitingReason}` : ''}, ` +
        `${r.people} ${r.people === 1 ? 'person' : 'people'}, contact ${new Date(r.createdAtMs).toISOString().slice(0, 16)}, ` +
        `first seen ${new Date(nowMs).toISOString().slice(0, 16)})`,
    })),
  };
}

/** People escalated in one region, for want of one kind, standing at one step when escalated; and on which days. */
export interface Shortfall {
  region: string;
  kind: string;
  reason: string;
  people: number;
  first: string;
  last: string;
}

/**
 * Where and of what kind places ran out (the stress variant's figure): the people whose requests
 * were escalated, by region; the kind waited for (else asked for, else the kind of the first place
 * offered to her after all); and where the request stood when it was escalated (its history row, not
 * its state at the end), with the first and last day.
 */
export async function wherePlacesRanOut(db: DataSource, limit = 20): Promise<Shortfall[]> {
  return (await db.query(
    `SELECT r.region_code AS region,
            coalesce(r.waiting_for_kind::text, r.types[1]::text,
                     (SELECT f.type::text FROM placement_holds h JOIN facilities f ON f.id = h.facility_id
                       WHERE h.request_id = r.id ORDER BY h.created_at LIMIT 1), '?') AS kind,
            coalesce(e.waiting_reason::text, e.status::text) AS reason, sum(r.group_size)::int AS people,
            to_char(min(e.at), 'YYYY-MM-DD') AS first, to_char(max(e.at), 'YYYY-MM-DD') AS last
       FROM placement_requests r
       JOIN LATERAL (SELECT status, waiting_reason, at FROM placement_events e
                      WHERE e.request_id = r.id AND e.note_code = 'ESCALATED' ORDER BY e.at LIMIT 1) e ON true
      WHERE r.escalated_at IS NOT NULL
      GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT $1`,
    [limit],
  )) as Shortfall[];
}

/** Someone measured: an arrival's first request, or one person of a planned action's requests. */
export interface Measured {
  requestId: string | undefined;
  contactAt: Date;
  classes: ProfileClass[];
  noodbedToldAt?: number;
}

/**
 * Per person, from placement_events over her chain of requests (a noodbed and its onward request,
 * a transfer): minutes to a place to go, to a structural place, and to the first of a place to go
 * or a named escalation (measures.ts: ESCALATED, or on a named authority's worklist) or wait.
 */
export async function outcomes(db: DataSource, people: readonly Measured[]): Promise<PersonOutcome[]> {
  const rows = (await db.query(
    `${requestChains('id = ANY($1::uuid[])')}
     SELECT c.root,
            min(e.at) FILTER (WHERE e.status IN ('ACCEPTED','PLACED')) AS placed,
            min(e.at) FILTER (WHERE e.status IN ('ACCEPTED','PLACED') AND f.type <> 'NOODBED') AS structural,
            least(min(e.at) FILTER (WHERE e.note_code = 'ESCALATED'), min(r.escalated_at)) AS escalated,
            min(e.at) FILTER (WHERE e.status = 'WAITING' AND e.waiting_reason = 'AWAITING_AUTHORITY') AS authority,
            min(e.at) FILTER (WHERE r.urgency <> 'ACUTE' AND (e.status = 'OFFERED' OR (e.status = 'WAITING'
                                AND e.waiting_reason IN ('AWAITING_ROUTE_DECISION', 'AUTHORITY_CLOSED')))) AS "namedWait"
       FROM chain c
       JOIN placement_requests r ON r.id = c.id
       JOIN placement_events e ON e.request_id = c.id
       LEFT JOIN placement_holds h ON h.request_id = c.id AND h.state <> 'RELEASED'
       LEFT JOIN facilities f ON f.id = coalesce(h.facility_id, r.facility_id)
      GROUP BY c.root`,
    [people.filter((p) => p.requestId).map((p) => p.requestId)],
  )) as {
    root: string;
    placed: Date | null;
    structural: Date | null;
    escalated: Date | null;
    authority: Date | null;
    namedWait: Date | null;
  }[];
  const byRoot = new Map(rows.map((r) => [r.root, r]));
  const ms = (at: Date | null | undefined) => (at ? new Date(at).getTime() : undefined);
  const minutes = (from: number, to: number | undefined) => (to === undefined ? null : Math.max(0, (to - from) / MINUTE_MS));
  return people.map((p) => {
    const contact = p.contactAt.getTime();
    const row = p.requestId ? byRoot.get(p.requestId) : undefined;
    const placedAt = [p.noodbedToldAt, ms(row?.placed)].filter((v): v is number => v !== undefined);
    const place = placedAt.length ? Math.min(...placedAt) : undefined;
    const strict = { place, escalation: ms(row?.escalated), authority: ms(row?.authority) };
    const first = firstWayOut(contact, { ...strict, namedWait: ms(row?.namedWait) });
    return {
      requestId: p.requestId,
      contactAt: p.contactAt,
      classes: p.classes,
      toPlaceMinutes: minutes(contact, place),
      toStructuralMinutes: minutes(contact, ms(row?.structural)),
      toPlaceOrEscalationMinutes: first?.minutes ?? null,
      strictMinutes: firstWayOut(contact, strict)?.minutes ?? null,
      reachedBy: first?.reachedBy ?? null,
      escalatedMinutes: minutes(contact, ms(row?.escalated)),
    };
  });
}
