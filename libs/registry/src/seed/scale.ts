/**
 * A register n times as large, for benchmarks (n = 10, n = 100 ≈ 100k places): the same regions, and
 * every facility copied n − 1 times with a unique key (`${key}~${i}`), a unique name and coordinates
 * moved a little. Copies keep the kind, eligibility and capacity of their original, so every
 * invariant of the register (valid capacity, placing authority per kind) still holds.
 */
import { jitter } from './deterministic';
import { NationalRegister } from './national-register.data';
import { SeedFacility } from './facility-builder';

/** How far a copy may move from its original, in degrees (about ±5 km). */
const COPY_SPREAD = 0.05;

function copyFacility(facility: SeedFacility): SeedFacility {
  return {
    ...facility,
    intakeHours: facility.intakeHours ? { ...facility.intakeHours, days: [...facility.intakeHours.days] } : null,
    eligibility: {
      ...facility.eligibility,
      genders: [...facility.eligibility.genders],
      exploitationTypes: [...facility.eligibility.exploitationTypes],
      residenceStatuses: [...facility.eligibility.residenceStatuses],
      b8Statuses: [...facility.eligibility.b8Statuses],
      acceptsCareNeeds: [...facility.eligibility.acceptsCareNeeds],
    },
    capacity: { ...facility.capacity },
  };
}

export function scaleRegister(register: NationalRegister, n: number): NationalRegister {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`scaleRegister needs a whole number n ≥ 1, got ${n}`);
  }
  const facilities: SeedFacility[] = register.facilities.map(copyFacility);
  for (let i = 1; i < n; i++) {
    for (const original of register.facilities) {
      const key = `${original.key}~${i}`;
      facilities.push({
        ...copyFacility(original),
        key,
        name: `${original.name} #${i + 1}`,
        latitude: jitter(original.latitude, COPY_SPREAD, key, 'lat'),
        longitude: jitter(original.longitude, COPY_SPREAD, key, 'lon'),
      });
    }
  }
  return { regions: register.regions.map((region) => ({ ...region })), facilities };
}
