import { CapacityHistoryEntity } from './capacity-history.entity';

/** The capacity feature's tables, for the data source (`@opvangplek/composition` lists every feature's). */
export const CAPACITY_ENTITIES = [CapacityHistoryEntity];
