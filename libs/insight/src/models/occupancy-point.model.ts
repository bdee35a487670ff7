import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ShelterType } from '@opvangplek/domain';
import { CapacitySumsModel } from './capacity-sums.model';

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
}
