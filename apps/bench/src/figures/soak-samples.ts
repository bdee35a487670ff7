/**
 * What the soak figure reads while it runs and how it judges it, apart from the load itself: the
 * placement queue's depth from an API's /metrics, each process's resident memory from /proc, the
 * verdict on queue growth, and percentiles with undecided requests counted as slowest.
 */
import { readFileSync } from 'node:fs';
import { percentile } from '../load-driver';

/** Jobs still to run (waiting, prioritized, active) and scheduled for later (delayed: mostly offer expiries). */
export interface QueueDepth {
  atSeconds: number;
  depth: number;
  delayed: number;
}

/** The placement queue's jobs by state, from the Prometheus text of an API's /metrics; undefined when the queue did not answer. */
export function placementQueueDepth(metricsText: string, atSeconds: number): QueueDepth | undefined {
  const count = (state: string) => {
    const series = `opvangplek_queue_jobs{queue="placement",state="${state}"} `;
    const line = metricsText.split('\n').find((candidate) => candidate.startsWith(series));
    return line === undefined ? undefined : Number(line.slice(series.length));
  };
  const waiting = count('waiting');
  if (waiting === undefined) return undefined;
  return {
    atSeconds,
    depth: waiting + (count('prioritized') ?? 0) + (count('active') ?? 0),
    delayed: count('delayed') ?? 0,
  };
}

/** Resident memory of a process in MB (Linux /proc), or undefined when it cannot be read (gone, not Linux). */
export function residentMB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : undefined;
  } catch {
    return undefined;
  }
}

/** /proc's clock ticks a second (USER_HZ): 100 on every Linux the project runs on. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time a process has used (user + system), in ms, from the text of /proc/<pid>/stat: fields 14
 * and 15, counted after the command name, which is in parentheses and may hold spaces.
 */
export function cpuMsOfStat(statText: string): number {
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new Error(`not a /proc/<pid>/stat line: ${statText.slice(0, 80)}`);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** CPU time `pid` has used so far in ms (Linux /proc), read from outside it; undefined when it cannot be read. */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** One process's resident memory over the run. */
export class MemoryTrack {
  start: number | undefined;
  end: number | undefined;
  max = 0;

  constructor(
    readonly label: string,
    private readonly pid: number | undefined,
  ) {}

  sample(): void {
    const mb = residentMB(this.pid);
    if (mb === undefined) return;
    this.start ??= mb;
    this.end = mb;
    this.max = Math.max(this.max, mb);
  }

  toString(): string {
    return this.start === undefined
      ? `${this.label}: not readable`
      : `${this.label}: ${this.start} → ${this.end} MB (max ${this.max})`;
  }
}

/** Issue 16's memory target for an API process under load, read from outside (VmRSS). */
export const API_RSS_LIMIT_MB = 200;

/**
 * Samples every process of a cluster every `everyMs` until stopped: their resident memory under a
 * load, read from outside the processes (issue 16).
 */
export function sampleClusterMemory(
  processes: readonly { kind: 'api' | 'worker'; child: { pid?: number } }[],
  everyMs = 100,
): { stop(): { text: string; apiPeakMB: number } } {
  const tracks = processes.map((p, i) => ({ kind: p.kind, track: new MemoryTrack(`${p.kind} ${i}`, p.child.pid) }));
  const sampleAll = () => tracks.forEach(({ track }) => track.sample());
  sampleAll();
  // Unref'd: a figure that fails before stop() must not be kept alive by its sampler.
  const timer = setInterval(sampleAll, everyMs).unref();
  return {
    stop() {
      clearInterval(timer);
      sampleAll();
      return {
        text: tracks.map(({ track }) => track.toString()).join('; '),
        apiPeakMB: Math.max(0, ...tracks.filter(({ kind }) => kind === 'api').map(({ track }) => track.max)),
      };
    },
  };
}

/** Jobs of slack before a later third counts as grown: a handful of jobs in flight is noise, not a backlog. */
export const GROWTH_SLACK_JOBS = 5;

/**
 * Issue 15's "no growth of the queue over the run": the mean depth of the last third of the samples
 * taken under load is not above the first third's mean plus GROWTH_SLACK_JOBS. Fewer than three
 * samples cannot show a trend: no verdict.
 */
export function queueGrowth(samples: readonly QueueDepth[]): { firstMean: number; lastMean: number; grew: boolean } | undefined {
  if (samples.length < 3) return undefined;
  const third = Math.floor(samples.length / 3);
  const mean = (part: readonly QueueDepth[]) => part.reduce((sum, s) => sum + s.depth, 0) / part.length;
  const firstMean = mean(samples.slice(0, third));
  const lastMean = mean(samples.slice(samples.length - third));
  return { firstMean, lastMean, grew: lastMean > firstMean + GROWTH_SLACK_JOBS };
}

/** p50 and p99 of `decidedMs` with `undecided` requests counted as slower than every decided one (censored, not dropped). */
export function censoredPercentiles(decidedMs: readonly number[], undecided: number): { p50: number; p99: number } {
  const all = [...decidedMs, ...Array<number>(undecided).fill(Number.POSITIVE_INFINITY)].sort((a, b) => a - b);
  return { p50: percentile(all, 50), p99: percentile(all, 99) };
}
