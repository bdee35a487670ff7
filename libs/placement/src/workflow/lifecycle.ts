import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import {
  type LedgerActor,
  lockCapacityRows,
  occupyHeldPlaces,
  type CapacityChangedEvent,
  RegisterReader,
} from '@opvangplek/capacity';
import {
  DeclineReason,
  DEFAULT_AUTHORITY_TABLE,
  everyShareAccepted,
  findNextOpening,
  leaving,
  mayActOnTransfer,
  OfferAnswer,
  type PlacementNote,
  placementNote,
  PlacementNoteCode,
  PlacementStatus,
  Role,
  ShelterType,
  stayEndsAt,
  followUpEndsWithStay,
  type StayOutcome,
  WebhookEventType,
} from '@opvangplek/domain';
import {
  APP_CONFIG,
  type AppConfig,
  CLOCK,
  type Clock,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  isUuid,
  NotFoundError,
} from '@opvangplek/platform';
import type { LoadedFacility } from '@opvangplek/registry';
import type { EntityManager } from 'typeorm';
import { type Changes, ledgerActor, notify, SYSTEM_ACTOR } from '../placement-changes';
import { PlacementGuard } from '../placement-guard';
import { HoldState, type PlacementHoldEntity } from '../placement-hold.entity';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRepository } from '../placement.repository';
import { escalateIfDue } from './escalation';
import { FollowUps } from './follow-up';
import { PlacementHolds } from './holds';
import { Transfers } from './transfer';

const DAY_MS = 24 * 3_600_000;

