import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, wallDelayMs } from '@opvangplek/platform/clock';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { Urgency } from '@opvangplek/domain';
import { type AnyQueue, bounded, QueueFactory, QueueName } from '@opvangplek/platform/queue';

/** Job names on the placement queue; each job's data type sits beside it. */
export enum PlacementJob {
  MatchRequest = 'MatchRequestJob',
  ExpireOffer = 'ExpireOfferJob',
}

export interface MatchRequestJobData {
  requestId: string;
  attempt: number;
}
export interface ExpireOfferJobData {
  requestId: string;
  attempt: number;
}
export type PlacementJobData = MatchRequestJobData | ExpireOfferJobData;

const PRIORITY: Record<Urgency, number> = { [Urgency.ACUTE]: 1, [Urgency.URGENT]: 2, [Urgency.PLANNED]: 3 };

/**
 * Puts placement work on the queue. Job ids are deterministic (`match.<request>.<attempt>.<trigger>`),
 * so the same trigger never runs twice, and a handler re-checks the request's state anyway.
 * Retries back off exponentially; completed jobs are kept an hour (dedupe window), failures a week.
 * Delays are given in the service clock's time and turned into wall time here (a simulated clock runs faster).
 * An add waits at most QUEUE_CALL_TIMEOUT_MS: callers answer anyway, and the sweep re-queues what was lost.
 */
@Injectable()
export class PlacementQueue {
  readonly queue: AnyQueue<PlacementJobData>;

  constructor(
    queues: QueueFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.queue = queues.queue<PlacementJobData>(QueueName.Placement, {
      defaultJobOptions: {
        attempts: 6,
        backoff: { type: 'exponential', delay: 500 },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
  }

  async enqueueMatch(
    requestId: string,
    attempt: number,
    trigger: string,
    options: { delayMs?: number; urgency?: Urgency } = {},
  ): Promise<void> {
    const data: MatchRequestJobData = { requestId, attempt };
    const jobId = `match.${requestId}.${attempt}.${trigger}`;
    await bounded(
      this.queue.add(PlacementJob.MatchRequest, data, {
        jobId,
        delay: wallDelayMs(this.clock, options.delayMs ?? 0),
        priority: options.urgency ? PRIORITY[options.urgency] : undefined,
      }),
      this.config.queueCallTimeoutMs,
      `enqueue ${jobId}`,
    );
  }

  async enqueueExpiry(requestId: string, attempt: number, delayMs: number): Promise<void> {
    const data: ExpireOfferJobData = { requestId, attempt };
    const jobId = `expire.${requestId}.${attempt}`;
    await bounded(
      this.queue.add(PlacementJob.ExpireOffer, data, { jobId, delay: wallDelayMs(this.clock, delayMs) }),
      this.config.queueCallTimeoutMs,
      `enqueue ${jobId}`,
    );
  }
}
