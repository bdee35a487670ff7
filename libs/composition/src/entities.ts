import { ACCESS_ENTITIES } from '@opvangplek/access';
import { CAPACITY_ENTITIES } from '@opvangplek/capacity';
import { NOTIFICATIONS_ENTITIES } from '@opvangplek/notifications';
import { PLACEMENT_ENTITIES } from '@opvangplek/placement';
import { REGISTRATION_ENTITIES } from '@opvangplek/registration';
import { REGISTRY_ENTITIES } from '@opvangplek/registry';

/**
 * Every persistent entity, in one list: the processes' data sources, the CLI and the migration
 * tooling all use it, so they cannot disagree about the schema. Each feature lists its own tables.
 */
export const ENTITIES = [
  ...REGISTRY_ENTITIES,
  ...CAPACITY_ENTITIES,
  ...PLACEMENT_ENTITIES,
  ...ACCESS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...REGISTRATION_ENTITIES,
];
