import { PlacementNoteCode, StayOutcome, PlacementStatus, WaitingReason } from '@opvangplek/domain';
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

  /**
   * What the note says, as a code (placement-note.ts); null before notes had codes. A fact of the
   * workflow like the status, so it is kept in the clear.
   */
  @Column({ name: 'note_code', type: 'varchar', length: 40, nullable: true })
  noteCode: PlacementNoteCode | null;

  /** The note's parameters as JSON, sealed like the note: they hold what a person typed. */
  @Column({ name: 'note_params', type: 'text', nullable: true })
  noteParams: string | null;

  /** How a stay ended (ENDED, LEFT), in the clear so the figures can count it; null when not said. */
  @Column({ type: 'enum', enum: StayOutcome, enumName: 'stay_outcome', nullable: true })
  outcome: StayOutcome | null;

  /** How many people left at this step (ENDED, LEFT); null for every other step. */
  @Column({ type: 'smallint', nullable: true })
  people: number | null;
}
