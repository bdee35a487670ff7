import { Inject, Injectable } from '@nestjs/common';
import { holdPlaces, type LedgerActor, lockCapacityRows } from '@opvangplek/capacity/capacity-ledger';
import { type CapacityChangedEvent } from '@opvangplek/capacity/capacity.events';
import {
  holdExpiresAt,
  isOpen,
  type PlacementDecision,
  placementNote,
  PlacementNoteCode,
  type PlacementNoteParams,
  PlacementStatus,
  WebhookEventType,
} from '@opvangplek/domain';
import type { Match } from '@opvangplek/matching/matching.service';
import { shownFacilityName } from '@opvangplek/registry/facility-view.mapper';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import type { EntityManager } from 'typeorm';
import { type Changes, notify, SYSTEM_ACTOR } from '../placement-changes';
import { HoldState, type PlacementHoldEntity } from '../placement-hold.entity';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRepository } from '../placement.repository';

/** Signals a lost race inside a transaction: roll back, re-read, decide again. */
export class PlacesTakenMeanwhile extends Error {}

/** An OFFER or BRIDGE decision of the domain's `decidePlacement`. */
export type OfferDecision = Exclude<PlacementDecision, { kind: 'WAIT' }>;

/** Makes an offer: takes the places a decision allocates and tells the facility how long it has to answer. */
@Injectable()
export class PlacementOffer {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly queue: PlacementQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Takes the holds of an OFFER or BRIDGE decision, all or none, and moves the request to OFFERED. */
  async offer(
    manager: EntityManager,
    changes: Changes,
    request: PlacementRequestEntity,
    decision: OfferDecision,
    facilities: Match['facilities'],
    now: Date,
    /** An authority's assignment (assignPlacement): who decided, and why, in the history. */
    decidedBy?: { actor: LedgerActor; assigned: Pick<PlacementNoteParams, 'byOrg' | 'byRole' | 'reason'> },
    /** The places are a planned action's own reservation, converted at its start (see holdPlaces). */
    reserved = false,
  ): Promise<PlacementHoldEntity[]> {
    const actor = decidedBy?.actor ?? SYSTEM_ACTOR;
    let allocations = decision.allocations;
    if (allocations.length === 1) {
      // One facility: if it was taken meanwhile, the next best of the same decision will do.
      const places = allocations[0].places;
      let taken = null;
      for (const facilityId of [allocations[0].facilityId, ...decision.alternatives]) {
        taken = await holdPlaces(manager, facilityId, places, now, actor, reserved);
        if (taken) {
          allocations = [{ facilityId, places }];
          changes.capacity.push(taken as CapacityChangedEvent);
          break;
        }
      }
      if (!taken) throw new PlacesTakenMeanwhile();
    } else {
      await lockCapacityRows(
        manager,
        allocations.map((allocation) => allocation.facilityId),
      );
      for (const allocation of allocations) {
        const taken = await holdPlaces(manager, allocation.facilityId, allocation.places, now, actor, reserved);
        if (!taken) throw new PlacesTakenMeanwhile(); // rolls back the group's other holds too
        changes.capacity.push(taken as CapacityChangedEvent);
      }
    }

    const expiries: Date[] = [];
    // One statement for all of them.
    const holds = await this.repository.insertHolds(
      manager,
      allocations.map((allocation) => {
        const facility = facilities.get(allocation.facilityId)!;
        const minutes = this.config.placement.holdMinutesByType[facility.type] ?? this.config.placement.holdMinutes;
        const expiry = holdExpiresAt(now, facility.intakeHours, minutes);
        expiries.push(expiry);
        return {
          requestId: request.id,
          facilityId: allocation.facilityId,
          places: allocation.places,
          state: HoldState.HELD,
          expiresAt: expiry,
          createdAt: now,
        };
      }),
    );
    // The offer lapses when the first of its holds does (a group is placed all together or not at all).
    const expiresAt = new Date(Math.min(...expiries.map((expiry) => expiry.getTime())));
    const main = [...allocations].sort((a, b) => b.places - a.places)[0];
    request.facilityId = main.facilityId;
    request.offerExpiresAt = expiresAt;
    request.waitingReason = null;
    request.waitingForAuthority = null;
    request.waitingForOrganisation = null;
    request.waitingForKind = null;
    request.nextAttemptAt = null;
    // The history is read by the requester, staff and deciders: a secret facility by its anonymous name.
    const offered = allocations.map((a) => ({
      facilityName: shownFacilityName(facilities.get(a.facilityId)!, false),
      places: a.places,
    }));
    // Held while a shelter's intake is closed (domain.md §5 rule 3): the history says until when.
    const intakeClosed = allocations.some((a) => !isOpen(facilities.get(a.facilityId)!.intakeHours, now));
    const until = intakeClosed ? { heldUntil: expiresAt } : {};
    await this.repository.transition(
      manager,
      changes,
      request,
      PlacementStatus.OFFERED,
      actor,
      placementNote(PlacementNoteCode.OFFERED, { offered, ...until, ...decidedBy?.assigned }),
    );
    for (const allocation of allocations) notify(changes, request, WebhookEventType.OFFER_MADE, now, allocation.facilityId);
    const attempt = request.attempt;
    const delayMs = expiresAt.getTime() - now.getTime();
    changes.after.push(() => this.queue.enqueueExpiry(request.id, attempt, delayMs));
    return holds;
  }
}
