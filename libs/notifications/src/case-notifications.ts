import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WebhookEventType } from '@opvangplek/domain';
import { type DataSource, In } from 'typeorm';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import type { CaseNotificationModel } from './models/case-notification.model';

/**
 * The alerts a case raised, as the people on it may read them: escalations and worklist decisions,
 * to which organisation, when, whether it arrived and whether they acknowledged it. Offers to
 * shelters are left out: an operator's name next to a secret-address offer would say where she is.
 */
const ALERTS = [WebhookEventType.ESCALATED, WebhookEventType.DECISION_WAITING];

@Injectable()
export class CaseNotifications {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(requestId: string): Promise<CaseNotificationModel[]> {
    const deliveries = await this.dataSource.getRepository(WebhookDeliveryEntity).find({
      where: { requestId },
      order: { createdAt: 'ASC' },
    });
    const alerts = deliveries.filter((delivery) => ALERTS.includes(delivery.notification.type));
    if (alerts.length === 0) return [];
    const endpoints = await this.dataSource.getRepository(WebhookSubscriptionEntity).find({
      select: { id: true, organisation: true, escalationRegions: true, contactFunction: true },
      where: { id: In([...new Set(alerts.map((a) => a.subscriptionId))]) },
    });
    const endpointOf = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
    return alerts.map((delivery) => {
      const endpoint = endpointOf.get(delivery.subscriptionId);
      // The function told, when it was told as the region's escalation contact (not as the requester).
      const asContact =
        delivery.notification.type === WebhookEventType.ESCALATED &&
        endpoint?.escalationRegions.includes(delivery.notification.regionCode) === true;
      return {
        organisation: endpoint?.organisation ?? '',
        contactFunction: asContact ? (endpoint?.contactFunction ?? null) : null,
        type: delivery.notification.type,
        at: delivery.createdAt,
        status: delivery.status,
        deliveredAt: delivery.deliveredAt,
        acknowledgedAt: delivery.acknowledgedAt,
      };
    });
  }
}
