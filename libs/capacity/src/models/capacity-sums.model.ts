import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Places of several facilities added up: the fields every capacity aggregate shares. */
@ObjectType({ isAbstract: true })
export abstract class CapacitySumsModel {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  occupied: number;

  @Field(() => Int)
  held: number;

  @Field(() => Int)
  outOfService: number;

  @Field(() => Int, { description: "Sum of each facility's available places (each never below zero)." })
  available: number;
}
