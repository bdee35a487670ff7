import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AangifteStatus,
  B8Status,
  CareNeed,
  ExploitationType,
  Gender,
  PlacementNoteCode,
  PlacementStatus,
  PlacingAuthority,
  ResidenceStatus,
  ShelterType,
  TransferReason,
  ThreatLevel,
  Urgency,
  WaitingReason,
} from '@opvangplek/domain';
import { FacilityModel } from '@opvangplek/registry';
import { HoldState } from '../placement-hold.entity';
import { PlacementNoteParamsModel } from './placement-note.model';
import type { PlacementRequestEntity } from '../placement-request.entity';

registerEnumType(HoldState, { name: 'HoldState' });

@ObjectType('PlacementEvent', { description: 'One step in the history of a request.' })
export class PlacementEventModel {
  @Field(() => ID, {
    description: 'Where this step stands among all steps of all requests: later steps have larger numbers (compare as integers).',
  })
  sequence: string;

  @Field(() => PlacementStatus)
  status: PlacementStatus;

  @Field()
  at: Date;

  @Field({ description: 'Who: a token subject, or system:<job>.' })
  by: string;

  @Field(() => String, {
    nullable: true,
    description: 'In English (noteCode said as a sentence, or as written before notes had codes).',
  })
  note: string | null;

  @Field(() => PlacementNoteCode, {
    nullable: true,
    description: 'What the note says, as a code (null for a step without a note, and for notes written before codes).',
  })
  noteCode: PlacementNoteCode | null;

  @Field(() => PlacementNoteParamsModel, { nullable: true, description: "The note's values (with noteCode)." })
  noteParams: PlacementNoteParamsModel | null;
}

@ObjectType('GroupMemberSummary', { description: 'One person of a group, as little as the staff and requester need.' })
export class GroupMemberSummaryModel {
  @Field(() => String, { nullable: true })
  label: string | null;

  @Field(() => Gender)
  gender: Gender;

  @Field({ description: 'MINOR, 18-22, 23-29, 30-39, 40+ or UNKNOWN.' })
  ageBand: string;
}

@ObjectType('PlacementAllocation', { description: 'Places a request holds or occupies at one facility (a group may be split).' })
export class PlacementAllocationModel {
  @Field(() => FacilityModel)
  facility: FacilityModel;

  @Field(() => Int, {
    nullable: true,
    description:
      "Whole km from the centre of the request's region to the facility, as the matcher measures it; to its region's centre for a secret address the caller may not locate.",
  })
  distanceKm: number | null;

  @Field(() => Int)
  places: number;

  @Field(() => HoldState)
  state: HoldState;

  @Field({ description: "This facility's staff have accepted its share (each facility of a group accepts its own)." })
  accepted: boolean;
}

@ObjectType('ParallelOffer', {
  description:
    'An offer made to several shelters at once (ACUTE, or URGENT on request): the first to accept takes her, the others are released.',
})
export class ParallelOfferModel {
  @Field(() => Int, {
    description:
      'How many other shelters the offer also went to (for shelter staff: besides their own; for others: besides `facility`). Never which: each shelter sees only its own.',
  })
  alsoOfferedTo: number;

  @Field(() => Date, {
    nullable: true,
    description: 'For shelter staff whose place was released because another shelter accepted first: when. Null otherwise.',
  })
  takenElsewhereAt: Date | null;
}

@ObjectType('PlacementRequest')
export class PlacementRequestModel {
  @Field(() => ID)
  id: string;

