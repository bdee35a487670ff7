/**
 * What the fan-out figure reads and how it judges it, apart from the load itself: the capacity
 * feed's own counters from an API's /metrics (issue 16: "database reads per event at most one per
 * API process, counted with the service's own counter"), and each change's delivery latencies with
 * a subscriber that never got it counted as slower than every one that did.
 */
import { percentile } from '../load-driver';

/** The capacity feed's counters of one API process at one moment. */
export interface CapacityFeedCounts {
  events: number;
  reads: { facility: number; aggregate: number };
}

/**
 * `opvangplek_capacity_feed_events_total` and `opvangplek_capacity_feed_reads_total{read=…}` from the
 * Prometheus text of an API's /metrics (libs/capacity/src/capacity-feed-metrics.ts). Undefined when
 * the events counter is absent (not that service, or /metrics refused): no sample rather than a false zero.
 * A read kind not yet counted is absent from the text (prom-client prints labelled series once used): 0.
 */
export function capacityFeedCounts(metricsText: string): CapacityFeedCounts | undefined {
  const value = (series: string) => {
    const line = metricsText.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };
  const events = value('opvangplek_capacity_feed_events_total');
  if (events === undefined || Number.isNaN(events)) return undefined;
  return {
    events,
    reads: {
      facility: value('opvangplek_capacity_feed_reads_total{read="facility"}') ?? 0,
      aggregate: value('opvangplek_capacity_feed_reads_total{read="aggregate"}') ?? 0,
    },
  };
}

/** Reads per event of each kind between two scrapes of one process; undefined when it handled no event in between. */
export function readsPerEvent(
  before: CapacityFeedCounts,
  after: CapacityFeedCounts,
): { events: number; facility: number; aggregate: number } | undefined {
  const events = after.events - before.events;
  if (events <= 0) return undefined;
  return {
    events,
    facility: (after.reads.facility - before.reads.facility) / events,
    aggregate: (after.reads.aggregate - before.reads.aggregate) / events,
  };
}

/**
 * One change's deliveries: milliseconds from the mutation's answer (`answerNs`) to each arrival.
 * An event can reach a subscriber before the answer reaches the bench (it is published before the
 * HTTP response is written): that counts as 0 ms and is counted in `early`. `expected` minus the
 * arrivals are `missing`.
 */
export function deliveryLatencies(
  answerNs: bigint,
  arrivalsNs: readonly bigint[],
  expected: number,
): { latenciesMs: number[]; early: number; missing: number } {
  let early = 0;
  const latenciesMs = arrivalsNs.map((at) => {
    const ms = Number(at - answerNs) / 1e6;
    if (ms < 0) early++;
    return Math.max(0, ms);
  });
  return { latenciesMs, early, missing: Math.max(0, expected - arrivalsNs.length) };
}

/** p50, p99 and max over every delivery, a missing one counted as slower than every arrival (censored, not dropped). */
export function deliveryPercentiles(latenciesMs: readonly number[], missing: number): { p50: number; p99: number; max: number } {
  const all = [...latenciesMs, ...Array<number>(missing).fill(Number.POSITIVE_INFINITY)].sort((a, b) => a - b);
  return { p50: percentile(all, 50), p99: percentile(all, 99), max: all.length ? all[all.length - 1] : Number.NaN };
}
