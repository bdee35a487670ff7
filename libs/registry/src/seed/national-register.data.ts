/**
 * The realistic national shelter register (domain.md §7): all 35 centrumgemeente regions, each with
 * VO and MO locations, 3 COSM, 36 OMM places over 6 locations, 3 NLA crisis locations, a few
 * noodbedden and jeugdzorg places. Pure and deterministic: every call returns fresh, deep-equal data.
 * The lead's loader writes it into PostgreSQL.
 */
import { Region } from '@opvangplek/domain';
import { SeedFacility, buildFacility } from './facility-builder';
import { nationalFacilitySpecs } from './national.data';
import { regionalFacilitySpecs } from './regional.data';
import { seedRegions } from './regions.data';

export type { SeedFacility } from './facility-builder';

export interface NationalRegister {
  regions: Region[];
  facilities: SeedFacility[];
}

export function nationalRegister(): NationalRegister {
  return {
    regions: seedRegions(),
    facilities: [...regionalFacilitySpecs(), ...nationalFacilitySpecs()].map(buildFacility),
  };
}
