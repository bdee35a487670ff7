import {
  EscalationCause,
  type PlacementNote,
  placementNote,
  PlacementNoteCode,
  type PlacementNoteParams,
} from '@opvangplek/domain';
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

/**
 * Escalates an ACUTE request that has no place to go `minutes` after it came in (escalation-due.ts),
 * and gives its history note; the sweep and a matching attempt write it the same way.
 */
export function escalateNoPlaceInTime(request: PlacementRequestEntity, now: Date, minutes: number): PlacementNote {
  return placementNote(PlacementNoteCode.ESCALATED, escalate(request, now, EscalationCause.NO_PLACE_IN_TIME, { minutes }));
}
