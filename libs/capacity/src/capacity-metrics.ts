import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { capacityFreshness, Freshness, type UpdateCadence } from '@opvangplek/domain';
import { CLOCK, type Clock, APP_CONFIG, type AppConfig, MetricsRegistry } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';

/**
 * How far the chain's capacity can be trusted, read on scrape: facilities by the freshness of their
 * numbers (the same rule the register shows), and the share that is stale or never confirmed — the
 * figure that says matching works on guesses.
 */
@Injectable()
export class CapacityMetrics {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(CLOCK) clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    metrics: MetricsRegistry,
  ) {
    const read = async (): Promise<Map<Freshness, number>> => {
      const rows: { cadence: UpdateCadence; confirmedAt: Date | null }[] = await dataSource.query(
        `SELECT f.update_cadence AS cadence, c.confirmed_at AS "confirmedAt" FROM facilities f JOIN capacity c ON c.facility_id = f.id`,
      );
      const now = clock.now();
      const counts = new Map(Object.values(Freshness).map((freshness) => [freshness, 0]));
      for (const row of rows) {
        const freshness = capacityFreshness(row.confirmedAt, row.cadence, now, config.freshness);
        counts.set(freshness, (counts.get(freshness) ?? 0) + 1);
      }
      return counts;
    };
    metrics.gaugeOnScrape({
      name: 'facilities_by_freshness',
      help: 'Facilities by how fresh their capacity numbers are (FRESH, AGING, STALE, UNKNOWN).',
      labelNames: ['freshness'] as const,
      async read(gauge) {
        for (const [freshness, count] of await read()) gauge.set({ freshness }, count);
      },
    });
    metrics.gaugeOnScrape({
      name: 'capacity_stale_ratio',
      help: 'Share of facilities whose capacity numbers are STALE or were never confirmed (0..1).',
      async read(gauge) {
        const counts = await read();
        const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
        const stale = (counts.get(Freshness.STALE) ?? 0) + (counts.get(Freshness.UNKNOWN) ?? 0);
        gauge.set(total === 0 ? 0 : stale / total);
      },
    });
  }
}
