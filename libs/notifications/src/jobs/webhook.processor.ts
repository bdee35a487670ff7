import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  CLOCK,
  type Clock,
  wallIntervalMs,
  type AnyWorker,
  QueueFactory,
  QueueName,
} from '@opvangplek/platform';
import { StaleFiguresJob } from './stale-figures.job';
import { WebhookDeliveryJob } from './webhook-delivery.job';
import type { WebhookDeliveryJobData } from '../webhook-queue';

/**
 * The worker side of webhooks: sends queued tries, and on the placement sweep's cadence sweeps for
 * lost ones and announces facilities whose figures turned aging or stale (FIGURES_AGING, FIGURES_STALE).
 */
@Injectable()
export class WebhookProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private worker: AnyWorker<WebhookDeliveryJobData> | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly job: WebhookDeliveryJob,
    private readonly staleFigures: StaleFiguresJob,
    private readonly queues: QueueFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = this.queues.worker<WebhookDeliveryJobData>(QueueName.Webhooks, (job) => this.job.run(job.data), {
      concurrency: 8,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`webhook job ${job?.id} failed: ${error.message}`));
    // On a local timer, not on the queue it repairs (as the placement sweep).
    this.sweepTimer = setInterval(
      () => {
        this.job.sweep().catch((error: Error) => this.logger.warn(`webhook sweep failed: ${error.message}`));
        this.staleFigures
          .announceAgingAndStaleFigures()
          .catch((error: Error) => this.logger.warn(`aging and stale figures check failed: ${error.message}`));
      },
      wallIntervalMs(this.clock, this.config.placement.sweepSeconds * 1000),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.worker?.close();
  }
}
