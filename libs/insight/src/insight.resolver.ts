import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '@opvangplek/access';
import { ShelterType, TimeBucket } from '@opvangplek/domain';
import { InsightService } from './insight.service';
import { CapacitySummaryModel } from '@opvangplek/capacity';
import { OccupancyPointModel } from './models/occupancy-point.model';
import { PlacementStatisticsModel } from './models/placement-statistics.model';
import { RegistrationStatisticsModel } from './models/registration-statistics.model';
import { StaleSharePointModel } from './models/stale-share-point.model';
import { UnmetDemandModel } from './models/unmet-demand.model';
import { MyOfferResponsesModel, OfferResponsesModel } from './models/offer-responses.model';

@Resolver()
export class InsightResolver {
  constructor(private readonly insight: InsightService) {}

  @Query(() => [CapacitySummaryModel], {
    description: 'Capacity per region and kind: totals, availability and the share of stale figures.',
  })
  capacityOverview(
    @Args('regionCodes', { type: () => [ID], nullable: true }) regionCodes?: string[] | null,
    @Args('types', { type: () => [ShelterType], nullable: true }) types?: ShelterType[] | null,
  ): Promise<CapacitySummaryModel[]> {
    return this.insight.capacityOverview(regionCodes, types);
  }

  @Query(() => [OccupancyPointModel], {
    description:
      "Occupancy per region and kind over time, replayed from the capacity history of facilities with a public address (a secret one's counts over time would tie requests to it); buckets end at `to` or now, whichever is earlier.",
  })
  occupancyHistory(
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('regionCodes', { type: () => [ID], nullable: true }) regionCodes?: string[] | null,
    @Args('types', { type: () => [ShelterType], nullable: true }) types?: ShelterType[] | null,
    @Args('bucket', { type: () => TimeBucket, defaultValue: TimeBucket.DAY }) bucket?: TimeBucket,
  ): Promise<OccupancyPointModel[]> {
    return this.insight.occupancyHistory({ from, to, regionCodes, types, bucket });
  }

  @Query(() => [StaleSharePointModel], {
    description:
      "Each region's stale share over time (issue 18): per bucket, its facilities whose figures were STALE or never confirmed, and AGING, as they stood at the bucket's end, replayed from the staff's confirmations in the capacity history; buckets end at `to` or now, whichever is earlier.",
  })
  staleShareHistory(
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('regionCodes', { type: () => [ID], nullable: true, description: 'Every region when left out.' })
    regionCodes?: string[] | null,
    @Args('bucket', { type: () => TimeBucket, defaultValue: TimeBucket.DAY }) bucket?: TimeBucket,
  ): Promise<StaleSharePointModel[]> {
    return this.insight.staleShareHistory({ from, to, regionCodes, bucket });
  }

  @Query(() => UnmetDemandModel, {
    description: 'Requests made in [from, to) that waited or were escalated, why, and how long placement took.',
  })
  unmetDemand(
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('regionCodes', { type: () => [ID], nullable: true }) regionCodes?: string[] | null,
  ): Promise<UnmetDemandModel> {
    return this.insight.unmetDemand({ from, to, regionCodes });
  }

  @Query(() => PlacementStatisticsModel, {
    description: 'The yearly "aard en omvang" counts of people placed, small counts suppressed.',
  })
  placementStatistics(@Args('year', { type: () => Int }) year: number): Promise<PlacementStatisticsModel> {
    return this.insight.placementStatistics(year);
  }

  @Query(() => RegistrationStatisticsModel, {
    description: 'The yearly count of people registered with CoMensha, placed or not, small counts suppressed.',
  })
  registrationStatistics(@Args('year', { type: () => Int }) year: number): Promise<RegistrationStatisticsModel> {
    return this.insight.registrationStatistics(year);
  }

  @Query(() => OfferResponsesModel, {
    description:
      "Shelters' response figures for offers made in [from, to), as whole Amsterdam days: offers, accepted, declined per reason, lapsed, minutes to respond; small counts suppressed. Planners and coordinators: their own regions only.",
  })
  offerResponses(
    @CurrentViewer() viewer: Viewer,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('regionCodes', { type: () => [ID], nullable: true }) regionCodes?: string[] | null,
    @Args('types', { type: () => [ShelterType], nullable: true }) types?: ShelterType[] | null,
  ): Promise<OfferResponsesModel> {
    return this.insight.offerResponses(viewer, { from, to, regionCodes, types });
  }

  @Query(() => MyOfferResponsesModel, {
    description: "Shelter staff: your own facilities' response figures, exact; without a period, the last 30 days.",
  })
  myOfferResponses(
    @CurrentViewer() viewer: Viewer,
    @Args('from', { type: () => Date, nullable: true }) from?: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to?: Date | null,
  ): Promise<MyOfferResponsesModel> {
    return this.insight.myOfferResponses(viewer, { from, to });
  }
}
