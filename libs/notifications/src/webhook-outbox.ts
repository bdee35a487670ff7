import { Inject, Injectable } from '@nestjs/common';
import { isInAudience, type WebhookNotification } from '@opvangplek/domain';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import type { EntityManager } from 'typeorm';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/** A delivery to send once the transaction that wrote it has committed. */
export interface QueuedDelivery {
  id: string;
  attempts: number;
}

/**
 * Writes the deliveries of a transaction's notifications into that transaction (the outbox): a
 * change that rolls back tells nobody, one that commits is sent even if the queue is down then
 * (the delivery sweep finds it). The caller enqueues the returned deliveries after commit.
 */
@Injectable()
export class WebhookOutbox {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async record(manager: EntityManager, notifications: readonly WebhookNotification[]): Promise<QueuedDelivery[]> {
    if (notifications.length === 0) return [];
    const endpoints = await manager.getRepository(WebhookSubscriptionEntity).find({ where: { active: true } });
    const now = this.clock.now();
    const rows = notifications.flatMap((notification) =>
      endpoints
        .filter((endpoint) => isInAudience(endpoint, notification))
        .map((endpoint) => ({
          subscriptionId: endpoint.id,
          notification,
          status: WebhookDeliveryStatus.PENDING,
          attempts: 0,
          nextAttemptAt: now,
        })),
    );
    if (rows.length === 0) return [];
    const inserted = await manager.getRepository(WebhookDeliveryEntity).insert(rows);
    return inserted.identifiers.map((identifier) => ({ id: identifier.id as string, attempts: 0 }));
  }
}
