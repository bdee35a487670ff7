/**
 * What one call costs the machine, apart from waiting: calls made one at a time on otherwise idle
 * processes, with each process's CPU time read from outside it (/proc) before and after. Under a
 * concurrent load the answer time of a CPU-bound process is its queue (Little's law), so the ratio
 * of two calls' CPU is the floor of the ratio of their answer times at any concurrency.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../load-driver';
import type { RunningProcess } from './private-cluster';
import { cpuMs } from './soak-samples';

const QUIET_POLL_MS = 300;
const QUIET_LIMIT_MS = 15_000;

export interface CallCost {
  calls: number;
  /** CPU ms per call in each process, keyed "api 0", "worker 1", … (work the calls caused, done after they answered, included). */
  cpuPerCall: Map<string, number>;
  /** Answer time one at a time, ms. */
  p50: number;
  p90: number;
}

/** CPU time of every process now; NaN for a process that cannot be read (gone), so its figure reads NaN, not a made-up 0. */
function cpuNow(processes: readonly RunningProcess[]): number[] {
  return processes.map((process) => cpuMs(process.child.pid) ?? Number.NaN);
}

/** Waits until no process uses more than a tick (10 ms) of CPU in one poll: the work the calls left (a worker's jobs) is done. */
async function untilQuiet(processes: readonly RunningProcess[]): Promise<void> {
  const began = Date.now();
  let last = cpuNow(processes);
  while (Date.now() - began < QUIET_LIMIT_MS) {
    await sleep(QUIET_POLL_MS);
    const now = cpuNow(processes);
    if (now.every((ms, i) => ms - last[i] <= 10)) return;
    last = now;
  }
}

/** Makes `calls` calls of `operation`, one after another, and what they cost each process per call. */
export async function costOneAtATime(
  processes: readonly RunningProcess[],
  calls: number,
  operation: (i: number) => Promise<unknown>,
): Promise<CallCost> {
  await untilQuiet(processes);
  const before = cpuNow(processes);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const began = performance.now();
    await operation(i);
    times.push(performance.now() - began);
  }
  await untilQuiet(processes);
  const after = cpuNow(processes);
  times.sort((a, b) => a - b);
  const kinds = new Map<string, number>();
  const cpuPerCall = new Map(
    processes.map((process, i) => {
      const nth = kinds.get(process.kind) ?? 0;
      kinds.set(process.kind, nth + 1);
      return [`${process.kind} ${nth}`, (after[i] - before[i]) / calls] as const;
    }),
  );
  return { calls, cpuPerCall, p50: percentile(times, 50), p90: percentile(times, 90) };
}
