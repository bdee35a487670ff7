import {
  EscalationCause,
  escalationDue,
  type PlacementNote,
  placementNote,
  PlacementNoteCode,
  type PlacementNoteParams,
  WebhookEventType,
} from '@opvangplek/domain';
import type { EntityManager } from 'typeorm';
import { type Changes, notify, SYSTEM_ACTOR } from '../placement-changes';
import type { PlacementRequestEntity } from '../placement-request.entity';
import type { PlacementRepository } from '../placement.repository';

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

/**
 * In the caller's transaction, escalates `request` if it is due (escalation-due.ts): its row, its
 * history note and the ESCALATED webhook. Called where a request is left without a place to go
 * (an offer withdrawn, an accepted place given back) and after each matching attempt, so she is
 * escalated at that moment rather than at the next sweep. True when it escalated her.
 */
export async function escalateIfDue(
  repository: PlacementRepository,
  manager: EntityManager,
  changes: Changes,
  request: PlacementRequestEntity,
  now: Date,
  minutes: number,
): Promise<boolean> {
  if (!escalationDue(request, now, minutes)) return false;
  const note = escalateNoPlaceInTime(request, now, minutes);
  await repository.persist(manager, request);
  await repository.record(manager, request, request.status, SYSTEM_ACTOR, note, changes.records);
  notify(changes, request, WebhookEventType.ESCALATED, now);
  if (!changes.requests.includes(request)) changes.requests.push(request);
  return true;
}
