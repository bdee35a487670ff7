import { FacilityEntity } from './facility.entity';
import { MunicipalityEntity } from './municipality.entity';
import { RegionEntity } from './region.entity';

/** The registry's tables, for the data source (`@opvangplek/composition` lists every feature's). */
export const REGISTRY_ENTITIES = [RegionEntity, MunicipalityEntity, FacilityEntity];
