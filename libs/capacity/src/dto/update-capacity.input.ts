import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType('UpdateCapacityInput', {
  description: 'New counts from shelter staff. Places held by open offers are managed by Opvangplek and are not set here.',
})
export class UpdateCapacityInput {
  @Field(() => ID)
  facilityId: string;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  occupied: number;

  @Field(() => Int, { defaultValue: 0 })
  outOfService: number;

  @Field(() => Int, {
    description:
      'The capacity.version these counts were based on. If the counts changed since (another worker, a new offer), ' +
      'the update is refused with CONFLICT instead of silently overwriting them: re-read and try again.',
  })
  expectedVersion: number;
}
