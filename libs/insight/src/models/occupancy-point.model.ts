import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ShelterType } from '@opvangplek/domain';
import { CapacitySumsModel } from '@opvangplek/capacity';

@ObjectType('OccupancyPoint', {
  description: "Places of one kind in one region during one bucket, as they stood at the bucket's end.",
})
export class OccupancyPointModel extends CapacitySumsModel {
  @Field({ description: 'Start of the bucket.' })
  at: Date;

  @Field(() => ID)
  regionCode: string;

  @Field(() => ShelterType)
  type: ShelterType;

  @Field(() => Int, { description: 'The most places occupied at any moment within the bucket.' })
  peakOccupied: number;

  @Field(() => Int, { description: 'Facilities of this kind in this region (public addresses only).' })
  facilities: number;

  @Field(() => Int, {
    description:
      "Of `facilities`, those with recorded counts by the bucket's end. One without adds nothing to the sums: that is no data, not zero places.",
  })
  facilitiesWithHistory: number;

  @Field({
    description:
      "Every facility of this kind in this region had recorded counts by the bucket's end. When false the sums are partial (none when facilitiesWithHistory is 0): draw a gap, not a zero.",
  })
  complete: boolean;
}
