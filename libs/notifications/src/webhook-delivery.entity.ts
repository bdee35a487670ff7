import type { WebhookNotification } from '@opvangplek/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Every try failed (or the endpoint was disabled): listed for ADMIN, sent again only on request. */
  DEAD = 'DEAD',
}

/**
 * One notification for one endpoint: the outbox row written in the same transaction as the change
 * it tells of (so nothing is announced that rolled back, and nothing is lost when Redis is away),
 * and the record of every try.
 */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_due', ['status', 'nextAttemptAt'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  /** The request it tells of (also in `notification`; a column to find a case's deliveries by); null for a facility's own event. */
  @Index('webhook_deliveries_request')
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  /** Ids and codes only (WebhookNotification): no address, no profile. */
  @Column({ type: 'jsonb' })
  notification: WebhookNotification;

  @Column({
    type: 'enum',
    enum: WebhookDeliveryStatus,
    enumName: 'webhook_delivery_status',
    default: WebhookDeliveryStatus.PENDING,
  })
  status: WebhookDeliveryStatus;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  /** A process sending it now holds it until then (several workers never send one delivery at once). */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'last_status', type: 'smallint', nullable: true })
  lastStatus: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** When the receiver said a person has seen it (POST /webhooks/acknowledge, signed with its secret). */
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;
}
