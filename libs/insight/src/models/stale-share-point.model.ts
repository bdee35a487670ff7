import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('StaleSharePoint', {
  description:
    "A region's figures as they stood at the end of one bucket (or at `to`): how many facilities, how many of them STALE or never confirmed, how many AGING (issue 18).",
})
export class StaleSharePointModel {
  @Field({ description: 'Start of the bucket.' })
  at: Date;

  @Field(() => ID)
  regionCode: string;

  @Field(() => Int, {
    description: "Facilities in the register at the bucket's end (secret addresses too, as capacityOverview counts them).",
  })
  facilities: number;

  @Field(() => Int, { description: 'Of them, STALE or never confirmed.' })
  stale: number;

  @Field(() => Int, { description: 'Of them, AGING: their staff are being nudged.' })
  aging: number;

  @Field(() => Float, { description: 'stale / facilities (0–1, three decimals), as capacityOverview.staleShare.' })
  staleShare: number;
}
