import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { ShelterType } from '@opvangplek/domain';
import { InsightService } from './insight.service';
import { CapacitySummaryModel } from './models/capacity-summary.model';

@Resolver()
export class InsightResolver {
  constructor(private readonly insight: InsightService) {}

  @Query(() => [CapacitySummaryModel], { description: 'Capacity per region and kind: totals, availability and the share of stale figures.' })
  capacityOverview(
    @Args('regionCodes', { type: () => [ID], nullable: true }) regionCodes?: string[] | null,
    @Args('types', { type: () => [ShelterType], nullable: true }) types?: ShelterType[] | null,
  ): Promise<CapacitySummaryModel[]> {
    return this.insight.capacityOverview(regionCodes, types);
  }
}
