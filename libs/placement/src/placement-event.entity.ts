import { PlacementStatus, WaitingReason } from '@opvangplek/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The history of a request: every status it went through, who moved it, and why. Append-only. */
@Entity({ name: 'placement_events' })
@Index('placement_events_request_idx', ['requestId', 'id'])
export class PlacementEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ type: 'enum', enum: PlacementStatus, enumName: 'placement_status' })
  status: PlacementStatus;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Token subject, or `system:<job>`. */
  @Column({ type: 'varchar', length: 200 })
  by: string;

  /** Why the request waited (WAITING only): a code, not free text, so planners can count it. */
  @Column({ name: 'waiting_reason', type: 'enum', enum: WaitingReason, enumName: 'waiting_reason', nullable: true })
  waitingReason: WaitingReason | null;

  /** Sealed with the notes key (NoteCipher): encrypted at rest, opened only to show the history. */
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
