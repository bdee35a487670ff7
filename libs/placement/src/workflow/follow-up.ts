import { Inject, Injectable } from '@nestjs/common';
import type { LedgerActor } from '@opvangplek/capacity';
import {
  canTransition,
  mayHoldPlace,
  type PlacementNote,
  placementNote,
  PlacementNoteCode,
  PlacementStatus,
  ShelterType,
  Urgency,
} from '@opvangplek/domain';
import { CLOCK, type Clock } from '@opvangplek/platform';
import type { EntityManager } from 'typeorm';
import { type Changes, SYSTEM_ACTOR } from '../placement-changes';
import { HoldState } from '../placement-hold.entity';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRepository } from '../placement.repository';
import { PlacementHolds } from './holds';

/** The onward request that follows an interim stay (the contract's bridge/followUp): opened, locked, cancelled. */
@Injectable()
export class FollowUps {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly holds: PlacementHolds,
    private readonly queue: PlacementQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Whether an onward request may hold its place now: she is in her interim place, or has left it
   * (one person, one place, `mayHoldPlace`); null for a request that follows nothing.
   */
  async mayHold(request: PlacementRequestEntity): Promise<boolean | null> {
    if (!request.bridgeRequestId) return null;
    const interim = await this.repository.find(request.bridgeRequestId);
    return mayHoldPlace(interim ? { status: interim.status } : null);
  }

  /** Opens the onward request that follows an interim stay (the contract's bridge/followUp). */
  async openFollowUp(
    manager: EntityManager,
    changes: Changes,
    bridge: PlacementRequestEntity,
    types: ShelterType[],
  ): Promise<PlacementRequestEntity | null> {
    // Opened only when a request is offered (in this method's callers, under the request's lock),
    // and an offer that is withdrawn starts a new attempt: in its first attempt, a request being
    // offered has never been offered before, so it has no follow-up yet and there is none to look for.
    if (bridge.attempt > 0 && (await this.repository.hasFollowUp(manager, bridge.id))) return null;
    const followUp = await this.repository.insertFollowUp(manager, {
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
      routeDecided: bridge.routeDecided,
      returnedTypes: bridge.returnedTypes,
      responsibleMunicipality: bridge.responsibleMunicipality,
      attempt: 0,
      skippedFacilityIds: [],
      bridgeRequestId: bridge.id,
      // The app's clock, like every other request (escalation and "oldest first" read createdAt).
      createdAt: this.clock.now(),
    });
    await this.repository.record(
      manager,
      followUp,
      PlacementStatus.RECEIVED,
      SYSTEM_ACTOR,
      placementNote(PlacementNoteCode.ONWARD_OPENED, { kinds: types, requestId: bridge.id }),
      changes.records,
    );
    changes.requests.push(followUp);
    changes.after.push(() => this.queue.enqueueMatch(followUp.id, 0, 'followup', { urgency: followUp.urgency }));
    return followUp;
  }

  /**
   * The onward request of `bridgeId`, locked. Callers that also lock the bridge lock this one
   * first, as arrival at the onward place does (it then ends the bridge's stay), so the two never
   * wait for each other.
   */
  lockFollowUpOf(manager: EntityManager, bridgeId: string): Promise<PlacementRequestEntity | null> {
    return this.repository.lockFollowUpOf(manager, bridgeId);
  }

  /**
   * The onward request of `requestId` locked, then the request itself (`lockRequest`), in that
   * order (lockFollowUpOf). A match may commit an interim offer, and with it a new onward request,
   * between the two: then null when `mayStartOver`, and the caller's transaction starts over
   * (`inChainOrder`) to lock it first; otherwise it is locked after the request (it holds nothing
   * yet, so nobody arrives at it meanwhile). Left unlocked, a cancellation would leave it waiting on
   * CoMensha's worklist, and a profile change would not reach it (red team, issue 15, third pass).
   */
  async lockChain<R extends { id: string }>(
    manager: EntityManager,
    requestId: string,
    lockRequest: () => Promise<R>,
    mayStartOver: boolean,
  ): Promise<{ followUp: PlacementRequestEntity | null; request: R } | null> {
    const followUp = await this.repository.lockFollowUpOf(manager, requestId);
    const request = await lockRequest();
    if (followUp || !(await this.repository.hasFollowUp(manager, request.id))) return { followUp, request };
    if (mayStartOver) return null;
    return { followUp: await this.repository.lockFollowUpOf(manager, requestId), request };
  }

  /** Runs a transaction that locks with `lockChain` until it need not start over (at most three times). */
  static async inChainOrder<T>(run: (mayStartOver: boolean) => Promise<T | null>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const result = await run(attempt < 3);
      if (result !== null) return result;
    }
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
    note: PlacementNote = placementNote(PlacementNoteCode.CANCELLED_WITH_INTERIM, { requestId: bridge.id, reason }),
  ): Promise<void> {
    if (followUp.bridgeRequestId !== bridge.id || !canTransition(followUp.status, PlacementStatus.CANCELLED)) return;
    const now = this.clock.now();
    await this.holds.releaseHolds(manager, changes, followUp.id, [HoldState.HELD], now, actor);
    followUp.offerExpiresAt = null;
    followUp.endedAt = now; // retention counts from here
    await this.repository.transition(manager, changes, followUp, PlacementStatus.CANCELLED, actor, note);
  }
}
