import { Inject, Injectable, Logger } from '@nestjs/common';
import { nextDeliveryDelay, webhookBody } from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, FIELD_CIPHER, FieldCipher } from '@opvangplek/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, LessThanOrEqual } from 'typeorm';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from '../webhook-delivery.entity';
import { type WebhookDeliveryJobData, WebhookQueue } from '../webhook-queue';
import { secretContext } from '../webhook-secrets';
import { WebhookSender } from '../webhook-sender';
import { WebhookSubscriptionEntity } from '../webhook-subscription.entity';

/** How long a process may take over one try before another may claim the delivery. */
const CLAIM_MARGIN_MS = 5_000;

/**
 * One try of one delivery, and the sweep that re-queues tries the queue lost. Several worker
 * processes may run both: a try is claimed in the database first (a lease on the row, for the
 * try the job was queued for), so one delivery is never sent twice at once nor twice for one try.
 * Delivery is at least once: a receiver that answers after the timeout may get the same
 * `deliveryId` again, and should ignore a repeat.
 */
@Injectable()
export class WebhookDeliveryJob {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sender: WebhookSender,
    private readonly queue: WebhookQueue,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run({ deliveryId, attempts }: WebhookDeliveryJobData): Promise<void> {
    const now = this.clock.now();
    const claimed: unknown[] = await this.dataSource.query(
      `UPDATE webhook_deliveries SET claimed_until = $3
        WHERE id = $1 AND attempts = $2 AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < $4)
        RETURNING id`,
      [deliveryId, attempts, new Date(now.getTime() + this.config.webhooks.timeoutMs + CLAIM_MARGIN_MS), now],
    );
    // UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const rows = Array.isArray(claimed[0]) ? (claimed[0] as unknown[]) : claimed;
    if (rows.length === 0) return;
    const deliveries = this.dataSource.getRepository(WebhookDeliveryEntity);
    const delivery = await deliveries.findOneByOrFail({ id: deliveryId });
    const endpoint = await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id: delivery.subscriptionId });
    if (!endpoint?.active) {
      await deliveries.update(
        { id: deliveryId },
        { status: WebhookDeliveryStatus.DEAD, claimedUntil: null, lastError: 'the endpoint was disabled' },
      );
      return;
    }
    const result = await this.sender.send({
      url: endpoint.url,
      secret: this.cipher.open(endpoint.sealedSecret, secretContext(endpoint.id)),
      body: JSON.stringify(webhookBody(delivery.id, delivery.notification)),
      type: delivery.notification.type,
      deliveryId: delivery.id,
      at: this.clock.now(),
    });
    const made = attempts + 1;
    const after = this.clock.now();
    if (result.ok) {
      await deliveries.update(
        { id: deliveryId },
        {
          status: WebhookDeliveryStatus.DELIVERED,
          attempts: made,
          claimedUntil: null,
          lastStatus: result.status,
          lastError: null,
          deliveredAt: after,
        },
      );
      return;
    }
    const delay = nextDeliveryDelay(made, {
      maxAttempts: this.config.webhooks.maxAttempts,
      firstDelayMs: this.config.webhooks.firstRetryMs,
      maxDelayMs: this.config.webhooks.maxRetryMs,
    });
    await deliveries.update(
      { id: deliveryId },
      {
        status: delay === null ? WebhookDeliveryStatus.DEAD : WebhookDeliveryStatus.PENDING,
        attempts: made,
        claimedUntil: null,
        lastStatus: result.status,
        lastError: result.error,
        nextAttemptAt: new Date(after.getTime() + (delay ?? 0)),
      },
    );
    if (delay === null) {
      this.logger.warn(`webhook delivery ${deliveryId} is a dead letter after ${made} tries: ${result.error}`);
      return;
    }
    await this.queue
      .enqueue({ id: deliveryId, attempts: made }, { delayMs: delay })
      .catch((error: Error) => this.logger.warn(`retry of ${deliveryId} not queued (the sweep will): ${error.message}`));
  }

  /** Re-queues the tries that are due but were never queued or were lost with the queue. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const due = await this.dataSource.getRepository(WebhookDeliveryEntity).find({
      select: { id: true, attempts: true, claimedUntil: true },
      where: { status: WebhookDeliveryStatus.PENDING, nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC' },
      take: 500,
    });
    const free = due.filter((delivery) => !delivery.claimedUntil || delivery.claimedUntil < now);
    // A trigger per minute: a try the queue already ran (and the row still waits for) is queued again.
    const trigger = `sweep-${Math.floor(now.getTime() / 60_000)}`;
    await Promise.all(free.map((delivery) => this.queue.enqueue({ id: delivery.id, attempts: delivery.attempts }, { trigger })));
    return free.length;
  }
}
