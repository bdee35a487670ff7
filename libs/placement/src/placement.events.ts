import type { PlacementStatus } from '@opvangplek/domain';

/** Published on EventChannel.PlacementRequestUpdated after a change commits. Ids only: receivers re-read. */
export interface PlacementRequestUpdatedEvent {
  requestId: string;
  status: PlacementStatus;
}

export function isPlacementRequestUpdatedEvent(payload: unknown): payload is PlacementRequestUpdatedEvent {
  const event = payload as Partial<PlacementRequestUpdatedEvent> | null;
  return typeof event?.requestId === 'string' && typeof event.status === 'string';
}
