import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { MatchResultModel } from '@opvangplek/matching';
import { StayOutcome, TransferReason } from '@opvangplek/domain';
import { CaseNotificationModel, CaseNotifications } from '@opvangplek/notifications';
import { CurrentViewer, type Viewer } from '@opvangplek/access';
import { EVENT_BUS, EventChannel, eventIterator, type EventBus, InvalidInputError } from '@opvangplek/platform';
import {
  NoodbedRequestInput,
  OfferResponseInput,
  PlacementRequestFilterInput,
  PlacementRequestInput,
} from './dto/placement-request.input';
import {
  PlacementRequestConnectionModel,
  PlacementRequestModel,
  ProfileSummaryModel,
  VictimProfileModel,
} from './models/placement-request.model';
import { PlacementRequestsService } from './placement-requests.service';
import { PlaceExpectations } from './place-expectation';
import { PlaceExpectationModel } from './models/place-expectation.model';
import { VictimProfileChangeInput } from './dto/victim-profile-change.input';
import { isPlacementRequestUpdatedEvent } from './placement.events';
import { assertRequestId } from './placement-request.validation';

@Resolver(() => PlacementRequestModel)
export class PlacementResolver {
  constructor(
    private readonly requests: PlacementRequestsService,
    private readonly caseNotifications: CaseNotifications,
    private readonly expectations: PlaceExpectations,
    @Inject(EVENT_BUS) private readonly events: EventBus,
  ) {}

