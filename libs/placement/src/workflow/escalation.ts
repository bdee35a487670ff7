import type { PlacementRequestEntity } from '../placement-request.entity';

/**
 * Escalates a request (its row is written by the caller's transition or persist) and gives the
 * history note. It says only what was done (domain.md §5a): no message goes out from here yet, so
 * the note says where the case is listed, never that anyone was told.
 */
export function escalate(request: PlacementRequestEntity, now: Date, why: string): string {
  request.escalated = true;
  request.escalatedAt = now;
  return (
    `escalated: ${why}; listed on region ${request.regionCode}'s escalation worklist (placementRequests with escalated: true) ` +
    `for its coordinators and CoMensha to take to the OvD bevolkingszorg (003:497); no message was sent`
  );
}
