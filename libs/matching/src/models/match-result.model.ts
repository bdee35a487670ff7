import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AdviceCode,
  AuthorityVerdict,
  ExclusionCode,
  Freshness,
  Gender,
  MatchReasonCode,
  PlacingAuthority,
  ShelterType,
} from '@opvangplek/domain';
import { FacilityModel } from '@opvangplek/registry';

registerEnumType(ExclusionCode, { name: 'ExclusionCode', description: 'Why a facility cannot take this person.' });
registerEnumType(MatchReasonCode, {
  name: 'MatchReasonCode',
  description: 'Why a place suits, or what to check there; its values are in MatchReason.params.',
});
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

@ObjectType('MatchReasonParams', {
  description:
    'The values a match reason names; each code sets only its own (libs/domain/src/matching/match-reason.ts). Never a secret facility’s count.',
})
export class MatchReasonParamsModel {
  @Field(() => ShelterType, { nullable: true, description: 'SPECIALISED_KIND: the kind made for this profile.' })
  kind?: ShelterType;

  @Field(() => [ShelterType], { nullable: true, description: 'INTERIM_ONLY: the kinds she moves on to.' })
  kinds?: ShelterType[];

  @Field(() => Date, {
    nullable: true,
    description:
      'PLACEABLE_FROM: the first common opening; CAPACITY_AGING, CAPACITY_STALE: when the capacity was last confirmed.',
  })
  at?: Date;

  @Field(() => PlacingAuthority, { nullable: true, description: 'PLACEABLE_FROM, HOURS_NEVER_MEET: whose hours.' })
  authority?: PlacingAuthority;

  @Field(() => Int, { nullable: true, description: 'HOURS_NEVER_MEET: the days searched; MAX_STAY: the longest stay.' })
  days?: number;

  @Field(() => Int, { nullable: true, description: 'FREE_PLACES: the free places (only when you may see the count).' })
  places?: number;

  @Field(() => Int, { nullable: true, description: 'GROUP_CHECKED_WHEN_PLACING: the size of the group.' })
  groupSize?: number;

  @Field(() => Int, { nullable: true, description: 'KM_FROM_DANGER, KM_FROM_REQUESTER: the distance in km.' })
  km?: number;

  @Field(() => [Gender], { nullable: true, description: 'GENDER_X_NOT_LISTED: the genders the facility lists.' })
  genders?: Gender[];

  @Field(() => String, { nullable: true, description: 'BEDENKTIJD_ENDED: the day it ended (YYYY-MM-DD).' })
  date?: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'ANSWERS_QUICKLY: the median minutes from offer to answer (not for a secret facility whose counts you may not see).',
  })
  minutes?: number;
}

@ObjectType('MatchReason', { description: 'One reason a place suits, as a code with its values (reasons says it in English).' })
export class MatchReasonModel {
  @Field(() => MatchReasonCode)
  code: MatchReasonCode;

  @Field(() => MatchReasonParamsModel)
  params: MatchReasonParamsModel;
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

  @Field(() => [String], {
    description: 'Why this place, and what to check (e.g. "call to verify"), in English: reasonCodes said as sentences.',
  })
  reasons: string[];

  @Field(() => [MatchReasonModel], { description: 'The same reasons, in the same order, as codes with their values.' })
  reasonCodes: MatchReasonModel[];

  @Field(() => Freshness)
  freshness: Freshness;

  @Field(() => Int, { nullable: true, description: 'Distance used for ranking, in km.' })
  distanceKm: number | null;

  @Field(() => PlacingAuthority, { description: 'Who decides a placement here (domain.md §2, §5a).' })
  decidedBy: PlacingAuthority;

  @Field({
    description:
      'Whether decidedBy decides now: an authority with hours (CoMensha, 000:2136-2137) assigns a place only while open; assignPlacement is refused with reason AUTHORITY_CLOSED otherwise.',
  })
  decidedByOpenNow: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      'When decidedBy is closed: its next opening (null while it is open, or when it does not open within the search horizon).',
  })
  decidedByOpensAt: Date | null;

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
