import { SweepRunEntity } from './sweep-run.entity';
import { PlacementEventEntity } from './placement-event.entity';
import { PlacementHoldEntity } from './placement-hold.entity';
import { PlacementRequestEntity } from './placement-request.entity';
import { ProfileChangeEntity } from './profile-change.entity';

/** The placement feature's tables, for the data source (`@opvangplek/composition` lists every feature's). */
export const PLACEMENT_ENTITIES = [
  PlacementRequestEntity,
  PlacementHoldEntity,
  PlacementEventEntity,
  ProfileChangeEntity,
  SweepRunEntity,
];
