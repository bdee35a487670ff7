import { compareReports } from './compare';
import { parseBenchOptions } from './bench.command';
import type { BenchReport } from './report';

const stats = (p50: number, p99: number) => ({
  count: 100,
  p50,
  p90: p50,
  p99,
  max: p99,
  min: 1,
  mean: p50,
  throughput: 1,
  wallMs: 1,
  truncated: false,
});
const memory = { before: { heapUsedMB: 1, rssMB: 1 }, after: { heapUsedMB: 1, rssMB: 1 } };

function report(
  startedAt: string,
  figures: { name: string; p50: number; p99: number; ratio: number; pass: boolean }[],
): BenchReport {
  return {
    startedAt,
    loadAverage: { start: [0.5, 0.4, 0.3], end: [0, 0, 0] },
    figures: figures.map((f) => ({
      name: f.name,
      description: '',
      scale: 1,
      seconds: 1,
      memory,
      outcome: {
        measurements: [{ key: 'api', label: 'api', what: '', stats: stats(f.p50, f.p99), memory }],
        ratios: [{ label: 'api ÷ floor', value: f.ratio }],
        targets: [{ label: 'p99 < 200 ms', measured: '', pass: f.pass }],
        notes: [],
      },
    })),
  } as unknown as BenchReport;
}

describe('bench --compare (issue 16)', () => {
  it('puts each figure beside the earlier run: latencies, ratios, a target that changed, and what only one run has', () => {
    const before = report('2026-12-01T10:00:00.000Z', [
      { name: 'noodbed-answer', p50: 50, p99: 200, ratio: 4, pass: true },
      { name: 'gone', p50: 1, p99: 1, ratio: 1, pass: true },
    ]);
    const now = report('2026-12-06T10:00:00.000Z', [
      { name: 'noodbed-answer', p50: 40, p99: 300, ratio: 5, pass: false },
      { name: 'fan-out', p50: 1, p99: 1, ratio: 1, pass: true },
    ]);
    const lines = compareReports(before, now);
    expect(lines[0]).toMatch(/^compared with the run of 2026-12-01T10:00:00.000Z/);
    expect(lines).toContain('noodbed-answer ×1 api: p50 40.0 ms (was 50.0 ms, -20%), p99 300.0 ms (was 200.0 ms, +50%)');
    expect(lines).toContain('noodbed-answer ×1 ratio api ÷ floor: 5.00 (was 4.00, +25%)');
    expect(lines).toContain('noodbed-answer ×1 target p99 < 200 ms: now MISS, was PASS');
    expect(lines).toContain('fan-out ×1: not in the earlier run');
    expect(lines).toContain('gone ×1: only in the earlier run');
  });
});

describe('bench --compare, read from the command line', () => {
  it('refuses a file that is not there before anything is measured, naming the option', () => {
    expect(() => parseBenchOptions(['--compare', '/nonexistent/results.json'])).toThrow(
      '--compare /nonexistent/results.json: no such file',
    );
    expect(parseBenchOptions(['--compare', __filename]).compare).toBe(__filename);
  });
});
