/**
 * A small closed-loop load driver for `npm run bench`: runs one async operation a fixed number of
 * times from C concurrent loops (each loop starts its next request as soon as the previous one
 * ends), after an unrecorded warm-up, and summarises the per-request latencies.
 *
 * Pure apart from the clock, which is injectable so the arithmetic is unit-tested on known inputs.
 */

export interface LoadOptions {
  /** Recorded requests. */
  requests: number;
  /** Concurrent loops (requests in flight at once). */
  concurrency: number;
  /** Requests run first and not recorded (JIT, connection pools, plan caches). */
  warmup?: number;
  /** Stop starting new recorded requests after this long; the result says how many were measured. */
  maxDurationMs?: number;
  /** Stop early (Ctrl-C); the driver throws `LoadAborted` once the requests in flight have ended. */
  signal?: AbortSignal;
  /** Monotonic clock in nanoseconds; `process.hrtime.bigint` unless a test passes its own. */
  clock?: () => bigint;
}

/** Latency figures in milliseconds; throughput in completed requests per second of wall time. */
export interface LoadStats {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  min: number;
  mean: number;
  throughput: number;
  wallMs: number;
  /** True when `maxDurationMs` cut the run short of the requested count. */
  truncated: boolean;
}

export class LoadAborted extends Error {
  constructor() {
    super('load run aborted');
    this.name = 'LoadAborted';
  }
}

/**
 * Nearest-rank percentile of an ascending list: the smallest value with at least p % of the values
 * at or below it. No interpolation, so every figure printed is a latency that really occurred.
 */
export function percentile(sortedAscending: ArrayLike<number>, p: number): number {
  const n = sortedAscending.length;
  if (n === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile needs 0 < p ≤ 100, got ${p}`);
  const rank = Math.ceil((p / 100) * n);
  return sortedAscending[Math.min(n, Math.max(1, rank)) - 1];
}

/** Summarises latencies (ms, any order) measured over `wallMs` of wall time. */
export function summarize(latenciesMs: ArrayLike<number>, wallMs: number, truncated = false): LoadStats {
  const sorted = Float64Array.from(latenciesMs).sort();
  const count = sorted.length;
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: count ? sorted[count - 1] : Number.NaN,
    min: count ? sorted[0] : Number.NaN,
    mean: count ? sum / count : Number.NaN,
    throughput: wallMs > 0 ? (count / wallMs) * 1000 : Number.NaN,
    wallMs,
    truncated,
  };
}

const NS_PER_MS = 1_000_000n;

function toMs(ns: bigint): number {
  // Whole microseconds through bigint, then a float: exact to 1 µs for any realistic duration.
  return Number(ns / 1000n) / 1000;
}

type Operation = (index: number) => Promise<unknown>;

function checkWholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${value}`);
}

/** One operation's state across its warm-up and recorded phases. */
class OperationRun {
  private nextIndex = 0;
  private recorded = 0;
  private wallNs = 0n;
  private truncated = false;
  private readonly latencies: Float64Array;

  constructor(
    private readonly operation: Operation,
    requests: number,
    private readonly options: LoadOptions & { clock: () => bigint },
  ) {
    this.latencies = new Float64Array(requests);
  }

  /** `count` requests from `concurrency` loops; recorded ones count against the time budget. */
  async phase(count: number, record: boolean): Promise<void> {
    const { clock, signal, concurrency, maxDurationMs } = this.options;
    const begin = clock();
    const budgetNs = maxDurationMs === undefined ? undefined : BigInt(Math.round(maxDurationMs)) * NS_PER_MS - this.wallNs;
    const deadline = record && budgetNs !== undefined ? begin + budgetNs : undefined;
    let started = 0;
    let failed = false;
    const loop = async () => {
      while (!failed && started < count) {
        if (signal?.aborted) return;
        if (deadline !== undefined && clock() >= deadline) {
          this.truncated = true;
          return;
        }
        started++;
        const index = this.nextIndex++;
        const requestBegin = clock();
        try {
          await this.operation(index);
        } catch (error) {
          failed = true; // the other loops stop after their request in flight
          throw error;
        }
        if (record) this.latencies[this.recorded++] = toMs(clock() - requestBegin);
      }
    };
    // allSettled: nothing may still be in flight when the caller goes on (or closes the server).
    const outcomes = await Promise.allSettled(Array.from({ length: Math.min(concurrency, count) }, loop));
    if (record) this.wallNs += clock() - begin;
    const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    if (signal?.aborted) throw new LoadAborted();
  }

  stats(): LoadStats {
    return summarize(this.latencies.subarray(0, this.recorded), toMs(this.wallNs), this.truncated);
  }
}

/**
 * Runs `operation(i)` for i = 0… (warm-up first, then the recorded requests, one index sequence so
 * rotating inputs continue across the two). Any failed operation fails the whole run: a benchmark
 * that counted failures as fast responses would lie.
 */
export async function runLoad(operation: Operation, options: LoadOptions): Promise<LoadStats> {
  const [stats] = await runInterleaved([operation], { ...options, rounds: 1 });
  return stats;
}

/**
 * Measures several operations against each other in the same run: each is warmed up, then the
 * recorded requests of each are split into `rounds` phases run in ABBA order (A B, B A, A B, …),
 * so a slow spell of the machine (another process, a GC storm) lands on every operation alike
 * instead of on whichever happened to run then. `requests`, the warm-up and the time budget are
 * per operation; throughput is over each operation's own recorded phases.
 */
export async function runInterleaved(
  operations: readonly Operation[],
  options: LoadOptions & { rounds?: number; onPhaseEnd?: (operationIndex: number, round: number) => void },
): Promise<LoadStats[]> {
  const rounds = options.rounds ?? 1;
  const warmup = options.warmup ?? 0;
  checkWholeNumber('requests', options.requests, 1);
  checkWholeNumber('concurrency', options.concurrency, 1);
  checkWholeNumber('warmup', warmup, 0);
  checkWholeNumber('rounds', rounds, 1);
  if (rounds > options.requests) throw new RangeError(`rounds (${rounds}) may not exceed requests (${options.requests})`);
  const clock = options.clock ?? (() => process.hrtime.bigint());
  const runs = operations.map((operation) => new OperationRun(operation, options.requests, { ...options, clock }));

  for (const run of runs) if (warmup > 0) await run.phase(warmup, false);
  for (let round = 0; round < rounds; round++) {
    const size = Math.floor(options.requests / rounds) + (round < options.requests % rounds ? 1 : 0);
    const order = runs.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      await runs[i].phase(size, true);
      options.onPhaseEnd?.(i, round);
    }
  }
  return runs.map((run) => run.stats());
}