  @Query(() => PlacementRequestModel, { nullable: true, description: 'One request, or null when there is none you may see.' })
  placementRequest(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PlacementRequestModel | null> {
    return this.requests.get(viewer, id);
  }

  @Query(() => PlacementRequestConnectionModel, {
    description: "Requests you may see, oldest first; e.g. CoMensha's worklist: { status: [WAITING], authority: COMENSHA }.",
  })
  placementRequests(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { type: () => PlacementRequestFilterInput, nullable: true }) filter?: PlacementRequestFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<PlacementRequestConnectionModel> {
    return this.requests.list(viewer, filter ?? {}, first ?? 50, after);
  }

  @Mutation(() => PlacementRequestModel, {
    description: 'Submits a request; answers at once with status RECEIVED. Follow it with placementRequestUpdated.',
  })
  requestPlacement(@CurrentViewer() viewer: Viewer, @Args('input') input: PlacementRequestInput): Promise<PlacementRequestModel> {
    return this.requests.submit(viewer, input);
  }

  @Mutation(() => PlacementRequestModel, {
    description:
      "Police, at any hour: holds one place to drive to now, in this call: a free VO/MO place open now serving the region where she was found, else that region's noodbed, else such a place elsewhere, else a noodbed elsewhere; and opens the onward request when the place held is a noodbed or an interim one.",
  })
  requestNoodbed(@CurrentViewer() viewer: Viewer, @Args('input') input: NoodbedRequestInput): Promise<PlacementRequestModel> {
    return this.requests.requestNoodbed(viewer, input);
  }

  @Mutation(() => PlacementRequestModel, {
    description: 'Shelter staff accept or decline (with a reason) an offer to their facility.',
  })
  respondToOffer(@CurrentViewer() viewer: Viewer, @Args('input') input: OfferResponseInput): Promise<PlacementRequestModel> {
    return this.requests.respondToOffer(viewer, input);
  }

  @Query(() => MatchResultModel, {
    description:
      'For a placing authority deciding a request on its worklist: the places it may choose from, best first, with who decides each (the profile itself is not shown).',
  })
  placementCandidates(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<MatchResultModel> {
    return this.requests.candidates(viewer, requestId, first ?? null);
  }

  @Mutation(() => PlacementRequestModel, {
    description:
      'The placing authority decides (domain.md §5a): hold this place for a request on its worklist. Eligibility and capacity are checked; a reason is required when it is not the best ranked place.',
  })
  assignPlacement(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('facilityId', { type: () => ID }) facilityId: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<PlacementRequestModel> {
    return this.requests.assignPlacement(viewer, requestId, facilityId, reason ?? null);
  }

  @Mutation(() => PlacementRequestModel, {
    description:
      'The placing authority hands a request on its worklist back: it is matched again without the kinds that authority decides.',
  })
  returnRequest(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason') reason: string,
  ): Promise<PlacementRequestModel> {
    return this.requests.returnRequest(viewer, requestId, reason);
  }

  @Mutation(() => PlacementRequestModel, {
    description:
      "Criminal exploitation: records the route the screeningsoverleg decided with the OM (003:490) for a request waiting for it (AWAITING_ROUTE_DECISION). shelter: true — a safe shelter place: she is matched now; false — a route without one: the request is cancelled, saying so. The region's coordinators, the requesting organisation and CoMensha.",
  })
  recordRouteDecision(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('shelter', { type: () => Boolean, description: 'Whether the decided route includes a safe shelter place.' })
    shelter: boolean,
    @Args('reason', { description: 'What was decided, and by whom (sealed in the history).' }) reason: string,
  ): Promise<PlacementRequestModel> {
    return this.requests.recordRouteDecision(viewer, requestId, shelter, reason);
  }

  @Mutation(() => PlacementRequestModel, {
    description:
      "Moves a person from the place she is in (a PLACED request) to another: a new request linked to her stay (transferOf/transfer), matched like any other; she keeps her place until she arrives at the new one. SAFETY needs another regionCode, which is excluded from matching (004:7085-7089); OTHER needs a note. Answers with the transfer, or with her stay when the transfer's region is not yours to see. The region's coordinators, the requesting organisation and CoMensha; one open transfer at a time.",
  })
  requestTransfer(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason', { type: () => TransferReason }) reason: TransferReason,
    @Args('regionCode', { type: () => ID, nullable: true, description: 'The receiving region; the same region when omitted.' })
    regionCode?: string | null,
    @Args('note', { type: () => String, nullable: true, description: 'Why (sealed in the history); required with OTHER.' })
    note?: string | null,
  ): Promise<PlacementRequestModel> {
    return this.requests.requestTransfer(viewer, requestId, reason, regionCode ?? null, note ?? null);
  }

  @Mutation(() => PlacementRequestModel, {
    description:
      "Records a change of her profile over time (aangifte made, B8 status, care needs found, threat raised, regions to avoid): only the fields given change. A new profileVersion; what changed is sealed and audited, the history names the fields (PROFILE_CHANGED). In the same transaction a waiting request is matched again, an offer that no longer fits is withdrawn, and a place she is in that no longer fits opens a transfer (PROFILE_CHANGED; she keeps her place until she arrives). The region's coordinators, the requesting organisation and CoMensha.",
  })
  updateVictimProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('changes', { type: () => VictimProfileChangeInput }) changes: VictimProfileChangeInput,
    @Args('reason', { description: 'Why (sealed with the change).' }) reason: string,
  ): Promise<PlacementRequestModel> {
    return this.requests.updateVictimProfile(viewer, requestId, changes, reason);
  }

  @Mutation(() => PlacementRequestModel, { description: 'Shelter staff: the person has arrived.' })
  confirmArrival(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
  ): Promise<PlacementRequestModel> {
    return this.requests.confirmArrival(viewer, requestId);
  }

  @Mutation(() => PlacementRequestModel, {
    description: 'The stay ended: the place is freed and waiting requests are tried again.',
  })
  endPlacement(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason') reason: string,
    @Args('places', {
      type: () => Int,
      nullable: true,
      description: "How many of your facility's share leave (members of a group leave one by one); all when omitted.",
    })
    places?: number | null,
    @Args('outcome', {
      type: () => StayOutcome,
      nullable: true,
      description: 'How it ended (where she went), counted in placementStatistics.byOutcome; the reason says more.',
    })
    outcome?: StayOutcome | null,
  ): Promise<PlacementRequestModel> {
    return this.requests.endPlacement(viewer, requestId, reason, places ?? null, outcome ?? null);
  }

  @Mutation(() => PlacementRequestModel, { description: 'The requester withdraws the request; any held place is released.' })
  cancelPlacementRequest(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason') reason: string,
  ): Promise<PlacementRequestModel> {
    return this.requests.cancel(viewer, requestId, reason);
  }

  @ResolveField('groupParts', () => [PlacementRequestModel], {
    description:
      'The other parts of a group request (its members matched apart: each minor alone, the adults by gender and status).',
  })
  groupParts(@CurrentViewer() viewer: Viewer, @Parent() request: PlacementRequestModel): Promise<PlacementRequestModel[]> | [] {
    return request.summarySource ? this.requests.groupParts(viewer, request.summarySource.request) : [];
  }

  @ResolveField('waitingForAuthorityOpensAt', () => Date, {
    nullable: true,
    description:
      'WAITING for an authority that is closed now (CoMensha outside office hours): when it opens; null when it is open or none is awaited.',
  })
  waitingForAuthorityOpensAt(@Parent() request: PlacementRequestModel): Date | null {
    return this.requests.authorityOpensAt(request);
  }

  @ResolveField('expectedPlace', () => PlaceExpectationModel, {
    nullable: true,
    description:
      'While WAITING for room (NO_CAPACITY, GROUP_TOO_LARGE): how many suitable facilities are expected to have room for the whole request within 24 h and 72 h, in all and in its region (counts only, issue 18); null otherwise and after retention.',
  })
  expectedPlace(@Parent() request: PlacementRequestModel): Promise<PlaceExpectationModel | null> | null {
    return request.summarySource ? this.expectations.of(request.summarySource.request) : null;
  }

  @ResolveField('notifications', () => [CaseNotificationModel], {
    description:
      'Who was told of this case through a webhook (escalation contacts, organisations whose decision it waits for): when, whether it arrived, whether they acknowledged it. Offers to shelters are not listed.',
  })
  notifications(@Parent() request: PlacementRequestModel): Promise<CaseNotificationModel[]> {
    return this.caseNotifications.of(request.id);
  }

  @ResolveField('profileSummary', () => ProfileSummaryModel, {
    nullable: true,
    description:
      "The minimal profile for the facility's staff, the requester, the region and CoMensha; null otherwise and after retention. Each read is audited.",
  })
  profileSummary(
    @CurrentViewer() viewer: Viewer,
    @Parent() request: PlacementRequestModel,
  ): Promise<ProfileSummaryModel | null> | null {
    const source = request.summarySource;
    return source ? this.requests.profileSummaryFor(viewer, source.request, source.facilityIds) : null;
  }

  @Mutation(() => VictimProfileModel, {
    description:
      'ADMIN break-glass: the full profile of a request, with a stated reason; audited. A mutation because it is an act, not a read.',
  })
  breakGlassProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason') reason: string,
  ): Promise<VictimProfileModel> {
    return this.requests.breakGlassProfile(viewer, requestId, reason);
  }

  @Subscription(() => PlacementRequestModel, {
    description:
      'Each change of a request you may see (or of the one with this id). With `after` (the `sequence` of the last update you saw), first each request that changed since, as it is now (its history holds the missed steps), then live changes.',
    resolve: (request: PlacementRequestModel) => request,
  })
  placementRequestUpdated(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, nullable: true }) id?: string | null,
    @Args('after', { type: () => ID, nullable: true }) after?: string | null,
  ): AsyncIterableIterator<PlacementRequestModel> {
    if (after != null && !/^\d{1,18}$/.test(after))
      throw new InvalidInputError(
        'after',
        'after must be the sequence of an update (a whole number), as placementRequestUpdated sent it',
      );
    if (id) assertRequestId(id, 'id');
    // The step each request was at when the catch-up sent it: a live event that arrived during the
    // catch-up, for a step the catch-up already showed, is not sent twice.
    const caughtUp = new Map<string, bigint>();
    const notCaughtUp = (request: PlacementRequestModel) => (caughtUp.get(request.id) ?? -1n) < BigInt(request.sequence);
    return eventIterator(
      this.events,
      EventChannel.PlacementRequestUpdated,
      async (payload) => {
        if (!isPlacementRequestUpdatedEvent(payload)) return undefined;
        if (id && payload.requestId !== id) return undefined;
        const request = await this.requests.get(viewer, payload.requestId);
        return request && notCaughtUp(request) ? request : undefined;
      },
      {
        initial:
          after == null
            ? undefined
            : async () => {
                const missed = await this.requests.changedSince(viewer, after, id ?? null);
                for (const request of missed) caughtUp.set(request.id, BigInt(request.sequence));
                return missed;
              },
      },
    );
  }
}
