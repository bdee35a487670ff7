import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The history of a request's profile (issue 14): one row per change, append-only. What changed
 * from what to what, and why, is about the person, so it is sealed with the notes key (`change`);
 * only the names of the fields and who changed them are in the clear. Erased with the profile.
 */
@Entity({ name: 'placement_profile_changes' })
@Unique('placement_profile_changes_version_uq', ['requestId', 'version'])
export class ProfileChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'placement_profile_changes_pkey' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  /** The profile version this change made (the first profile is version 1). */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Token subject of who made the change. */
  @Column({ type: 'varchar', length: 200 })
  by: string;

  /** The names of the fields that changed (never their values). */
  @Column({ type: 'text', array: true })
  fields: string[];

  /** Sealed JSON: `{ before, after, reason }` of the changed fields; null once erased (retention). */
  @Column({ type: 'text', nullable: true })
  change: string | null;
}
