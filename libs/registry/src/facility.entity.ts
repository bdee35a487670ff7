import {
  B8Status,
  CareNeed,
  ExploitationType,
  Gender,
  type OpeningHours,
  PlacingAuthority,
  ResidenceStatus,
  ShelterType,
  UpdateCadence,
} from '@opvangplek/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RegionEntity } from './region.entity';

/**
 * Who a facility takes, stored as real columns (not JSON) so candidate queries can filter in SQL.
 * Empty arrays mean "any" (api-contract.md).
 */
export class EligibilityColumns {
  @Column({ type: 'enum', enum: Gender, enumName: 'gender', array: true, default: () => "'{}'" })
  genders: Gender[];

  @Column({ name: 'min_age', type: 'smallint', nullable: true })
  minAge: number | null;

  @Column({ name: 'max_age', type: 'smallint', nullable: true })
  maxAge: number | null;

  @Column({
    name: 'exploitation_types',
    type: 'enum',
    enum: ExploitationType,
    enumName: 'exploitation_type',
    array: true,
    default: () => "'{}'",
  })
  exploitationTypes: ExploitationType[];

  @Column({
    name: 'residence_statuses',
    type: 'enum',
    enum: ResidenceStatus,
    enumName: 'residence_status',
    array: true,
    default: () => "'{}'",
  })
  residenceStatuses: ResidenceStatus[];

  @Column({ name: 'b8_statuses', type: 'enum', enum: B8Status, enumName: 'b8_status', array: true, default: () => "'{}'" })
  b8Statuses: B8Status[];

  @Column({ name: 'accepts_care_needs', type: 'enum', enum: CareNeed, enumName: 'care_need', array: true, default: () => "'{}'" })
  acceptsCareNeeds: CareNeed[];

  @Column({ name: 'accepts_children', type: 'boolean', default: false })
  acceptsChildren: boolean;

  @Column({ name: 'max_group_size', type: 'smallint', default: 1 })
  maxGroupSize: number;

  /** Region codes where she must have been found (a regional pilot, 002:749-753); empty = anywhere. */
  @Column({ name: 'found_in_region_codes', type: 'text', array: true, default: () => "'{}'" })
  foundInRegionCodes: string[];
}

@Entity({ name: 'facilities' })
@Index('facilities_region_type_idx', ['regionCode', 'type'])
@Index('facilities_type_idx', ['type'])
@Check('facilities_intake_phone_e164', `"intake_phone" ~ '^\\+31[1-9][0-9]{6,9}$'`)
export class FacilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable external identity (seed/import key); makes loading the register idempotent. */
  @Index('facilities_key_uq', { unique: true })
  @Column({ type: 'varchar', length: 160 })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: ShelterType, enumName: 'shelter_type' })
  type: ShelterType;

  @Column({ type: 'varchar', length: 200 })
  operator: string;

  @Column({ name: 'region_code', type: 'varchar', length: 8 })
  regionCode: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: RegionEntity;

  @Column({ type: 'varchar', length: 120 })
  municipality: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  /** Geheim adres: address, municipality and coordinates are withheld from nearly everyone (domain.md §6). */
  @Column({ name: 'secret_address', type: 'boolean', default: false })
  secretAddress: boolean;

  @Column({ type: 'varchar', length: 300 })
  address: string;

  /**
   * The intake line, E.164 (`+31101234567`); the loader writes it normalised, the check refuses
   * anything else. Shown only to whoever may locate the facility, like `address`.
   */
  @Column({ name: 'intake_phone', type: 'varchar', length: 16, nullable: true })
  intakePhone: string | null;

  @Column({ name: 'placing_authority', type: 'enum', enum: PlacingAuthority, enumName: 'placing_authority' })
  placingAuthority: PlacingAuthority;

  /** `null` = intake 24/7. */
  @Column({ name: 'intake_hours', type: 'jsonb', nullable: true })
  intakeHours: OpeningHours | null;

  @Column(() => EligibilityColumns, { prefix: false })
  eligibility: EligibilityColumns;

  @Column({ name: 'max_stay_days', type: 'smallint', nullable: true })
  maxStayDays: number | null;

  @Column({ name: 'update_cadence', type: 'enum', enum: UpdateCadence, enumName: 'update_cadence' })
  updateCadence: UpdateCadence;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
