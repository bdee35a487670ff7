import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit log (issue: privacy): who did what, when, to which request or facility. Never holds
 * profile data, only the fact of an access or a change. Append-only, enforced by a trigger; each
 * row is chained to the previous one by `hash` (sealed shortly after insert, in id order), so
 * removing or editing a row breaks the chain (`npm run audit:verify`).
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_at_idx', ['at'])
@Index('audit_log_request_idx', ['requestId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /**
   * When the database received the row: set by a trigger, whatever the INSERT says, so a row
   * inserted with a backdated `at` shows it. Null for rows from before the column existed.
   */
  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true, default: () => 'now()' })
  recordedAt: Date | null;

  @Column({ name: 'actor_sub', type: 'varchar', length: 200 })
  actorSub: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 40 })
  actorRole: string;

  @Column({ name: 'actor_org', type: 'varchar', length: 200 })
  actorOrg: string;

  /** What happened, e.g. `capacity.update`, `placement.status`, `auth.failure`, `access.forbidden`. */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ name: 'facility_id', type: 'uuid', nullable: true })
  facilityId: string | null;

  /** Short, non-personal detail (a status, a reason code, an operation name). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail: string | null;

  /**
   * The application's MAC over the facts, written with the row (platform's crypto/audit-row-mac.ts): a row inserted
   * with the database login alone has none that verifies. Null for rows from before it existed.
   * Unique: a valid MAC copied into another row is refused.
   */
  @Index('audit_log_row_mac_uq', { unique: true })
  @Column({ name: 'row_mac', type: 'varchar', length: 100, nullable: true })
  rowMac: string | null;

  /**
   * Position in the chain, given when sealed. Not `id`: ids are taken at insert, but transactions
   * commit in another order, so the chain follows the order rows were sealed in.
   */
  @Index('audit_log_seq_uq', { unique: true })
  @Column({ type: 'bigint', nullable: true })
  seq: string | null;

  /** Hash of the previous sealed row; null until sealed. */
  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash: string | null;

  /**
   * How the row was sealed: `sha256` (the first, unkeyed chain), `hmac-sha256` (AUDIT_KEY, before
   * row MACs), `hmac-sha256-app` / `hmac-sha256-foreign` (AUDIT_KEY over the facts and the row MAC,
   * which the sealer found valid / not valid).
   */
  @Column({ type: 'varchar', length: 20, nullable: true })
  alg: string | null;
}
