import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Freshness } from '@opvangplek/domain';
import { FacilityModel } from '@opvangplek/registry';

@ObjectType('FiguresNudge', {
  description:
    'One of the caller\'s facilities whose figures are AGING, STALE or never confirmed: "uw cijfers zijn 5 uur oud — klopt het nog?" (issue 18).',
})
export class FiguresNudgeModel {
  @Field(() => FacilityModel)
  facility: FacilityModel;

  @Field(() => Freshness)
  freshness: Freshness;

  @Field(() => Int, { nullable: true, description: 'Whole hours since staff last confirmed; null when never.' })
  hoursOld: number | null;
}
