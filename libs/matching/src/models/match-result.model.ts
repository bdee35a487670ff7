import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AdviceCode, AuthorityVerdict, ExclusionCode, Freshness, PlacingAuthority, ShelterType } from '@opvangplek/domain';
import { FacilityModel } from '@opvangplek/registry/models/facility.model';

registerEnumType(ExclusionCode, { name: 'ExclusionCode', description: 'Why a facility cannot take this person.' });
registerEnumType(AdviceCode, { name: 'AdviceCode', description: 'Advice beside, or instead of, a bed.' });
registerEnumType(AuthorityVerdict, {
  name: 'AuthorityVerdict',
  description:
    'What the asker may do with a place (domain.md §5a): OFFER (yours to place, automatically or as its deciding authority), WORKLIST (decidedBy decides), NEVER (not for you).',
});

@ObjectType('GroupShare', { description: "One facility's share of a group split over several places." })
export class GroupShareModel {
  @Field(() => FacilityModel)
  facility: FacilityModel;

  @Field(() => Int)
  places: number;
}

@ObjectType('FacilityMatch')
export class FacilityMatchModel {
  @Field(() => FacilityModel)
  facility: FacilityModel;

  @Field(() => Float, { description: 'Higher is better; the formula is documented in libs/domain/src/matching/score.ts.' })
  score: number;

  @Field({ description: 'The placing authority and the intake are both open now, and a place is free.' })
  placeableNow: boolean;

  @Field({ description: 'The first moment the placement can be made (now when placeable now).' })
  placeableAt: Date;

  @Field(() => [String], { description: 'Why this place, and what to check (e.g. "call to verify").' })
  reasons: string[];

  @Field(() => Freshness)
  freshness: Freshness;

  @Field(() => Int, { nullable: true, description: 'Distance used for ranking, in km.' })
  distanceKm: number | null;

  @Field(() => PlacingAuthority, { description: 'Who decides a placement here (domain.md §2, §5a).' })
  decidedBy: PlacingAuthority;

  @Field(() => AuthorityVerdict, { description: 'Whether you may place here yourself, or the decidedBy authority decides.' })
  decision: AuthorityVerdict;

  @Field(() => [ShelterType], {
    description: 'Non-empty when this place suits her only as an interim place: the kinds she moves on to (000:2136-2139).',
  })
  interimFor: ShelterType[];
}

@ObjectType('ExclusionReason')
export class ExclusionReasonModel {
  @Field(() => ExclusionCode)
  code: ExclusionCode;

  @Field()
  message: string;
}

@ObjectType('FacilityExclusion')
export class FacilityExclusionModel {
  @Field(() => FacilityModel)
  facility: FacilityModel;

  @Field(() => [ExclusionReasonModel])
  reasons: ExclusionReasonModel[];
}

@ObjectType('Advice')
export class AdviceModel {
  @Field(() => AdviceCode)
  code: AdviceCode;

  @Field()
  message: string;

  @Field(() => ID, { nullable: true, description: 'BRIDGE_THEN_TRANSFER: the interim place open now.' })
  bridgeFacilityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'BRIDGE_THEN_TRANSFER: the place to move on to.' })
  onwardFacilityId?: string | null;

  @Field(() => Date, { nullable: true, description: 'BRIDGE_THEN_TRANSFER: when the onward placement can be made.' })
  onwardPlaceableAt?: Date | null;
}

@ObjectType('ExclusionCount')
export class ExclusionCountModel {
  @Field(() => ExclusionCode)
  code: ExclusionCode;

  @Field(() => Int, { description: 'Facilities excluded for (at least) this reason.' })
  facilities: number;
}

@ObjectType('MatchResult')
export class MatchResultModel {
  @Field(() => [FacilityMatchModel], { description: 'Best first.' })
  matches: FacilityMatchModel[];

  @Field(() => [FacilityExclusionModel], { description: 'Every facility left out, with its reasons.' })
  excluded: FacilityExclusionModel[];

  @Field(() => [AdviceModel])
  advice: AdviceModel[];

  @Field(() => Int, { description: 'All matches, also when `first` returned fewer.' })
  matchCount: number;

  @Field(() => Int, { description: 'All excluded facilities, also when `excludedFirst` returned fewer.' })
  excludedCount: number;

  @Field(() => [ExclusionCountModel], { description: 'How many facilities each reason excluded.' })
  exclusionSummary: ExclusionCountModel[];

  @Field({ description: 'The moment the question was evaluated at.' })
  evaluatedAt: Date;

  @Field(() => [GroupShareModel], {
    description:
      'For a group no single place can take now: how it would be split over the fewest places you may place in (003:484). Empty otherwise.',
  })
  groupSplit: GroupShareModel[];
}
