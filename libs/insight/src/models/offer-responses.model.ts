import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeclineReason, ShelterType } from '@opvangplek/domain';
import { DurationSummaryModel } from './unmet-demand.model';

const SUPPRESSED =
  'True when the count is suppressed (from 1 to suppressionThreshold − 1, or a count that would give one away by subtraction).';

@ObjectType('DeclineReasonCount')
export class DeclineReasonCountModel {
  @Field(() => DeclineReason)
  reason: DeclineReason;

  @Field(() => Int, { nullable: true, description: 'Offers declined for this reason; null when suppressed.' })
  offers: number | null;

  @Field({ description: SUPPRESSED })
  suppressed: boolean;
}

@ObjectType('OfferResponseFigures', {
  description:
    'How offers to facilities were answered: every offer made in the period and closed (an open offer is not counted yet).',
})
export class OfferResponseFiguresModel {
  @Field({ description: 'True when the whole line is hidden: fewer offers than the suppression threshold.' })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Offers made; null when suppressed.' })
  offers: number | null;

  @Field(() => Int, { nullable: true })
  accepted: number | null;

  @Field(() => Int, { nullable: true })
  declined: number | null;

  @Field(() => Int, { nullable: true, description: 'Not answered before the hold ran out.' })
  lapsed: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Closed before the facility answered, not by the clock (the requester cancelled, another share of a group was declined): not held against the facility.',
  })
  withdrawn: number | null;

  @Field(() => [DeclineReasonCountModel], { description: 'The declines per reason code (NOT_CODED: declined without one).' })
  byReason: DeclineReasonCountModel[];

  @Field(() => DurationSummaryModel, {
    description: 'Minutes from offer to answer, over the accepted and declined offers (a lapse is counted, not timed).',
  })
  minutesToRespond: DurationSummaryModel;
}

@ObjectType('FacilityOfferResponses', { description: "One facility's response figures." })
export class FacilityOfferResponsesModel {
  @Field(() => ID)
  facilityId: string;

  @Field()
  facilityName: string;

  @Field(() => ShelterType)
  type: ShelterType;

  @Field(() => ID)
  regionCode: string;

  @Field(() => OfferResponseFiguresModel)
  figures: OfferResponseFiguresModel;
}

@ObjectType('RegionOfferResponses', {
  description: "A region and kind's response figures, over its public-address facilities (secret ones are in secretFacilities).",
})
export class RegionOfferResponsesModel {
  @Field(() => ID)
  regionCode: string;

  @Field(() => ShelterType)
  type: ShelterType;

  @Field(() => OfferResponseFiguresModel)
  figures: OfferResponseFiguresModel;
}

@ObjectType('SecretFacilityOfferResponses', {
  description:
    'The response figures of all secret-address facilities of one kind in the country, together, whatever regions were asked (a line per region could be differenced down to one facility); suppressed whole when fewer than three facilities stand behind it. Never one by name.',
})
export class SecretFacilityOfferResponsesModel {
  @Field(() => ShelterType)
  type: ShelterType;

  @Field(() => OfferResponseFiguresModel)
  figures: OfferResponseFiguresModel;
}

@ObjectType('OfferResponses', {
  description:
    "Shelters' response figures over whole Amsterdam days (issue 18): per region and kind, per public-address facility, and per kind for the secret-address facilities together. Every count of offers from 1 to suppressionThreshold − 1 is suppressed, with whatever would give it away by subtraction.",
})
export class OfferResponsesModel {
  @Field({ description: 'Start of the first whole Amsterdam day counted.' })
  from: Date;

  @Field({ description: 'End of the last whole Amsterdam day counted.' })
  to: Date;

  @Field(() => Int)
  suppressionThreshold: number;

  @Field(() => [RegionOfferResponsesModel])
  regions: RegionOfferResponsesModel[];

  @Field(() => [FacilityOfferResponsesModel], { description: 'Public-address facilities that were offered anything.' })
  facilities: FacilityOfferResponsesModel[];

  @Field(() => [SecretFacilityOfferResponsesModel])
  secretFacilities: SecretFacilityOfferResponsesModel[];
}

@ObjectType('MyOfferResponses', {
  description: 'Your own facility\'s response figures, exact (its staff saw every offer): "uw reactietijd".',
})
export class MyOfferResponsesModel {
  @Field()
  from: Date;

  @Field()
  to: Date;

  @Field(() => [FacilityOfferResponsesModel])
  facilities: FacilityOfferResponsesModel[];
}
