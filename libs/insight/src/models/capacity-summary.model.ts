import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ShelterType } from '@opvangplek/domain';
import { CapacitySumsModel } from './capacity-sums.model';
import { RegionModel } from '@opvangplek/registry/models/region.model';

@ObjectType('CapacitySummary', {
  description: 'Places of one kind in one region, added up. Aggregates only: no facility, no person.',
})
export class CapacitySummaryModel extends CapacitySumsModel {
  @Field(() => RegionModel)
  region: RegionModel;

  @Field(() => ShelterType)
  type: ShelterType;

  @Field(() => Int)
  facilities: number;

  @Field(() => Float, { description: 'Share of these facilities whose capacity is STALE or UNKNOWN (0–1): call to verify.' })
  staleShare: number;
}
