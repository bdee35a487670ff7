import {
  type GroupMember,
  type AnonymousFacts,
  PlacementStatus,
  PlacingAuthority,
  Role,
  ShelterType,
  TransferReason,
  Urgency,
  type VictimProfile,
  WaitingReason,
} from '@opvangplek/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A request for a place, written before anything is queued so it is never lost. Jobs carry only
 * its id and `attempt`; every job re-reads this row and does nothing when the row says it is done.
 */
@Entity({ name: 'placement_requests' })
// The idempotency key: one request per organisation and reference, whichever process inserts first.
@Index('placement_requests_client_reference_uq', ['requestedByOrg', 'clientReferenceLookup'], {
  unique: true,
  where: '"client_reference_lookup" IS NOT NULL',
})
// A submission without clientReference: its caller's and payload's lookup, to find a retry within the window.
@Index('placement_requests_implicit_retry_idx', ['requestedByOrg', 'implicitRetryKey', 'createdAt'], {
  where: '"implicit_retry_key" IS NOT NULL',
})
@Index('placement_requests_status_idx', ['status', 'urgency', 'createdAt'])
// The planners' figures select requests by when they were made and when they were placed.
@Index('placement_requests_created_idx', ['createdAt'])
@Index('placement_requests_placed_idx', ['placedAt'])
@Check('placement_requests_group_size', '"group_size" BETWEEN 1 AND 200')
export class PlacementRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: PlacementStatus, enumName: 'placement_status' })
  status: PlacementStatus;

  @Column({ type: 'enum', enum: Urgency, enumName: 'urgency' })
  urgency: Urgency;

  /** The region the request is for (the coordinator's region; where the person was found). */
  @Column({ name: 'region_code', type: 'varchar', length: 8 })
  regionCode: string;

  /**
   * Pseudonymous profile (no names, ever). Deleted by the retention job after the request ends.
   * Not a column: the database keeps it sealed (`sealedProfile`); the repository opens it on every
   * read and seals it on every write (request-sealing.ts), so nothing else handles ciphertext.
   */
  profile: VictimProfile | null;

  @Column({ name: 'profile', type: 'text', nullable: true })
  sealedProfile: string | null;

  /**
   * Anonymous facts for the planners' figures, derived from the profile when it is written, and
   * all that remains after the retention period. Sealed like the profile (`sealedFacts`).
   */
  facts: AnonymousFacts | null;

  @Column({ name: 'facts', type: 'text', nullable: true })
  sealedFacts: string | null;

  /** When the profile and the notes were erased (retention); null while they are kept. */
  @Column({ name: 'profile_erased_at', type: 'timestamptz', nullable: true })
  profileErasedAt: Date | null;

  @Column({ name: 'group_size', type: 'smallint', default: 1 })
  groupSize: number;

  /** Only these kinds (a follow-up's onward kind, a noodbed request); empty = any. */
  @Column({ type: 'enum', enum: ShelterType, enumName: 'shelter_type', array: true, default: () => "'{}'" })
  types: ShelterType[];

  /**
   * The caller's idempotency key: free text of the caller's system (it may carry a name or another
   * system's case number), so not a column either (issue 12). The database keeps it sealed
   * (`sealedClientReference`, to show it back) and, for finding a retry, a keyed lookup value
   * (`clientReferenceLookup`, request-sealing.ts); retention erases both.
   */
  clientReference: string | null;

  @Column({ name: 'client_reference', type: 'text', nullable: true })
  sealedClientReference: string | null;

  /** HMAC-SHA256 (hex) of organisation and reference under a key derived from NOTES_KEY; unique per organisation. */
  @Column({ name: 'client_reference_lookup', type: 'varchar', length: 64, nullable: true })
  clientReferenceLookup: string | null;

  /**
   * Without a clientReference: HMAC-SHA256 (hex) of the caller (token subject) and the canonical
   * payload, under a key derived from NOTES_KEY; the same again within IMPLICIT_RETRY_SECONDS is a retry.
   */
  @Column({ name: 'implicit_retry_key', type: 'varchar', length: 64, nullable: true })
  implicitRetryKey: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 200 })
  requestedBy: string;

  @Column({ name: 'requested_by_role', type: 'enum', enum: Role, enumName: 'role' })
  requestedByRole: Role;

  @Column({ name: 'requested_by_org', type: 'varchar', length: 200 })
  requestedByOrg: string;

  /** Bumped each time matching starts over (decline, lapse): makes job ids deterministic per attempt. */
  @Column({ type: 'integer', default: 0 })
  attempt: number;

  /**
   * The attempt whose offer a noodbed call's answer named (the police were told to drive there):
   * that offer is a place to go until it is withdrawn, which bumps `attempt` (escalation-due.ts).
   */
  @Column({ name: 'told_attempt', type: 'integer', nullable: true })
  toldAttempt: number | null;

  /** The facility offered or placed at (for a split group: the one with the most places). */
  @Column({ name: 'facility_id', type: 'uuid', nullable: true })
  facilityId: string | null;

  @Column({ name: 'offer_expires_at', type: 'timestamptz', nullable: true })
  offerExpiresAt: Date | null;

  @Column({ name: 'waiting_reason', type: 'enum', enum: WaitingReason, enumName: 'waiting_reason', nullable: true })
  waitingReason: WaitingReason | null;

  @Column({ name: 'waiting_for_authority', type: 'enum', enum: PlacingAuthority, enumName: 'placing_authority', nullable: true })
  waitingForAuthority: PlacingAuthority | null;

  /** With AWAITING_AUTHORITY: the organisation that decides, when one is named (Nidos, 003:689-695). */
  @Column({ name: 'waiting_for_organisation', type: 'varchar', length: 64, nullable: true })
  waitingForOrganisation: string | null;

  /** With AWAITING_AUTHORITY: the kind the authority is asked to place in. */
  @Column({ name: 'waiting_for_kind', type: 'enum', enum: ShelterType, enumName: 'shelter_type', nullable: true })
  waitingForKind: ShelterType | null;

  /** Kinds an authority handed back (returnRequest): not matched again for this request. */
  @Column({
    name: 'returned_types',
    type: 'enum',
    enum: ShelterType,
    enumName: 'shelter_type',
    array: true,
    default: () => "'{}'",
  })
  returnedTypes: ShelterType[];

  /**
   * Where she is registered, else where she was found (002:726-729): the municipality that is
   * responsible. Derived from the profile, so sealed like it (`sealedResponsibleMunicipality`).
   */
  responsibleMunicipality: string | null;

  @Column({ name: 'responsible_municipality', type: 'text', nullable: true })
  sealedResponsibleMunicipality: string | null;

  /** Criminal exploitation: the requester recorded the screeningsoverleg's route decision with the OM (003:490). */
  @Column({ name: 'route_decided', type: 'boolean', default: false })
  routeDecided: boolean;

  @Index('placement_requests_next_attempt_idx')
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** Facilities that declined or let an offer lapse: not offered again for this request. */
  @Column({ name: 'skipped_facility_ids', type: 'uuid', array: true, default: () => "'{}'" })
  skippedFacilityIds: string[];

  @Column({ name: 'placed_at', type: 'timestamptz', nullable: true })
  placedAt: Date | null;

  @Column({ name: 'stay_ends_at', type: 'timestamptz', nullable: true })
  stayEndsAt: Date | null;

  @Column({ name: 'stay_alert_at', type: 'timestamptz', nullable: true })
  stayAlertAt: Date | null;

  @Column({ type: 'boolean', default: false })
  overstay: boolean;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  escalated: boolean;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  /** The parts of one group request share this id: the first part's (003:484). */
  @Index('placement_requests_group_idx')
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  /** The group's members this part holds, each with her profile (no names: a pseudonymous label). Sealed (`sealedMembers`). */
  members: GroupMember[] | null;

  @Column({ name: 'members', type: 'text', nullable: true })
  sealedMembers: string | null;

  /** On an onward request: the noodbed/interim request it follows (the contract's `bridge`). */
  @Index('placement_requests_bridge_idx')
  @Column({ name: 'bridge_request_id', type: 'uuid', nullable: true })
  bridgeRequestId: string | null;

  /** Bumped by each profile change (updateVictimProfile); the first profile is version 1. */
  @Column({ name: 'profile_version', type: 'integer', default: 1 })
  profileVersion: number;

  /**
   * When her bedenktijd ends (003:661), derived from the profile at every write: a workflow moment
   * like stayEndsAt, so the sweep can warn ahead of it. Null when she is not in bedenktijd.
   */
  @Index('placement_requests_bedenktijd_idx', { where: '"bedenktijd_alerted" = false' })
  @Column({ name: 'bedenktijd_ends_at', type: 'timestamptz', nullable: true })
  bedenktijdEndsAt: Date | null;

  /** The sweep warned of this bedenktijd's end (once; reset when the bedenktijd changes). */
  @Column({ name: 'bedenktijd_alerted', type: 'boolean', default: false })
  bedenktijdAlerted: boolean;

  /** Set on a transfer (an onward request from the stay `bridgeRequestId`): why she moves. */
  @Column({ name: 'transfer_reason', type: 'enum', enum: TransferReason, enumName: 'transfer_reason', nullable: true })
  transferReason: TransferReason | null;

  /** The requester's choice of parallel offers (issue 18): null = the urgency's default, true = several at once, false = one at a time. */
  @Column({ name: 'parallel_offers', type: 'boolean', nullable: true })
  parallelOffers: boolean | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
