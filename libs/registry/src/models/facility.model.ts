import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  B8Status,
  CareNeed,
  ExploitationType,
  Gender,
  PlacingAuthority,
  ResidenceStatus,
  ShelterType,
  UpdateCadence,
} from '@opvangplek/domain';
import { AvailabilityModel } from './availability.model';
import { CapacityModel } from './capacity.model';
import { RegionModel } from './region.model';

@ObjectType('Eligibility', { description: 'Who a facility takes. An empty list means "any".' })
export class EligibilityModel {
  @Field(() => [Gender])
  genders: Gender[];

  @Field(() => Int, { nullable: true })
  minAge: number | null;

  @Field(() => Int, { nullable: true })
  maxAge: number | null;

  @Field(() => [ExploitationType])
  exploitationTypes: ExploitationType[];

  @Field(() => [ResidenceStatus])
  residenceStatuses: ResidenceStatus[];

  @Field(() => [B8Status])
  b8Statuses: B8Status[];

  @Field(() => [CareNeed], { description: 'Care needs the facility can handle.' })
  acceptsCareNeeds: CareNeed[];

  @Field()
  acceptsChildren: boolean;

  @Field(() => Int, { description: 'Largest group placed together at once.' })
  maxGroupSize: number;

  @Field(() => [ID], {
    description: 'Only for victims found in a municipality of these regions (a regional pilot); empty = anywhere.',
  })
  foundInRegionCodes: string[];
}

@ObjectType('Intake', { description: 'When the facility takes people in.' })
export class IntakeModel {
  @Field()
  alwaysOpen: boolean;

  @Field()
  openNow: boolean;

  @Field({ description: 'Now, when open now; otherwise the next opening (Europe/Amsterdam hours, holidays included).' })
  nextOpeningAt: Date;

  @Field({ description: 'The hours in words.' })
  description: string;
}

@ObjectType('Facility', { description: 'A shelter location in the national register.' })
export class FacilityModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Stable register key, e.g. cosm-amsterdam.' })
  key: string;

  @Field()
  name: string;

  @Field(() => ShelterType)
  type: ShelterType;

  @Field()
  operator: string;

  @Field(() => RegionModel)
  region: RegionModel;

  @Field(() => String, {
    nullable: true,
    description: 'Null for a secret-address facility unless the caller may know its location.',
  })
  municipality: string | null;

  @Field({ description: 'Geheim adres: the location is withheld from nearly everyone.' })
  secretAddress: boolean;

  @Field(() => String, { nullable: true, description: 'Null for callers who may not see it.' })
  address: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The intake line in E.164 (+31101234567), to call when a figure needs verifying. Null where the register has none, and for callers who may not see the address: a number locates a shelter as well as its address.',
  })
  intakePhone: string | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => PlacingAuthority)
  placingAuthority: PlacingAuthority;

  @Field(() => IntakeModel)
  intake: IntakeModel;

  @Field(() => EligibilityModel)
  eligibility: EligibilityModel;

  @Field(() => Int, { nullable: true, description: 'Longest stay in days; null where there is no maximum.' })
  maxStayDays: number | null;

  @Field(() => UpdateCadence)
  updateCadence: UpdateCadence;

  @Field(() => CapacityModel, {
    nullable: true,
    description:
      'Live counts; null for a secret-address facility unless the caller may locate it (its staff): a count that moves seconds after a request ties the request to the facility. Use availability instead.',
  })
  capacity: CapacityModel | null;

  @Field(() => AvailabilityModel, { description: 'Whether a place is free, for every caller (capacity may be withheld).' })
  availability: AvailabilityModel;
}