/** One person, however an identity provider spells the subject (case, surrounding spaces). */
function sameSubject(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** What an answer or a cancellation left, and whether the call repeated one that had gone through (F12). */
export interface Answered {
  request: PlacementRequestEntity;
  /** The same answer or cancellation went through before: nothing changed now. */
  repeated: boolean;
}

/** An offer answered or lapsed, an arrival, a departure, a cancellation: each in one transaction. */
@Injectable()
export class PlacementLifecycle {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly holds: PlacementHolds,
    private readonly followUps: FollowUps,
    private readonly transfers: Transfers,
    private readonly guard: PlacementGuard,
    private readonly register: RegisterReader,
    private readonly queue: PlacementQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Offers

  /**
   * Shelter staff accept their facility's share of an offer (a group split over several facilities
   * is accepted by each facility's own staff, 003:484). Once every share is accepted the request is
   * ACCEPTED. An accepted share stays held until she arrives, for the hold time again: one she never
   * arrives at lapses like an offer (domain.md §5a), so no place is kept for someone who is not coming.
   */
  accept(viewer: Viewer, requestId: string): Promise<Answered> {
    return this.repository.inTransaction(async (manager, changes): Promise<Answered> => {
      const locked = await this.guard.lockVisible(manager, viewer, requestId);
      await this.assertNotTakenElsewhere(manager, viewer, locked.id);
      if (await this.acceptedAlready(manager, viewer, locked)) return { request: locked, repeated: true };
      await this.guard.assertStaffOf(viewer, locked.id, PlacementStatus.OFFERED, { request: locked, manager });
      if (sameSubject(locked.requestedBy, viewer.sub))
        throw new ForbiddenError(
          'You requested this placement: someone else at the facility must accept it (separation of duties).',
        );
      const now = this.clock.now();
      const expected = new Date(now.getTime() + this.config.placement.holdMinutes * 60_000);
      const holds = await this.repository.holdsIn(manager, locked.id, [HoldState.HELD]);
      let mine = holds.filter((hold) => this.actsFor(viewer, hold.facilityId) && !hold.acceptedAt);
      if (mine.length === 0) throw new ConflictError('Your facility has already accepted its share of this offer.');
      // A parallel offer is one place for one person: whoever acts for several of its facilities (an
      // administrator) accepts one, the offer's best unless it is not theirs.
      if (mine.some((hold) => hold.parallel)) mine = [mine.find((hold) => hold.facilityId === locked.facilityId) ?? mine[0]];
      for (const hold of mine) {
        await this.repository.markHoldAccepted(manager, hold.id, now, expected);
        hold.acceptedAt = now;
      }
      // A parallel offer: the first acceptance wins, and the other places go back in this same
      // transaction (the request's row lock orders simultaneous acceptances: the later one finds
      // its hold taken elsewhere).
      const takenElsewhere = mine.some((hold) => hold.parallel) ? holds.filter((hold) => !mine.includes(hold)) : [];
      if (takenElsewhere.length > 0) {
        await this.releaseTakenElsewhere(manager, changes, locked, takenElsewhere, now, ledgerActor(viewer));
        locked.facilityId = mine[0].facilityId;
      }
      const shares = holds
        .filter((hold) => !takenElsewhere.includes(hold))
        .map((hold) => ({ ...hold, state: hold.state, accepted: hold.acceptedAt !== null }));
      if (!everyShareAccepted(shares)) {
        const places = mine.reduce((sum, hold) => sum + hold.places, 0);
        await this.repository.persist(manager, locked);
        await this.repository.record(
          manager,
          locked,
          locked.status,
          ledgerActor(viewer),
          placementNote(PlacementNoteCode.SHARE_ACCEPTED, { places }),
          changes.records,
        );
        changes.requests.push(locked);
        return { request: locked, repeated: false };
      }
      locked.offerExpiresAt = expected;
      await this.repository.transition(
        manager,
        changes,
        locked,
        PlacementStatus.ACCEPTED,
        ledgerActor(viewer),
        placementNote(PlacementNoteCode.ACCEPTED, { heldUntil: expected }),
      );
      notify(changes, locked, WebhookEventType.OFFER_ACCEPTED, this.clock.now());
      // Given back on time if she never arrives, not at the next sweep.
      const { attempt } = locked;
      changes.after.push(() => this.queue.enqueueExpiry(locked.id, attempt, expected, 'arrival'));
      return { request: locked, repeated: false };
    });
  }

  /**
   * A repeat of an acceptance that went through (a client retrying after a lost answer, red team,
   * issue 15, F12): every live place of the caller's facilities on the request is accepted already.
   * The requester never accepted (separation of duties): their call is answered as before.
   */
  private async acceptedAlready(manager: EntityManager, viewer: Viewer, request: PlacementRequestEntity): Promise<boolean> {
    if (sameSubject(request.requestedBy, viewer.sub)) return false;
    const holds = await this.repository.holdsIn(manager, request.id, [HoldState.HELD, HoldState.OCCUPIED]);
    const mine = holds.filter((hold) => this.actsFor(viewer, hold.facilityId));
    return mine.length > 0 && mine.every((hold) => hold.acceptedAt !== null);
  }

  /**
   * Shelter staff declining an offer their facility declined already (red team, issue 15, F12): the
   * latest offer to their facilities on this request was declined and none of their places is live.
   * SAME when with the same reason and code (a retry after a lost answer), OTHER when not, null when
   * they did not decline it. Their own decline took the request out of their sight, so it answers
   * NOT_FOUND otherwise. Their decline's step is the first DECLINED one recorded at or after their
   * answer (the request's row lock orders declines).
   */
  private async earlierDecline(
    viewer: Viewer,
    requestId: string,
    reason: string,
    code: DeclineReason,
  ): Promise<'SAME' | 'OTHER' | null> {
    if (viewer.role !== Role.SHELTER_STAFF || !isUuid(requestId)) return null;
    const mine = (await this.repository.holdsOf(requestId)).filter((hold) => viewer.facilityIds.includes(hold.facilityId));
    if (mine.length === 0 || mine.some((hold) => hold.state !== HoldState.RELEASED)) return null;
    const latest = mine[mine.length - 1]; // holdsOf: oldest first
    const answeredAt = latest.answer === OfferAnswer.DECLINED ? latest.answeredAt : null;
    if (!answeredAt) return null;
    if (latest.declineReason !== code) return 'OTHER';
    const step = (await this.repository.eventsOf(requestId)).find(
      (event) => event.noteCode === PlacementNoteCode.DECLINED && event.at >= answeredAt,
    );
    return step !== undefined && this.repository.reasonOf(step) === reason ? 'SAME' : 'OTHER';
  }

  /** A parallel offer's other holds, when one facility accepted: places back, and their staff told when. */
  private async releaseTakenElsewhere(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    holds: PlacementHoldEntity[],
    now: Date,
    actor: LedgerActor,
  ): Promise<void> {
    await lockCapacityRows(
      manager,
      holds.map((hold) => hold.facilityId),
    );
    for (const hold of holds) {
      await this.holds.releaseHold(manager, changes, hold, now, actor);
      await this.repository.markHoldTakenElsewhere(manager, hold.id, now);
      notify(changes, request, WebhookEventType.OFFER_WITHDRAWN, now, hold.facilityId);
    }
  }

  /**
   * Staff whose parallel offer another shelter accepted first answer too late: a clear CONFLICT
   * saying so and when (not "this does not concern you"), and nothing changes.
   */
  private async assertNotTakenElsewhere(manager: EntityManager, viewer: Viewer, requestId: string): Promise<void> {
    if (viewer.role !== Role.SHELTER_STAFF) return;
    const facilityIds = viewer.facilityIds.filter((id) => isUuid(id));
    const live = await this.repository.countHoldsAt(requestId, [HoldState.HELD, HoldState.OCCUPIED], facilityIds, manager);
    if (live > 0) return;
    const at = await this.repository.takenElsewhereAt(manager, requestId, facilityIds);
    if (at)
      throw new ConflictError(
        `This offer was also made to other shelters and was taken elsewhere at ${at.toISOString()}; your place is free again.`,
        { takenElsewhereAt: at.toISOString() },
      );
  }

  /** Shelter staff act for the shares at their own facilities; an administrator for every share. */
  private actsFor(viewer: Viewer, facilityId: string): boolean {
    return viewer.role !== Role.SHELTER_STAFF || viewer.facilityIds.includes(facilityId);
  }

  /**
   * Shelter staff decline an offer to their facility, with a reason (typed, and as a code for the
   * response figures): matching starts over without it. Only their own facility's share counts as
   * declined; a group's other shares close unanswered.
   */
  async decline(
    viewer: Viewer,
    requestId: string,
    reason: string,
    reasonCode: DeclineReason = DeclineReason.NOT_CODED,
  ): Promise<Answered> {
    const note = placementNote(PlacementNoteCode.DECLINED, { reason });
    let share: PlacementRequestEntity | null;
    try {
      share = await this.declineShareOfParallelOffer(viewer, requestId, note, reasonCode);
    } catch (error) {
      const earlier = error instanceof NotFoundError ? await this.earlierDecline(viewer, requestId, reason, reasonCode) : null;
      // Their decline went through before (a retry after a lost answer): the request as it left them.
      if (earlier === 'SAME') {
        const request = await this.repository.find(requestId);
        if (request) return { request, repeated: true };
      }
      // Told as what it is, not as a request they cannot see: their first answer stands (red team, stop 31).
      if (earlier === 'OTHER')
        throw new ConflictError(
          'Your facility declined this offer already, with another reason or code; that first answer stands.',
        );
      throw error;
    }
    if (share) return { request: share, repeated: false };
    const request = await this.withdrawOffer(requestId, {
      by: ledgerActor(viewer),
      note,
      answer: {
        answer: OfferAnswer.DECLINED,
        facilityIds: viewer.role === Role.SHELTER_STAFF ? viewer.facilityIds : null,
        declineReason: reasonCode,
      },
    });
    if (!request) throw new ConflictError('This offer is no longer open (it was answered, withdrawn or lapsed).');
    return { request, repeated: false };
  }

  /**
   * A decline of one of a parallel offer's facilities while others still hold her place: only
   * this facility's place goes back (and it is not offered again); the others' offers stand.
   * Null when the whole offer goes, as a single offer's does (the last one declined, or an administrator).
   */
  private declineShareOfParallelOffer(
    viewer: Viewer,
    requestId: string,
    note: PlacementNote,
    reasonCode: DeclineReason,
  ): Promise<PlacementRequestEntity | null> {
    return this.repository.inTransaction(async (manager, changes) => {
      const locked = await this.guard.lockVisible(manager, viewer, requestId);
      await this.assertNotTakenElsewhere(manager, viewer, locked.id);
      await this.guard.assertStaffOf(viewer, locked.id, PlacementStatus.OFFERED, { request: locked, manager });
      const holds = await this.repository.holdsIn(manager, locked.id, [HoldState.HELD]);
      const mine = holds.filter((hold) => this.actsFor(viewer, hold.facilityId));
      const others = holds.filter((hold) => !mine.includes(hold));
      if (!mine.some((hold) => hold.parallel) || others.length === 0) return null;
      const now = this.clock.now();
      const actor = ledgerActor(viewer);
      const declined = mine.map((hold) => hold.facilityId);
      await this.repository.markOffersAnswered(manager, locked.id, OfferAnswer.DECLINED, now, {
        facilityIds: declined,
        declineReason: reasonCode,
      });
      for (const hold of mine) {
        await this.holds.releaseHold(manager, changes, hold, now, actor);
        notify(changes, locked, WebhookEventType.OFFER_WITHDRAWN, now, hold.facilityId);
      }
      locked.skippedFacilityIds = [...new Set([...locked.skippedFacilityIds, ...declined])];
      if (locked.facilityId && declined.includes(locked.facilityId)) locked.facilityId = others[0].facilityId;
      await this.repository.persist(manager, locked);
      await this.repository.record(manager, locked, locked.status, actor, note, changes.records);
      changes.requests.push(locked);
      return locked;
    });
  }

  /**
   * An offer that was declined or let lapse: the places go back, that facility is skipped for this
   * request, and matching starts over (a new attempt).
   */
  async withdrawOffer(
    requestId: string,
    options: {
      attempt?: number;
      by: LedgerActor;
      note: PlacementNote;
      lapsedOnly?: boolean;
      /** How the facilities answered, for the response figures (issue 18). */
      answer?: {
        answer: OfferAnswer.DECLINED | OfferAnswer.LAPSED;
        facilityIds: string[] | null;
        declineReason?: DeclineReason;
      };
    },
  ): Promise<PlacementRequestEntity | null> {
    return this.repository.inTransaction(async (manager, changes) => {
      const request = await this.repository.lock(manager, requestId);
      // An ACCEPTED place lapses too (she never arrived), but is never declined.
      const lapsedAccepted = options.lapsedOnly && request?.status === PlacementStatus.ACCEPTED;
      if (!request || (request.status !== PlacementStatus.OFFERED && !lapsedAccepted)) return null;
      if (options.attempt !== undefined && request.attempt !== options.attempt) return null;
      const now = this.clock.now();
      if (options.lapsedOnly && (!request.offerExpiresAt || request.offerExpiresAt > now)) return null;
      if (options.answer) {
        const { answer, ...which } = options.answer;
        await this.repository.markOffersAnswered(manager, request.id, answer, now, which);
      }
      const released = await this.holds.releaseHolds(manager, changes, request.id, [HoldState.HELD], now);
      // The facility that accepted did nothing wrong: it may be offered again.
      if (!lapsedAccepted) request.skippedFacilityIds = [...new Set([...request.skippedFacilityIds, ...released])];
      request.attempt += 1;
      request.facilityId = null;
      request.offerExpiresAt = null;
      await this.repository.transition(manager, changes, request, PlacementStatus.MATCHING, options.by, options.note);
      for (const facilityId of released) notify(changes, request, WebhookEventType.OFFER_WITHDRAWN, now, facilityId);
      // Past her deadline she has just lost her place to go (a noodbed the police were told, an
      // accepted place): escalated now, whatever the re-match finds (003:497).
      await escalateIfDue(this.repository, manager, changes, request, now, this.config.placement.escalateAfterMinutes);
      const attempt = request.attempt;
      changes.after.push(() => this.queue.enqueueMatch(request.id, attempt, 'rematch', { urgency: request.urgency }));
      return request;
    });
  }

  /** The expiry job: only acts when the offer is still open and its time has come. */
  async expireOffer(requestId: string, attempt: number): Promise<PlacementRequestEntity | null> {
    const accepted = (await this.repository.find(requestId))?.status === PlacementStatus.ACCEPTED;
    return this.withdrawOffer(requestId, {
      attempt,
      by: SYSTEM_ACTOR,
      note: placementNote(accepted ? PlacementNoteCode.ACCEPTED_PLACE_LAPSED : PlacementNoteCode.OFFER_LAPSED),
      lapsedOnly: true,
      // The shares not accepted in time; one she never arrived at was answered already.
      answer: { answer: OfferAnswer.LAPSED, facilityIds: null },
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Stays

  /**
   * Shelter staff: the person (or their facility's share of a group) has arrived. A group arrives
   * share by share once every share is accepted: the first arrival places the request, later ones
   * fill their own share.
   */
  async confirmArrival(viewer: Viewer, requestId: string): Promise<PlacementRequestEntity> {
    // The facilities' kind and longest stay, read from the register's owner before the transaction:
    // they do not change with what it locks, and inside it every read must use its own connection.
    const ids = [...new Set((await this.repository.holdsOf(requestId)).map((hold) => hold.facilityId))];
    const facilities = new Map((ids.length ? await this.register.load({ ids }) : []).map((facility) => [facility.id, facility]));
    return this.repository.inTransaction(async (manager, changes) => {
      const locked = await this.guard.lockVisible(manager, viewer, requestId);
      const placed = locked.status === PlacementStatus.PLACED;
      await this.guard.assertStaffOf(viewer, locked.id, placed ? PlacementStatus.PLACED : PlacementStatus.ACCEPTED, {
        request: locked,
        manager,
      });
      const ofShare = (facilityId: string) => this.actsFor(viewer, facilityId);
      await this.arrive(manager, changes, locked, ledgerActor(viewer), ofShare, facilities);
      return locked;
    });
  }

  /** Arrival: held places become occupied and the stay's end is set; a bridge stay ends when its follow-up arrives. */
  private async arrive(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    actor: LedgerActor,
    ofShare: (facilityId: string) => boolean,
    facilities: ReadonlyMap<string, LoadedFacility>,
  ): Promise<void> {
    const now = this.clock.now();
    const holds = (await this.repository.holdsIn(manager, request.id, [HoldState.HELD])).filter((hold) =>
      ofShare(hold.facilityId),
    );
    if (holds.length === 0) throw new ConflictError('Your facility’s share of this request has arrived already.');
    await lockCapacityRows(
      manager,
      holds.map((hold) => hold.facilityId),
    );
    let ends: Date | null = null;
    for (const hold of holds) {
      const moved = await occupyHeldPlaces(manager, hold.facilityId, hold.places, now, actor);
      if (!moved) throw new Error(`capacity of facility ${hold.facilityId} does not hold the places of request ${request.id}`);
      changes.capacity.push(moved as CapacityChangedEvent);
      await this.repository.markHoldOccupied(manager, hold.id);
      const facility = facilities.get(hold.facilityId);
      // Read before the transaction: a hold made since (the request was matched again meanwhile).
      if (!facility) throw new ConflictError('This request changed meanwhile; read it again and confirm the arrival again.');
      const end = stayEndsAt({
        placedAt: now,
        type: facility.type,
        maxStayDays: facility.maxStayDays,
        profile: request.profile ?? {},
      });
      if (end && (!ends || end < ends)) ends = end;
    }
    const followUpId = await this.repository.followUpIdOf(request.id, manager);
    const onward = followUpId ? await this.repository.find(followUpId, manager) : null;
    if (onward && [...facilities.values()].some((facility) => facility.type === ShelterType.NOODBED)) {
      // A noodbed stay reaches at least to the opening of the authority the onward request waits
      // for: a Christmas Eve noodbed lasts to the first working day (domain.md §5a).
      const authority = onward?.types.length ? DEFAULT_AUTHORITY_TABLE[onward.types[0]].decidedBy : null;
      const opening = authority ? findNextOpening(this.config.authorityHours[authority], now) : null;
      const until = opening ? new Date(opening.getTime() + DAY_MS) : null;
      if (until && ends && until > ends) ends = until;
    }
    if (request.status === PlacementStatus.PLACED) {
      // Another share of a group that is already placed: it fills its own places.
      if (ends && (!request.stayEndsAt || ends < request.stayEndsAt)) request.stayEndsAt = ends;
      await this.repository.persist(manager, request);
      const places = holds.reduce((sum, hold) => sum + hold.places, 0);
      await this.repository.record(
        manager,
        request,
        request.status,
        actor,
        placementNote(PlacementNoteCode.MORE_ARRIVED, { places }),
        changes.records,
      );
      changes.requests.push(request);
      return;
    }
    request.placedAt = now;
    request.stayEndsAt = ends;
    request.offerExpiresAt = null;
    await this.repository.transition(manager, changes, request, PlacementStatus.PLACED, actor, null);
    if (onward) {
      // She is in her interim place now: the onward request may hold its place (one person, one place).
      changes.after.push(() =>
        this.queue.enqueueMatch(onward.id, onward.attempt, `interim-arrived-${request.id}`, { urgency: onward.urgency }),
      );
    }
    if (request.bridgeRequestId) {
      const bridge = await this.repository.lock(manager, request.bridgeRequestId);
      if (bridge?.status === PlacementStatus.PLACED) {
        await this.endStay(
          manager,
          changes,
          bridge,
          SYSTEM_ACTOR,
          placementNote(request.transferReason ? PlacementNoteCode.TRANSFERRED : PlacementNoteCode.MOVED_ON, {
            requestId: request.id,
          }),
        );
      }
    }
  }

  /**
   * The stay ended: the places are freed. Shelter staff end only their own facility's share, all of
   * it or `places` of it (members of a group leave one by one); the request ends when nobody is left.
   * The requester or an administrator end the whole stay.
   */
  end(
    viewer: Viewer,
    requestId: string,
    note: string,
    places: number | null = null,
    outcome: StayOutcome | null = null,
  ): Promise<PlacementRequestEntity> {
    return this.repository.inTransaction(async (manager, changes) => {
      const followUp = await this.followUps.lockFollowUpOf(manager, requestId); // before the request: see lockFollowUpOf
      const locked = await this.guard.lockVisible(manager, viewer, requestId);
      if (viewer.role === Role.SHELTER_STAFF)
        await this.guard.assertStaffOf(viewer, locked.id, PlacementStatus.PLACED, { request: locked, manager });
      if (viewer.role !== Role.SHELTER_STAFF && viewer.org !== locked.requestedByOrg)
        throw new ForbiddenError("Only the facility's staff and the requesting organisation can end this stay.");
      if (locked.status !== PlacementStatus.PLACED)
        throw new ConflictError(`Only a PLACED request can be ended; this one is ${locked.status}.`);
      const how = outcome ?? undefined;
      if (viewer.role !== Role.SHELTER_STAFF && places === null) {
        const there = (await this.repository.holdsIn(manager, locked.id, [HoldState.OCCUPIED])).reduce(
          (sum, hold) => sum + hold.places,
          0,
        );
        await this.endStay(
          manager,
          changes,
          locked,
          ledgerActor(viewer),
          placementNote(PlacementNoteCode.ENDED, { reason: note, outcome: how, places: there }),
        );
      } else await this.leaveShare(manager, changes, locked, viewer, note, places, how);
      // What follows the stay and is no longer for anyone ends with it (followUpEndsWithStay).
      if (
        followUp &&
        (locked.status as PlacementStatus) === PlacementStatus.ENDED &&
        followUpEndsWithStay(how, { isTransfer: followUp.transferReason !== null })
      )
        await this.followUps.cancelFollowUp(
          manager,
          changes,
          locked,
          followUp,
          ledgerActor(viewer),
          note,
          placementNote(PlacementNoteCode.CANCELLED_STAY_ENDED, { requestId: locked.id, outcome: how }),
        );
      return locked;
    });
  }

  /** Some or all of the caller's share leave; the stay ends when nobody is left anywhere. */
  private async leaveShare(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    viewer: Viewer,
    note: string,
    places: number | null,
    outcome: StayOutcome | undefined,
  ): Promise<void> {
    const now = this.clock.now();
    const actor = ledgerActor(viewer);
    const occupied = (await this.repository.holdsIn(manager, request.id, [HoldState.OCCUPIED])).filter((hold) =>
      this.actsFor(viewer, hold.facilityId),
    );
    const there = occupied.reduce((sum, hold) => sum + hold.places, 0);
    const verdict = leaving(there, places);
    if ('error' in verdict) throw new InvalidInputError('places', verdict.error);
    let toGo = verdict.leave;
    for (const hold of occupied) {
      if (toGo === 0) break;
      const going = Math.min(toGo, hold.places);
      toGo -= going;
      if (going === hold.places) await this.holds.releaseHold(manager, changes, hold, now, actor);
      else {
        await this.holds.vacateSome(manager, changes, hold, going, now, actor);
        await this.repository.shrinkHold(manager, hold.id, hold.places - going);
      }
    }
    const left = await this.repository.holdsIn(manager, request.id, [HoldState.HELD, HoldState.OCCUPIED]);
    if (left.length === 0) {
      request.endedAt = now;
      await this.repository.transition(
        manager,
        changes,
        request,
        PlacementStatus.ENDED,
        actor,
        placementNote(PlacementNoteCode.ENDED, { reason: note, outcome, places: verdict.leave }),
      );
      return;
    }
    await this.repository.persist(manager, request);
    await this.repository.record(
      manager,
      request,
      request.status,
      actor,
      placementNote(PlacementNoteCode.LEFT, {
        places: verdict.leave,
        outcome,
        reason: note,
        stillPlaced: left.reduce((sum, hold) => sum + hold.places, 0),
      }),
      changes.records,
    );
    changes.requests.push(request);
  }

  /** The sweep: an accepted share of a placed group that never arrived by its time is given back. */
  async releaseOverdueShare(holdId: string, requestId: string): Promise<boolean> {
    return this.repository.inTransaction(async (manager, changes) => {
      const request = await this.repository.lock(manager, requestId);
      if (!request || request.status !== PlacementStatus.PLACED) return false;
      const now = this.clock.now();
      const hold = (await this.repository.holdsIn(manager, requestId, [HoldState.HELD])).find(
        (h) => h.id === holdId && h.expiresAt !== null && h.expiresAt <= now,
      );
      if (!hold) return false;
      await this.holds.releaseHold(manager, changes, hold, now, SYSTEM_ACTOR);
      await this.repository.record(
        manager,
        request,
        request.status,
        SYSTEM_ACTOR,
        placementNote(PlacementNoteCode.SHARE_RELEASED, { places: hold.places }),
        changes.records,
      );
      changes.requests.push(request);
      return true;
    });
  }

  private async endStay(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    actor: LedgerActor,
    note: PlacementNote,
  ): Promise<void> {
    const now = this.clock.now();
    await this.holds.releaseHolds(manager, changes, request.id, [HoldState.OCCUPIED, HoldState.HELD], now, actor);
    request.endedAt = now;
    await this.repository.transition(manager, changes, request, PlacementStatus.ENDED, actor, note);
  }

  // ---------------------------------------------------------------------------------------------
  // Cancelling

  /**
   * The requester withdraws the request before arrival; any held place is released. `breakGlass`:
   * an administrator's audited cancellation of someone else's request (the service checked why).
   */
  async cancel(viewer: Viewer, requestId: string, note: string, options: { breakGlass?: boolean } = {}): Promise<Answered> {
    return FollowUps.inChainOrder((mayStartOver) => this.cancelOnce(viewer, requestId, note, options, mayStartOver));
  }

  /** One try at `cancel`; null when it must start over (FollowUps.lockChain). */
  private async cancelOnce(
    viewer: Viewer,
    requestId: string,
    note: string,
    options: { breakGlass?: boolean },
    mayStartOver: boolean,
  ): Promise<Answered | null> {
    const stayFacilities = await this.transfers.stayFacilitiesBehind(requestId);
    return this.repository.inTransaction(async (manager, changes): Promise<Answered | null> => {
      const chain = await this.followUps.lockChain(
        manager,
        requestId,
        () => this.guard.lockVisible(manager, viewer, requestId),
        mayStartOver,
      );
      if (!chain) return null;
      const { followUp, request: locked } = chain;
      // A transfer is cancelled by whoever may ask for one (the region's coordinators, CoMensha too).
      const leaving = locked.bridgeRequestId ? await this.repository.find(locked.bridgeRequestId, manager) : null;
      const mayCancelTransfer = locked.transferReason !== null && mayActOnTransfer(viewer, locked, leaving?.regionCode ?? null);
      if (viewer.org !== locked.requestedByOrg && !options.breakGlass && !mayCancelTransfer)
        throw new ForbiddenError('Only the requesting organisation can cancel this request.');
      if (locked.status === PlacementStatus.PLACED)
        throw new ConflictError('This person has arrived: end the placement instead of cancelling it.');
      // A repeat of a cancellation that went through, by whoever cancelled (a client retrying after a
      // lost answer, red team, issue 15, F12): the cancelled request, not an error.
      if (locked.status === PlacementStatus.CANCELLED && (await this.cancelledAlready(manager, locked.id, viewer, note, options)))
        return { request: locked, repeated: true };
      if (locked.status === PlacementStatus.ENDED || locked.status === PlacementStatus.CANCELLED) {
        throw new ConflictError(`This request is already ${locked.status}.`);
      }
      await this.holds.releaseHolds(manager, changes, locked.id, [HoldState.HELD], this.clock.now(), ledgerActor(viewer));
      locked.offerExpiresAt = null;
      locked.endedAt = this.clock.now(); // retention counts from here
      await this.repository.transition(
        manager,
        changes,
        locked,
        PlacementStatus.CANCELLED,
        ledgerActor(viewer),
        placementNote(options.breakGlass ? PlacementNoteCode.CANCELLED_BREAK_GLASS : PlacementNoteCode.CANCELLED, {
          reason: note,
        }),
      );
      // A cancelled noodbed (or other interim) request takes its onward request with it.
      if (followUp) await this.followUps.cancelFollowUp(manager, changes, locked, followUp, ledgerActor(viewer), note);
      // A cancelled transfer leaves her where she is; her stay's history says so.
      await this.transfers.cancelled(manager, changes, locked, ledgerActor(viewer), stayFacilities);
      return { request: locked, repeated: false };
    });
  }

  /**
   * Whether this cancellation is an identical repeat of the one that went through: its latest
   * CANCELLED step is the caller's, the same kind (break-glass or not) with the same reason.
   */
  private async cancelledAlready(
    manager: EntityManager,
    requestId: string,
    viewer: Viewer,
    reason: string,
    options: { breakGlass?: boolean },
  ): Promise<boolean> {
    // On the transaction's own connection: while it holds the request's lock, a second connection
    // from the pool may never come (every other one waiting for that lock: red team, issue 15).
    const steps = (await this.repository.eventsOf(requestId, manager)).filter(
      (event) => event.status === PlacementStatus.CANCELLED,
    );
    const last = steps[steps.length - 1];
    const code = options.breakGlass ? PlacementNoteCode.CANCELLED_BREAK_GLASS : PlacementNoteCode.CANCELLED;
    return (
      last !== undefined &&
      sameSubject(last.by, viewer.sub) &&
      last.noteCode === code &&
      this.repository.reasonOf(last) === reason
    );
  }
}
