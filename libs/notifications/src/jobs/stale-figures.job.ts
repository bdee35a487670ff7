import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  capacityFreshness,
  FIGURES_NUDGE_EVENTS,
  figuresNotification,
  type NudgedFreshness,
  type UpdateCadence,
} from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { StaleFigureNoticeEntity } from '../stale-figure-notice.entity';
import { type QueuedDelivery, WebhookOutbox } from '../webhook-outbox';
import { WebhookQueue } from '../webhook-queue';

interface ConfirmedFigures {
  id: string;
  region_code: string;
  update_cadence: UpdateCadence;
  confirmed_at: Date;
}

const isNudged = (freshness: string): freshness is NudgedFreshness => freshness in FIGURES_NUDGE_EVENTS;

/**
 * FIGURES_AGING and FIGURES_STALE (issues 14 and 18): a facility whose staff have not vouched for
 * its figures within the freshness window (freshness.ts) is told so through its own system's
 * endpoint, once when they turn AGING (a nudge before they rank lower) and once when they turn
 * STALE. Only the level the figures are at is announced: a facility first seen already stale (the
 * worker was down while it aged) is told it is stale, not also that it was aging. The period is the
 * confirmation that aged: its notice row per level is inserted by exactly one process (the primary
 * key decides), in the same transaction as the outbox rows, and a new confirmation makes the
 * facility fresh and opens the next period.
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

  /** Announces every aging or stale period not yet announced; returns how many facilities were announced now. */
  async announceAgingAndStaleFigures(): Promise<number> {
    const now = this.clock.now();
    // Read-only, of the register's own columns: the capacity figures stay the capacity feature's to write.
    // A stale notice means the aging one is moot: a facility past it is not read again this period.
    const facilities: ConfirmedFigures[] = await this.dataSource.query(
      `SELECT f.id, f.region_code, f.update_cadence, c.confirmed_at
         FROM facilities f JOIN capacity c ON c.facility_id = f.id
        WHERE c.confirmed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM stale_figure_notices n
                           WHERE n.facility_id = f.id AND n.confirmed_at = c.confirmed_at AND n.freshness = 'STALE')`,
    );
    let announced = 0;
    for (const facility of facilities) {
      const freshness = capacityFreshness(facility.confirmed_at, facility.update_cadence, now, this.config.freshness);
      if (!isNudged(freshness)) continue;
      const queued = await this.dataSource.transaction(async (manager): Promise<QueuedDelivery[] | null> => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(StaleFigureNoticeEntity)
          .values({ facilityId: facility.id, confirmedAt: facility.confirmed_at, freshness, notifiedAt: now })
          .orIgnore()
          .returning(['facilityId'])
          .execute();
        // Announced before (by this sweep earlier, or by another process first).
        if (inserted.raw.length === 0) return null;
        return this.outbox.record(manager, [
          figuresNotification({ id: facility.id, regionCode: facility.region_code }, freshness, now),
        ]);
      });
      if (queued === null) continue;
      announced += 1;
      // If the queue is away now, the delivery sweep sends them.
      await this.queue
        .enqueueAll(queued)
        .catch((error: Error) =>
          this.logger.warn(`${FIGURES_NUDGE_EVENTS[freshness]} of ${facility.id} not queued (the sweep will): ${error.message}`),
        );
    }
    return announced;
  }
}
