import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { FacilityEntity } from '@opvangplek/registry';

/**
 * The live count of one facility's places. The CHECKs are the last line of defence against
 * overbooking: whatever a bug or a race does, the database refuses a negative or over-full row.
 * `version` gives optimistic concurrency for staff updates (a stale write is a CONFLICT). The
 * capacity feature alone writes this table (the ledger, staff updates, `openCapacities`); others
 * read facilities with their counts through RegisterReader.
 */
@Entity({ name: 'capacity' })
@Check('capacity_counts_non_negative', '"total" >= 0 AND "occupied" >= 0 AND "held" >= 0 AND "out_of_service" >= 0')
@Check('capacity_within_total', '"occupied" + "held" + "out_of_service" <= "total"')
export class CapacityEntity {
  @PrimaryColumn({ name: 'facility_id', type: 'uuid' })
  facilityId: string;

  @OneToOne(() => FacilityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facility_id' })
  facility?: FacilityEntity;

  @Column({ type: 'integer' })
  total: number;

  @Column({ type: 'integer' })
  occupied: number;

  @Column({ type: 'integer', default: 0 })
  held: number;

  @Column({ name: 'out_of_service', type: 'integer', default: 0 })
  outOfService: number;

  /** Bumped by every change; a staff update must name the version it read. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** When any count last changed (staff, holds, arrivals). */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /**
   * When staff last vouched for the counts (an update or a confirmation). Freshness is measured
   * from here: a hold taken by the system says nothing about whether the staff's numbers are true.
   * `null` = never confirmed since the register was loaded.
   */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}
