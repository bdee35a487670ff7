import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { readCapacityDrift } from './capacity-drift.check';

/**
 * `opvangplek_capacity_drift`, read on scrape: how many facilities' counts disagree with the
 * placement ledger now, by field (held, occupied) and by whether the drift check repairs it. An
 * alert on `repairable="false"` above 0 means a person must look (`npm run capacity:verify` lists them).
 */
@Injectable()
export class CapacityDriftMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, metrics: MetricsRegistry) {
    metrics.gaugeOnScrape({
      name: 'capacity_drift',
      help: 'Facilities whose counts disagree with the placement ledger now, by field (held, occupied) and whether the drift check repairs it.',
      labelNames: ['field', 'repairable'] as const,
      async read(gauge) {
        for (const field of ['held', 'occupied']) for (const repairable of ['true', 'false']) gauge.set({ field, repairable }, 0);
        for (const drift of await readCapacityDrift(dataSource.manager))
          gauge.inc({ field: drift.field, repairable: String(drift.repairTo !== null) });
      },
    });
  }
}
