import type { AppConfig } from '@opvangplek/platform';
import type { YearOptions } from './national-year/national-year.figure';
import type { SoakOptions } from './figures/soak.figure';
import type { DataSource } from 'typeorm';
import { type LoadStats, runInterleaved } from './load-driver';
import { runInterleavedOffThread, type ThreadOperation } from './load-thread';

/** What every figure gets: a seeded database of its scale, the running API and the run's settings. */
export interface BenchContext {
  /** The configuration the in-process API runs with (its databaseUrl is the bench database). */
  config: AppConfig;
  /** http://127.0.0.1:<port> of the in-process API. */
  apiUrl: string;
  /** A ZORGCOORDINATOR bearer token the API accepts. */
  token: string;
  databaseUrl: string;
  /** The bench's own connection (migrations, seeding), for a figure's setup queries. Not for measuring. */
  dataSource: DataSource;
  /** The register scale seeded for this figure. */
  scale: number;
  requests: number;
  concurrency: number;
  warmup: number;
  /** Measurements taken together alternate in this many rounds (ABBA), so machine noise hits both alike. */
  rounds: number;
  /** Longest one measurement's recorded requests may take in all; a run cut short says so. */
  maxDurationMs: number;
  /** How long the placement-latency figure sustains its request rate (`--latency-seconds`, default 60). */
  latencySeconds: number;
  /** Requests a second the placement-latency figure sends (`--latency-rate`, default 20: the target's rate). */
  latencyRate: number;
  /** The national-year figure's settings (issue 19). */
  year: YearOptions;
  /** The soak figure's length and rate (`--soak-seconds`, `--soak-rate`; issue 15). */
  soak: SoakOptions;
  signal: AbortSignal;
  log(line: string): void;
}

export interface MemorySnapshot {
  heapUsedMB: number;
  rssMB: number;
}

export function memorySnapshot(): MemorySnapshot {
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return { heapUsedMB: mb(usage.heapUsed), rssMB: mb(usage.rss) };
}

/** One measured load: what ran, how, and its latencies. */
export interface Measurement {
  key: string;
  label: string;
  /** One sentence: exactly what one request does. */
  what: string;
  stats: LoadStats;
  memory: { before: MemorySnapshot; after: MemorySnapshot };
}

export interface Ratio {
  label: string;
  value: number;
}

export interface TargetCheck {
  label: string;
  /** The measured value the target is judged on, in words (e.g. "p99 31.2 ms"). */
  measured: string;
  pass: boolean;
}

export interface FigureOutcome {
  /** In print order; the first is the subject, the second (if any) its baseline in the summary table. */
  measurements: Measurement[];
  ratios: Ratio[];
  targets: TargetCheck[];
  notes: string[];
}

/**
 * One figure of `npm run bench`. Figures run grouped by `scale`: each distinct scale is seeded once,
 * smallest first (seeding only adds, so a larger scale is a superset of a smaller one).
 */
export interface BenchFigure {
  name: string;
  /** Which issue target it measures, in one line. */
  description: string;
  scale: number;
  /** Runs only when named with --only (a long figure, e.g. the simulated year). */
  optIn?: boolean;
  run(context: BenchContext): Promise<FigureOutcome>;
}

interface MeasurementSpecBase {
  key: string;
  label: string;
  what: string;
}

/**
 * Run on this thread, beside the in-process API (`operation`), or in a load thread of its own
 * (`offThread`, load-thread.ts). The specs measured together run all one way or all the other.
 */
export type MeasurementSpec =
  | (MeasurementSpecBase & { operation: (index: number) => Promise<unknown>; offThread?: never })
  | (MeasurementSpecBase & { offThread: ThreadOperation; operation?: never });

/**
 * Measures operations against each other with the context's settings (warm-up each, then the
 * recorded requests interleaved in rounds), logging what is measured and the heap around it.
 */
export async function measureTogether(context: BenchContext, specs: readonly MeasurementSpec[]): Promise<Measurement[]> {
  context.log(
    `  measuring ${specs.map((s) => s.label).join(' / ')}: each ${context.warmup} warm-up + ${context.requests} recorded requests, ` +
      `${context.concurrency} concurrent, interleaved in ${context.rounds} rounds`,
  );
  const before = memorySnapshot();
  const after = specs.map(() => before);
  const options = {
    requests: context.requests,
    concurrency: context.concurrency,
    warmup: context.warmup,
    rounds: context.rounds,
    maxDurationMs: context.maxDurationMs,
  };
  const onPhaseEnd = (i: number) => (after[i] = memorySnapshot());
  const offThread = specs.filter((spec) => spec.offThread !== undefined);
  if (offThread.length > 0 && offThread.length < specs.length) {
    throw new Error('measureTogether: measurements taken together run all on this thread or all off it');
  }
  const stats =
    offThread.length > 0
      ? await runInterleavedOffThread(
          { operations: specs.map((s) => s.offThread!), options },
          { signal: context.signal, onPhaseEnd },
        )
      : await runInterleaved(
          specs.map((s) => s.operation!),
          { ...options, signal: context.signal, onPhaseEnd },
        );
  return specs.map((spec, i) => {
    const s = stats[i];
    const truncated = s.truncated ? ` (STOPPED AT THE ${Math.round(context.maxDurationMs / 1000)} s LIMIT)` : '';
    context.log(
      `    ${spec.label}: ${s.count} requests in ${(s.wallMs / 1000).toFixed(1)} s${truncated}: ` +
        `p50 ${fmtMs(s.p50)} · p90 ${fmtMs(s.p90)} · p99 ${fmtMs(s.p99)} · max ${fmtMs(s.max)} · ${s.throughput.toFixed(0)} req/s`,
    );
    return { key: spec.key, label: spec.label, what: spec.what, stats: s, memory: { before, after: after[i] } };
  });
}

export function fmtMs(ms: number): string {
  return Number.isNaN(ms) ? '—' : `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}
