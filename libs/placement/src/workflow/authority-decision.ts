import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import {
  AuthorityVerdict,
  DEFAULT_AUTHORITY_TABLE,
  ExclusionCode,
  findNextOpening,
  isOpen,
  mayAssignKind,
  mayDecide,
  NIDOS_ORGANISATION,
  PlacingAuthority,
  type ExploitationType,
  type PlacementKind,
  type RequesterCapacity,
  placementKindOf,
  placementNote,
  PlacementNoteCode,
  PlacementStatus,
  requesterCapacities,
  ShelterType,
  type VictimProfile,
  WaitingReason,
} from '@opvangplek/domain';
import { MatchingService, type MatchResultModel } from '@opvangplek/matching';
import { shownFacilityName } from '@opvangplek/registry';
import {
  CLOCK,
  type Clock,
  APP_CONFIG,
  type AppConfig,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '@opvangplek/platform';
import { ledgerActor } from '../placement-changes';
import { PlacementQueue } from '../placement-queue';
import type { PlacementRequestEntity } from '../placement-request.entity';
import { PlacementRepository } from '../placement.repository';
import { FollowUps } from './follow-up';
import { PlacementOffer, PlacesTakenMeanwhile } from './offer';

/**
 * The placing authority acts on a request on its worklist (domain.md §5a): it assigns a place
 * (eligibility and capacity checked, a reason required when it departs from the ranking), or hands
 * the request back. Who may do which is the domain's authority table, not a code path here.
 */
@Injectable()
export class AuthorityDecisions {
  constructor(
    private readonly repository: PlacementRepository,
    private readonly matching: MatchingService,
    private readonly offers: PlacementOffer,
    private readonly followUps: FollowUps,
    private readonly queue: PlacementQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assign(viewer: Viewer, requestId: string, facilityId: string, reason: string | null): Promise<PlacementRequestEntity> {
    const snapshot = await this.visible(viewer, requestId);
    const capacities = requesterCapacities(viewer, snapshot.regionCode);
    const profile = { ...(snapshot.profile as VictimProfile), groupSize: snapshot.groupSize };
    const now = this.clock.now();
    const match = await this.matching.match(profile, { at: now, requesterRegionCode: snapshot.regionCode });
    const chosen = match.result.matches.find((m) => m.facility.id === facilityId);
    const facility = chosen?.facility ?? match.facilities.get(facilityId);
    if (!facility)
      throw new InvalidInputError('facilityId', `facilityId ${facilityId.slice(0, 40)} is not a facility in the register`);
    this.assertMayAssign(capacities, facility, snapshot, now);
    this.assertAskedKind(facility, snapshot);
    await this.assertInInterimPlace(snapshot);
    if (!chosen) {
      const exclusion = match.result.excluded.find((e) => e.facility.id === facilityId)!;
      if (exclusion.reasons.every((r) => r.code === ExclusionCode.NO_CAPACITY))
        throw new ConflictError('That place has no free place for her now; choose another or wait.');
      throw new InvalidInputError(
        'facilityId',
        `facilityId: that place does not suit her: ${exclusion.reasons.map((r) => r.message).join('; ')}`,
      );
    }
    const best = match.result.matches.find(
      (m) => mayAssignKind(capacities, placementKindOf(m.facility)) && isAskedKind(m.facility, snapshot),
    );
    const why = reason?.trim() ?? '';
    if (best && best.facility.id !== facilityId && why.length === 0) {
      throw new InvalidInputError(
        'reason',
        `reason is required when you choose another place than the best ranked one you may assign (${shownFacilityName(match.facilities.get(best.facility.id)!, false)})`,
      );
    }
    const actor = ledgerActor(viewer);
    const assigned = { byOrg: viewer.org, byRole: viewer.role, ...(why ? { reason: why.slice(0, 400) } : {}) };
    try {
      return await this.repository.inTransaction(async (manager, changes) => {
        const request = await this.repository.lock(manager, requestId);
        if (!request || request.status !== PlacementStatus.WAITING || request.attempt !== snapshot.attempt)
          throw new ConflictError('This request changed meanwhile; read it again.');
        await this.repository.transition(manager, changes, request, PlacementStatus.MATCHING, actor, null);
        await this.offers.offer(
          manager,
          changes,
          request,
          { kind: 'OFFER', allocations: [{ facilityId, places: request.groupSize }], alternatives: [] },
          match.facilities,
          now,
          { actor, assigned },
        );
        return request;
      });
    } catch (error) {
      if (error instanceof PlacesTakenMeanwhile) throw new ConflictError('That place was just taken; choose another.');
      throw error;
    }
  }

  /**
   * The decider chooses among the kinds the request asked for (`types`; none: any) or the kind its
   * worklist waits for (a police noodbed call for a minor waits for youth care), and not among those
   * an authority handed back: a COSM request is not answered with another kind's place.
   */
  private assertAskedKind(facility: { type: ShelterType }, snapshot: PlacementRequestEntity): void {
    if (snapshot.returnedTypes.includes(facility.type)) {
      throw new InvalidInputError(
        'facilityId',
        `facilityId: ${facility.type} was handed back for this request; choose another kind of place.`,
      );
    }
    if (!isAskedKind(facility, snapshot)) {
      throw new InvalidInputError(
        'facilityId',
        `facilityId: this request asks for ${snapshot.types.join(', ')} only; a ${facility.type} place is not one of them.`,
      );
    }
  }

  /**
   * Whether this viewer may place her here now (domain.md §5a): the kind is theirs to decide, a
   * minor is decided by the youth care of her region or by Nidos, the request still waits, and the
   * authority is open (COSM "alleen tijdens kantoortijden", 000:2136-2137).
   */
  private assertMayAssign(
    capacities: readonly RequesterCapacity[],
    facility: { type: ShelterType; eligibility: { exploitationTypes: readonly ExploitationType[] } },
    snapshot: PlacementRequestEntity,
    now: Date,
  ): void {
    const facilityType = facility.type;
    const kind = placementKindOf(facility);
    if (!mayAssignKind(capacities, kind)) {
      throw new ForbiddenError(
        `A ${kind} place is placed by ${DEFAULT_AUTHORITY_TABLE[kind].decidedBy} (${DEFAULT_AUTHORITY_TABLE[kind].source}); you cannot assign it.`,
      );
    }
    if (
      facilityType === ShelterType.JEUGDZORG &&
      !mayDecide(capacities, PlacingAuthority.JEUGDBESCHERMING, snapshot.waitingForOrganisation)
    ) {
      throw new ForbiddenError(
        snapshot.waitingForOrganisation === NIDOS_ORGANISATION
          ? 'This is an unaccompanied foreign minor: Nidos decides her placement (003:689-695).'
          : 'Youth care in this region decides this minor’s placement; Nidos decides for unaccompanied foreign minors only (003:689-695).',
      );
    }
    if (snapshot.status !== PlacementStatus.WAITING) {
      throw new ConflictError(`This request is ${snapshot.status}; only a waiting request can be assigned a place.`);
    }
    const decidedBy = DEFAULT_AUTHORITY_TABLE[kind].decidedBy;
    const hours = this.config.authorityHours[decidedBy];
    if (!isOpen(hours, now)) {
      const opens = findNextOpening(hours, now);
      // CONFLICT: the request is right and the viewer may decide it, but not at this moment (the
      // contract's code for "the world is not in a state that allows this now"); the reason and
      // the opening let a client say so in its own words instead of "changed meanwhile".
      throw new ConflictError(
        `${decidedBy} places in ${facilityType} only in its hours (000:2136-2137)${opens ? `; it opens at ${opens.toISOString()}` : ''}.`,
        {
          reason: 'AUTHORITY_CLOSED',
          authority: decidedBy,
          kind: facilityType,
          ...(opens ? { opensAt: opens.toISOString() } : {}),
        },
      );
    }
  }

  /**
   * The places a decider may choose from for a request on the worklist: the matcher's answer for its
   * profile (never the profile itself), as this viewer may see it (`decision` says which they may
   * assign). For those who may decide for it only.
   */
  async candidates(viewer: Viewer, requestId: string, first: number | null): Promise<MatchResultModel> {
    const request = await this.visible(viewer, requestId);
    const capacities = requesterCapacities(viewer, request.regionCode);
    const authority = request.waitingForAuthority;
    const decides =
      (authority !== null && mayDecide(capacities, authority, request.waitingForOrganisation)) ||
      (Object.keys(DEFAULT_AUTHORITY_TABLE) as PlacementKind[]).some((kind) => mayAssignKind(capacities, kind));
    if (!decides) throw new ForbiddenError('Only a placing authority sees the candidate places of a request.');
    const answer = await this.matching.answer(
      viewer,
      { ...(request.profile as VictimProfile), groupSize: request.groupSize },
      {
        at: this.clock.now(),
        requesterRegionCode: request.regionCode,
        first,
        excludedFirst: 0,
        requestId,
      },
    );
    // A place of a kind the request did not ask for is shown (the decider sees the whole picture)
    // but is not one they may assign for it: `assign` would refuse it.
    answer.matches = answer.matches.map((match) =>
      isAskedKind(match.facility, request) ? match : { ...match, decision: AuthorityVerdict.NEVER },
    );
    return answer;
  }

  /** The authority hands the request back: matched again without the kinds it decides. */
  async returnRequest(viewer: Viewer, requestId: string, reason: string): Promise<PlacementRequestEntity> {
    const snapshot = await this.visible(viewer, requestId);
    const authority = snapshot.waitingForAuthority;
    if (
      snapshot.status !== PlacementStatus.WAITING ||
      snapshot.waitingReason !== WaitingReason.AWAITING_AUTHORITY ||
      !authority
    ) {
      throw new ConflictError('Only a request waiting on an authority’s worklist can be handed back.');
    }
    if (!mayDecide(requesterCapacities(viewer, snapshot.regionCode), authority, snapshot.waitingForOrganisation)) {
      throw new ForbiddenError(`This request waits for ${authority}; only they can hand it back.`);
    }
    // The kinds of shelter that authority decides (the ernstige-benadeling places are NLA_CRISIS ones).
    const kinds = Object.values(ShelterType).filter((kind) => DEFAULT_AUTHORITY_TABLE[kind].decidedBy === authority);
    return this.repository.inTransaction(async (manager, changes) => {
      const request = await this.repository.lock(manager, requestId);
      if (!request || request.status !== PlacementStatus.WAITING || request.attempt !== snapshot.attempt)
        throw new ConflictError('This request changed meanwhile; read it again.');
      request.returnedTypes = [...new Set([...request.returnedTypes, ...kinds])];
      request.attempt += 1;
      request.waitingReason = null;
      request.waitingForAuthority = null;
      request.waitingForOrganisation = null;
      request.waitingForKind = null;
      request.nextAttemptAt = null;
      await this.repository.transition(
        manager,
        changes,
        request,
        PlacementStatus.MATCHING,
        ledgerActor(viewer),
        placementNote(PlacementNoteCode.RETURNED, { byOrg: viewer.org, authority, reason }),
      );
      const attempt = request.attempt;
      changes.after.push(() => this.queue.enqueueMatch(request.id, attempt, 'returned', { urgency: request.urgency }));
      return request;
    });
  }

  private async visible(viewer: Viewer, requestId: string): Promise<PlacementRequestEntity> {
    const request = await this.repository.find(requestId);
    if (!request || !(await this.repository.isVisible(viewer, requestId))) {
      throw new NotFoundError(`There is no placement request ${requestId} that you can see.`);
    }
    if (!request.profile) throw new ConflictError('This request’s profile was erased after the retention period.');
    return request;
  }

  /** One person, one place: an onward place is assigned only once she is in her interim place. */
  private async assertInInterimPlace(request: PlacementRequestEntity): Promise<void> {
    if ((await this.followUps.mayHold(request)) === false) {
      throw new ConflictError(
        'She is not yet in her interim place: assign the onward place once her arrival there is confirmed (one person, one place).',
      );
    }
  }
}

/** Whether a place is of a kind the request asked for or waits for, and not one handed back. */
function isAskedKind(
  facility: { type: ShelterType },
  request: Pick<PlacementRequestEntity, 'types' | 'returnedTypes' | 'waitingForKind'>,
): boolean {
  if (request.returnedTypes.includes(facility.type)) return false;
  return request.types.length === 0 || request.types.includes(facility.type) || facility.type === request.waitingForKind;
}