  @Field(() => PlacementStatus)
  status: PlacementStatus;

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => ID)
  regionCode: string;

  @Field(() => [ShelterType], { description: 'Only these kinds; empty = any.' })
  types: ShelterType[];

  @Field(() => FacilityModel, { nullable: true, description: 'Where the place is offered or taken.' })
  facility: FacilityModel | null;

  @Field(() => [PlacementAllocationModel])
  allocations: PlacementAllocationModel[];

  @Field(() => Date, { nullable: true })
  offerExpiresAt: Date | null;

  @Field(() => ParallelOfferModel, {
    nullable: true,
    description: 'Set when the latest offer went to several shelters at once (parallel offers); null for an offer to one.',
  })
  parallelOffer: ParallelOfferModel | null;

  @Field(() => Date, { nullable: true })
  placedAt: Date | null;

  @Field(() => Date, { nullable: true })
  stayEndsAt: Date | null;

  @Field({ description: 'The stay passed its end.' })
  overstay: boolean;

  @Field(() => WaitingReason, { nullable: true })
  waitingReason: WaitingReason | null;

  @Field(() => PlacingAuthority, {
    nullable: true,
    description:
      'On this authority’s worklist (AWAITING_AUTHORITY), or waiting for it to open: who decides next (domain.md §5a).',
  })
  waitingForAuthority: PlacingAuthority | null;

  @Field(() => String, { nullable: true, description: 'The organisation that decides, when one is named (e.g. nidos).' })
  waitingForOrganisation: string | null;

  @Field(() => ShelterType, { nullable: true, description: 'On a worklist: the kind the authority is asked to place in.' })
  waitingForKind: ShelterType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where she is registered, else where she was found (002:726-729): the municipality responsible.',
  })
  responsibleMunicipality: string | null;

  @Field({ description: 'Criminal exploitation: the screeningsoverleg’s route decision with the OM is recorded (003:490).' })
  routeDecided: boolean;

  @Field(() => Date, { nullable: true })
  nextAttemptAt: Date | null;

  @Field()
  escalated: boolean;

  @Field(() => PlacementRequestModel, {
    nullable: true,
    description: 'On an onward request: the interim (noodbed) stay it follows.',
  })
  bridge: PlacementRequestModel | null;

  @Field(() => PlacementRequestModel, { nullable: true, description: 'On an interim stay: the onward request.' })
  followUp: PlacementRequestModel | null;

  @Field(() => Int, { description: 'Her profile version: 1 as submitted, one more for each change (updateVictimProfile).' })
  profileVersion: number;

  @Field(() => TransferReason, {
    nullable: true,
    description: 'Set on a transfer (requestTransfer): why she moves from the stay `transferOf`.',
  })
  transferReason: TransferReason | null;

  @Field(() => PlacementRequestModel, {
    nullable: true,
    description: 'On a transfer: the stay she moves from. Null when there is none or you may not see it.',
  })
  transferOf: PlacementRequestModel | null;

  @Field(() => PlacementRequestModel, {
    nullable: true,
    description:
      'On a stay: the latest transfer from it (open, arrived or cancelled). Null when there is none or you may not see it.',
  })
  transfer: PlacementRequestModel | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Set for a group (groupSize > 1, or given with members): the same for every part of it.',
  })
  groupId: string | null;

  @Field(() => Int)
  groupSize: number;

  @Field(() => String, { nullable: true })
  clientReference: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'On the answer to requestPlacement and requestNoodbed: true when this call was treated as a retry of an ' +
      'earlier one and returns that request instead of making a new one (the same clientReference; or, without a ' +
      'clientReference, the same caller sending the same person within IMPLICIT_RETRY_SECONDS: her profile as the ' +
      'service reads it, whatever the spelling of a municipality or region, the region and the group). Two people with ' +
      'identical details are told apart by a distinct clientReference each, or sent as one group. On the answer ' +
      'to respondToOffer and cancelPlacementRequest: true when the same answer or cancellation had already gone ' +
      'through (a client repeating a call whose answer was lost: an acceptance by a facility that accepted, a ' +
      'decline by a facility that declined, a cancellation by whoever cancelled); nothing changed, and the request ' +
      'is shown as it is now, as far as the caller may see it (after a decline, as that decline left it). False on ' +
      'those answers otherwise; null on reads.',
  })
  treatedAsRetry?: boolean | null;

  @Field()
  createdAt: Date;

  @Field(() => [PlacementEventModel])
  history: PlacementEventModel[];

  @Field(() => ID, {
    description:
      "The sequence of the request's latest step. A placementRequestUpdated subscriber that reconnects passes the last one it saw as `after`, and first receives what changed since.",
  })
  sequence: string;

  /** Resolved only when asked for (PlacementResolver.profileSummary), so only real reads are audited. */
  profileSummary?: ProfileSummaryModel | null;

  /** Not a GraphQL field: what the profileSummary resolver decides from. */
  summarySource?: { request: PlacementRequestEntity; facilityIds: string[] };
}

@ObjectType('PlacementRequestEdge')
export class PlacementRequestEdgeModel {
  @Field()
  cursor: string;

  @Field(() => PlacementRequestModel)
  node: PlacementRequestModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('PlacementRequestConnection')
export class PlacementRequestConnectionModel {
  @Field(() => [PlacementRequestEdgeModel])
  edges: PlacementRequestEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('ProfileSummary', {
  description:
    'What a shelter needs to know to take someone in: no exploitation details, no notes, no name (there is none). ' +
    "Shown to the facility's staff, the requesting organisation, the region's coordinators and CoMensha; every read is audited.",
})
export class ProfileSummaryModel {
  @Field(() => Gender)
  gender: Gender;

  @Field({ description: 'MINOR, 18-22, 23-29, 30-39, 40+ or UNKNOWN.' })
  ageBand: string;

  @Field(() => [String])
  languages: string[];

  @Field(() => [CareNeed])
  careNeeds: CareNeed[];

  @Field(() => Int)
  accompanyingChildren: number;

  @Field(() => Int)
  groupSize: number;

  @Field(() => [GroupMemberSummaryModel], {
    description: "A group's members in this part (empty when the group was given as a size only).",
  })
  members: GroupMemberSummaryModel[];
}

@ObjectType('VictimProfile', {
  description: 'The full pseudonymous profile: only through break-glass access, which is audited with its reason.',
})
export class VictimProfileModel {
  @Field(() => Gender)
  gender: Gender;

  @Field(() => Int, { nullable: true })
  age: number | null;

  @Field(() => Boolean, { nullable: true })
  minor: boolean | null;

  @Field(() => [ExploitationType])
  exploitationTypes: ExploitationType[];

  @Field(() => ResidenceStatus, { nullable: true })
  residenceStatus: ResidenceStatus | null;

  @Field(() => B8Status, { nullable: true })
  b8Status: B8Status | null;

  @Field(() => String, { nullable: true })
  bedenktijdStart: string | null;

  @Field(() => AangifteStatus, { nullable: true })
  aangifte: AangifteStatus | null;

  @Field(() => [CareNeed])
  careNeeds: CareNeed[];

  @Field(() => Int)
  accompanyingChildren: number;

  @Field(() => ThreatLevel, { nullable: true })
  threatLevel: ThreatLevel | null;

  @Field(() => [String])
  excludedRegionCodes: string[];

  @Field(() => String, { nullable: true })
  homeRegionCode: string | null;

  @Field(() => String, { nullable: true })
  foundInMunicipality: string | null;

  @Field(() => [String])
  languages: string[];
}
