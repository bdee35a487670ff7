import { Inject, Injectable, Logger } from '@nestjs/common';
import { audit, auditAll, type AuditEntry } from '@opvangplek/access/audit/audit';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CapacityCounts,
  holdPlaces,
  type LedgerActor,
  occupyHeldPlaces,
  releasePlaces,
  vacatePlaces,
} from '@opvangplek/capacity/capacity-ledger';
import { type CapacityChangedEvent } from '@opvangplek/capacity/capacity.events';
import {
  anonymousFacts,
  assertTransition,
  canTransition,
  decidePlacement,
  DEFAULT_MATCHING_CONFIG,
  holdExpiresAt,
  isOpen,
  MATCHABLE_STATUSES,
  type PlacementDecision,
  PlacementStatus,
  ShelterType,
  STAY_ALERT_BEFORE_MS,
  stayEndsAt,
  Urgency,
  type VictimProfile,
} from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { NOTE_CIPHER, type NoteCipher } from '@opvangplek/platform/crypto/note-cipher';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import { EVENT_BUS, EventChannel, type EventBus } from '@opvangplek/platform/events';
import { type Match, MatchingService } from '@opvangplek/matching/matching.service';
import type { LoadedFacility } from '@opvangplek/registry/registry.service';
import type { DataSource, EntityManager } from 'typeorm';
import { In, IsNull, LessThanOrEqual } from 'typeorm';
import { PlacementEventEntity } from './placement-event.entity';
import { HoldState, PlacementHoldEntity } from './placement-hold.entity';
import { PlacementQueue } from './placement-queue';
import { PlacementRequestEntity } from './placement-request.entity';
import type { PlacementRequestUpdatedEvent } from './placement.events';
import { RegionDirectory } from '@opvangplek/registry/region-directory';

/** Who the system is when a job changes something (history and capacity ledger). */
export const SYSTEM_ACTOR: LedgerActor = { by: 'system:placement', role: 'SYSTEM', org: 'opvangplek' };

/** Advisory lock: one sweep at a time across every worker process. */
const SWEEP_LOCK_KEY = 4_207_193_010;
/** A request waiting for capacity is re-tried at least this often, in case an event was missed. */
const CAPACITY_RETRY_MS = 5 * 60_000;
const MAX_ROUNDS = 3;

/** Signals a lost race inside a transaction: roll back, re-read, decide again. */
class PlacesTakenMeanwhile extends Error {}

/** A history row as stored (the note sealed). */
export type PlacementEventRow = Omit<PlacementEventEntity, 'id'>;

/**
 * History and audit rows of a transaction's status changes: written together, two statements
 * however many changes, just before the transaction commits (see `inTransaction`).
 */
export interface PendingRecords {
  events: PlacementEventRow[];
  audits: AuditEntry[];
}

/** What changed, to announce after commit (never before: a rolled-back change must not be seen). */
export interface Changes {
  requests: PlacementRequestEntity[];
  capacity: (CapacityChangedEvent & { counts?: CapacityCounts })[];
  after: (() => Promise<void>)[];
  records: PendingRecords;
  /** The history rows written by this transaction, in order (for an answer built without reading them back). */
  recorded: PlacementEventRow[];
}

export const noChanges = (): Changes => ({ requests: [], capacity: [], after: [], records: { events: [], audits: [] }, recorded: [] });

/**
 * What one matching attempt did, with what an answer needs, so the noodbed call can answer without
 * reading back what it has just written.
 */
export interface Applied {
  request: PlacementRequestEntity;
  /** The onward request this attempt opened, if it opened one. */
  followUp: PlacementRequestEntity | null;
  /** The holds this attempt took. */
  holds: PlacementHoldEntity[];
  /** The facilities the matcher read, with the counts the holds left for those held. */
  facilities: Map<string, LoadedFacility>;
  /** The history rows this attempt wrote (for both requests). */
  recorded: PlacementEventRow[];
}

/**
 * Turns placement requests into places: runs in the worker (jobs) and, for a noodbed, inline in
 * the API call. Every entry point re-reads the request under a row lock and returns early when its
 * state says the work is done, so redelivered or duplicated jobs are harmless; places are taken
 * only by the ledger's atomic statements, so nothing is ever given twice.
 */
@Injectable()
export class PlacementEngine {
  private readonly logger = new Logger(PlacementEngine.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly queue: PlacementQueue,
    private readonly regions: RegionDirectory,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NOTE_CIPHER) private readonly notes: NoteCipher,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Matching

