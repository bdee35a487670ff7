import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AvailabilityBand, Freshness } from '@opvangplek/domain';

registerEnumType(AvailabilityBand, {
  name: 'AvailabilityBand',
  description:
    'Whether a place is free, without the count: what a secret-address facility shows to whoever may not locate it (issue 12).',
});

@ObjectType('Availability', {
  description:
    "Whether the facility has a free place, for every caller. A secret-address facility's exact counts (capacity) go only to those who may locate it; everyone else sees this, which changes only when the last free place is taken or the first one frees.",
})
export class AvailabilityModel {
  @Field(() => AvailabilityBand)
  band: AvailabilityBand;

  @Field(() => Freshness, { description: 'As in capacity: STALE means call to verify.' })
  freshness: Freshness;
}
