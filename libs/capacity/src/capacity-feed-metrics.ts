import { Injectable } from '@nestjs/common';
import { METRIC_PREFIX, MetricsRegistry } from '@opvangplek/platform';
import { Counter } from 'prom-client';

/** What a capacity subscription reads for an event: the changed facility, or its region × kind's aggregate. */
export type CapacityFeedRead = 'facility' | 'aggregate';

/**
 * How many database reads the capacity subscriptions of this process make per capacity event
 * (issue 16: "the database reads per event are at most one per API process, counted with the
 * service's own counter, not one per subscriber"). Two counters, so Prometheus divides them:
 * `rate(opvangplek_capacity_feed_reads_total[5m]) / rate(opvangplek_capacity_feed_events_total[5m])`
 * stays at most 1 per kind of read whatever the number of subscribers. A subscription's own first
 * read (`current: true`, or the aggregate baseline) is not an event's and is not counted.
 */
@Injectable()
export class CapacityFeedMetrics {
  private readonly events: Counter;
  private readonly reads: Counter<'read'>;

  constructor(metrics: MetricsRegistry) {
    this.events = new Counter({
      name: `${METRIC_PREFIX}capacity_feed_events_total`,
      help: 'Capacity events that at least one capacity subscription of this process handled.',
      registers: [metrics.registry],
    });
    this.reads = new Counter({
      name: `${METRIC_PREFIX}capacity_feed_reads_total`,
      help: 'Database reads the capacity subscriptions of this process made for those events, by what was read (facility, aggregate).',
      labelNames: ['read'],
      registers: [metrics.registry],
    });
  }

  eventHandled(): void {
    this.events.inc();
  }

  databaseRead(read: CapacityFeedRead): void {
    this.reads.inc({ read });
  }

  /** The counts so far (tests and the bench read them without parsing the text format). */
  async counts(): Promise<{ events: number; reads: Record<CapacityFeedRead, number> }> {
    const events = (await this.events.get()).values[0]?.value ?? 0;
    const reads: Record<CapacityFeedRead, number> = { facility: 0, aggregate: 0 };
    for (const { labels, value } of (await this.reads.get()).values) reads[labels.read as CapacityFeedRead] = value;
    return { events, reads };
  }
}
