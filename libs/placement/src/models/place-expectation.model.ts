import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PlaceExpectation', {
  description:
    'When a waiting request may expect a suitable place (issue 18): how many facilities that suit her (by the matcher’s rules, full now) are expected to have room for the whole request 24 h and 72 h from now, from stays ending, planned departures, accepted arrivals and planned actions’ reservations. Counts only: never which facilities, so a secret-address one is one of a number.',
})
export class PlaceExpectationModel {
  @Field(() => Int)
  within24h: number;

  @Field(() => Int)
  within72h: number;

  @Field(() => Int, { description: 'Of within24h, the facilities in the request’s region.' })
  inRegionWithin24h: number;

  @Field(() => Int, { description: 'Of within72h, the facilities in the request’s region.' })
  inRegionWithin72h: number;
}
