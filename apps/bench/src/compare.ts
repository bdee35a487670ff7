/**
 * `npm run bench -- --compare <previous.json>`: each figure of this run beside the same figure of an
 * earlier run (issue 16), so a regression shows in a closing note. Measurements are matched by figure,
 * scale and key; ratios and targets by figure, scale and label. What only one run has is listed as
 * such, not guessed at. Pure: the caller reads the files.
 */
import type { BenchReport, FigureResult } from './report';

const figureKey = (figure: FigureResult) => `${figure.name} ×${figure.scale}`;

function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? '±0%' : 'new';
  const percent = ((now - before) / before) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(0)}%`;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The comparison as lines of text, the current run first in each line. */
export function compareReports(previous: BenchReport, current: BenchReport): string[] {
  const lines = [
    `compared with the run of ${previous.startedAt} (load average at its start ${previous.loadAverage.start.map((l) => l.toFixed(2)).join(' ')}; now ${current.loadAverage.start.map((l) => l.toFixed(2)).join(' ')})`,
  ];
  const before = new Map(previous.figures.map((figure) => [figureKey(figure), figure]));
  for (const figure of current.figures) {
    const earlier = before.get(figureKey(figure));
    if (!earlier?.outcome || !figure.outcome) {
      lines.push(`${figureKey(figure)}: not in the earlier run`);
      continue;
    }
    before.delete(figureKey(figure));
    const earlierMeasurements = new Map(earlier.outcome.measurements.map((m) => [m.key, m]));
    for (const measurement of figure.outcome.measurements) {
      const old = earlierMeasurements.get(measurement.key);
      if (!old) continue;
      lines.push(
        `${figureKey(figure)} ${measurement.key}: p50 ${ms(measurement.stats.p50)} (was ${ms(old.stats.p50)}, ${change(measurement.stats.p50, old.stats.p50)}), p99 ${ms(measurement.stats.p99)} (was ${ms(old.stats.p99)}, ${change(measurement.stats.p99, old.stats.p99)})`,
      );
    }
    const earlierRatios = new Map(earlier.outcome.ratios.map((r) => [r.label, r.value]));
    for (const ratio of figure.outcome.ratios) {
      const old = earlierRatios.get(ratio.label);
      if (old !== undefined)
        lines.push(
          `${figureKey(figure)} ratio ${ratio.label}: ${ratio.value.toFixed(2)} (was ${old.toFixed(2)}, ${change(ratio.value, old)})`,
        );
    }
    const earlierTargets = new Map(earlier.outcome.targets.map((t) => [t.label, t.pass]));
    for (const target of figure.outcome.targets) {
      const old = earlierTargets.get(target.label);
      if (old !== undefined && old !== target.pass)
        lines.push(
          `${figureKey(figure)} target ${target.label}: now ${target.pass ? 'PASS' : 'MISS'}, was ${old ? 'PASS' : 'MISS'}`,
        );
    }
  }
  for (const key of before.keys()) lines.push(`${key}: only in the earlier run`);
  return lines;
}
