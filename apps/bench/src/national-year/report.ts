/** The year's report: a table for the terminal and a self-contained HTML page (inline SVG, no CDN). */
import { PROFILE_CLASSES } from './demand';
import type { Reached, Spread } from './measures';
import type { StaffFigures } from './shelter-staff';
import type { Invariants, Shortfall } from './year-readings';

type Worst = { hour: number; label: string; n: number; p95: number; without: number } | null;
type Unnamed = { samples: number; samplesAboveZero: number; peak: number; peakAt: number };

/** One of the people who waited longest for the headline, with her chain's steps (minutes after contact). */
export interface SlowPerson {
  requestId: string | null;
  contactAt: string;
  classes: readonly string[];
  minutes: number | null;
  reachedBy: string | null;
  steps: string[];
}

export interface YearReport {
  seed: number;
  days: number;
  speed: number;
  wallSeconds: number;
  /** Simulated minutes one tick of the agents' loop took on average (its resolution). */
  /** Simulated minutes a tick while measuring (at `speed`; calm ticks are coarser and not counted). */
  tickMinutes: number;
  /** The speed while nobody waited to be reached (calm-speed.ts), or null when it ran at one speed. */
  calmSpeed: number | null;
  /** Share of the simulated time run at the calm speed. */
  calmShare: number;
  from: string;
  people: number;
  arrivals: number;
  hourOfWeek: Spread[];
  /** The issue's headline: time to a place to go or a named escalation, per hour of the week and per profile class. */
  headlineHourOfWeek: Spread[];
  headline: Record<string, Spread & { without: number }>;
  headlineWorstHour: Worst;
  placeWorstHour: Worst;
  reachedBy: Record<Reached | 'none', number>;
  /** People escalated at the deadline, and how many of them had a place to go within 15 minutes all the same (measures.ts escalationCost). */
  escalationCost: { escalated: number; placeWithinTarget: number };
  /** People without a place and without a named escalation or wait past the target, sampled every 15 simulated minutes. */
  unnamed: Unnamed;
  /** The strict reading (measures.ts `Reached`): no named waits. Reported, not a target. */
  strict: { headline: Spread & { without: number }; worstHour: Worst; unnamed: Unnamed };
  toPlace: Record<string, Spread & { without: number }>;
  toStructural: Record<string, Spread & { without: number }>;
  waitingSeries: { at: number; waiting: number; byReason: Record<string, number> }[];
  /** The invariants as checked through the run, and the asks never answered. */
  invariants: Invariants & { unanswered: number };
  noodbed: { stays: number; nights: number; overrun: number };
  offersLapsed: number;
  /** requestNoodbed answers: with a place the police are told, or without one. */
  noodbedAnswers: { withPlace: number; withoutPlace: number; byKind: Record<string, number> };
  /** People whose requests were escalated, by region, kind and reason, and when (the stress variant's shortfall). */
  shortfall: Shortfall[];
  supply: StaffFigures;
  transfers: { asked: number; refused: number; opened: number; arrived: number; cancelled: number; open: number };
  planned: {
    actions: number;
    expected: number;
    reserved: number;
    shortfall: number;
    refused: number;
    requests: number;
    placed: number;
    cancelled: number;
  };
  refusals: Record<string, number>;
  /** The people who waited longest for the headline, with their steps. */
  slowest: SlowPerson[];
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function minutes(value: number): string {
  if (Number.isNaN(value)) return '—';
  if (value === Number.POSITIVE_INFINITY) return 'never';
  if (value < 120) return `${value.toFixed(0)} min`;
  if (value < 48 * 60) return `${(value / 60).toFixed(1)} h`;
  return `${(value / 1440).toFixed(1)} d`;
}

/** Six-hour blocks of the week: 168 hourly buckets are too many for a terminal. */
function blocks(hourly: Spread[]): { label: string; n: number; p95: number; p50: number }[] {
  const out = [];
  for (let day = 0; day < 7; day++) {
    for (let block = 0; block < 4; block++) {
      const hours = hourly.slice(day * 24 + block * 6, day * 24 + block * 6 + 6).filter((s) => s.n > 0);
      const n = hours.reduce((sum, s) => sum + s.n, 0);
      out.push({
        label: `${DAYS[day]} ${String(block * 6).padStart(2, '0')}-${String(block * 6 + 6).padStart(2, '0')}`,
        n,
        p95: hours.length ? Math.max(...hours.map((s) => s.p95)) : Number.NaN,
        p50: hours.length ? hours.reduce((sum, s) => sum + s.p50 * s.n, 0) / n : Number.NaN,
      });
    }
  }
  return out;
}

function unnamedText(unnamed: Unnamed): string {
  const at = unnamed.peak ? ` at ${new Date(unnamed.peakAt).toISOString().slice(0, 16)}` : '';
  return `peak ${unnamed.peak}${at}, above 0 in ${unnamed.samplesAboveZero} of ${unnamed.samples} samples → ${unnamed.peak === 0 ? 'PASS' : 'MISS'}`;
}

function worstText(worst: Worst): string {
  return worst ? `${worst.label} (n ${worst.n}): p95 ${minutes(worst.p95)}` : '—';
}

export function yearReportTable(report: YearReport): string {
  const h = report.headline.everyone;
  const lines = [
    `\n  National ${report.days === 365 ? 'year' : `${report.days} days`} (seed ${report.seed}, ${report.speed}×, one tick ≈ ${report.tickMinutes.toFixed(1)} simulated min${report.calmSpeed ? `, ${(report.calmShare * 100).toFixed(0)}% calm at ${report.calmSpeed}×` : ''}, ${report.wallSeconds} wall s): ${report.arrivals} arrivals, ${report.people} measured`,
    '',
    `  HEADLINE — a place to go, a named escalation or (not ACUTE) a named wait: p50 ${minutes(h.p50)}, p95 ${minutes(h.p95)}, p99 ${minutes(h.p99)} ` +
      `→ ${h.p95 <= 15 && h.without === 0 ? 'PASS' : 'MISS'} (target p95 ≤ 15 min)`,
    `  worst hour of the week: ${worstText(report.headlineWorstHour)} → ${report.headlineWorstHour && report.headlineWorstHour.p95 <= 15 ? 'PASS' : 'MISS'}`,
    `  reached by: a place ${report.reachedBy.place}, an escalation ${report.reachedBy.escalation}, a named authority's worklist ${report.reachedBy.authority}, a named wait ${report.reachedBy.namedWait}, none ${report.reachedBy.none}`,
    `  escalated at the deadline (within 15 min): ${report.escalationCost.escalated} people, ${report.escalationCost.placeWithinTarget} of whom had a place to go within 15 min all the same (the call was not needed)`,
    `  without any of these after 15 min: ${unnamedText(report.unnamed)}`,
    `  strict reading (no named waits): p95 ${minutes(report.strict.headline.p95)} (${report.strict.headline.without} with none), worst hour ${worstText(report.strict.worstHour)}; left after 15 min: ${unnamedText(report.strict.unnamed)}`,
    '',
    `  ${'profile'.padEnd(16)}${'n'.padStart(6)}${'neither'.padStart(8)}${'place/esc p50'.padStart(15)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'│ place p50'.padStart(12)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'none'.padStart(6)}${'structural p50'.padStart(16)}${'p95'.padStart(9)}`,
  ];
  for (const cls of ['everyone', ...PROFILE_CLASSES]) {
    const e = report.headline[cls];
    const a = report.toPlace[cls];
    const s = report.toStructural[cls];
    lines.push(
      `  ${cls.padEnd(16)}${String(e.n + e.without).padStart(6)}${String(e.without).padStart(8)}${minutes(e.p50).padStart(15)}${minutes(e.p95).padStart(9)}${minutes(e.p99).padStart(9)}${('│ ' + minutes(a.p50)).padStart(12)}${minutes(a.p95).padStart(9)}${minutes(a.p99).padStart(9)}${String(a.without).padStart(6)}${minutes(s.p50).padStart(16)}${minutes(s.p95).padStart(9)}`,
    );
  }
  const weekTable = (title: string, series: Parameters<typeof blocks>[0]) => {
    lines.push('', `  ${title}, by block of the week (p50 weighted, worst hourly p95):`);
    const week = blocks(series);
    for (let day = 0; day < 7; day++) {
      lines.push(
        '  ' +
          week
            .slice(day * 4, day * 4 + 4)
            .map((x) => `${x.label} n${String(x.n).padStart(3)} ${minutes(x.p50).padStart(7)} / ${minutes(x.p95).padStart(7)}`)
            .join('  '),
      );
    }
  };
  weekTable('a place to go or a named escalation', report.headlineHourOfWeek);
  weekTable('time to a place to go', report.hourOfWeek);
  const peak = report.waitingSeries.reduce((m, w) => (w.waiting > m.waiting ? w : m), {
    at: 0,
    waiting: 0,
    byReason: {} as Record<string, number>,
  });
  lines.push(
    '',
    `  waiting without a place: peak ${peak.waiting} at ${peak.at ? new Date(peak.at).toISOString().slice(0, 16) : '—'} (${Object.entries(
      peak.byReason,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
    `  noodbed: ${report.noodbed.stays} stays, ${report.noodbed.nights.toFixed(0)} nights, ${report.noodbed.overrun} overrun · offers lapsed ${report.offersLapsed} · requestNoodbed answered with a place ${report.noodbedAnswers.withPlace}, without ${report.noodbedAnswers.withoutPlace} (${Object.entries(
      report.noodbedAnswers.byKind,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
    `  invariants over ${report.invariants.checks} checks: two places ${report.invariants.twoPlaces} (parallel offers seen in ${report.invariants.parallelOffers}), over capacity ${report.invariants.overCapacity}, ` +
      `held ≠ holds ${report.invariants.ledgerMismatch}, stuck requests ${report.invariants.lost}, asks without an answer ${report.invariants.unanswered}`,
  );
  lines.push(
    `  supply: register filled to ${(report.supply.startingFill * 100).toFixed(0)}% through updateCapacity; ${report.supply.updates} capacity updates by ` +
      `${report.supply.facilities} facilities (${report.supply.stale} rarely reporting), ${report.supply.conflictsRetried} CONFLICTs read again and resent, ${report.supply.refused} given up`,
    `  transfers: ${report.transfers.asked} asked (${report.transfers.refused} refused), ${report.transfers.opened} opened, ${report.transfers.arrived} arrived, ` +
      `${report.transfers.cancelled} cancelled, ${report.transfers.open} still open`,
    `  planned actions: ${report.planned.actions} announced (${report.planned.refused} refused), ${report.planned.expected} people expected, ` +
      `${report.planned.reserved} places reserved, shortfall ${report.planned.shortfall}; ${report.planned.requests} requests made at the start, ` +
      `${report.planned.placed} placed, ${report.planned.cancelled} cancelled`,
  );
  if (report.shortfall.length)
    lines.push(
      '  escalated (where and when places ran out), people by region / kind waited for / where the request stood when escalated, first and last day:',
      ...report.shortfall.map(
        (r) => `    ${String(r.people).padStart(5)} × ${r.region} / ${r.kind} / ${r.reason}, ${r.first} – ${r.last}`,
      ),
    );
  if (report.slowest.length)
    lines.push(
      '  waited longest (minutes after contact):',
      ...report.slowest.map(
        (p) =>
          `    ${p.minutes === null ? 'never' : `${p.minutes.toFixed(0)} min`} · ${p.contactAt} · ${p.classes.join(', ') || 'adult'} · ` +
          `${p.reachedBy ?? 'not reached'} · ${p.requestId?.slice(0, 8) ?? 'no request'}: ${p.steps.join(' → ')}`,
      ),
    );
  const refusals = Object.entries(report.refusals);
  if (refusals.length) lines.push('  refused calls (top):', ...refusals.map(([k, v]) => `    ${String(v).padStart(5)} × ${k}`));
  return lines.join('\n');
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A bar chart as inline SVG. */
function bars(values: { label: string; value: number; title: string }[], width: number, height: number, unit: string): string {
  const max = Math.max(1, ...values.map((v) => (Number.isNaN(v.value) ? 0 : v.value)));
  const w = width / Math.max(1, values.length);
  const rects = values
    .map((v, i) => {
      const h = Number.isNaN(v.value) ? 0 : (v.value / max) * (height - 20);
      return `<rect x="${(i * w).toFixed(1)}" y="${(height - 20 - h).toFixed(1)}" width="${Math.max(1, w - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${v.value > 15 ? '#c0392b' : '#2e86c1'}"><title>${escape(v.title)}</title></rect>`;
    })
    .join('');
  const labels = values
    .map((v, i) => (v.label ? `<text x="${(i * w).toFixed(1)}" y="${height - 5}" font-size="10">${escape(v.label)}</text>` : ''))
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img"><text x="0" y="10" font-size="10">max ${max.toFixed(0)} ${unit}</text>${rects}${labels}</svg>`;
}

function line(points: { at: number; value: number }[], width: number, height: number): string {
  if (points.length < 2) return '<p>(too few samples)</p>';
  const max = Math.max(1, ...points.map((p) => p.value));
  const t0 = points[0].at;
  const t1 = points[points.length - 1].at;
  const path = points
    .map(
      (p, i) =>
        `${i ? 'L' : 'M'}${(((p.at - t0) / (t1 - t0)) * width).toFixed(1)},${(height - 15 - (p.value / max) * (height - 30)).toFixed(1)}`,
    )
    .join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img"><text x="0" y="10" font-size="10">max ${max} people</text><path d="${path}" fill="none" stroke="#2e86c1"/><text x="0" y="${height - 2}" font-size="10">${new Date(t0).toISOString().slice(0, 10)}</text><text x="${width - 70}" y="${height - 2}" font-size="10">${new Date(t1).toISOString().slice(0, 10)}</text></svg>`;
}

export function yearReportHtml(report: YearReport): string {
  const hourly = report.hourOfWeek.map((s, i) => ({
    label: i % 24 === 0 ? DAYS[i / 24] : '',
    value: s.p95,
    title: `${DAYS[Math.floor(i / 24)]} ${String(i % 24).padStart(2, '0')}:00 — n ${s.n}, p50 ${minutes(s.p50)}, p95 ${minutes(s.p95)}`,
  }));
  const headlineHourly = report.headlineHourOfWeek.map((s, i) => ({
    label: i % 24 === 0 ? DAYS[i / 24] : '',
    value: s.p95,
    title: `${DAYS[Math.floor(i / 24)]} ${String(i % 24).padStart(2, '0')}:00 — n ${s.n}, p50 ${minutes(s.p50)}, p95 ${minutes(s.p95)}`,
  }));
  const classes = ['everyone', ...PROFILE_CLASSES].map((cls) => ({
    label: cls,
    value: report.toPlace[cls].p95,
    title: `${cls}: n ${report.toPlace[cls].n}, p95 ${minutes(report.toPlace[cls].p95)}, without ${report.toPlace[cls].without}`,
  }));
  const rows = ['everyone', ...PROFILE_CLASSES]
    .map((cls) => {
      const a = report.toPlace[cls];
      const s = report.toStructural[cls];
      return `<tr><td>${cls}</td><td>${a.n + a.without}</td><td>${a.without}</td><td>${minutes(a.p50)}</td><td>${minutes(a.p95)}</td><td>${minutes(a.p99)}</td><td>${minutes(s.p50)}</td><td>${minutes(s.p95)}</td><td>${s.without}</td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Opvangplek — simulated national year</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child{text-align:left}pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}</style></head><body>
<h1>Simulated national ${report.days === 365 ? 'year' : `${report.days} days`}</h1>
<p>Seed ${report.seed} · from ${escape(report.from)} · ${report.speed}×${report.calmSpeed ? ` (${(report.calmShare * 100).toFixed(0)}% of the time calm at ${report.calmSpeed}×)` : ''} (${report.wallSeconds} wall s) · ${report.arrivals} arrivals, ${report.people} measured.
Red bars miss the 15-minute target.</p>
<h2>A place to go, a named escalation or (not ACUTE) a named wait (the target), p95 per hour of the week (minutes)</h2>${bars(headlineHourly, 1008, 180, 'min')}
<p>Worst hour: ${escape(worstText(report.headlineWorstHour))}. Reached by a place ${report.reachedBy.place}, an escalation ${report.reachedBy.escalation}, a named authority's worklist ${report.reachedBy.authority}, a named wait ${report.reachedBy.namedWait}, none ${report.reachedBy.none}.
Escalated at the deadline (within 15 minutes): ${report.escalationCost.escalated} people, ${report.escalationCost.placeWithinTarget} of whom had a place to go within 15 minutes all the same.
Strict reading (no named waits): p95 ${minutes(report.strict.headline.p95)}, ${report.strict.headline.without} with none; worst hour ${escape(worstText(report.strict.worstHour))}.</p>
<h2>Time to a place to go alone, p95 per hour of the week (minutes)</h2>${bars(hourly, 1008, 180, 'min')}
<h2>By profile class (p95 minutes)</h2>${bars(classes, 560, 160, 'min')}
<table><tr><th>profile</th><th>n</th><th>no place</th><th>place p50</th><th>p95</th><th>p99</th><th>structural p50</th><th>p95</th><th>none</th></tr>${rows}</table>
<h2>People waiting without a place</h2>${line(
    report.waitingSeries.map((w) => ({ at: w.at, value: w.waiting })),
    1000,
    160,
  )}
<h2>Where and when places ran out (people escalated)</h2>
<table><tr><th>region</th><th>kind waited for</th><th>stood at</th><th>people</th><th>first</th><th>last</th></tr>${report.shortfall
    .map(
      (r) =>
        `<tr><td>${escape(r.region)}</td><td>${escape(r.kind)}</td><td>${escape(r.reason)}</td><td>${r.people}</td><td>${r.first}</td><td>${r.last}</td></tr>`,
    )
    .join('')}</table>
<h2>Figures and invariants</h2><pre>${escape(yearReportTable(report))}</pre>
</body></html>
`;
}
