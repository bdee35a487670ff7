import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { capacityFreshness, figuresStaleNotification, Freshness, type UpdateCadence } from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import type { DataSource } from 'typeorm';
import { StaleFigureNoticeEntity } from './stale-figure-notice.entity';
import { type QueuedDelivery, WebhookOutbox } from './webhook-outbox';
import { WebhookQueue } from './webhook-queue';

interface ConfirmedFigures {
  id: string;
  region_code: string;
  update_cadence: UpdateCadence;
  confirmed_at: Date;
}

/**
 * FIGURES_STALE (issue 14): a facility whose staff have not vouched for its figures within the
 * freshness window (freshness.ts) is told so through its own system's endpoint, once per stale
 * period. The period is the confirmation that went stale: the notice row for it is inserted by
 * exactly one process (the primary key decides), in the same transaction as the outbox rows, and a
 * new confirmation makes the facility fresh and opens the next period.
 */
@Injectable()
export class StaleFiguresJob {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: WebhookOutbox,
    private readonly queue: WebhookQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Announces every stale period not yet announced; returns how many facilities were announced now. */
  async notifyStaleFigures(): Promise<number> {
    const now = this.clock.now();
    // Read-only, of the register's own columns: the capacity figures stay the capacity feature's to write.
    const facilities: ConfirmedFigures[] = await this.dataSource.query(
      `SELECT f.id, f.region_code, f.update_cadence, c.confirmed_at
         FROM facilities f JOIN capacity c ON c.facility_id = f.id
        WHERE c.confirmed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM stale_figure_notices n WHERE n.facility_id = f.id AND n.confirmed_at = c.confirmed_at)`,
    );
    const stale = facilities.filter(
      (facility) =>
        capacityFreshness(facility.confirmed_at, facility.update_cadence, now, this.config.freshness) === Freshness.STALE,
    );
    let announced = 0;
    for (const facility of stale) {
      const queued = await this.dataSource.transaction(async (manager): Promise<QueuedDelivery[] | null> => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(StaleFigureNoticeEntity)
          .values({ facilityId: facility.id, confirmedAt: facility.confirmed_at, notifiedAt: now })
          .orIgnore()
          .returning(['facilityId'])
          .execute();
        // Another process announced this period first.
        if (inserted.raw.length === 0) return null;
        return this.outbox.record(manager, [
          figuresStaleNotification({ id: facility.id, regionCode: facility.region_code }, now),
        ]);
      });
      if (queued === null) continue;
      announced += 1;
      // If the queue is away now, the delivery sweep sends them.
      await this.queue
        .enqueueAll(queued)
        .catch((error: Error) =>
          this.logger.warn(`FIGURES_STALE of ${facility.id} not queued (the sweep will): ${error.message}`),
        );
    }
    return announced;
  }
}
