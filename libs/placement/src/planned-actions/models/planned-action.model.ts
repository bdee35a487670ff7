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
import '@opvangplek/platform';

registerEnumType(PlannedActionStatus, { name: 'PlannedActionStatus' });
registerEnumType(ReservationState, {
  name: 'ReservationState',
  description:
    "RESERVED: counted against capacity inside the window only; CONVERTED: now the requests' holds; RELEASED; TAKEN_BEFORE_START: settled at the start, but not every place could be held (see notHeld).",
});
registerEnumType(ShortfallReason, { name: 'ShortfallReason', description: 'Why some expected people have no reserved place.' });

@ObjectType('ReservedPlaces', { description: 'Places reserved at one facility for one outline of a planned action.' })
export class ReservedPlacesModel {
  @Field(() => ID, {
    nullable: true,
    description: 'Null for the one row of secret-address shelters you may not locate (their places summed, no facility).',
  })
  facilityId: string | null;

  @Field(() => String, {
    description: 'The facility, or "secret-address shelters" for the summed row of those you may not locate.',
  })
  facilityName: string;

  @Field(() => ShelterType, { nullable: true, description: 'Null for the summed row of secret-address shelters.' })
  facilityType: ShelterType | null;

  @Field(() => Int)
  places: number;

  @Field(() => Int, { description: "Of these, really held for the action's requests at its start." })
  converted: number;

  @Field(() => Int, {
    description:
      'Of these, not holdable at the start: taken before the window (a reservation counts only inside it) or by another action that started first.',
  })
  notHeld: number;

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

  @Field(() => ActionShortfallModel, {
    description:
      'Before the window: who could not be given a place beforehand, and why. From its start: who did not get a held place then (they are matched like anyone else).',
  })
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

  @Field(() => Boolean, {
    description:
      "Before the window: every expected person has a reserved place, as far as this action knows. Other organisations' actions are confidential and may reserve the same places for an overlapping window; that is settled when the windows start (the first to start holds the place, the other's rows say TAKEN_BEFORE_START), so before the start this is not a promise against them. From its start: every one got a held place.",
  })
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
