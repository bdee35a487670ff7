import { Inject, Injectable } from '@nestjs/common';
import {
  CLOCK,
  type Clock,
  wallDelayMs,
  APP_CONFIG,
  type AppConfig,
  type CorrelatedJobData,
  withCorrelation,
  type AnyQueue,
  bounded,
  QueueFactory,
  QueueName,
} from '@opvangplek/platform';
import type { QueuedDelivery } from './webhook-outbox';

export const WEBHOOK_DELIVERY_JOB = 'WebhookDeliveryJob';

export interface WebhookDeliveryJobData extends CorrelatedJobData {
  deliveryId: string;
  /** The tries already made when this job was queued: a job for an older try does nothing. */
  attempts: number;
}

/**
 * Puts webhook tries on the queue. A job's id names the delivery and its try, so the same try is
 * queued once; the delivery row, not the job, is the truth (BullMQ's own retries are off: a failed
 * try is rescheduled by the delivery job from the delivery schedule).
 */
@Injectable()
export class WebhookQueue {
  readonly queue: AnyQueue<WebhookDeliveryJobData>;

  constructor(
    queues: QueueFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.queue = queues.queue<WebhookDeliveryJobData>(QueueName.Webhooks, {
      defaultJobOptions: { attempts: 1, removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } },
    });
  }

  async enqueue(delivery: QueuedDelivery, options: { delayMs?: number; trigger?: string } = {}): Promise<void> {
    const data: WebhookDeliveryJobData = withCorrelation({ deliveryId: delivery.id, attempts: delivery.attempts });
    const jobId = `deliver.${delivery.id}.${delivery.attempts}${options.trigger ? `.${options.trigger}` : ''}`;
    await bounded(
      // The delay is the service clock's time (a retry schedule); BullMQ waits in wall time.
      this.queue.add(WEBHOOK_DELIVERY_JOB, data, { jobId, delay: wallDelayMs(this.clock, options.delayMs ?? 0) }),
      this.config.queueCallTimeoutMs,
      `enqueue ${jobId}`,
    );
  }

  async enqueueAll(deliveries: readonly QueuedDelivery[]): Promise<void> {
    await Promise.all(deliveries.map((delivery) => this.enqueue(delivery)));
  }
}
