import { Field, ID, ObjectType } from '@nestjs/graphql';
import { FacilityModel } from '@opvangplek/registry';

@ObjectType('RefusedConfirmation', { description: 'A facility confirmAllCapacity did not confirm, and why.' })
export class RefusedConfirmationModel {
  @Field(() => ID)
  facilityId: string;

  @Field({ description: 'The error code confirmCapacity would have answered: FORBIDDEN or NOT_FOUND.' })
  code: string;

  @Field({ description: 'Why, in the words confirmCapacity would have used (a secret facility stays unnamed).' })
  message: string;
}

@ObjectType('ConfirmAllCapacityResult', {
  description: 'What one "alles klopt nog" confirmed, and what it did not: nothing is refused silently.',
})
export class ConfirmAllCapacityResultModel {
  @Field(() => [FacilityModel], { description: 'The facilities whose figures are now confirmed, as the caller sees them.' })
  confirmed: FacilityModel[];

  @Field(() => [RefusedConfirmationModel])
  refused: RefusedConfirmationModel[];
}
