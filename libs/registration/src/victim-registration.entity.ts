import type { AgeBand, ExploitationType, Gender, NationalityGroup, SignallerKind } from '@opvangplek/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One person reported to CoMensha (002:803): pseudonymous facts in codes and bands only, kept apart
 * from the placement request so that the request's retention (erasing its profile) leaves the
 * national registration whole. Written only by RegistrationsService.
 */
@Entity('victim_registrations')
@Index('victim_registrations_region_at', ['regionCode', 'registeredAt'])
@Index('victim_registrations_person_member', ['personRequestId', 'member'], { unique: true })
export class VictimRegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'region_code', type: 'varchar', length: 8 })
  regionCode: string;

  @Column({ type: 'varchar', length: 16 })
  gender: Gender;

  @Column({ name: 'age_band', type: 'varchar', length: 16 })
  ageBand: AgeBand;

  @Column({ name: 'exploitation_types', type: 'varchar', length: 32, array: true })
  exploitationTypes: ExploitationType[];

  @Column({ name: 'nationality_group', type: 'varchar', length: 16 })
  nationalityGroup: NationalityGroup;

  @Column({ name: 'signalled_by', type: 'varchar', length: 16 })
  signalledBy: SignallerKind;

  /** The placement request she was registered with, if any. */
  @Column({ name: 'placement_request_id', type: 'uuid', nullable: true })
  placementRequestId: string | null;

  /**
   * The first request of her request's chain (stay → transfer, noodbed → onward): the person, so
   * that registering another request of the same chain is a second registration of her.
   */
  @Column({ name: 'person_request_id', type: 'uuid', nullable: true })
  personRequestId: string | null;

  /**
   * Which of the request's people she is (1 … its groupSize), so a group's members are each
   * registered once and no more than the group holds; null without a request.
   */
  @Column({ type: 'smallint', nullable: true })
  member: number | null;

  /** The registering organisation (the org claim), not the person. */
  @Column({ name: 'registered_by_org', type: 'varchar', length: 64 })
  registeredByOrg: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
