import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ActionPartner, ExploitationType, Gender, ResidenceStatus } from '@opvangplek/domain';
import '@opvangplek/platform';

registerEnumType(ActionPartner, {
  name: 'ActionPartner',
  description: 'Whom a planned action is for: AVIM, KMar, the NLA or the aandachtsfunctionaris mensenhandel.',
});

@InputType('ExpectedPeopleInput', {
  description: 'People expected alike enough to be sheltered alike: counts and codes only, never a name (pseudonymous).',
})
export class ExpectedPeopleInput {
  @Field(() => Int, { description: 'How many: 1 to 200.' })
  count: number;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => Boolean, { nullable: true, description: 'Minors (youth care decides their places); default false.' })
  minor?: boolean | null;

  @Field(() => [ExploitationType])
  exploitationTypes: ExploitationType[];

  @Field(() => ResidenceStatus, { nullable: true, description: 'When known for all of them; UNKNOWN otherwise.' })
  residenceStatus?: ResidenceStatus | null;
}

@InputType('PlannedActionInput')
export class PlannedActionInput {
  @Field(() => ID, { description: 'The region where the action takes place.' })
  regionCode: string;

  @Field(() => Date, { description: 'When the first people may need a place: in the future.' })
  startsAt: Date;

  @Field(() => Date, { description: 'When places not used by then are given back: after startsAt, at most 72 hours later.' })
  endsAt: Date;

  @Field(() => ActionPartner, { description: 'Who carries the action out.' })
  onBehalfOf: ActionPartner;

  @Field(() => String, { description: "That organisation's code, as in its tokens (e.g. avim-rotterdam): it sees the plan." })
  onBehalfOfOrganisation: string;

  @Field(() => [ExpectedPeopleInput])
  expected: ExpectedPeopleInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Your own reference. Planning again with the same reference returns the same action (safe to retry).',
  })
  clientReference?: string | null;
}
