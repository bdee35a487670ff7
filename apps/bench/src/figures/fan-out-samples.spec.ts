import { capacityFeedCounts, deliveryLatencies, deliveryPercentiles, readsPerEvent } from './fan-out-samples';

describe('the fan-out figure’s samples and verdicts (issue 16: reads per event, p99 delivery < 1 s)', () => {
  const metrics = (events: number, facility?: number, aggregate?: number) =>
    [
      '# HELP opvangplek_capacity_feed_events_total Capacity events that at least one capacity subscription of this process handled.',
      '# TYPE opvangplek_capacity_feed_events_total counter',
      `opvangplek_capacity_feed_events_total ${events}`,
      ...(facility === undefined ? [] : [`opvangplek_capacity_feed_reads_total{read="facility"} ${facility}`]),
      ...(aggregate === undefined ? [] : [`opvangplek_capacity_feed_reads_total{read="aggregate"} ${aggregate}`]),
      'opvangplek_capacity_feed_events_totally_other 99',
    ].join('\n');

  it('reads the capacity feed’s counters from /metrics; a read kind never used counts 0; no events counter is no sample', () => {
    expect(capacityFeedCounts(metrics(21, 21, 3))).toEqual({ events: 21, reads: { facility: 21, aggregate: 3 } });
    expect(capacityFeedCounts(metrics(0))).toEqual({ events: 0, reads: { facility: 0, aggregate: 0 } });
    expect(capacityFeedCounts('opvangplek_queue_jobs{queue="placement",state="waiting"} 2')).toBeUndefined();
  });

  it('divides the reads between two scrapes by the events between them, per kind of read; no events is no verdict', () => {
    const before = capacityFeedCounts(metrics(1, 1, 0))!;
    expect(readsPerEvent(before, capacityFeedCounts(metrics(21, 21, 0))!)).toEqual({ events: 20, facility: 1, aggregate: 0 });
    // One read per subscriber (the 300 reads for 300 subscriptions) shows as 500 per event.
    expect(readsPerEvent(before, capacityFeedCounts(metrics(3, 1001, 0))!)).toMatchObject({ facility: 500 });
    expect(readsPerEvent(before, before)).toBeUndefined();
  });

  it('times each arrival from the mutation’s answer; an arrival before the answer is 0 ms and counted early', () => {
    const answer = 10_000_000_000n;
    const result = deliveryLatencies(answer, [answer + 5_000_000n, answer - 1_000_000n, answer + 250_000_000n], 4);
    expect(result).toEqual({ latenciesMs: [5, 0, 250], early: 1, missing: 1 });
  });

  it('counts a subscriber that never got the change as slower than every one that did', () => {
    const arrived = Array.from({ length: 99 }, (_, i) => i + 1);
    expect(deliveryPercentiles(arrived, 0)).toEqual({ p50: 50, p99: 99, max: 99 });
    // 100 deliveries: one missing is the 1 % above p99; two missing reach p99.
    expect(deliveryPercentiles(arrived, 1).p99).toBe(99);
    expect(deliveryPercentiles(arrived.slice(0, 98), 2).p99).toBe(Number.POSITIVE_INFINITY);
    expect(deliveryPercentiles(arrived, 1).max).toBe(Number.POSITIVE_INFINITY);
  });
});
