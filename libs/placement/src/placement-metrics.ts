import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlacementStatus } from '@opvangplek/domain';
import { MetricsRegistry } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';

/** Statuses in which a request is still looking for a place. */
const OPEN_STATUSES = [PlacementStatus.RECEIVED, PlacementStatus.MATCHING, PlacementStatus.WAITING];

/**
 * A request's first decision: the first step after it was taken in that answers it — a place offered
 * (or held, placed), a wait with its reason, or a cancellation.
 */
const DECIDED_STATUSES = [
  PlacementStatus.WAITING,
  PlacementStatus.OFFERED,
  PlacementStatus.ACCEPTED,
  PlacementStatus.PLACED,
  PlacementStatus.CANCELLED,
];

/** The window over which time to first decision is summarised. */
const DECISION_WINDOW_MINUTES = 60;

/**
 * The chain's state for operators, read from the database on scrape (so every API process says the
 * same): requests still looking for a place by status, waiting reason and urgency, and the time to a
 * first decision over the last hour by urgency (p50, p99). No request is named, only counted.
 */
@Injectable()
export class PlacementMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, metrics: MetricsRegistry) {
    metrics.gaugeOnScrape({
      name: 'requests_open',
      help: 'Requests still looking for a place, by status, waiting reason (none while matching) and urgency.',
      labelNames: ['status', 'reason', 'urgency'] as const,
      async read(gauge) {
        const rows: { status: string; reason: string | null; urgency: string; count: string }[] = await dataSource.query(
          `SELECT status, waiting_reason AS reason, urgency, count(*) AS count
             FROM placement_requests WHERE status = ANY($1::placement_status[])
            GROUP BY status, waiting_reason, urgency`,
          [OPEN_STATUSES],
        );
        for (const row of rows)
          gauge.set({ status: row.status, reason: row.reason ?? 'NONE', urgency: row.urgency }, Number(row.count));
      },
    });
    metrics.gaugeOnScrape({
      name: 'time_to_first_decision_seconds',
      help: `Requests made in the last ${DECISION_WINDOW_MINUTES} minutes: seconds from submission to the first decision (offer, wait or cancellation), by urgency and quantile.`,
      labelNames: ['urgency', 'quantile'] as const,
      async read(gauge) {
        const rows: { urgency: string; p50: number | null; p99: number | null }[] = await dataSource.query(
          `SELECT r.urgency,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY d.seconds) AS p50,
                  percentile_cont(0.99) WITHIN GROUP (ORDER BY d.seconds) AS p99
             FROM placement_requests r
             CROSS JOIN LATERAL (
               SELECT EXTRACT(EPOCH FROM (e.at - r.created_at)) AS seconds
                 FROM placement_events e
                WHERE e.request_id = r.id AND e.status = ANY($1::placement_status[])
                ORDER BY e.id LIMIT 1) d
            WHERE r.created_at > now() - make_interval(mins => $2)
            GROUP BY r.urgency`,
          [DECIDED_STATUSES, DECISION_WINDOW_MINUTES],
        );
        for (const row of rows) {
          if (row.p50 !== null) gauge.set({ urgency: row.urgency, quantile: '0.5' }, Math.max(0, Number(row.p50)));
          if (row.p99 !== null) gauge.set({ urgency: row.urgency, quantile: '0.99' }, Math.max(0, Number(row.p99)));
        }
      },
    });
    // The sweep escalates, lapses offers and re-queues what was lost: alert when it has not finished
    // for a few SWEEP_SECONDS (no worker runs it). Absent until a first sweep has finished.
    metrics.gaugeOnScrape({
      name: 'sweep_last_finished_age_seconds',
      help: 'Seconds since the last sweep finished (any worker process), by the database clock.',
      // Labelled, so that the series is absent (not 0) before a first sweep.
      labelNames: ['sweep'] as const,
      async read(gauge) {
        const rows: { name: string; age: number }[] = await dataSource.query(
          `SELECT name, EXTRACT(EPOCH FROM (now() - finished_at))::float8 AS age FROM sweep_runs`,
        );
        for (const row of rows) gauge.set({ sweep: row.name }, Math.max(0, Number(row.age)));
      },
    });
    metrics.gaugeOnScrape({
      name: 'sweep_last_run',
      help: 'What the last sweep did, by what (escalated, lapsed, due, reconciled, ...), and its duration in milliseconds (what="duration_ms").',
      labelNames: ['what'] as const,
      async read(gauge) {
        const [row]: { duration_ms: number; report: Record<string, number> }[] = await dataSource.query(
          `SELECT duration_ms, report FROM sweep_runs WHERE name = 'placement'`,
        );
        if (!row) return;
        gauge.set({ what: 'duration_ms' }, row.duration_ms);
        for (const [what, count] of Object.entries(row.report)) gauge.set({ what }, Number(count));
      },
    });
  }
}
