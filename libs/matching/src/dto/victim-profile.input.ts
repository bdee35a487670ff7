import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AangifteStatus, B8Status, CareNeed, ExploitationType, Gender, ResidenceStatus, ThreatLevel } from '@opvangplek/domain';
import { CalendarDate } from '@opvangplek/platform';

/**
 * Who needs a place, pseudonymously: there is no name, birth date or identity-number field, and
 * there never will be (domain.md §6). Everything but gender and exploitationTypes is optional.
 */
@InputType('VictimProfileInput')
export class VictimProfileInput {
  @Field(() => Gender)
  gender: Gender;

  @Field(() => Int, { nullable: true, description: 'Age in whole years, when known.' })
  age?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Minor yes/no when the age is not known; null = unknown.' })
  minor?: boolean | null;

  @Field(() => [ExploitationType], { description: 'One or more.' })
  exploitationTypes: ExploitationType[];

  @Field(() => ResidenceStatus, { nullable: true })
  residenceStatus?: ResidenceStatus | null;

  @Field(() => B8Status, { nullable: true })
  b8Status?: B8Status | null;

  @Field(() => CalendarDate, {
    nullable: true,
    description: 'First day of the bedenktijd (reflection period, at most 3 months).',
  })
  bedenktijdStart?: string | null;

  @Field(() => AangifteStatus, { nullable: true })
  aangifte?: AangifteStatus | null;

  @Field(() => [CareNeed], { nullable: true })
  careNeeds?: CareNeed[] | null;

  @Field(() => Int, { nullable: true })
  accompanyingChildren?: number | null;

  @Field(() => ThreatLevel, { nullable: true })
  threatLevel?: ThreatLevel | null;

  @Field(() => [ID], { nullable: true, description: 'Regions where the exploiter operates: never placed there.' })
  excludedRegionCodes?: string[] | null;

  @Field(() => ID, { nullable: true })
  homeRegionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where she was found: a Dutch municipality of 2026 by name ("Den Haag" and other common names too) or CBS code (GM0599). Decides regional pilots.',
  })
  foundInMunicipality?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where she is registered (ingeschreven), if she is: a municipality of 2026 by name or CBS code. Registered, else found, is the responsible municipality.',
  })
  registeredInMunicipality?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, e.g. ["en", "pl"].' })
  languages?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'For a minor: false when travelling with a parent or guardian. Unknown counts as unaccompanied (Nidos advice).',
  })
  unaccompanied?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Victims to be placed together (a raid); default 1.' })
  groupSize?: number | null;
}
