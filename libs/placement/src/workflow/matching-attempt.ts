import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  decidePlacement,
  DEFAULT_MATCHING_CONFIG,
  ExploitationType,
  requesterCapacities,
  youthCareAuthority,
  MATCHABLE_STATUSES,
  parallelOfferCount,
  PlacementStatus,
  type ShelterType,
  type VictimProfile,
  EscalationCause,
  placementNote,
  PlacementNoteCode,
  WebhookEventType,
} from '@opvangplek/domain';
import { type Match, MatchingService } from '@opvangplek/matching';
import { CLOCK, type Clock, APP_CONFIG, type AppConfig } from '@opvangplek/platform';
import { type LoadedFacility, RegionDirectory } from '@opvangplek/registry';
import { notify, type PlacementEventRow, SYSTEM_ACTOR } from '../placement-changes';
import type { PlacementHoldEntity } from '../placement-hold.entity';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRepository } from '../placement.repository';
import { escalate, escalateIfDue } from './escalation';
import { FollowUps } from './follow-up';
import { isNoodbedCall, isNoodbedOnward, regionFoundIn } from './noodbed-call';
import { PlacementOffer, PlacesTakenMeanwhile } from './offer';

const MAX_ROUNDS = 3;

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
 * One matching attempt: match, ask the domain's `decidePlacement`, apply its decision (offer,
 * bridge, or wait). Runs in the worker (jobs) and, for a noodbed, inline in the API call. Every
 * entry point re-reads the request under a row lock and returns early when its state says the work
 * is done, so redelivered or duplicated jobs are harmless; places are taken only by the ledger's
 * atomic statements, so nothing is ever given twice.
 */
@Injectable()
export class MatchingAttempt {
  private readonly logger = new Logger(MatchingAttempt.name);

  constructor(
    private readonly repository: PlacementRepository,
    private readonly matching: MatchingService,
    private readonly regions: RegionDirectory,
    private readonly offers: PlacementOffer,
    private readonly followUps: FollowUps,
    private readonly queue: PlacementQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The matching job: offer a place, bridge, or wait, for this attempt of this request. A new
   * request moves to MATCHING first. A WAITING one is re-tried as it is: it moves (through
   * MATCHING) only when the outcome differs, so the re-tries that every capacity change and the
   * sweep cause do not each add a MATCHING and a WAITING step to its history.
   */
  async matchRequest(requestId: string, attempt: number, answering = false): Promise<PlacementRequestEntity | null> {
    const snapshot = await this.repository.find(requestId);
    if (!snapshot || snapshot.attempt !== attempt || !MATCHABLE_STATUSES.includes(snapshot.status)) return null;
    let started: PlacementRequestEntity | null = snapshot;
    if (snapshot.status === PlacementStatus.RECEIVED) {
      started = await this.repository.inTransaction(async (manager, changes) => {
        const request = await this.repository.lock(manager, requestId);
        if (!request || request.attempt !== attempt || request.status !== PlacementStatus.RECEIVED) return null;
        await this.repository.transition(manager, changes, request, PlacementStatus.MATCHING, SYSTEM_ACTOR, null);
        return request;
      });
    }
    if (!started) return null;

    return (await this.decideWithRetries(started, attempt, answering))?.request ?? null;
  }

  /**
   * The noodbed call (police, within the API request): `request` has just been created by this
   * caller, already MATCHING (its RECEIVED and MATCHING history written with it), so there is no
   * first transaction to take it there. Returns what the answer needs, or null when another
   * attempt got there first (the caller then reads the request as it is).
   */
  matchNew(request: PlacementRequestEntity): Promise<Applied | null> {
    return this.decideWithRetries(request, request.attempt, true);
  }

  /** `answering`: the noodbed call's own answer will name the offer made, so it is marked told (`toldAttempt`). */
  private async decideWithRetries(
    snapshot: PlacementRequestEntity,
    attempt: number,
    answering: boolean,
  ): Promise<Applied | null> {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      try {
        return await this.decideAndApply(snapshot, attempt, answering);
      } catch (error) {
        if (!(error instanceof PlacesTakenMeanwhile) || round === MAX_ROUNDS) throw error;
        this.logger.debug(`request ${snapshot.id}: places taken meanwhile, deciding again (round ${round + 1})`);
      }
    }
    return null;
  }

