import { LoadAborted, percentile, runInterleaved, runLoad, summarize } from './load-driver';

/** A fake monotonic clock: time moves only when a test says so. */
function fakeClock() {
  let now = 0n;
  return {
    read: () => now,
    advanceMs: (ms: number) => {
      now += BigInt(Math.round(ms * 1_000_000));
    },
  };
}

describe('percentile (nearest rank)', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('returns the value at rank ceil(p·n) of 1…100', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 90)).toBe(90);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0.1)).toBe(1);
  });

  it('never interpolates: small samples give values that occurred', () => {
    const tenValues = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(tenValues, 50)).toBe(50);
    expect(percentile(tenValues, 90)).toBe(90);
    expect(percentile(tenValues, 99)).toBe(100);
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2], 50)).toBe(1);
    expect(percentile([1, 2], 51)).toBe(2);
  });

  it('is NaN for no values and refuses p outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts, then reports percentiles, extremes, mean and throughput', () => {
    // 1000 latencies: 990 of 1 ms and 10 of 100 ms, shuffled in.
    const latencies = Array.from({ length: 1000 }, (_, i) => (i % 100 === 37 ? 100 : 1));
    const stats = summarize(latencies, 2000);
    expect(stats).toEqual({
      count: 1000,
      p50: 1,
      p90: 1,
      p99: 1, // rank 990 is the last 1 ms value
      max: 100,
      min: 1,
      mean: (990 * 1 + 10 * 100) / 1000,
      throughput: 500, // 1000 requests in 2 s
      wallMs: 2000,
      truncated: false,
    });
    expect(summarize([...latencies, 100], 2000).p99).toBe(100); // 1001 values: rank 991 is 100 ms
  });

  it('handles an empty run without dividing by zero', () => {
    const stats = summarize([], 0);
    expect(stats.count).toBe(0);
    expect(stats.p50).toBeNaN();
    expect(stats.throughput).toBeNaN();
  });
});

describe('runLoad', () => {
  it('records exactly `requests` latencies after an unrecorded warm-up, with the clock it is given', async () => {
    const clock = fakeClock();
    const seen: number[] = [];
    // Request i takes (i mod 10) + 1 ms of fake time.
    const stats = await runLoad(
      async (i) => {
        seen.push(i);
        clock.advanceMs((i % 10) + 1);
      },
      { requests: 100, concurrency: 1, warmup: 20, clock: clock.read },
    );
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(stats.count).toBe(100);
    expect(stats.min).toBe(1);
    expect(stats.max).toBe(10);
    expect(stats.p50).toBe(5);
    expect(stats.p90).toBe(9);
    expect(stats.p99).toBe(10);
    expect(stats.mean).toBe(5.5);
    expect(stats.wallMs).toBe(550);
    expect(stats.throughput).toBeCloseTo(100 / 0.55, 6);
  });

  it('keeps at most `concurrency` operations in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    await runLoad(
      async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
      },
      { requests: 200, concurrency: 8, warmup: 10 },
    );
    expect(peak).toBe(8);
    expect(inFlight).toBe(0);
  });

  it('fails the run when an operation fails, after the requests in flight have ended', async () => {
    let inFlight = 0;
    const run = runLoad(
      async (i) => {
        inFlight++;
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        if (i === 30) throw new Error('HTTP 500');
      },
      { requests: 100, concurrency: 4 },
    );
    await expect(run).rejects.toThrow('HTTP 500');
    expect(inFlight).toBe(0);
  });

  it('stops at the deadline and says the run was truncated', async () => {
    const clock = fakeClock();
    const stats = await runLoad(
      async () => {
        clock.advanceMs(10);
      },
      { requests: 1000, concurrency: 1, maxDurationMs: 95, clock: clock.read },
    );
    expect(stats.count).toBe(10);
    expect(stats.truncated).toBe(true);
  });

  it('throws LoadAborted when its signal fires', async () => {
    const controller = new AbortController();
    const run = runLoad(
      async (i) => {
        if (i === 5) controller.abort();
        await Promise.resolve();
      },
      { requests: 1000, concurrency: 2, signal: controller.signal },
    );
    await expect(run).rejects.toBeInstanceOf(LoadAborted);
  });
});

describe('runInterleaved', () => {
  it('warms each operation up, then alternates them A B, B A, … over the rounds', async () => {
    const clock = fakeClock();
    const calls: string[] = [];
    const phases: string[] = [];
    const [a, b] = await runInterleaved(
      [
        async () => {
          calls.push('A');
          clock.advanceMs(1);
        },
        async () => {
          calls.push('B');
          clock.advanceMs(3);
        },
      ],
      {
        requests: 10,
        concurrency: 1,
        warmup: 2,
        rounds: 4,
        clock: clock.read,
        onPhaseEnd: (i, round) => phases.push(`${'AB'[i]}${round}`),
      },
    );
    // 10 requests in 4 rounds: 3 + 3 + 2 + 2.
    expect(calls.join('')).toBe('AABB' + 'AAABBB' + 'BBBAAA' + 'AABB' + 'BBAA');
    expect(phases).toEqual(['A0', 'B0', 'B1', 'A1', 'A2', 'B2', 'B3', 'A3']);
    expect(a).toMatchObject({ count: 10, p50: 1, p99: 1, wallMs: 10, throughput: 1000 });
    expect(b).toMatchObject({ count: 10, p50: 3, p99: 3, wallMs: 30 });
  });

  it('spends one time budget per operation across all its rounds', async () => {
    const clock = fakeClock();
    const [stats] = await runInterleaved(
      [
        async () => {
          clock.advanceMs(10);
        },
      ],
      { requests: 20, concurrency: 1, rounds: 4, maxDurationMs: 45, clock: clock.read },
    );
    expect(stats.count).toBe(5); // round 1 starts 5 requests (at 0, 10, … 40 ms), then the budget is spent
    expect(stats.truncated).toBe(true);
  });

  it('refuses more rounds than requests', async () => {
    await expect(runInterleaved([async () => undefined], { requests: 2, concurrency: 1, rounds: 3 })).rejects.toThrow(RangeError);
  });
});