  /**
   * The matching job: offer a place, bridge, or wait, for this attempt of this request. A new
   * request moves to MATCHING first. A WAITING one is re-tried as it is: it moves (through
   * MATCHING) only when the outcome differs, so the re-tries that every capacity change and the
   * sweep cause do not each add a MATCHING and a WAITING step to its history (issue 4, part 2).
   */
  async matchRequest(requestId: string, attempt: number): Promise<PlacementRequestEntity | null> {
    const snapshot = await this.dataSource.getRepository(PlacementRequestEntity).findOne({ where: { id: requestId } });
    if (!snapshot || snapshot.attempt !== attempt || !MATCHABLE_STATUSES.includes(snapshot.status)) return null;
    let started: PlacementRequestEntity | null = snapshot;
    if (snapshot.status === PlacementStatus.RECEIVED) {
      started = await this.inTransaction(async (manager, changes) => {
        const request = await this.lock(manager, requestId);
        if (!request || request.attempt !== attempt || request.status !== PlacementStatus.RECEIVED) return null;
        await this.transition(manager, changes, request, PlacementStatus.MATCHING, SYSTEM_ACTOR, null);
        return request;
      });
    }
    if (!started) return null;

    return (await this.decideWithRetries(started, attempt))?.request ?? null;
  }

  /**
   * The noodbed call (police, within the API request): `request` has just been created by this
   * caller, already MATCHING (its RECEIVED and MATCHING history written with it), so there is no
   * first transaction to take it there. Returns what the answer needs, or null when another
   * attempt got there first (the caller then reads the request as it is).
   */
  matchNew(request: PlacementRequestEntity): Promise<Applied | null> {
    return this.decideWithRetries(request, request.attempt);
  }

