import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('StatisticCount', { description: 'One cell of a published table; small counts are suppressed.' })
export class StatisticCountModel {
  @Field()
  key: string;

  @Field(() => Int, { nullable: true, description: 'null when suppressed.' })
  count: number | null;

  @Field()
  suppressed: boolean;
}

@ObjectType('PlacementStatistics', {
  description:
    'The yearly "aard en omvang" counts of people placed. Counts from 1 to suppressionThreshold − 1 are suppressed, with a second ' +
    'cell where one hidden cell could otherwise be recovered by subtraction.',
})
export class PlacementStatisticsModel {
  @Field(() => Int)
  year: number;

  @Field(() => Int, {
    nullable: true,
    description: 'People placed (a group counts each member; a move on from a noodbed counts once); null when suppressed.',
  })
  placements: number | null;

  @Field(() => Int)
  suppressionThreshold: number;

  @Field(() => [StatisticCountModel], {
    description: 'People per exploitation type (someone exploited in two ways counts under both).',
  })
  byExploitationType: StatisticCountModel[];

  @Field(() => [StatisticCountModel])
  byGender: StatisticCountModel[];

  @Field(() => [StatisticCountModel], { description: 'MINOR, 18-22, 23-29, 30-39, 40+, UNKNOWN.' })
  byAgeBand: StatisticCountModel[];

  @Field(() => [StatisticCountModel], { description: 'Placements per kind: a move on from a noodbed counts under both kinds.' })
  byShelterType: StatisticCountModel[];

  @Field(() => [StatisticCountModel], { description: 'People per region of the place.' })
  byRegion: StatisticCountModel[];

  @Field(() => Int, {
    nullable: true,
    description:
      'People whose stay (or part of a group stay) ended in the year; null when suppressed. A move on from a noodbed is not an end.',
  })
  left: number | null;

  @Field(() => [StatisticCountModel], {
    description: "People per StayOutcome of their stay's end, NOT_RECORDED when none was given; suppressed against `left`.",
  })
  byOutcome: StatisticCountModel[];

  @Field(() => Int, {
    nullable: true,
    description: 'Transfers requested in the year (requestTransfer: a move from a stay to another place); null when suppressed.',
  })
  transfers: number | null;

  @Field(() => [StatisticCountModel], {
    description:
      'Transfers per TransferReason (SAFETY, MOVE_ON, PROFILE_CHANGED, CARE_NEEDS, OTHER); suppressed against `transfers`.',
  })
  transfersByReason: StatisticCountModel[];
}