  /**
   * `kinds`: the kinds the decision may choose among (a request that names its kinds); empty for
   * the noodbed call, whose decision reads the whole answer (the onward kind after an interim place).
   */
  private async match(request: PlacementRequestEntity, groupSize: number, kinds: readonly ShelterType[]): Promise<Match> {
    // The query's screened path, without writing out the exclusions: a decision needs only their
    // evidence; and only the kinds it may choose among, so their capacity alone is read.
    const match = await this.matching.match(
      { ...(request.profile as VictimProfile), groupSize },
      {
        at: this.clock.now(),
        requesterRegionCode: request.regionCode,
        regions: await this.regions.regions(),
        exclusions: 'evidence',
        kinds,
        foundInRegion: regionFoundIn(request),
      },
    );
    const returned = request.returnedTypes;
    if (returned.length > 0) {
      // Kinds an authority handed back are not that authority's to place after all (returnRequest),
      // and a place that was an interim one until such a kind is now where she can stay.
      match.result.matches = match.result.matches
        .filter((m) => !returned.includes(m.facility.type))
        .map((m) => {
          const interimFor = m.interimFor?.filter((type) => !returned.includes(type));
          const { interimFor: _dropped, ...rest } = m;
          return interimFor?.length ? { ...rest, interimFor } : rest;
        });
    }
    return match;
  }

  /**
   * The capacities a request acts in (domain.md §5a): its requester's, for its region (a
   * zorgcoördinator could submit it only for a region of hers), and for the onward request of a
   * police noodbed, the region's zorgcoördinator's.
   */
  private capacitiesOf(request: PlacementRequestEntity) {
    const requester = { role: request.requestedByRole, org: request.requestedByOrg, regions: [request.regionCode] };
    return requesterCapacities(requester, request.regionCode, {
      noodbedOnward: isNoodbedOnward(request),
    });
  }

