import type { AuditEntry, Viewer } from '@opvangplek/access';
import type { CapacityCounts, LedgerActor, CapacityChangedEvent } from '@opvangplek/capacity';
import type { WebhookEventType, WebhookNotification } from '@opvangplek/domain';
import type { PlacementEventEntity } from './placement-event.entity';
import type { PlacementRequestEntity } from './placement-request.entity';

/** Who the system is when a job changes something (history and capacity ledger). */
export const SYSTEM_ACTOR: LedgerActor = { by: 'system:placement', role: 'SYSTEM', org: 'opvangplek' };

/** A caller as the history and the capacity ledger name them. */
export function ledgerActor(viewer: Viewer): LedgerActor {
  return { by: viewer.sub, role: viewer.role, org: viewer.org };
}

/** A history row as stored (the note sealed). */
export type PlacementEventRow = Omit<PlacementEventEntity, 'id'>;

/**
 * History and audit rows of a transaction's status changes: written together, two statements
 * however many changes, just before the transaction commits (see `PlacementRepository.inTransaction`).
 */
export interface PendingRecords {
  events: PlacementEventRow[];
  audits: AuditEntry[];
}

/** What changed, to announce after commit (never before: a rolled-back change must not be seen). */
export interface Changes {
  requests: PlacementRequestEntity[];
  capacity: (CapacityChangedEvent & { counts?: CapacityCounts })[];
  after: (() => Promise<void>)[];
  records: PendingRecords;
  /** The history rows written by this transaction, in order (for an answer built without reading them back). */
  recorded: PlacementEventRow[];
  /** Whom to tell through webhooks: their deliveries are written with the records, sent after commit. */
  notifications: WebhookNotification[];
}

export const noChanges = (): Changes => ({
  requests: [],
  capacity: [],
  after: [],
  records: { events: [], audits: [] },
  recorded: [],
  notifications: [],
});

/**
 * Tells the organisations concerned that `type` happened to `request` (webhooks, issue 14): ids
 * and codes only. `facilityId` is the shelter concerned (the request's own by default).
 */
export function notify(
  changes: Changes,
  request: PlacementRequestEntity,
  type: WebhookEventType,
  at: Date,
  facilityId: string | null = request.facilityId,
): void {
  changes.notifications.push({
    type,
    at: at.toISOString(),
    requestId: request.id,
    status: request.status,
    regionCode: request.regionCode,
    facilityId,
    reason: request.waitingReason ?? null,
    requestedByOrg: request.requestedByOrg,
    waitingForAuthority: request.waitingForAuthority,
    waitingForOrganisation: request.waitingForOrganisation,
  });
}
