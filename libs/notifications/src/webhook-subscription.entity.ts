import { EscalationFunction, Role, WebhookEventType } from '@opvangplek/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An organisation's webhook endpoint and what it receives (issue 14). Registered by ADMIN. */
@Entity('webhook_subscriptions')
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  organisation: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'enum', enum: WebhookEventType, enumName: 'webhook_event_type', array: true })
  events: WebhookEventType[];

  /** The shelters whose offers this endpoint receives. */
  @Column({ name: 'facility_ids', type: 'uuid', array: true, default: () => "'{}'" })
  facilityIds: string[];

  /** The regions whose escalations this endpoint receives: it is their escalation contact. */
  @Column({ name: 'escalation_regions', type: 'varchar', length: 8, array: true, default: () => "'{}'" })
  escalationRegions: string[];

  /** Whom an escalation reaches there (OvD bevolkingszorg, Regionale Tafel): the case says which function was told. */
  @Column({ name: 'contact_function', type: 'enum', enum: EscalationFunction, enumName: 'escalation_function', nullable: true })
  contactFunction: EscalationFunction | null;

  /** The organisation's part in the chain, as its tokens say it: which worklists' decisions reach it. */
  @Column({ name: 'decider_role', type: 'enum', enum: Role, enumName: 'role', nullable: true })
  deciderRole: Role | null;

  @Column({ name: 'decider_regions', type: 'varchar', length: 8, array: true, default: () => "'{}'" })
  deciderRegions: string[];

  /** The signing secret, sealed (FieldCipher, bound to this row); shown once, when created. */
  @Column({ name: 'secret', type: 'text' })
  sealedSecret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
