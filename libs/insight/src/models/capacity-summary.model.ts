import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ShelterType } from '@opvangplek/domain';
import { RegionModel } from '@opvangplek/registry/models/region.model';

@ObjectType('CapacitySummary', { description: 'Places of one kind in one region, added up. Aggregates only: no facility, no person.' })
export class CapacitySummaryModel {
  @Field(() => RegionModel)
  region: RegionModel;

  @Field(() => ShelterType)
  type: ShelterType;

  @Field(() => Int)
  facilities: number;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  occupied: number;

  @Field(() => Int)
  held: number;

  @Field(() => Int)
  outOfService: number;

  @Field(() => Int, { description: 'Sum of each facility\'s available places (each never below zero).' })
  available: number;

  @Field(() => Float, { description: 'Share of these facilities whose capacity is STALE or UNKNOWN (0–1): call to verify.' })
  staleShare: number;
}
