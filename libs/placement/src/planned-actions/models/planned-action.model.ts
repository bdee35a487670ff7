import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ActionPartner,
  ExploitationType,
  Gender,
  PlannedActionStatus,
  ReservationState,
  ResidenceStatus,
  ShelterType,
  ShortfallReason,
} from '@opvangplek/domain';
import '@opvangplek/platform/graphql/domain-enums';

registerEnumType(PlannedActionStatus, { name: 'PlannedActionStatus' });
registerEnumType(ReservationState, {
  name: 'ReservationState',
  description: "RESERVED: counted against capacity inside the window only; CONVERTED: now the requests' holds; RELEASED.",
});
registerEnumType(ShortfallReason, { name: 'ShortfallReason', description: 'Why some expected people have no reserved place.' });

@ObjectType('ReservedPlaces', { description: 'Places reserved at one facility for one outline of a planned action.' })
export class ReservedPlacesModel {
  @Field(() => ID)
  facilityId: string;

  @Field(() => String, { description: 'As the request history names it: a secret address by its kind and region only.' })
  facilityName: string;

  @Field(() => ShelterType)
  facilityType: ShelterType;

  @Field(() => Int)
  places: number;

  @Field(() => Int, { description: "Of these, taken by the action's requests at its start." })
  converted: number;

  @Field(() => ReservationState)
  state: ReservationState;
}

@ObjectType('ActionShortfall')
export class ActionShortfallModel {
  @Field(() => Int, { description: 'Expected people without a reserved place.' })
  count: number;

  @Field(() => [ShortfallReason])
  reasons: ShortfallReason[];
}

@ObjectType('ExpectedPeople')
export class ExpectedPeopleModel {
  @Field(() => Int)
  count: number;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => Boolean)
  minor: boolean;

  @Field(() => [ExploitationType])
  exploitationTypes: ExploitationType[];

  @Field(() => ResidenceStatus, { nullable: true })
  residenceStatus: ResidenceStatus | null;

  @Field(() => [ReservedPlacesModel])
  reserved: ReservedPlacesModel[];

  @Field(() => ActionShortfallModel, { description: 'As planned: who could not be given a place beforehand, and why.' })
  shortfall: ActionShortfallModel;
}

@ObjectType('PlannedAction', {
  description:
    'A planned raid or inspection with places reserved for its window (003:493-496): confidential, seen only by the planning organisations.',
})
export class PlannedActionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  regionCode: string;

  @Field(() => ActionPartner)
  onBehalfOf: ActionPartner;

  @Field(() => String)
  onBehalfOfOrganisation: string;

  @Field(() => String)
  plannedByOrganisation: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => PlannedActionStatus)
  status: PlannedActionStatus;

  @Field(() => Boolean, { description: 'Every expected person had a reserved place when it was planned.' })
  everyoneSheltered: boolean;

  @Field(() => Int)
  expectedCount: number;

  @Field(() => Int)
  reservedCount: number;

  @Field(() => Int)
  shortfallCount: number;

  @Field(() => [ExpectedPeopleModel])
  expected: ExpectedPeopleModel[];

  @Field(() => [ID], { description: 'The placement requests it turned into at its start (one per expected person).' })
  requestIds: string[];

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('FacilityReservation', {
  description: 'Places reserved at your facility for a planned action: how many and when, nothing of the action itself.',
})
export class FacilityReservationModel {
  @Field(() => ID)
  facilityId: string;

  @Field(() => Int, { description: "Places still reserved (not yet taken by the action's requests)." })
  places: number;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;
}
