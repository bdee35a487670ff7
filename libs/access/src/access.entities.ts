import { AuditEntryEntity } from './audit/audit-entry.entity';

/** The access feature's tables, for the data source (`@opvangplek/composition` lists every feature's). */
export const ACCESS_ENTITIES = [AuditEntryEntity];
