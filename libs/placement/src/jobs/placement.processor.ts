import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { EVENT_BUS, EventChannel, type EventBus } from '@opvangplek/platform/events';
import { type AnyWorker, QueueFactory, QueueName } from '@opvangplek/platform/queue';
import type { Job } from 'bullmq';
import { isCapacityChangedEvent } from '@opvangplek/capacity/capacity.events';
import { PlacementEngine } from '../placement-engine';
import { type ExpireOfferJobData, type MatchRequestJobData, PlacementJob, type PlacementJobData, PlacementQueue } from '../placement-queue';

/**
 * The worker side of placement: processes the placement queue, runs the sweep on a schedule, and
 * re-tries waiting requests when capacity changes anywhere (a discharge, a staff update).
 * Several worker processes may run this at once; every handler is idempotent.
 */
@Injectable()
export class PlacementProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlacementProcessor.name);
  private worker: AnyWorker<PlacementJobData> | undefined;
  private stopCapacityListener: (() => Promise<void>) | undefined;
  private pendingRematch: NodeJS.Timeout | undefined;

  constructor(
    private readonly engine: PlacementEngine,
    private readonly queue: PlacementQueue,
    private readonly queues: QueueFactory,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = this.queues.worker<PlacementJobData>(QueueName.Placement, (job) => this.process(job), { concurrency: 4 });
    this.worker.on('failed', (job, error) => this.logger.warn(`${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
    await this.queue.queue.upsertJobScheduler('placement-sweep', { every: this.config.placement.sweepSeconds * 1000 }, { name: PlacementJob.Sweep, data: {} });
    this.stopCapacityListener = await this.events.subscribe(EventChannel.CapacityChanged, (payload) => {
      if (isCapacityChangedEvent(payload)) this.scheduleRematch();
    });
  }

  /** Coalesces bursts of capacity events into one re-try of the waiting requests. */
  private scheduleRematch(): void {
    if (this.pendingRematch) return;
    this.pendingRematch = setTimeout(() => {
      this.pendingRematch = undefined;
      const bucket = Math.floor(Date.now() / 1000);
      this.engine.rematchWaiting(`cap-${bucket}`).catch((error: Error) => this.logger.warn(`re-trying waiting requests failed: ${error.message}`));
    }, 250);
  }

  async process(job: Job<PlacementJobData>): Promise<unknown> {
    switch (job.name as PlacementJob) {
      case PlacementJob.MatchRequest: {
        const { requestId, attempt } = job.data as MatchRequestJobData;
        const request = await this.engine.matchRequest(requestId, attempt);
        return request ? { status: request.status } : { skipped: true };
      }
      case PlacementJob.ExpireOffer: {
        const { requestId, attempt } = job.data as ExpireOfferJobData;
        return { expired: (await this.engine.expireOffer(requestId, attempt)) !== null };
      }
      case PlacementJob.Sweep:
        return this.engine.sweep();
      default:
        throw new Error(`unknown placement job ${job.name}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.pendingRematch) clearTimeout(this.pendingRematch);
    await this.stopCapacityListener?.();
    await this.worker?.close();
  }
}
