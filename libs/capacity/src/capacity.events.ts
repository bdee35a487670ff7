import type { ShelterType } from '@opvangplek/domain';

/** Published on EventChannel.CapacityChanged after a change commits. Ids only: receivers re-read. */
export interface CapacityChangedEvent {
  facilityId: string;
  regionCode: string;
  type: ShelterType;
  version: number;
  /** Set when the change left more places free than before (a staff update): the worker then re-tries those waiting. */
  freed?: boolean;
}

export function isCapacityChangedEvent(payload: unknown): payload is CapacityChangedEvent {
  const event = payload as Partial<CapacityChangedEvent> | null;
  return typeof event?.facilityId === 'string' && typeof event.regionCode === 'string' && typeof event.type === 'string';
}
