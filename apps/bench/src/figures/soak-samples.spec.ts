import { censoredPercentiles, cpuMs, cpuMsOfStat, placementQueueDepth, type QueueDepth, queueGrowth } from './soak-samples';

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

describe('a process’s CPU time, read from outside it (issue 16: what a noodbed call costs the API)', () => {
  it('adds user and system ticks (fields 14 and 15) at 100 a second, also when the command name holds spaces and parentheses', () => {
    const stat =
      '4242 (node api (x)) S 1 4242 4242 0 -1 4194560 9067 0 0 0 1234 567 0 0 20 0 11 0 100 1000 20000 18446744073709551615';
    expect(cpuMsOfStat(stat)).toBe((1234 + 567) * 10);
  });

  it('refuses a text that is not a stat line instead of reading a number from nowhere', () => {
    expect(() => cpuMsOfStat('no such process')).toThrow('not a /proc/<pid>/stat line');
  });

  it('reads this process’s own CPU time, which grows as it works', () => {
    const before = cpuMs(process.pid)!;
    let spin = 0;
    const until = Date.now() + 60;
    while (Date.now() < until) spin++;
    expect(spin).toBeGreaterThan(0);
    expect(cpuMs(process.pid)!).toBeGreaterThan(before);
    expect(cpuMs(undefined)).toBeUndefined();
  });
});
