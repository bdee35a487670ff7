import { censoredPercentiles, placementQueueDepth, type QueueDepth, queueGrowth } from './soak-samples';

const depths = (...values: number[]): QueueDepth[] => values.map((depth, i) => ({ atSeconds: i * 10, depth, delayed: 0 }));

describe('the soak figure’s verdicts (issue 15: no growth of the queue, p99 first decision)', () => {
  it('reads the placement queue’s depth from /metrics: waiting, prioritized (every matching job) and active; delayed apart', () => {
    const text = [
      'opvangplek_queue_jobs{queue="placement",state="waiting"} 2',
      'opvangplek_queue_jobs{queue="placement",state="prioritized"} 40',
      'opvangplek_queue_jobs{queue="placement",state="delayed"} 300',
      'opvangplek_queue_jobs{queue="placement",state="active"} 4',
      'opvangplek_queue_jobs{queue="webhooks",state="waiting"} 9',
    ].join('\n');
    expect(placementQueueDepth(text, 30)).toEqual({ atSeconds: 30, depth: 46, delayed: 300 });
    // The queue did not answer that scrape: no sample rather than a false zero.
    expect(placementQueueDepth('opvangplek_queue_up{queue="placement"} 0', 30)).toBeUndefined();
  });

  it('a steady queue passes; one whose last third is more than a few jobs above its first does not', () => {
    expect(queueGrowth(depths(3, 5, 4, 6, 2, 7))).toMatchObject({ firstMean: 4, lastMean: 4.5, grew: false });
    expect(queueGrowth(depths(3, 5, 40, 90, 160, 220))).toMatchObject({ grew: true });
    expect(queueGrowth(depths(3, 5))).toBeUndefined();
  });

  it('counts a request never decided as slower than every decided one', () => {
    const decided = Array.from({ length: 98 }, () => 100);
    expect(censoredPercentiles(decided, 0).p99).toBe(100);
    expect(censoredPercentiles(decided, 2).p99).toBe(Number.POSITIVE_INFINITY);
    expect(censoredPercentiles(decided, 2).p50).toBe(100);
  });
});
