import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** Every metric's name starts with this, so a shared Prometheus tells ours from others'. */
export const METRIC_PREFIX = 'opvangplek_';

/** A gauge whose values are read when Prometheus scrapes (from the database or the queue). */
export interface ScrapedGauge<Label extends string> {
  /** Without the prefix. */
  name: string;
  help: string;
  labelNames?: readonly Label[];
  /** Sets the gauge's values; what it does not set is absent from this scrape. */
  read(gauge: Gauge<Label>): Promise<void>;
}

/**
 * The process's Prometheus registry (prom-client). Counters and histograms are per process
 * (Prometheus scrapes each); gauges read on scrape from the database say the same in every process,
 * so any one API answers for the chain. Default metrics give each process's memory (RSS, heap),
 * CPU and event-loop lag.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private readonly scrapeFailures: Counter<'metric'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.scrapeFailures = new Counter({
      name: `${METRIC_PREFIX}scrape_failures_total`,
      help: 'Metrics that could not be read at a scrape (their source did not answer), by metric.',
      labelNames: ['metric'],
      registers: [this.registry],
    });
  }

  /**
   * Counts a scrape failure of the metric `name` (without the prefix) whose read answered in part:
   * what a source that did not answer would have given is left out (a queue of several, issue 15 F4).
   */
  countScrapeFailure(name: string, reason: string): void {
    const metric = `${METRIC_PREFIX}${name}`;
    this.scrapeFailures.inc({ metric });
    this.logger.warn(`${metric} could not be read in full: ${reason}`);
  }

  /**
   * Registers a gauge read on scrape. A source that fails (the database away) leaves that gauge
   * empty and counts the failure, and the rest of the scrape still answers: a scrape is most
   * needed when something is down.
   */
  gaugeOnScrape<Label extends string>(definition: ScrapedGauge<Label>): void {
    const { logger, scrapeFailures } = this;
    const name = `${METRIC_PREFIX}${definition.name}`;
    new Gauge<Label>({
      name,
      help: definition.help,
      labelNames: definition.labelNames ?? [],
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          await definition.read(this);
        } catch (error) {
          this.reset();
          scrapeFailures.inc({ metric: name });
          logger.warn(`${name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
  }
}
