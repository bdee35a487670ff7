import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  EscalationCause,
  PlacementNoteCode,
  StayOutcome,
  PlacingAuthority,
  Role,
  ShelterType,
  TransferReason,
  WaitingReason,
} from '@opvangplek/domain';

registerEnumType(PlacementNoteCode, {
  name: 'PlacementNoteCode',
  description:
    'What a history step says, as a code; its values are in PlacementEvent.noteParams (libs/domain/src/placement/placement-note.ts).',
});
registerEnumType(EscalationCause, {
  name: 'EscalationCause',
  description: "Why a request was put on its region's escalation worklist.",
});

@ObjectType('OfferedShare', { description: "One facility's part of an offer, by the name the history may show." })
export class OfferedShareModel {
  @Field({ description: "The facility's name (a secret facility's anonymous name)." })
  facilityName: string;

  @Field(() => Int)
  places: number;
}

@ObjectType('PlacementNoteParams', {
  description: 'The values a history note names; each code sets only its own (see PlacementNoteCode).',
})
export class PlacementNoteParamsModel {
  @Field(() => WaitingReason, { nullable: true, description: 'WAITING: why it waits.' })
  waitingReason?: WaitingReason;

  @Field(() => EscalationCause, { nullable: true, description: 'ESCALATED, and WAITING when it escalated at once: why.' })
  escalatedBecause?: EscalationCause;

  @Field(() => Int, { nullable: true, description: 'NO_PLACE_IN_TIME: after how many minutes.' })
  minutes?: number;

  @Field(() => String, { nullable: true, description: 'Escalation: the region whose escalation worklist lists the request.' })
  regionCode?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'ONWARD_OPENED, CANCELLED_WITH_INTERIM, INTERIM_STAY_ENDED: the interim request; MOVED_ON: the onward request.',
  })
  requestId?: string;

  @Field(() => [OfferedShareModel], { nullable: true, description: 'OFFERED: the places offered.' })
  offered?: OfferedShareModel[];

  @Field(() => Date, { nullable: true, description: 'OFFERED (an intake closed now), ACCEPTED: held until.' })
  heldUntil?: Date;

  @Field(() => String, { nullable: true, description: 'OFFERED by a decider, RETURNED: the organisation that did it.' })
  byOrg?: string;

  @Field(() => Role, { nullable: true, description: 'OFFERED by a decider: in which role.' })
  byRole?: Role;

  @Field(() => PlacingAuthority, { nullable: true, description: 'RETURNED: the authority that handed it back.' })
  authority?: PlacingAuthority;

  @Field(() => String, {
    nullable: true,
    description: 'What a person typed: why declined, ended, left, cancelled, handed back or assigned. Shown as written.',
  })
  reason?: string;

  @Field(() => StayOutcome, { nullable: true, description: 'ENDED, LEFT: how the stay ended, when it was said.' })
  outcome?: StayOutcome;

  @Field(() => Int, {
    nullable: true,
    description: 'SHARE_ACCEPTED, MORE_ARRIVED, SHARE_RELEASED, LEFT, ENDED: how many places (for ENDED: how many left then).',
  })
  places?: number;

  @Field(() => Int, { nullable: true, description: 'LEFT: how many are still placed.' })
  stillPlaced?: number;

  @Field(() => [ShelterType], { nullable: true, description: 'ONWARD_OPENED: the kinds of the onward placement.' })
  kinds?: ShelterType[];

  @Field(() => Date, { nullable: true, description: 'STAY_ENDS, OVERSTAY: when the stay ends (or should have).' })
  at?: Date;

  @Field(() => TransferReason, { nullable: true, description: 'TRANSFER_REQUESTED, TRANSFER_OF: why she moves.' })
  transferReason?: TransferReason;

  @Field(() => [String], {
    nullable: true,
    description: 'PROFILE_CHANGED: the names of the fields that changed (never their values).',
  })
  fields?: string[];

  @Field(() => Int, { nullable: true, description: 'PROFILE_CHANGED: the profile version this change made.' })
  version?: number;
}
