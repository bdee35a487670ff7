import { CapacityHistoryEntity } from './capacity-history.entity';
import { CapacityEntity } from './capacity.entity';

/** The capacity feature's tables, for the data source (`@opvangplek/composition` lists every feature's). */
export const CAPACITY_ENTITIES = [CapacityEntity, CapacityHistoryEntity];
