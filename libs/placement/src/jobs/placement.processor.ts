import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  CLOCK,
  type Clock,
  wallIntervalMs,
  whenSpeedChanges,
  EVENT_BUS,
  EventChannel,
  type EventBus,
  newCorrelationId,
  runWithCorrelationId,
  type AnyWorker,
  QueueFactory,
  QueueName,
} from '@opvangplek/platform';
import type { Job } from 'bullmq';
import { isCapacityChangedEvent } from '@opvangplek/capacity';
import {
  type EscalateIfUnreachedJobData,
  type ExpireOfferJobData,
  type MatchRequestJobData,
  PlacementJob,
  type PlacementJobData,
  PlacementQueue,
  type RetryWaitingJobData,
  type StartPlannedActionJobData,
} from '../placement-queue';
import { PlacementLifecycle } from '../workflow/lifecycle';
import { MatchingAttempt } from '../workflow/matching-attempt';
import { RetryWaitingJob } from './retry-waiting.job';
import { describeSweep, SweepJob } from './sweep.job';

/**
 * The worker side of placement: processes the placement queue, runs the sweep on a timer, and
 * queues a re-try of waiting requests when a staff update frees places.
 * Several worker processes may run this at once; every handler is idempotent.
 */
@Injectable()
export class PlacementProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlacementProcessor.name);
  private worker: AnyWorker<PlacementJobData> | undefined;
  private stopCapacityListener: (() => Promise<void>) | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopRetiming: (() => void) | undefined;

  constructor(
    private readonly attempts: MatchingAttempt,
    private readonly lifecycle: PlacementLifecycle,
    private readonly sweepJob: SweepJob,
    private readonly retries: RetryWaitingJob,
    private readonly queue: PlacementQueue,
    private readonly queues: QueueFactory,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = this.queues.worker<PlacementJobData>(QueueName.Placement, (job) => this.process(job), { concurrency: 4 });
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
    );
    // The sweep is the safety net for lost jobs, so it runs on a local timer, not on the queue it
    // repairs: a flushed Redis must not take the reconciler with it. The advisory lock inside
    // makes it run once at a time across all worker processes. SWEEP_SECONDS is the service
    // clock's time: a simulated clock (issue 19) sweeps as often per simulated hour.
    this.sweepTimer = setInterval(
      () => {
        // Each run under an id of its own: the jobs it queues (re-queued lost requests, escalations) log under it.
        runWithCorrelationId(newCorrelationId('sweep'), () => this.sweepJob.sweep())
          .then((report) => {
            // One line per sweep that did something (escalated, lapsed, re-queued, repaired...), none for an idle one.
            const done = describeSweep(report);
            if (done) this.logger.log(done);
            // Says when a NOTES_KEY rotation is still moving requests to the new key; once it stops, the old key may go.
            if (report.resealed > 0)
              this.logger.log(`resealed ${report.resealed} requests and notes under the current NOTES_KEY`);
          })
          .catch((error: Error) => this.logger.warn(`sweep failed: ${error.message}`));
      },
      wallIntervalMs(this.clock, this.config.placement.sweepSeconds * 1000),
    );
    // A simulated clock's speed change (issue 19) would leave the delayed jobs due at the wall
    // moments reckoned at the old speed: each worker sets them again by their due moments.
    this.stopRetiming = whenSpeedChanges(
      this.clock,
      () => this.queue.retimeDelayed(),
      (error) => this.logger.warn(`delayed jobs not set again after a speed change: ${error.message}`),
    );
    // Staff updates happen in the capacity module, which knows nothing of waiting requests: their
    // event says whether places came free. Releases and departures queue their re-try themselves.
    this.stopCapacityListener = await this.events.subscribe(EventChannel.CapacityChanged, (payload) => {
      if (isCapacityChangedEvent(payload) && payload.freed === true)
        runWithCorrelationId(newCorrelationId('capacity'), () => this.queue.enqueueRetry(payload.type, payload.regionCode)).catch(
          (error: Error) => this.logger.warn(`re-try of waiting requests not queued: ${error.message}`),
        );
    });
  }

  async process(job: Job<PlacementJobData>): Promise<unknown> {
    if (job.data.dueAtMs !== undefined && this.clock.now().getTime() < job.data.dueAtMs) {
      await this.queue.setAgain(job);
      return { setAgain: true };
    }
    switch (job.name as PlacementJob) {
      case PlacementJob.MatchRequest: {
        const { requestId, attempt } = job.data as MatchRequestJobData;
        const request = await this.attempts.matchRequest(requestId, attempt);
        return request ? { status: request.status } : { skipped: true };
      }
      case PlacementJob.ExpireOffer: {
        const { requestId, attempt } = job.data as ExpireOfferJobData;
        return { expired: (await this.lifecycle.expireOffer(requestId, attempt)) !== null };
      }
      case PlacementJob.EscalateIfUnreached: {
        const { requestId } = job.data as EscalateIfUnreachedJobData;
        return { escalated: (await this.sweepJob.escalateOverdue(this.clock.now(), requestId)) > 0 };
      }
      case PlacementJob.StartPlannedAction: {
        const { actionId } = job.data as StartPlannedActionJobData;
        return { started: await this.sweepJob.startPlannedAction(actionId) };
      }
      case PlacementJob.RetryWaiting: {
        const { type, regionCode } = job.data as RetryWaitingJobData;
        return this.retries.retry(type, regionCode);
      }
      default:
        throw new Error(`unknown placement job ${job.name}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.stopRetiming?.();
    await this.stopCapacityListener?.();
    await this.worker?.close();
  }
}
