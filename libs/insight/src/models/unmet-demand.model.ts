import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ShelterType, UnmetNeed, WaitingReason } from '@opvangplek/domain';

const SUPPRESSED =
  'True when the count is suppressed (from 1 to suppressionThreshold − 1, or a second cell that would give one away by subtraction).';

@ObjectType('WaitingReasonCount')
export class WaitingReasonCountModel {
  @Field(() => WaitingReason)
  reason: WaitingReason;

  @Field(() => Int, { nullable: true, description: 'Requests that waited for this reason at least once; null when suppressed.' })
  requests: number | null;

  @Field({ description: SUPPRESSED })
  suppressed: boolean;
}

@ObjectType('UnmetNeedCount')
export class UnmetNeedCountModel {
  @Field(() => UnmetNeed)
  need: UnmetNeed;

  @Field(() => Int, { nullable: true, description: 'Requests of people with this need that had to wait; null when suppressed.' })
  requests: number | null;

  @Field({ description: SUPPRESSED })
  suppressed: boolean;
}

@ObjectType('UnmetDemandRow', { description: 'Requests that waited, per region, kind and reason.' })
export class UnmetDemandRowModel {
  @Field(() => ID)
  regionCode: string;

  @Field(() => ShelterType, {
    nullable: true,
    description: 'The kind asked for, else the kind offered or placed in; null: not known.',
  })
  type: ShelterType | null;

  @Field(() => WaitingReason)
  reason: WaitingReason;

  @Field(() => Int, { nullable: true, description: 'null when suppressed.' })
  requests: number | null;

  @Field({ description: SUPPRESSED })
  suppressed: boolean;
}

@ObjectType('DurationSummary', { description: 'Nearest-rank median and 90th percentile, in minutes.' })
export class DurationSummaryModel {
  @Field(() => Int, { nullable: true, description: 'Requests measured; null when suppressed.' })
  count: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'null when there is nothing to summarise, or fewer requests than the suppression threshold.',
  })
  medianMinutes: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'null when there is nothing to summarise, or fewer requests than the suppression threshold.',
  })
  p90Minutes: number | null;

  @Field({ description: SUPPRESSED })
  suppressed: boolean;
}

@ObjectType('UnmetDemand', {
  description:
    'Where demand went unmet in a period of at least a day: counts only, no request and no person. Every count of requests ' +
    'from 1 to suppressionThreshold − 1 is suppressed (null), with a second count wherever a hidden one could be recovered ' +
    'by subtraction; fewer requests than the threshold hide every count.',
})
export class UnmetDemandModel {
  @Field()
  from: Date;

  @Field()
  to: Date;

  @Field(() => Int, { description: 'Counts from 1 to suppressionThreshold − 1 are suppressed.' })
  suppressionThreshold: number;

  @Field(() => Int, { nullable: true, description: 'Requests made in the period; null when suppressed.' })
  requests: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, requests that waited at least once; null when suppressed.' })
  waited: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'ACUTE requests escalated to the OvD bevolkingszorg; null when suppressed.',
  })
  escalated: number | null;

  @Field(() => [WaitingReasonCountModel])
  byReason: WaitingReasonCountModel[];

  @Field(() => [UnmetNeedCountModel])
  byNeed: UnmetNeedCountModel[];

  @Field(() => [UnmetDemandRowModel])
  rows: UnmetDemandRowModel[];

  @Field(() => DurationSummaryModel, { description: 'From the request to its first offer.' })
  timeToOffer: DurationSummaryModel;

  @Field(() => DurationSummaryModel, { description: 'From the request to arrival at the place.' })
  timeToPlacement: DurationSummaryModel;

  @Field(() => Int, {
    nullable: true,
    description: 'Noodbed stays that ran past their end (meant for a few nights at most); null when suppressed.',
  })
  noodbedOverstays: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests placed in a facility outside the region they were made for; null when suppressed.',
  })
  placedOutsideRegion: number | null;
}
