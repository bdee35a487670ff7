import { Inject, Injectable } from '@nestjs/common';
import { isInAudience, type WebhookNotification } from '@opvangplek/domain';
import { CLOCK, type Clock } from '@opvangplek/platform';
import type { EntityManager } from 'typeorm';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

const ENDPOINTS_TTL_MS = 5_000;

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
  /** The active endpoints, read at most every ENDPOINTS_TTL_MS: offers are the hot path, endpoints change rarely. */
  private endpoints: { readAt: number; list: Promise<WebhookSubscriptionEntity[]> } | undefined;

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async record(manager: EntityManager, notifications: readonly WebhookNotification[]): Promise<QueuedDelivery[]> {
    if (notifications.length === 0) return [];
    const endpoints = await this.activeEndpoints(manager);
    const now = this.clock.now();
    const rows = notifications.flatMap((notification) =>
      endpoints
        .filter((endpoint) => isInAudience(endpoint, notification))
        .map((endpoint) => ({
          subscriptionId: endpoint.id,
          requestId: notification.requestId,
          notification,
          status: WebhookDeliveryStatus.PENDING,
          attempts: 0,
          nextAttemptAt: now,
          // The service's clock, like every time a case shows ("who was told, when").
          createdAt: now,
        })),
    );
    if (rows.length === 0) return [];
    const inserted = await manager.getRepository(WebhookDeliveryEntity).insert(rows);
    return inserted.identifiers.map((identifier) => ({ id: identifier.id as string, attempts: 0 }));
  }

  /**
   * Forgets the endpoints read, so this process sees a registration at once. Other processes see it
   * within ENDPOINTS_TTL_MS: a notification in those seconds does not reach the new endpoint.
   */
  forgetEndpoints(): void {
    this.endpoints = undefined;
  }

  private activeEndpoints(manager: EntityManager): Promise<WebhookSubscriptionEntity[]> {
    // Wall time, not the service's clock: this is a cache's age, not a fact of the domain.
    const now = Date.now();
    if (!this.endpoints || now - this.endpoints.readAt > ENDPOINTS_TTL_MS) {
      const list = manager.getRepository(WebhookSubscriptionEntity).find({ where: { active: true } });
      this.endpoints = { readAt: now, list };
      list.catch(() => this.forgetEndpoints());
    }
    return this.endpoints.list;
  }
}
