import { EscalationCause, type PlacementNoteParams } from '@opvangplek/domain';
import type { PlacementRequestEntity } from '../placement-request.entity';

/**
 * Escalates a request (its row is written by the caller's transition or persist) and gives what
 * the history note says about it (placement-note.ts): why, and on which region's worklist it is
 * listed. The message to the region's escalation contacts is the webhook the sweep's transaction
 * writes to its outbox (libs/notifications); the note says where it goes, not that it arrived.
 */
export function escalate(
  request: PlacementRequestEntity,
  now: Date,
  because: EscalationCause,
  detail: Pick<PlacementNoteParams, 'minutes' | 'requestId'> = {},
): PlacementNoteParams {
  request.escalated = true;
  request.escalatedAt = now;
  return { escalatedBecause: because, ...detail, regionCode: request.regionCode };
}
