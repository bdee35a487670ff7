import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ShelterType, UnmetNeed, WaitingReason } from '@opvangplek/domain';

@ObjectType('WaitingReasonCount')
export class WaitingReasonCountModel {
  @Field(() => WaitingReason)
  reason: WaitingReason;

  @Field(() => Int, { description: 'Requests that waited for this reason at least once.' })
  requests: number;
}

@ObjectType('UnmetNeedCount')
export class UnmetNeedCountModel {
  @Field(() => UnmetNeed)
  need: UnmetNeed;

  @Field(() => Int, { description: 'Requests of people with this need that had to wait.' })
  requests: number;
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

  @Field(() => Int)
  requests: number;
}

@ObjectType('DurationSummary', { description: 'Nearest-rank median and 90th percentile, in minutes.' })
export class DurationSummaryModel {
  @Field(() => Int)
  count: number;

  @Field(() => Float, { nullable: true })
  medianMinutes: number | null;

  @Field(() => Float, { nullable: true })
  p90Minutes: number | null;
}

@ObjectType('UnmetDemand', { description: 'Where demand went unmet in a period: counts only, no request and no person.' })
export class UnmetDemandModel {
  @Field()
  from: Date;

  @Field()
  to: Date;

  @Field(() => Int, { description: 'Requests made in the period.' })
  requests: number;

  @Field(() => Int, { description: 'Of those, requests that waited at least once.' })
  waited: number;

  @Field(() => Int, { description: 'ACUTE requests escalated to the OvD bevolkingszorg.' })
  escalated: number;

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

  @Field(() => Int, { description: 'Noodbed stays that ran past their end (meant for a few nights at most).' })
  noodbedOverstays: number;

  @Field(() => Int, { description: 'Requests placed in a facility outside the region they were made for.' })
  placedOutsideRegion: number;
}
