import { EscalationCause, type PlacementNoteParams } from '@opvangplek/domain';
import type { PlacementRequestEntity } from '../placement-request.entity';

/**
 * Escalates a request (its row is written by the caller's transition or persist) and gives what
 * the history note says about it (placement-note.ts): why, and on which region's worklist it is
 * listed. No message goes out from here yet (domain.md §5a), so the note never says anyone was told.
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
