import { Inject, Injectable } from '@nestjs/common';
import { holdPlaces, type LedgerActor, lockCapacityRows, type CapacityChangedEvent } from '@opvangplek/capacity';
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
import type { Match } from '@opvangplek/matching';
import { shownFacilityName } from '@opvangplek/registry';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform';
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
    /**
     * Hold a place at up to this many of the decision's facilities at once, the first to accept
     * taking her (parallel offers, issue 18; parallel-offers.ts says when). Only for one person.
     */
    parallel = 1,
  ): Promise<PlacementHoldEntity[]> {
    const actor = decidedBy?.actor ?? SYSTEM_ACTOR;
    // Each hold's audit row is written with the transaction's others (inTransaction), not one by one.
    const holdOptions = { reserved, auditInto: changes.records.audits };
    let allocations = decision.allocations;
    // Several places for one person: the first acceptance wins (lifecycle.ts, accept).
    let inParallel = false;
    if (parallel > 1 && allocations.length === 1 && allocations[0].places === 1) {
      // The best k of the decision's facilities (all the requester's to place in: decidePlacement's
      // alternatives), locked together in one order, so two attempts holding places at overlapping
      // shelters never deadlock. One taken meanwhile is left out: the others are offered.
      const candidates = [allocations[0].facilityId, ...decision.alternatives].slice(0, parallel);
      await lockCapacityRows(manager, candidates);
      allocations = [];
      for (const facilityId of candidates) {
        const taken = await holdPlaces(manager, facilityId, 1, now, actor, holdOptions);
        if (!taken) continue;
        allocations.push({ facilityId, places: 1 });
        changes.capacity.push(taken as CapacityChangedEvent);
      }
      if (allocations.length === 0) throw new PlacesTakenMeanwhile();
      inParallel = allocations.length > 1;
    } else if (allocations.length === 1) {
      // One facility: if it was taken meanwhile, the next best of the same decision will do.
      const places = allocations[0].places;
      let taken = null;
      for (const facilityId of [allocations[0].facilityId, ...decision.alternatives]) {
        taken = await holdPlaces(manager, facilityId, places, now, actor, holdOptions);
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
        const taken = await holdPlaces(manager, allocation.facilityId, allocation.places, now, actor, holdOptions);
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
          parallel: inParallel,
          createdAt: now,
        };
      }),
    );
    // The offer lapses when the first of its holds does (a group is placed all together or not at
    // all; a parallel offer lapses as one, and matching goes on as after a single offer).
    const expiresAt = new Date(Math.min(...expiries.map((expiry) => expiry.getTime())));
    // A parallel offer: the best of its facilities, until one accepts (sort is stable).
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
    changes.after.push(() => this.queue.enqueueExpiry(request.id, attempt, expiresAt));
    return holds;
  }
}
