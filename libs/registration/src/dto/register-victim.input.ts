import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ExploitationType, Gender, NationalityGroup, ResidenceStatus, SignallerKind } from '@opvangplek/domain';

@InputType('RegisterVictimInput', {
  description:
    'The pseudonymous facts CoMensha\'s yearly "aard en omvang" report counts (002:803). No name, no date of birth, no free text: the age is kept as its band only.',
})
export class RegisterVictimInput {
  @Field(() => ID, { description: 'The region whose zorgcoördinator reports her.' })
  regionCode: string;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => Int, { nullable: true, description: 'Kept as its band (MINOR, 18-22, 23-29, 30-39, 40+), never as the age.' })
  age?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'When the age is not known.' })
  minor?: boolean | null;

  @Field(() => [ExploitationType])
  exploitationTypes: ExploitationType[];

  @Field(() => NationalityGroup, { nullable: true, description: 'Defaults to what residenceStatus implies, else UNKNOWN.' })
  nationalityGroup?: NationalityGroup | null;

  @Field(() => ResidenceStatus, { nullable: true, description: 'Only to derive the nationality group; not kept.' })
  residenceStatus?: ResidenceStatus | null;

  @Field(() => SignallerKind)
  signalledBy: SignallerKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'The placement request she was reported with (a group request takes one registration per person, up to its groupSize); left out for a victim who needs no shelter.',
  })
  requestId?: string | null;
}
