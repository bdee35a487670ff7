/**
 * Every persistent entity, in one list: the application's data source and the migration tooling
 * both use it, so they cannot disagree about the schema.
 */
import { AuditEntryEntity } from '@opvangplek/access/audit/audit-entry.entity';
import { RegionEntity } from '@opvangplek/registry/region.entity';
import { FacilityEntity } from '@opvangplek/registry/facility.entity';
import { MunicipalityEntity } from '@opvangplek/registry/municipality.entity';
import { CapacityEntity } from '@opvangplek/registry/capacity.entity';
import { CapacityHistoryEntity } from '@opvangplek/capacity/capacity-history.entity';
import { PlacementEventEntity } from '@opvangplek/placement/placement-event.entity';
import { PlacementHoldEntity } from '@opvangplek/placement/placement-hold.entity';
import { PlacementRequestEntity } from '@opvangplek/placement/placement-request.entity';
import { ProfileChangeEntity } from '@opvangplek/placement/profile-change.entity';
import { WebhookDeliveryEntity } from '@opvangplek/notifications/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from '@opvangplek/notifications/webhook-subscription.entity';
import { StaleFigureNoticeEntity } from '@opvangplek/notifications/stale-figure-notice.entity';
import { VictimRegistrationEntity } from '@opvangplek/registration/victim-registration.entity';

export const ENTITIES = [
  RegionEntity,
  MunicipalityEntity,
  FacilityEntity,
  CapacityEntity,
  CapacityHistoryEntity,
  PlacementRequestEntity,
  PlacementHoldEntity,
  PlacementEventEntity,
  ProfileChangeEntity,
  AuditEntryEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  StaleFigureNoticeEntity,
  VictimRegistrationEntity,
];