  private async decideWithRetries(snapshot: PlacementRequestEntity, attempt: number): Promise<Applied | null> {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      try {
        return await this.decideAndApply(snapshot, attempt);
      } catch (error) {
        if (!(error instanceof PlacesTakenMeanwhile) || round === MAX_ROUNDS) throw error;
        this.logger.debug(`request ${snapshot.id}: places taken meanwhile, deciding again (round ${round + 1})`);
      }
    }
    return null;
  }

  private async match(request: PlacementRequestEntity, groupSize: number): Promise<Match> {
    const match = await this.matching.matchScreened(
      { ...(request.profile as VictimProfile), groupSize },
      { at: this.clock.now(), requesterRegionCode: request.regionCode, regions: await this.regions.regions() },
    );
    if (request.types.includes(ShelterType.NOODBED)) {
      // A noodbed request: a noodbed first, else the best other 24/7 place (stable order otherwise).
      match.result.matches.sort(
        (a, b) => Number(b.facility.type === ShelterType.NOODBED) - Number(a.facility.type === ShelterType.NOODBED),
      );
    }
    return match;
  }

  private async decideAndApply(snapshot: PlacementRequestEntity, attempt: number): Promise<Applied | null> {
    const now = this.clock.now();
    const whole = await this.match(snapshot, snapshot.groupSize);
    const noSingleFacility = whole.result.matches.length === 0;
    const split = snapshot.groupSize > 1 && noSingleFacility ? await this.match(snapshot, 1) : undefined;
    const isFollowUp = snapshot.bridgeRequestId !== null;
    const isNoodbed = snapshot.types.includes(ShelterType.NOODBED);
    const decision = decidePlacement(
      {
        result: whole.result,
        evidence: whole.evidence,
        urgency: snapshot.urgency,
        groupSize: snapshot.groupSize,
        skipFacilityIds: new Set(snapshot.skippedFacilityIds),
        types: snapshot.types,
        mayBridge: !isFollowUp && !isNoodbed,
        bridgeKinds: DEFAULT_MATCHING_CONFIG.bridgeKinds,
        at: now,
        authorityHours: this.config.authorityHours,
      },
      split?.result,
    );
    const facilities = new Map([...whole.facilities, ...(split?.facilities ?? [])]);

    const { result, changes } = await this.inTransactionWithChanges(async (manager, changes) => {
      const request = await this.lock(manager, snapshot.id);
      if (!request || request.attempt !== attempt || request.status !== snapshot.status) return null;
      if (request.status !== PlacementStatus.MATCHING && request.status !== PlacementStatus.WAITING) return null;
      let followUp: PlacementRequestEntity | null = null;
      let holds: PlacementHoldEntity[] = [];

      const waitsAsBefore =
        decision.kind === 'WAIT' &&
        request.status === PlacementStatus.WAITING &&
        request.waitingReason === decision.reason &&
        request.waitingForAuthority === decision.waitingForAuthority;
      if (waitsAsBefore) {
        // Still waiting, for the same reason: no new history or audit row (nothing happened to
        // the request), but the row is written, with the next attempt as now decided and a fresh
        // updatedAt (the sweep re-tries a request waiting for capacity only when that is old).
        const movedOn = request.nextAttemptAt?.getTime() !== decision.nextAttemptAt?.getTime();
        request.nextAttemptAt = decision.nextAttemptAt;
        await this.persist(manager, request);
        if (movedOn) changes.requests.push(request);
      } else if (request.status === PlacementStatus.WAITING) {
        await this.transition(manager, changes, request, PlacementStatus.MATCHING, SYSTEM_ACTOR, null);
      }

      if (decision.kind === 'WAIT') {
        if (!waitsAsBefore) {
          request.waitingReason = decision.reason;
          request.nextAttemptAt = decision.nextAttemptAt;
          request.waitingForAuthority = decision.waitingForAuthority;
          await this.transition(manager, changes, request, PlacementStatus.WAITING, SYSTEM_ACTOR, `waiting: ${decision.reason}`);
        }
        if (decision.nextAttemptAt) {
          const at = decision.nextAttemptAt;
          changes.after.push(() =>
            this.queue.enqueueMatch(request.id, attempt, `due-${at.getTime()}`, { delayMs: at.getTime() - Date.now() }),
          );
        }
      } else {
        holds = await this.offer(manager, changes, request, decision, facilities, now);
        if (isNoodbed && !isFollowUp) {
          const onward = this.onwardTypes(whole, request, facilities.get(request.facilityId!)!.type);
          if (onward) followUp = await this.openFollowUp(manager, changes, request, onward);
        }
        if (decision.kind === 'BRIDGE') followUp = await this.openFollowUp(manager, changes, request, decision.onwardTypes);
      }
      return { request, followUp, holds };
    });
    if (!result) return null;
    // The held facilities as the holds left them (the matcher read them before).
    for (const moved of changes.capacity) {
      const facility = facilities.get(moved.facilityId);
      if (facility && moved.counts) facilities.set(moved.facilityId, { ...facility, capacity: { ...facility.capacity, ...moved.counts } });
    }
    return { ...result, facilities, recorded: changes.recorded };
  }

  /** Takes the holds of an OFFER or BRIDGE decision, all or none, and moves the request to OFFERED. */
  private async offer(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    decision: Exclude<PlacementDecision, { kind: 'WAIT' }>,
    facilities: Match['facilities'],
    now: Date,
  ): Promise<PlacementHoldEntity[]> {
    let allocations = decision.allocations;
    if (allocations.length === 1) {
      // One facility: if it was taken meanwhile, the next best of the same decision will do.
      const places = allocations[0].places;
      let taken = null;
      for (const facilityId of [allocations[0].facilityId, ...decision.alternatives]) {
        taken = await holdPlaces(manager, facilityId, places, now, SYSTEM_ACTOR);
        if (taken) {
          allocations = [{ facilityId, places }];
          changes.capacity.push(taken as CapacityChangedEvent);
          break;
        }
      }
      if (!taken) throw new PlacesTakenMeanwhile();
    } else {
      for (const allocation of allocations) {
        const taken = await holdPlaces(manager, allocation.facilityId, allocation.places, now, SYSTEM_ACTOR);
        if (!taken) throw new PlacesTakenMeanwhile(); // rolls back the group's other holds too
        changes.capacity.push(taken as CapacityChangedEvent);
      }
    }

    const expiries: Date[] = [];
    const holds = allocations.map((allocation) => {
      const facility = facilities.get(allocation.facilityId)!;
      const minutes = this.config.placement.holdMinutesByType[facility.type] ?? this.config.placement.holdMinutes;
      const expiry = holdExpiresAt(now, facility.intakeHours, minutes);
      expiries.push(expiry);
      return manager.getRepository(PlacementHoldEntity).create({
        requestId: request.id,
        facilityId: allocation.facilityId,
        places: allocation.places,
        state: HoldState.HELD,
        expiresAt: expiry,
      });
    });
    // One statement for all of them; RETURNING fills in each hold's id and createdAt.
    await manager.getRepository(PlacementHoldEntity).insert(holds);
    // The offer lapses when the first of its holds does (a group is placed all together or not at all).
    const expiresAt = new Date(Math.min(...expiries.map((expiry) => expiry.getTime())));
    const main = [...allocations].sort((a, b) => b.places - a.places)[0];
    request.facilityId = main.facilityId;
    request.offerExpiresAt = expiresAt;
    request.waitingReason = null;
    request.waitingForAuthority = null;
    request.nextAttemptAt = null;
    const where = allocations.map((a) => `${facilities.get(a.facilityId)!.name} (${a.places})`).join(', ');
    // Held while a shelter's intake is closed (domain.md §5 rule 3): the history says until when.
    const intakeClosed = allocations.some((a) => !isOpen(facilities.get(a.facilityId)!.intakeHours, now));
    const until = intakeClosed ? `; intake closed now, held until ${expiresAt.toISOString()} (from its next opening)` : '';
    await this.transition(manager, changes, request, PlacementStatus.OFFERED, SYSTEM_ACTOR, `offered: ${where}${until}`);
    const attempt = request.attempt;
    const delayMs = expiresAt.getTime() - now.getTime();
    changes.after.push(() => this.queue.enqueueExpiry(request.id, attempt, delayMs));
    return holds;
  }

  /**
   * The kinds to move on to after a noodbed request: the best match that is not an interim kind
   * (COSM, OMM, NLA crisis…). Without one, a noodbed is followed by any regular place; but when no
   * noodbed was free and a VO/MO place was held instead, that place is already where this person
   * can stay: `null`, no follow-up. (Before, the follow-up then asked for "any kind but a noodbed"
   * and was offered a second VO/MO place at once: two places held for one person.)
   */
  private onwardTypes(match: Match, request: PlacementRequestEntity, heldType: ShelterType): ShelterType[] | null {
    const onward = match.result.matches.find((m) => !DEFAULT_MATCHING_CONFIG.bridgeKinds.includes(m.facility.type));
    if (onward) return [onward.facility.type];
    if (heldType !== ShelterType.NOODBED) return null;
    const regular = match.result.matches.find(
      (m) => m.facility.type !== ShelterType.NOODBED && !request.types.includes(m.facility.type),
    );
    return regular ? [regular.facility.type] : Object.values(ShelterType).filter((type) => type !== ShelterType.NOODBED);
  }

  /** Opens the onward request that follows an interim stay (the contract's bridge/followUp). */
  private async openFollowUp(
    manager: EntityManager,
    changes: Changes,
    bridge: PlacementRequestEntity,
    types: ShelterType[],
  ): Promise<PlacementRequestEntity | null> {
    // Opened only when a request is offered (in this method's callers, under the request's lock),
    // and an offer that is withdrawn starts a new attempt: in its first attempt, a request being
    // offered has never been offered before, so it has no follow-up yet and there is none to look for.
    if (bridge.attempt > 0) {
      const existing = await manager.getRepository(PlacementRequestEntity).findOne({ where: { bridgeRequestId: bridge.id } });
      if (existing) return null;
    }
    const followUp = manager.getRepository(PlacementRequestEntity).create({
      status: PlacementStatus.RECEIVED,
      urgency: bridge.urgency === Urgency.PLANNED ? Urgency.URGENT : bridge.urgency,
      regionCode: bridge.regionCode,
      profile: bridge.profile,
      groupSize: bridge.groupSize,
      types,
      clientReference: null,
      requestedBy: bridge.requestedBy,
      requestedByRole: bridge.requestedByRole,
      requestedByOrg: bridge.requestedByOrg,
      attempt: 0,
      skippedFacilityIds: [],
      bridgeRequestId: bridge.id,
      // The app's clock, like every other request (escalation and "oldest first" read createdAt).
      createdAt: this.clock.now(),
    });
    await manager.getRepository(PlacementRequestEntity).save(followUp);
    await this.record(
      manager,
      followUp,
      PlacementStatus.RECEIVED,
      SYSTEM_ACTOR,
      `onward placement (${types.join(', ')}) after the interim stay of request ${bridge.id}`,
      changes.records,
    );
    changes.requests.push(followUp);
    changes.after.push(() => this.queue.enqueueMatch(followUp.id, 0, 'followup', { urgency: followUp.urgency }));
    return followUp;
  }

  // ---------------------------------------------------------------------------------------------
  // Offers, arrivals, stays

  /**
   * An offer that was declined or let lapse: the places go back, that facility is skipped for this
   * request, and matching starts over (a new attempt).
   */
  async withdrawOffer(
    requestId: string,
    options: { attempt?: number; by: LedgerActor; note: string; lapsedOnly?: boolean },
  ): Promise<PlacementRequestEntity | null> {
    return this.inTransaction(async (manager, changes) => {
      const request = await this.lock(manager, requestId);
      if (!request || request.status !== PlacementStatus.OFFERED) return null;
      if (options.attempt !== undefined && request.attempt !== options.attempt) return null;
      const now = this.clock.now();
      if (options.lapsedOnly && (!request.offerExpiresAt || request.offerExpiresAt > now)) return null;
      const released = await this.releaseHolds(manager, changes, request.id, [HoldState.HELD], now);
      request.skippedFacilityIds = [...new Set([...request.skippedFacilityIds, ...released])];
      request.attempt += 1;
      request.facilityId = null;
      request.offerExpiresAt = null;
      await this.transition(manager, changes, request, PlacementStatus.MATCHING, options.by, options.note);
      const attempt = request.attempt;
      changes.after.push(() => this.queue.enqueueMatch(request.id, attempt, 'rematch', { urgency: request.urgency }));
      return request;
    });
  }

  /** The expiry job: only acts when the offer is still open and its time has come. */
  expireOffer(requestId: string, attempt: number): Promise<PlacementRequestEntity | null> {
    return this.withdrawOffer(requestId, {
      attempt,
      by: SYSTEM_ACTOR,
      note: 'offer lapsed: the facility did not answer in time',
      lapsedOnly: true,
    });
  }

  /** Releases a request's holds in the given states; returns the facilities involved. */
  async releaseHolds(
    manager: EntityManager,
    changes: Changes,
    requestId: string,
    states: HoldState[],
    now: Date,
    actor = SYSTEM_ACTOR,
  ): Promise<string[]> {
    const holds = await manager.getRepository(PlacementHoldEntity).find({ where: { requestId, state: In(states) } });
    const freedTypes: string[] = [];
    for (const hold of holds) {
      const moved =
        hold.state === HoldState.HELD
          ? await releasePlaces(manager, hold.facilityId, hold.places, now, actor)
          : await vacatePlaces(manager, hold.facilityId, hold.places, now, actor);
      if (moved) {
        changes.capacity.push(moved as CapacityChangedEvent);
        freedTypes.push(moved.type);
      }
      await manager.getRepository(PlacementHoldEntity).update({ id: hold.id }, { state: HoldState.RELEASED });
    }
    if (holds.length > 0) {
      changes.after.push(async () => {
        await this.rematchWaiting(`release-${requestId}-${now.getTime()}`, freedTypes);
      });
    }
    return holds.map((hold) => hold.facilityId);
  }

  /** Arrival: held places become occupied and the stay's end is set; a bridge stay ends when its follow-up arrives. */
  async arrive(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    actor: LedgerActor,
  ): Promise<void> {
    const now = this.clock.now();
    const holds = await manager
      .getRepository(PlacementHoldEntity)
      .find({ where: { requestId: request.id, state: HoldState.HELD } });
    let ends: Date | null = null;
    for (const hold of holds) {
      const moved = await occupyHeldPlaces(manager, hold.facilityId, hold.places, now, actor);
      if (!moved) throw new Error(`capacity of facility ${hold.facilityId} does not hold the places of request ${request.id}`);
      changes.capacity.push(moved as CapacityChangedEvent);
      await manager.getRepository(PlacementHoldEntity).update({ id: hold.id }, { state: HoldState.OCCUPIED, expiresAt: null });
      const facility = await manager.query('SELECT type, max_stay_days FROM facilities WHERE id = $1', [hold.facilityId]);
      const end = stayEndsAt({
        placedAt: now,
        type: facility[0].type,
        maxStayDays: facility[0].max_stay_days,
        profile: request.profile ?? {},
      });
      if (end && (!ends || end < ends)) ends = end;
    }
    request.placedAt = now;
    request.stayEndsAt = ends;
    request.offerExpiresAt = null;
    await this.transition(manager, changes, request, PlacementStatus.PLACED, actor, null);
    if (request.bridgeRequestId) {
      const bridge = await this.lock(manager, request.bridgeRequestId);
      if (bridge?.status === PlacementStatus.PLACED) {
        await this.endStay(manager, changes, bridge, SYSTEM_ACTOR, `moved on to the onward placement (request ${request.id})`);
      }
    }
  }

  /**
   * The onward request of `bridgeId`, locked. Callers that also lock the bridge lock this one
   * first, as arrival at the onward place does (it then ends the bridge's stay), so the two never
   * wait for each other.
   */
  async lockFollowUpOf(manager: EntityManager, bridgeId: string): Promise<PlacementRequestEntity | null> {
    return manager
      .getRepository(PlacementRequestEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.bridgeRequestId = :bridgeId', { bridgeId })
      .getOne();
  }

  /**
   * An interim (bridge) request was cancelled: its onward request goes too, unless the person
   * has already arrived there (PLACED) or it is over. Nobody is left waiting for a place, or
   * holding one, for someone who no longer needs it. Ending a bridge *stay* never does this:
   * the onward placement is what the stay was waiting for.
   */
  async cancelFollowUp(
    manager: EntityManager,
    changes: Changes,
    bridge: PlacementRequestEntity,
    followUp: PlacementRequestEntity,
    actor: LedgerActor,
    reason: string,
  ): Promise<void> {
    if (followUp.bridgeRequestId !== bridge.id || !canTransition(followUp.status, PlacementStatus.CANCELLED)) return;
    const now = this.clock.now();
    await this.releaseHolds(manager, changes, followUp.id, [HoldState.HELD], now, actor);
    followUp.offerExpiresAt = null;
    followUp.endedAt = now; // retention counts from here
    await this.transition(
      manager,
      changes,
      followUp,
      PlacementStatus.CANCELLED,
      actor,
      `cancelled with the interim request ${bridge.id} it follows: ${reason}`,
    );
  }

  async endStay(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    actor: LedgerActor,
    note: string,
  ): Promise<void> {
    const now = this.clock.now();
    await this.releaseHolds(manager, changes, request.id, [HoldState.OCCUPIED, HoldState.HELD], now, actor);
    request.endedAt = now;
    await this.transition(manager, changes, request, PlacementStatus.ENDED, actor, note);
  }

  // ---------------------------------------------------------------------------------------------
  // Sweep: what time and lost messages would otherwise leave undone

  /**
   * Runs periodically in the worker (and on demand in tests, with a fixed clock). Under an advisory
   * lock, so one process sweeps at a time. Enqueues with deterministic ids, so overlapping sweeps
   * and the original jobs never double up.
   */
  async sweep(): Promise<{
    lapsed: number;
    due: number;
    reconciled: number;
    escalated: number;
    alerts: number;
    overstays: number;
    erased: number;
  }> {
    const now = this.clock.now();
    const report = { lapsed: 0, due: 0, reconciled: 0, escalated: 0, alerts: 0, overstays: 0, erased: 0 };
    const locked = await this.dataSource.transaction(async (manager) => {
      const [{ ok }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [SWEEP_LOCK_KEY]);
      if (!ok) return false;
      const requests = manager.getRepository(PlacementRequestEntity);

      for (const request of await requests.find({
        where: { status: PlacementStatus.OFFERED, offerExpiresAt: LessThanOrEqual(now) },
        take: 500,
      })) {
        report.lapsed += (await this.expireOffer(request.id, request.attempt)) ? 1 : 0;
      }
      const lostAfterMs = this.config.placement.reconcileAfterSeconds * 1000;
      const bucket = Math.floor(now.getTime() / lostAfterMs);

      const due = await requests.find({
        where: { status: PlacementStatus.WAITING, nextAttemptAt: LessThanOrEqual(now) },
        take: 500,
      });
      // Not the delayed job's own id (`due-<at>`): while that job exists (still delayed, or
      // completed and kept for the dedupe window) re-adding it is a silent no-op, so a due request
      // its delayed job did not place (it ran a moment early and waited again under the same id;
      // its delay is wall time while decisions use the app clock) would stay WAITING. A per-bucket
      // id adds at most one job per request and bucket; handlers re-check state, so that is harmless.
      for (const request of due)
        await this.queue.enqueueMatch(request.id, request.attempt, `due-${request.nextAttemptAt!.getTime()}-sweep-${bucket}`, {
          urgency: request.urgency,
        });
      report.due = due.length;

      const lost: PlacementRequestEntity[] = await manager
        .getRepository(PlacementRequestEntity)
        .createQueryBuilder('r')
        .where('(r.status IN (:...active) AND r.updatedAt < :lostBefore)', {
          active: [PlacementStatus.RECEIVED, PlacementStatus.MATCHING],
          lostBefore: new Date(now.getTime() - lostAfterMs),
        })
        .orWhere('(r.status = :waiting AND r.nextAttemptAt IS NULL AND r.updatedAt < :retryBefore)', {
          waiting: PlacementStatus.WAITING,
          retryBefore: new Date(now.getTime() - CAPACITY_RETRY_MS),
        })
        .take(500)
        .getMany();
      for (const request of lost)
        await this.queue.enqueueMatch(request.id, request.attempt, `sweep-${bucket}`, { urgency: request.urgency });
      report.reconciled = lost.length;
      return true;
    });
    if (!locked) return report;

    const escalateBefore = new Date(now.getTime() - this.config.placement.escalateAfterMinutes * 60_000);
    report.escalated = await this.flagAll(
      {
        status: In([PlacementStatus.RECEIVED, PlacementStatus.MATCHING, PlacementStatus.WAITING]),
        urgency: Urgency.ACUTE,
        escalated: false,
        createdAt: LessThanOrEqual(escalateBefore),
        // Not an onward request: the person has the interim place its bridge holds (a noodbed on
        // Saturday night waits for Monday by design). Without a place, the bridge request itself
        // is matched again and escalates on its own.
        bridgeRequestId: IsNull(),
      },
      (request) => {
        request.escalated = true;
        request.escalatedAt = now;
        return `escalated: no place after ${this.config.placement.escalateAfterMinutes} minutes; the region's escalation contact (OvD bevolkingszorg) is alerted`;
      },
    );
    report.alerts = await this.flagAll(
      {
        status: PlacementStatus.PLACED,
        stayAlertAt: IsNull(),
        stayEndsAt: LessThanOrEqual(new Date(now.getTime() + STAY_ALERT_BEFORE_MS)),
      },
      (request) => {
        request.stayAlertAt = now;
        return `stay ends at ${request.stayEndsAt!.toISOString()}: an onward placement is needed`;
      },
    );
    report.erased = await this.eraseExpiredProfiles();
    report.overstays = await this.flagAll(
      { status: PlacementStatus.PLACED, overstay: false, stayEndsAt: LessThanOrEqual(now) },
      (request) => {
        request.overstay = true;
        return `overstay: the stay should have ended at ${request.stayEndsAt!.toISOString()}`;
      },
    );
    return report;
  }

  /**
   * Retention (domain.md §6): once a request has ended or was cancelled `retentionDays` ago, its
   * profile gives way to anonymous facts and its free-text notes are cleared. The history keeps
   * statuses and times; the audit log keeps the event of the erasure.
   */
  async eraseExpiredProfiles(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.placement.retentionDays * 24 * 3_600_000);
    const due = await this.dataSource.getRepository(PlacementRequestEntity).find({
      where: { status: In([PlacementStatus.ENDED, PlacementStatus.CANCELLED]), profileErasedAt: IsNull(), endedAt: LessThanOrEqual(before) },
      select: { id: true },
      take: 500,
    });
    let erased = 0;
    for (const { id } of due) {
      erased += await this.dataSource.transaction(async (manager) => {
        const request = await this.lock(manager, id);
        if (!request || request.profileErasedAt) return 0;
        const now = this.clock.now();
        request.facts = request.profile ? anonymousFacts(request.profile) : null;
        request.profile = null;
        request.profileErasedAt = now;
        await manager.getRepository(PlacementRequestEntity).save(request);
        await manager.getRepository(PlacementEventEntity).update({ requestId: id }, { note: null });
        await audit(manager, { sub: SYSTEM_ACTOR.by, role: SYSTEM_ACTOR.role, org: SYSTEM_ACTOR.org }, { action: 'placement.erasure', requestId: id, detail: `retention: ${this.config.placement.retentionDays} days` }, now);
        return 1;
      });
    }
    return erased;
  }

  /** Sets a flag on every request matching `where`, each in its own transaction, with a history note. */
  private async flagAll(where: object, flag: (request: PlacementRequestEntity) => string): Promise<number> {
    const ids = (
      await this.dataSource.getRepository(PlacementRequestEntity).find({ where, select: { id: true }, take: 500 })
    ).map((r) => r.id);
    let count = 0;
    for (const id of ids) {
      const done = await this.inTransaction(async (manager, changes) => {
        const request = await manager
          .getRepository(PlacementRequestEntity)
          .createQueryBuilder('r')
          .setLock('pessimistic_write')
          .where('r.id = :id', { id })
          .andWhere(where)
          .getOne();
        if (!request) return false;
        const note = flag(request);
        await this.persist(manager, request);
        await this.record(manager, request, request.status, SYSTEM_ACTOR, note, changes.records);
        changes.requests.push(request);
        return true;
      });
      count += done ? 1 : 0;
    }
    return count;
  }

  /**
   * Capacity changed somewhere: try the waiting requests again, most urgent and oldest first.
   * With `types` (the kinds of the facilities that changed), only requests that could be placed
   * in one of those kinds: any kind (no kinds given), or a list that has one of them. A request
   * limited to other kinds cannot be offered a place there, and the matcher ranks each facility on
   * its own, so its decision cannot change (at most the label of why it waits could; the sweep
   * re-tries a request waiting for capacity every few minutes anyway).
   */
  async rematchWaiting(trigger: string, types?: readonly string[]): Promise<number> {
    const query = this.dataSource
      .getRepository(PlacementRequestEntity)
      .createQueryBuilder('r')
      .select(['r.id', 'r.attempt', 'r.urgency'])
      .where('r.status = :waiting', { waiting: PlacementStatus.WAITING });
    if (types) query.andWhere("(r.types = '{}' OR r.types && CAST(:types AS shelter_type[]))", { types: [...new Set(types)] });
    const waiting = await query.orderBy('r.urgency', 'ASC').addOrderBy('r.createdAt', 'ASC').take(200).getMany();
    for (const request of waiting)
      await this.queue.enqueueMatch(request.id, request.attempt, trigger, { urgency: request.urgency });
    return waiting.length;
  }

  // ---------------------------------------------------------------------------------------------
  // Plumbing

  async lock(manager: EntityManager, id: string): Promise<PlacementRequestEntity | null> {
    return manager
      .getRepository(PlacementRequestEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  /** Changes a request's status (checked by the domain state machine), saves it and records the history. */
  async transition(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    to: PlacementStatus,
    actor: LedgerActor,
    note: string | null,
  ): Promise<void> {
    assertTransition(request.status, to);
    request.status = to;
    await this.persist(manager, request);
    await this.record(manager, request, to, actor, note, changes.records);
    changes.requests.push(request);
  }

  /** Writes a loaded request's columns back: one UPDATE (a repository `save` would SELECT it first). */
  async persist(manager: EntityManager, request: PlacementRequestEntity): Promise<void> {
    const { id, createdAt: _createdAt, updatedAt: _updatedAt, ...columns } = request;
    await manager.getRepository(PlacementRequestEntity).update({ id }, columns); // sets updated_at too
  }

  /**
   * Appends a history row and its audit row. With `pending` (a transaction's records), they are
   * written with the transaction's other records just before it commits; without, at once.
   */
  async record(
    manager: EntityManager,
    request: PlacementRequestEntity,
    status: PlacementStatus,
    actor: LedgerActor,
    note: string | null,
    pending?: PendingRecords,
  ): Promise<void> {
    const at = this.clock.now();
    // Free text is sealed before it is stored (encrypted at rest); at most 500 characters. The
    // waiting reason is a code, kept in the clear so the planners' figures can count it.
    const event: PlacementEventRow = {
      requestId: request.id,
      status,
      at,
      by: actor.by,
      waitingReason: status === PlacementStatus.WAITING ? request.waitingReason : null,
      note: note === null ? null : this.notes.seal(note.slice(0, 500)),
    };
    // The audit log gets the fact (who, what status), never the free-text note.
    const audited: AuditEntry = { actor: { sub: actor.by, role: actor.role, org: actor.org }, record: { action: 'placement.status', requestId: request.id, detail: status }, at };
    if (pending) {
      pending.events.push(event);
      pending.audits.push(audited);
      return;
    }
    await manager.getRepository(PlacementEventEntity).insert(event);
    await audit(manager, audited.actor, audited.record, at);
  }

  /** Writes a transaction's pending history and audit rows: one statement each. */
  async writeRecords(manager: EntityManager, changes: Changes): Promise<void> {
    const events = changes.records.events.splice(0);
    const audits = changes.records.audits.splice(0);
    if (events.length > 0) await manager.getRepository(PlacementEventEntity).insert(events);
    await auditAll(manager, audits);
    changes.recorded.push(...events);
  }

  /**
   * Runs `work` in a transaction and, only after it commits, announces what changed and runs the
   * follow-up enqueues. A failed enqueue is logged, not thrown: the sweep finds the request again.
   */
  async inTransaction<T>(work: (manager: EntityManager, changes: Changes) => Promise<T>): Promise<T> {
    return (await this.inTransactionWithChanges(work)).result;
  }

  /** `inTransaction`, also returning what the transaction changed and recorded. */
  async inTransactionWithChanges<T>(
    work: (manager: EntityManager, changes: Changes) => Promise<T>,
  ): Promise<{ result: T; changes: Changes }> {
    const changes = noChanges();
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work(manager, changes);
      await this.writeRecords(manager, changes);
      return value;
    });
    await this.announce(changes);
    return { result, changes };
  }

  async announce(changes: Changes): Promise<void> {
    const publish = async (channel: EventChannel, payload: object) =>
      this.events.publish(channel, payload).catch((error: Error) => this.logger.warn(`event not published: ${error.message}`));
    const latest = new Map(changes.requests.map((request) => [request.id, request]));
    // Independent of each other (other channels, other jobs), so sent together: the caller waits
    // for the slowest round trip, not for the sum of them.
    await Promise.all([
      ...[...latest.values()].map((request) => {
        const event: PlacementRequestUpdatedEvent = { requestId: request.id, status: request.status };
        return publish(EventChannel.PlacementRequestUpdated, event);
      }),
      ...changes.capacity.map((capacity) =>
        publish(EventChannel.CapacityChanged, {
          facilityId: capacity.facilityId,
          regionCode: capacity.regionCode,
          type: capacity.type,
          version: capacity.version,
        }),
      ),
      ...changes.after.map((after) =>
        after().catch((error: Error) => this.logger.warn(`follow-up work not queued (the sweep will catch up): ${error.message}`)),
      ),
    ]);
  }
}
