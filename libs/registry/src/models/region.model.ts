import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Region', { description: "A centrumgemeente region, which funds women's and general shelter (VO/MO)." })
export class RegionModel {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;

  @Field({ description: 'The central municipality (centrumgemeente) of the region.' })
  centralMunicipality: string;
}
