import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '../observability/metrics-registry';
import { QueueFactory, QueueName } from './queue-factory';
import { QueueProbe } from './queue-probe';

/** A scrape must answer even when the queue backend does not (Redis down): each read gives up after this. */
const READ_TIMEOUT_MS = 2_000;

// 'prioritized': jobs with a priority (every matching job) wait there, not in 'waiting'.
const COUNTED_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'failed'] as const;

/**
 * Per queue, read on scrape: jobs by state, how long the oldest waiting job has waited, and whether
 * the backend answered. Queues are opened on the first scrape only, so a worker (never scraped)
 * opens no extra connections; a queue that did not answer is opened anew at the next scrape
 * (QueueProbe), and counts as a scrape failure of the series it leaves out.
 */
@Injectable()
export class QueueMetrics {
  private probes: QueueProbe[] | undefined;

  constructor(
    private readonly factory: QueueFactory,
    metrics: MetricsRegistry,
  ) {
    // A queue that did not answer leaves its series out of these two gauges: a scrape failure each.
    const countDown = (metric: string, rows: { queue: QueueName; up: boolean }[]) => {
      for (const row of rows) if (!row.up) metrics.countScrapeFailure(metric, `queue ${row.queue} did not answer`);
    };
    // The three gauges share one read per scrape.
    let pending: ReturnType<QueueMetrics['read']> | undefined;
    const shared = () => (pending ??= this.read().finally(() => setImmediate(() => (pending = undefined))));
    metrics.gaugeOnScrape({
      name: 'queue_jobs',
      help: 'Jobs per queue and state (waiting, prioritized, delayed, active, failed).',
      labelNames: ['queue', 'state'] as const,
      async read(gauge) {
        const rows = await shared();
        for (const row of rows)
          for (const [state, count] of Object.entries(row.counts)) gauge.set({ queue: row.queue, state }, count);
        countDown('queue_jobs', rows);
      },
    });
    metrics.gaugeOnScrape({
      name: 'queue_oldest_waiting_seconds',
      help: 'How long the oldest waiting job of each queue has waited (0 when none waits).',
      labelNames: ['queue'] as const,
      async read(gauge) {
        const rows = await shared();
        for (const row of rows) if (row.up) gauge.set({ queue: row.queue }, row.oldestWaitingSeconds);
        countDown('queue_oldest_waiting_seconds', rows);
      },
    });
    metrics.gaugeOnScrape({
      name: 'queue_up',
      help: `1 when the queue backend answered within ${READ_TIMEOUT_MS} ms, else 0.`,
      labelNames: ['queue'] as const,
      async read(gauge) {
        for (const row of await shared()) gauge.set({ queue: row.queue }, row.up ? 1 : 0);
      },
    });
  }

  private async read(): Promise<
    { queue: QueueName; up: boolean; counts: Record<string, number>; oldestWaitingSeconds: number }[]
  > {
    this.probes ??= Object.values(QueueName)
      .filter((name) => name !== QueueName.Health)
      .map((name) => new QueueProbe(this.factory, name, READ_TIMEOUT_MS));
    return Promise.all(
      this.probes.map(async (probe) => {
        const queue = probe.name;
        try {
          const [counts, [oldest]] = await probe.read((jobs) =>
            Promise.all([jobs.getJobCounts(...COUNTED_STATES), jobs.getWaiting(0, 0)]),
          );
          const oldestWaitingSeconds = oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0;
          return { queue, up: true, counts, oldestWaitingSeconds };
        } catch {
          return { queue, up: false, counts: {}, oldestWaitingSeconds: 0 };
        }
      }),
    );
  }
}
