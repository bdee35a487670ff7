import { DeclineReason, OfferAnswer } from '@opvangplek/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum HoldState {
  /** Places counted in capacity.held. */
  HELD = 'HELD',
  /** Moved to capacity.occupied on arrival. */
  OCCUPIED = 'OCCUPIED',
  /** Given back (declined, lapsed, cancelled, stay ended). */
  RELEASED = 'RELEASED',
}

/**
 * Places a request holds or occupies at one facility. The capacity row's `held`/`occupied` and
 * these rows change in the same transaction, so they can always be reconciled.
 */
@Entity({ name: 'placement_holds' })
@Index('placement_holds_request_idx', ['requestId'])
@Index('placement_holds_facility_state_idx', ['facilityId', 'state'])
@Index('placement_holds_created_idx', ['createdAt'])
@Check('placement_holds_places', '"places" > 0')
export class PlacementHoldEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId: string;

  @Column({ type: 'integer' })
  places: number;

  @Column({ type: 'enum', enum: HoldState, enumName: 'hold_state' })
  state: HoldState;

  /** Held until then: for an offer, the answer; once accepted, her arrival (the sweep releases a share that never came). */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** When this facility's staff accepted its share (a group's shares are accepted each by their own staff). */
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  /** One of several places held at once for one person (a parallel offer): the first accepted wins. */
  @Column({ type: 'boolean', default: false })
  parallel: boolean;

  /** A parallel offer's hold released because another facility accepted first: when that was. */
  @Column({ name: 'taken_elsewhere_at', type: 'timestamptz', nullable: true })
  takenElsewhereAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /**
   * How the facility answered this offer (issue 18), in the clear so the response figures can count
   * it; null while open, and when the offer closed without its answer (the requester cancelled,
   * another share of the group was declined).
   */
  @Column({ type: 'enum', enum: OfferAnswer, enumName: 'offer_answer', nullable: true })
  answer: OfferAnswer | null;

  /** When it was accepted or declined (a lapse is no answer: null). */
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** DECLINED only: why, as a code; the typed reason stays sealed in the history. */
  @Column({ name: 'decline_reason', type: 'enum', enum: DeclineReason, enumName: 'decline_reason', nullable: true })
  declineReason: DeclineReason | null;
}
