import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum CapacityChangeKind {
  /** Staff set new counts. */
  UPDATE = 'UPDATE',
  /** Staff confirmed the counts are still true. */
  CONFIRM = 'CONFIRM',
  /** The register was loaded or changed by an administrator. */
  REGISTER = 'REGISTER',
  /** Places held for an offer. */
  HOLD = 'HOLD',
  /** Held places given back (declined, lapsed, cancelled). */
  RELEASE = 'RELEASE',
  /** Held places became occupied: the person arrived. */
  ARRIVAL = 'ARRIVAL',
  /** Occupied places freed: the stay ended. */
  DEPARTURE = 'DEPARTURE',
  /** The drift check set `held` to the places its active holds take (nothing else was held). */
  DRIFT_REPAIR = 'DRIFT_REPAIR',
}

/** Append-only: who changed which counts, when; feeds the planner's occupancy history. */
@Entity({ name: 'capacity_history' })
@Index('capacity_history_facility_time_idx', ['facilityId', 'changedAt'])
export class CapacityHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId: string;

  @Column({ type: 'enum', enum: CapacityChangeKind, enumName: 'capacity_change_kind' })
  kind: CapacityChangeKind;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'integer' })
  total: number;

  @Column({ type: 'integer' })
  occupied: number;

  @Column({ type: 'integer' })
  held: number;

  @Column({ name: 'out_of_service', type: 'integer' })
  outOfService: number;

  /** Token subject of the person, or `system:<job>` for automatic changes. */
  @Column({ name: 'changed_by', type: 'varchar', length: 200 })
  changedBy: string;

  @Column({ name: 'changed_by_role', type: 'varchar', length: 40 })
  changedByRole: string;

  @Column({ name: 'changed_by_org', type: 'varchar', length: 200 })
  changedByOrg: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
