import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';

/**
 * How far the audit chain's sealer is behind, read on scrape: the age of the oldest row not yet
 * sealed into the chain (0 when all are). A growing figure means no worker is sealing: until it
 * does, a changed row would go unnoticed by the chain.
 */
@Injectable()
export class AuditMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, metrics: MetricsRegistry) {
    metrics.gaugeOnScrape({
      name: 'audit_seal_lag_seconds',
      help: 'Age of the oldest audit row not yet sealed into the chain (0 when every row is sealed).',
      async read(gauge) {
        const [row]: { lag: number | null }[] = await dataSource.query(
          `SELECT EXTRACT(EPOCH FROM now() - min(recorded_at)) AS lag FROM audit_log WHERE seq IS NULL`,
        );
        gauge.set(Math.max(0, Number(row?.lag ?? 0)));
      },
    });
  }
}
