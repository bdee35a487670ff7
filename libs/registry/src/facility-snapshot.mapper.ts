import type { FacilitySnapshot } from '@opvangplek/domain';
import type { LoadedFacility } from './facility-definitions';

/** The facility as the pure matcher sees it: its definition, id and live capacity. */
export function toFacilitySnapshot(facility: LoadedFacility): FacilitySnapshot {
  const { capacity } = facility;
  return {
    id: facility.id,
    key: facility.key,
    name: facility.name,
    type: facility.type,
    operator: facility.operator,
    regionCode: facility.regionCode,
    municipality: facility.municipality,
    latitude: facility.latitude,
    longitude: facility.longitude,
    secretAddress: facility.secretAddress,
    address: facility.address,
    intakePhone: facility.intakePhone,
    placingAuthority: facility.placingAuthority,
    intakeHours: facility.intakeHours,
    eligibility: { ...facility.eligibility },
    maxStayDays: facility.maxStayDays,
    updateCadence: facility.updateCadence,
    capacity: { total: capacity.total, occupied: capacity.occupied, held: capacity.held, outOfService: capacity.outOfService },
    capacityUpdatedAt: capacity.confirmedAt,
  };
}
