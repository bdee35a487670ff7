import * as os from 'node:os';
import type { FigureOutcome, MemorySnapshot } from './figure';
import { fmtMs } from './figure';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemoryGB: number;
  platform: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

export interface SeededScale {
  scale: number;
  regions: number;
  facilities: number;
  places: number;
  seconds: number;
}

export interface FigureResult {
  name: string;
  description: string;
  scale: number;
  seconds: number;
  memory: { before: MemorySnapshot; after: MemorySnapshot };
  outcome?: FigureOutcome;
  /** Set when the figure could not be measured; nothing else about it is then reported. */
  error?: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  nodeEnv: string | null;
  loadAverage: { start: number[]; end: number[] };
  database: { mode: 'embedded' | 'server'; description: string; serverVersion: string };
  queueBackend: string;
  eventsBackend: string;
  settings: {
    requests: number;
    concurrency: number;
    warmup: number;
    rounds: number;
    maxSecondsPerMeasurement: number;
    scaleOverride: number | null;
  };
  percentileMethod: string;
  seeded: SeededScale[];
  figures: FigureResult[];
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padLeft(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/** The compact table printed at the end: every measurement, then ratios and targets per figure. */
export function summaryTable(report: BenchReport): string {
  const columns = [22, 6, 20, 7, 10, 10, 10, 10, 8];
  const row = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 3 ? padLeft(cell, columns[i]) : pad(cell, columns[i])))
      .join(' ')
      .trimEnd();
  const lines = [row(['figure', 'scale', 'measured', 'n', 'p50', 'p90', 'p99', 'max', 'req/s'])];
  lines.push('-'.repeat(lines[0].length));
  let passed = 0;
  let missed = 0;
  for (const figure of report.figures) {
    if (!figure.outcome) {
      lines.push(row([figure.name, String(figure.scale), `FAILED: ${figure.error ?? 'unknown error'}`]));
      continue;
    }
    figure.outcome.measurements.forEach((m, i) => {
      const s = m.stats;
      lines.push(
        row([
          i === 0 ? figure.name : '',
          i === 0 ? String(figure.scale) : '',
          m.label,
          `${s.count}${s.truncated ? '*' : ''}`,
          fmtMs(s.p50),
          fmtMs(s.p90),
          fmtMs(s.p99),
          fmtMs(s.max),
          s.throughput.toFixed(0),
        ]),
      );
    });
    for (const ratio of figure.outcome.ratios) lines.push(row(['', '', `${ratio.label}: ${ratio.value.toFixed(2)}×`]));
    for (const target of figure.outcome.targets) {
      if (target.pass) passed++;
      else missed++;
      lines.push(row(['', '', `target ${target.label}: ${target.pass ? 'PASS' : 'MISS'} (${target.measured})`]));
    }
  }
  lines.push('-'.repeat(lines[0].length));
  const failed = report.figures.filter((f) => !f.outcome).length;
  lines.push(`targets: ${passed} PASS, ${missed} MISS${failed ? `; ${failed} figure(s) FAILED to measure` : ''}`);
  if (report.figures.some((f) => f.outcome?.measurements.some((m) => m.stats.truncated))) {
    lines.push('* stopped at the time limit before the requested count: fewer requests measured');
  }
  return lines.join('\n');
}
