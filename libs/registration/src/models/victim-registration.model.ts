import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ExploitationType, Gender, NationalityGroup, SignallerKind } from '@opvangplek/domain';

registerEnumType(NationalityGroup, { name: 'NationalityGroup', description: 'Nationality as the national report groups it.' });
registerEnumType(SignallerKind, {
  name: 'SignallerKind',
  description: 'Which kind of organisation signalled her (the "melder").',
});

@ObjectType('VictimRegistration', { description: 'One person reported to CoMensha: pseudonymous facts only.' })
export class VictimRegistrationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  regionCode: string;

  @Field(() => Gender)
  gender: Gender;

  @Field({ description: 'MINOR, 18-22, 23-29, 30-39, 40+ or UNKNOWN.' })
  ageBand: string;

  @Field(() => [ExploitationType])
  exploitationTypes: ExploitationType[];

  @Field(() => NationalityGroup)
  nationalityGroup: NationalityGroup;

  @Field(() => SignallerKind)
  signalledBy: SignallerKind;

  @Field(() => ID, { nullable: true })
  requestId: string | null;

  @Field(() => Int, { nullable: true, description: "Which of the request's people (1 … groupSize); null without a request." })
  member: number | null;

  @Field()
  registeredByOrg: string;

  @Field()
  registeredAt: Date;
}

@ObjectType('VictimRegistrationPage', { description: 'Registrations newest first; pass endCursor as `after` for the next page.' })
export class VictimRegistrationPageModel {
  @Field(() => [VictimRegistrationModel])
  nodes: VictimRegistrationModel[];

  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;

  @Field(() => Int)
  totalCount: number;
}
