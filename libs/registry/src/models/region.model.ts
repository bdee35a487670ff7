import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Region', { description: "A centrumgemeente region, which funds women's and general shelter (VO/MO)." })
export class RegionModel {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;

  @Field({ description: 'The central municipality (centrumgemeente) of the region.' })
  centralMunicipality: string;

  @Field(() => Float, {
    description:
      "Approximate centre of the central municipality (WGS84): public, unlike a secret facility's location, so distances can be measured from it.",
  })
  latitude: number;

  @Field(() => Float, { description: 'Approximate centre of the central municipality (WGS84).' })
  longitude: number;
}
