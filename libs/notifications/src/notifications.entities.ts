import { StaleFigureNoticeEntity } from './stale-figure-notice.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/** The notifications feature's tables, for the data source (`@opvangplek/composition` lists every feature's). */
export const NOTIFICATIONS_ENTITIES = [WebhookSubscriptionEntity, WebhookDeliveryEntity, StaleFigureNoticeEntity];
