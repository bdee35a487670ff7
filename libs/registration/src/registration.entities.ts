import { VictimRegistrationEntity } from './victim-registration.entity';

/** The registration feature's tables, for the data source (`@opvangplek/composition` lists every feature's). */
export const REGISTRATION_ENTITIES = [VictimRegistrationEntity];
