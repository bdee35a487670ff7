import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AangifteStatus, B8Status, CareNeed, ResidenceStatus, ThreatLevel } from '@opvangplek/domain';
import { CalendarDate } from '@opvangplek/platform';

/**
 * What changed in her profile over time (updateVictimProfile): only what is given changes; a field
 * given as null is cleared. Validated like a request's profile (validateProfile).
 */
@InputType('VictimProfileChangeInput')
export class VictimProfileChangeInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Her age, when it becomes known; given with minor (null when unknown): the two are checked against each other.',
  })
  age?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Minor yes/no when the age is not known; given with age (null when unknown).',
  })
  minor?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'For a minor: false when travelling with a parent or guardian.' })
  unaccompanied?: boolean | null;

  @Field(() => ResidenceStatus, {
    nullable: true,
    description: 'Given with b8Status (and b8Status with it, also with bedenktijdStart): the two are checked against each other.',
  })
  residenceStatus?: ResidenceStatus | null;

  @Field(() => B8Status, {
    nullable: true,
    description:
      'BEDENKTIJD (with bedenktijdStart), B8_PERMIT, B8_PERMIT_NO_COOPERATION, …; another status than BEDENKTIJD ends the bedenktijd (its start is cleared).',
  })
  b8Status?: B8Status | null;

  @Field(() => CalendarDate, { nullable: true, description: 'First day of the bedenktijd (at most three months, 003:661).' })
  bedenktijdStart?: string | null;

  @Field(() => AangifteStatus, { nullable: true, description: 'Aangifte made (or not, or undecided).' })
  aangifte?: AangifteStatus | null;

  @Field(() => [CareNeed], { nullable: true, description: 'Care needs found (the whole list as it is now).' })
  careNeeds?: CareNeed[] | null;

  @Field(() => Int, { nullable: true })
  accompanyingChildren?: number | null;

  @Field(() => ThreatLevel, { nullable: true, description: 'The threat level, e.g. raised.' })
  threatLevel?: ThreatLevel | null;

  @Field(() => [ID], { nullable: true, description: 'Regions to keep her away from (the whole list as it is now).' })
  excludedRegionCodes?: string[] | null;

  @Field(() => ID, { nullable: true })
  homeRegionCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes.' })
  languages?: string[] | null;
}
