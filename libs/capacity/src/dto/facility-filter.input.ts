import { Field, ID, InputType } from '@nestjs/graphql';
import { ShelterType } from '@opvangplek/domain';

@InputType('FacilityFilter')
export class FacilityFilterInput {
  @Field(() => [ShelterType], { nullable: true, description: 'Only these kinds; omitted or empty = all kinds.' })
  types?: ShelterType[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these region codes; omitted or empty = all regions.' })
  regionCodes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only facilities with at least one available place.' })
  availableOnly?: boolean | null;
}
