import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FacilityResponsiveness, MAX_RESPONSIVENESS_WEIGHT } from '@opvangplek/domain';
import { CLOCK, type Clock } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';

/**
 * Settings of the optional ranking weight for shelters that answer offers quickly (issue 18). Read
 * here, as the insight options are, while the platform's config is someone else's to change; the
 * same rule: a wrong value stops the service at start.
 */
export const RESPONSE_RANKING_OPTIONS = Symbol('RESPONSE_RANKING_OPTIONS');

export interface ResponseRankingOptions {
  /** RANKING_RESPONSE_WEIGHT: points for the quickest reliable responder; 0 (the default) is off. */
  weight: number;
  /** RANKING_RESPONSE_DAYS: how many days of offers the figures cover (default 90). */
  windowDays: number;
}

export function responseRankingOptionsFrom(env: Record<string, string | undefined> = process.env): ResponseRankingOptions {
  const problems: string[] = [];
  const read = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= min && value <= max)) {
      problems.push(`${name} is "${raw}"; allowed: a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const options = {
    weight: read('RANKING_RESPONSE_WEIGHT', 0, 0, MAX_RESPONSIVENESS_WEIGHT),
    windowDays: read('RANKING_RESPONSE_DAYS', 90, 1, 366),
  };
  if (problems.length > 0) throw new Error(problems.join('; '));
  return options;
}

/** How long one read of every facility's figures serves the matcher. */
const CACHE_MS = 5 * 60_000;

/**
 * Every facility's recent answers to offers, for the ranking weight: one aggregate statement over
 * the offered holds (placement_holds, the placement feature's table, read only), kept for a few
 * minutes and shared by every match in the process. Nothing is read while the weight is off. The
 * median is PostgreSQL's percentile_disc, the nearest rank the figures use (percentiles.ts).
 */
@Injectable()
export class ResponsivenessFigures {
  private cached: { until: number; figures: Promise<ReadonlyMap<string, FacilityResponsiveness> | undefined> } | null = null;
  private refreshing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RESPONSE_RANKING_OPTIONS) private readonly options: ResponseRankingOptions,
  ) {}

  get weight(): number {
    return this.options.weight;
  }

  /**
   * undefined while the weight is off, or while no read has succeeded yet (the figures are a
   * preference, never a reason for a match to fail). Only the first match waits for the read:
   * after that an expired read is refreshed in the background while matches go on with the one
   * before (figures a few minutes older rank no worse, and the aggregate over every offer of the
   * period is slower than any match should wait for).
   */
  async current(): Promise<ReadonlyMap<string, FacilityResponsiveness> | undefined> {
    if (this.options.weight <= 0) return undefined;
    const wall = Date.now();
    if (!this.cached) {
      const figures = this.read().catch(() => undefined);
      const entry = { until: wall + CACHE_MS, figures };
      this.cached = entry;
      // A failed first read is not kept: the next match tries again.
      void figures.then((read) => {
        if (read === undefined && this.cached === entry) this.cached = null;
      });
      return figures;
    }
    if (this.cached.until <= wall && !this.refreshing) {
      this.refreshing = true;
      void this.read()
        .then((read) => (this.cached = { until: Date.now() + CACHE_MS, figures: Promise.resolve(read) }))
        .catch(() => undefined)
        .finally(() => (this.refreshing = false));
    }
    return this.cached.figures;
  }

  private async read(): Promise<ReadonlyMap<string, FacilityResponsiveness>> {
    const since = new Date(this.clock.now().getTime() - this.options.windowDays * 86_400_000);
    const rows: { facility_id: string; answered: number; lapsed: number; median: number | null }[] = await this.dataSource.query(
      `SELECT facility_id,
              count(*) FILTER (WHERE answer IN ('ACCEPTED', 'DECLINED'))::int AS answered,
              count(*) FILTER (WHERE answer = 'LAPSED')::int AS lapsed,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at) / 60)
                FILTER (WHERE answer IN ('ACCEPTED', 'DECLINED') AND answered_at IS NOT NULL) AS median
         FROM placement_holds
        WHERE created_at >= $1 AND answer IS NOT NULL
        GROUP BY facility_id`,
      [since],
    );
    return new Map(
      rows.map((row) => [
        row.facility_id,
        {
          answered: row.answered,
          lapsed: row.lapsed,
          medianMinutes: row.median === null ? null : Math.round(Math.max(0, Number(row.median)) * 10) / 10,
        },
      ]),
    );
  }
}
