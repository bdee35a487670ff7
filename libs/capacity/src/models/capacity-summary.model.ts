import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AvailabilityBand, ShelterType } from '@opvangplek/domain';
import { CapacitySumsModel } from './capacity-sums.model';
import { RegionModel } from '@opvangplek/registry';

@ObjectType('CapacitySummary', {
  description:
    "Places of one kind in one region, added up. Aggregates only: no facility, no person. total, occupied, held, outOfService and available add up the facilities with a public address; the secret-address ones are counted in secretFacilities and described by secretAvailability only, since their exact sum, less the public facilities everyone sees, would be one secret facility's counts in most regions (issue 12).",
})
export class CapacitySummaryModel extends CapacitySumsModel {
  @Field(() => RegionModel)
  region: RegionModel;

  @Field(() => ShelterType)
  type: ShelterType;

  @Field(() => Int, { description: 'Every facility of this kind in the region, secret-address ones included.' })
  facilities: number;

  @Field(() => Int, { description: 'Of these, the secret-address facilities (not in the sums).' })
  secretFacilities: number;

  @Field(() => AvailabilityBand, {
    description: 'Whether the secret-address facilities have a free place between them (NONE when there are none).',
  })
  secretAvailability: AvailabilityBand;

  @Field(() => AvailabilityBand, { description: 'Whether any facility of this kind in the region has a free place.' })
  availability: AvailabilityBand;

  @Field(() => Float, { description: 'Share of these facilities whose capacity is STALE or UNKNOWN (0–1): call to verify.' })
  staleShare: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Places expected free 24 hours from now, added up over the facilities with a public address (secret-address ones: expectedAvailability24h): from stays ending, planned departures, accepted arrivals and planned actions’ reservations (issue 18). Null in regionCapacityChanged, which follows the counts of now.',
  })
  expectedFree24h?: number | null;

  @Field(() => Int, { nullable: true, description: 'As expectedFree24h, 72 hours from now.' })
  expectedFree72h?: number | null;

  @Field(() => AvailabilityBand, {
    nullable: true,
    description:
      'Whether any facility of this kind in the region, secret-address ones included, is expected to have a free place 24 hours from now. Null in regionCapacityChanged.',
  })
  expectedAvailability24h?: AvailabilityBand | null;

  @Field(() => AvailabilityBand, { nullable: true, description: 'As expectedAvailability24h, 72 hours from now.' })
  expectedAvailability72h?: AvailabilityBand | null;
}
