import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { DeclineReason, ShelterType, Urgency } from '@opvangplek/domain';
import { VictimProfileInput } from '@opvangplek/matching';

@InputType('GroupMemberInput', { description: 'One person of a group found together (003:484): never a name.' })
export class GroupMemberInput {
  @Field(() => String, {
    nullable: true,
    description: 'A short pseudonymous code you use for her, with a digit in it ("M3", "persoon 2"); never a name.',
  })
  label?: string | null;

  @Field(() => VictimProfileInput)
  profile: VictimProfileInput;
}

@InputType('PlacementRequestInput')
export class PlacementRequestInput {
  @Field(() => VictimProfileInput)
  profile: VictimProfileInput;

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => ID, { description: 'The region the request is for; a zorgcoördinator may use only their own regions.' })
  regionCode: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Victims placed together (a raid); default 1. Split over the fewest facilities when needed.',
  })
  groupSize?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Your own reference. Submitting again with the same reference returns the same request (safe to retry).',
  })
  clientReference?: string | null;

  @Field(() => [ShelterType], { nullable: true, description: 'Only these kinds; any suitable kind when omitted.' })
  types?: ShelterType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Offer to several of the best suitable facilities at once; the first to accept takes her, the others are released. Default: ACUTE yes (PARALLEL_OFFERS_ACUTE), URGENT no; true asks for it on an URGENT request, false asks for one facility at a time. Not for PLANNED requests or groups.',
  })
  parallelOffers?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Criminal exploitation: the screeningsoverleg has decided the route with the OM (003:490). Without it such a request waits (AWAITING_ROUTE_DECISION).',
  })
  routeDecided?: boolean | null;

  @Field(() => [GroupMemberInput], {
    nullable: true,
    description:
      'A group as its members, each with a profile (a mixed group of men, women and a minor is one request). The request is matched in parts: each minor alone for youth care, the adults by gender and status; `groupId` ties the parts together, and `profile` describes the group as a whole.',
  })
  members?: GroupMemberInput[] | null;
}

@InputType('NoodbedRequestInput')
export class NoodbedRequestInput {
  @Field(() => VictimProfileInput)
  profile: VictimProfileInput;

  @Field(() => ID, { description: 'Where the person was found.' })
  regionCode: string;

  @Field(() => Int, { nullable: true })
  groupSize?: number | null;

  @Field(() => String, { nullable: true, description: 'Your own reference; a retry returns the same request.' })
  clientReference?: string | null;
}

@InputType('OfferResponseInput')
export class OfferResponseInput {
  @Field(() => ID)
  requestId: string;

  @Field()
  accept: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Required when declining: why (e.g. "contra-indication: active addiction").',
  })
  declineReason?: string | null;

  @Field(() => DeclineReason, {
    nullable: true,
    description:
      "When declining: the reason as a code, counted in the shelters' response figures (issue 18); without it the decline counts as NOT_CODED.",
  })
  declineReasonCode?: DeclineReason | null;
}

/** The order of a list of requests, by when they were submitted (a page cursor belongs to the order it came from). */
export enum RequestOrder {
  OLDEST_FIRST = 'OLDEST_FIRST',
  NEWEST_FIRST = 'NEWEST_FIRST',
}
registerEnumType(RequestOrder, {
  name: 'RequestOrder',
  description: 'By when a request was submitted; a page cursor belongs to the order it came from.',
});

@InputType('PlacementRequestFilter')
export class PlacementRequestFilterInput {
  @Field(() => [String], { nullable: true, description: 'PlacementStatus values.' })
  status?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only requests waiting for this placing authority (a worklist, e.g. COMENSHA).',
  })
  authority?: string | null;

  @Field(() => [ID], { nullable: true })
  regionCodes?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  escalated?: boolean | null;

  @Field(() => [ShelterType], {
    nullable: true,
    description: 'Only requests on a worklist for these kinds (e.g. COSM, not OMM).',
  })
  kinds?: ShelterType[] | null;

  @Field(() => [Urgency], { nullable: true, description: 'Only requests of these urgencies.' })
  urgency?: Urgency[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only the requests you submitted yourself (your token subject), among those you may see; false or absent: all you may see.',
  })
  mine?: boolean | null;

  @Field(() => RequestOrder, { nullable: true, description: 'Default OLDEST_FIRST.' })
  order?: RequestOrder | null;
}