  private async decideAndApply(snapshot: PlacementRequestEntity, attempt: number, answering: boolean): Promise<Applied | null> {
    const now = this.clock.now();
    const isFollowUp = snapshot.bridgeRequestId !== null;
    const isNoodbed = isNoodbedCall(snapshot);
    const kinds = isNoodbed ? [] : snapshot.types;
    const whole = await this.match(snapshot, snapshot.groupSize, kinds);
    // A group no single facility takes is matched one person at a time too, to split it; a police
    // group call always, as the places its decision may use are a few kinds of the whole answer.
    const noSingleFacility = whole.result.matches.length === 0;
    const split = snapshot.groupSize > 1 && (noSingleFacility || isNoodbed) ? await this.match(snapshot, 1, kinds) : undefined;
    const profile = snapshot.profile as VictimProfile;
    const decision = decidePlacement(
      {
        capacities: this.capacitiesOf(snapshot),
        noodbed: isNoodbed,
        regionCode: snapshot.regionCode,
        interimArrived: await this.followUps.mayHold(snapshot),
        fallbackAuthority: youthCareAuthority(profile, DEFAULT_MATCHING_CONFIG),
        // The screeningsoverleg decides the route first (003:490); the police's noodbed at night is
        // shelter first, and its onward request waits for the decision like any other.
        awaitingRouteDecision:
          !isNoodbed && profile.exploitationTypes.includes(ExploitationType.CRIMINAL) && !snapshot.routeDecided,
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
    // Without a split, the match's own rows, built only for the facilities the decision reads.
    const facilities = split ? new Map([...whole.facilities, ...split.facilities]) : whole.facilities;

    const { result, changes } = await this.repository.inTransactionWithChanges(async (manager, changes) => {
      const request = await this.repository.lock(manager, snapshot.id);
      if (!request || request.attempt !== attempt || request.status !== snapshot.status) return null;
      if (request.status !== PlacementStatus.MATCHING && request.status !== PlacementStatus.WAITING) return null;
      let followUp: PlacementRequestEntity | null = null;
      let holds: PlacementHoldEntity[] = [];

      const waitsAsBefore =
        decision.kind === 'WAIT' &&
        request.status === PlacementStatus.WAITING &&
        request.waitingReason === decision.reason &&
        request.waitingForAuthority === decision.waitingForAuthority &&
        request.waitingForOrganisation === (decision.waitingForOrganisation ?? null) &&
        request.waitingForKind === (decision.waitingForKind ?? null);
      if (waitsAsBefore) {
        // Still waiting, for the same reason: no new history or audit row (nothing happened to
        // the request), but the row is written, with the next attempt as now decided and a fresh
        // updatedAt (the sweep re-tries a request waiting for capacity only when that is old).
        const movedOn = request.nextAttemptAt?.getTime() !== decision.nextAttemptAt?.getTime();
        request.nextAttemptAt = decision.nextAttemptAt;
        await this.repository.persist(manager, request);
        if (movedOn) changes.requests.push(request);
      } else if (request.status === PlacementStatus.WAITING) {
        await this.repository.transition(manager, changes, request, PlacementStatus.MATCHING, SYSTEM_ACTOR, null);
      }

      if (decision.kind === 'WAIT') {
        if (!waitsAsBefore) {
          request.waitingReason = decision.reason;
          request.nextAttemptAt = decision.nextAttemptAt;
          request.waitingForAuthority = decision.waitingForAuthority;
          request.waitingForOrganisation = decision.waitingForOrganisation ?? null;
          request.waitingForKind = decision.waitingForKind ?? null;
          // Handed back by an authority and now on nobody's worklist: never left to wait unseen.
          const orphaned = request.returnedTypes.length > 0 && !decision.waitingForAuthority && !request.escalated;
          const escalation = orphaned ? escalate(request, now, EscalationCause.HANDED_BACK) : {};
          await this.repository.transition(
            manager,
            changes,
            request,
            PlacementStatus.WAITING,
            SYSTEM_ACTOR,
            placementNote(PlacementNoteCode.WAITING, { waitingReason: decision.reason, ...escalation }),
          );
          // Told once, when it lands on a worklist or becomes orphaned, not at every re-try.
          if (decision.waitingForAuthority) notify(changes, request, WebhookEventType.DECISION_WAITING, now, null);
          if (orphaned) notify(changes, request, WebhookEventType.ESCALATED, now, null);
        }
        if (decision.nextAttemptAt) {
          const at = decision.nextAttemptAt;
          changes.after.push(() =>
            this.queue.enqueueMatch(request.id, attempt, `due-${at.getTime()}`, {
              delayMs: at.getTime() - this.clock.now().getTime(),
            }),
          );
        }
      } else {
        // A plain offer goes to the best k at once (parallel-offers.ts); a bridge opens an onward
        // request for one interim place, and the noodbed call answers with one place to drive to.
        const parallel =
          decision.kind === 'OFFER' && !isNoodbed
            ? parallelOfferCount({
                urgency: request.urgency,
                asked: request.parallelOffers,
                group: request.groupSize > 1 || request.groupId !== null,
                onward: request.bridgeRequestId !== null,
                settings: this.config.placement.parallelOffers,
              })
            : 1;
        // The police are told this place in the call's answer: a place to go until it is withdrawn.
        if (answering && isNoodbed) request.toldAttempt = request.attempt;
        holds = await this.offers.offer(manager, changes, request, decision, facilities, now, undefined, false, parallel);
        // A bridge (a noodbed, or an interim VO/MO) opens the onward request; it holds nothing
        // until she is in the interim place (decidePlacement's interimArrived).
        if (decision.kind === 'BRIDGE')
          followUp = await this.followUps.openFollowUp(manager, changes, request, decision.onwardTypes);
      }
      // Past her deadline and still without a place to go (she waits, or a place freed while she was
      // on a worklist is only offered): escalated now, not at the next sweep. One who lost her place
      // to go was escalated already, when it was withdrawn (lifecycle.ts `withdrawOffer`).
      await escalateIfDue(this.repository, manager, changes, request, now, this.config.placement.escalateAfterMinutes);
      return { request, followUp, holds };
    });
    if (!result) return null;
    // The held facilities as the holds left them (the matcher read them before).
    for (const moved of changes.capacity) {
      const facility = facilities.get(moved.facilityId);
      if (facility && moved.counts)
        facilities.set(moved.facilityId, { ...facility, capacity: { ...facility.capacity, ...moved.counts } });
    }
    return { ...result, facilities, recorded: changes.recorded };
  }
}
