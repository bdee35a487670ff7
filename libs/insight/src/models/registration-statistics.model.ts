import { Field, Int, ObjectType } from '@nestjs/graphql';
import { StatisticCountModel } from './placement-statistics.model';

@ObjectType('RegistrationStatistics', {
  description:
    'The yearly count of people registered with CoMensha, placed or not (002:803). Suppressed as PlacementStatistics: counts from 1 to ' +
    'suppressionThreshold − 1, and a second cell where one hidden cell could be recovered by subtraction.',
})
export class RegistrationStatisticsModel {
  @Field(() => Int)
  year: number;

  @Field(() => Date, {
    description:
      "Registrations made before this instant are counted: the start of this week (Monday 00:00, Amsterdam) for the current year, the year's end for a past one. The figures move once a week, by everyone registered in between, so two reads cannot single out one person's registration.",
  })
  countedUntil: Date;

  @Field(() => Int, { nullable: true, description: 'People registered in the year up to countedUntil; null when suppressed.' })
  registered: number | null;

  @Field(() => Int)
  suppressionThreshold: number;

  @Field(() => [StatisticCountModel], { description: 'Someone exploited in two ways counts under both.' })
  byExploitationType: StatisticCountModel[];

  @Field(() => [StatisticCountModel])
  byGender: StatisticCountModel[];

  @Field(() => [StatisticCountModel], { description: 'MINOR, 18-22, 23-29, 30-39, 40+, UNKNOWN.' })
  byAgeBand: StatisticCountModel[];

  @Field(() => [StatisticCountModel], { description: 'DUTCH, EU, NON_EU, UNKNOWN.' })
  byNationalityGroup: StatisticCountModel[];

  @Field(() => [StatisticCountModel], { description: 'Per SignallerKind (the "melder").' })
  bySignaller: StatisticCountModel[];

  @Field(() => [StatisticCountModel], { description: 'People per region that reported them.' })
  byRegion: StatisticCountModel[];

  @Field(() => [StatisticCountModel], {
    description: 'PLACED (the request she was registered with reached a place) or NOT_PLACED.',
  })
  byPlacement: StatisticCountModel[];
}
