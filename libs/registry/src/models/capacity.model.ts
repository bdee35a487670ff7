import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Freshness } from '@opvangplek/domain';

@ObjectType('Capacity', { description: "Live count of a facility's places." })
export class CapacityModel {
  /** Whose counts these are: for the fields resolved beside them (capacity ahead); not in the schema. */
  facilityId?: string;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  occupied: number;

  @Field(() => Int, { description: 'Places reserved by open offers, not yet occupied.' })
  held: number;

  @Field(() => Int)
  outOfService: number;

  @Field(() => Int, { description: 'total − occupied − held − outOfService, never below zero.' })
  available: number;

  @Field({ description: 'When any count last changed.' })
  updatedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When staff last updated or confirmed the counts; freshness counts from here.',
  })
  confirmedAt: Date | null;

  @Field(() => Freshness, { description: 'STALE means: call the shelter to verify before relying on it.' })
  freshness: Freshness;

  @Field(() => Int, { description: 'Send this back as expectedVersion when updating; a stale version is a CONFLICT.' })
  version: number;
}
