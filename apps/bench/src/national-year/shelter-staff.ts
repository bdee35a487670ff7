/**
 * Shelter staff keeping their counts up to date through the real `updateCapacity` mutation, as the
 * console does: read the counts and their version, send the new ones with `expectedVersion`, and
 * on CONFLICT (an offer or an arrival moved them meanwhile) read again and resend. The register is
 * first filled to 85-95% this way; afterwards each facility reports on its own cadence (supply.ts),
 * some rarely enough to go stale.
 */
import type { DataSource } from 'typeorm';
import { type Caller, UPDATE_CAPACITY } from './agents';
import { type Random, chance } from './random';
import { drawCapacityUpdateGapMs, drawStartingFill, nextOutsideCount, reportedOccupied, STALE_SHARE } from './supply';

/** What staff see of one facility (a stand-in for the console's capacity page). */
interface CountsRow {
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
  version: number;
  type: string;
  servicePlaced: number;
}

interface Facility {
  id: string;
  type: string;
  stale: boolean;
  /** People who came another way: what moves between reports. */
  outside: number;
  target: number;
  lastReportAt: number;
}

export interface StaffFigures {
  facilities: number;
  stale: number;
  /** Places taken / places in service, right after filling. */
  startingFill: number;
  updates: number;
  conflictsRetried: number;
  refused: number;
}

const MAX_TRIES = 4;

export class ShelterStaff {
  private readonly facilities = new Map<string, Facility>();
  readonly figures: StaffFigures = { facilities: 0, stale: 0, startingFill: 0, updates: 0, conflictsRetried: 0, refused: 0 };

  constructor(
    private readonly db: DataSource,
    private readonly caller: Caller,
    private readonly random: Random,
    private readonly tokenFor: (facilityIds: string[]) => Promise<string>,
  ) {}

  private async read(facilityId: string): Promise<CountsRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT c.total, c.occupied, c.held, c.out_of_service AS "outOfService", c.version, f.type::text AS type,
              coalesce((SELECT sum(h.places) FROM placement_holds h WHERE h.facility_id = c.facility_id AND h.state = 'OCCUPIED'), 0)::int AS "servicePlaced"
         FROM capacity c JOIN facilities f ON f.id = c.facility_id WHERE c.facility_id = $1`,
      [facilityId],
    )) as CountsRow[];
    return row;
  }

  /**
   * Sets `occupied` to the service's own placed people plus `outside(row)` (those who came another
   * way), resending on CONFLICT as staff would: read again, apply the same change, send again.
   */
  private async report(facility: Facility, outside: (row: CountsRow) => number): Promise<boolean> {
    const token = await this.tokenFor([facility.id]);
    let wanted: number | undefined;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const row = await this.read(facility.id);
      if (!row) return false;
      wanted ??= outside(row);
      const occupied = reportedOccupied(row, row.servicePlaced, wanted);
      const answer = await this.caller.attempt(
        token,
        UPDATE_CAPACITY,
        {
          input: {
            facilityId: facility.id,
            total: row.total,
            occupied,
            outOfService: row.outOfService,
            expectedVersion: row.version,
          },
        },
        'background',
      );
      if (answer.ok) {
        facility.outside = occupied - row.servicePlaced;
        this.figures.updates++;
        return true;
      }
      if (!/changed since you read it/.test(answer.message)) break;
      this.figures.conflictsRetried++;
    }
    this.figures.refused++;
    return false;
  }

  /** Fills the register to 85-95% taken through updateCapacity; returns every facility's first next report. */
  async fill(nowMs: number): Promise<{ facilityId: string; at: number }[]> {
    const rows = (await this.db.query(
      `SELECT c.facility_id AS id, f.type::text AS type, c.total, c.out_of_service AS "outOfService", c.occupied FROM capacity c
         JOIN facilities f ON f.id = c.facility_id ORDER BY c.facility_id`,
    )) as { id: string; type: string; total: number; outOfService: number; occupied: number }[];
    const first: { facilityId: string; at: number }[] = [];
    for (const row of rows) {
      const inService = row.total - row.outOfService;
      const target = Math.round(drawStartingFill(this.random) * inService);
      const facility: Facility = {
        id: row.id,
        type: row.type,
        stale: chance(this.random, STALE_SHARE),
        outside: target,
        target,
        lastReportAt: nowMs,
      };
      this.facilities.set(row.id, facility);
      if (inService > 0) await this.report(facility, () => target);
      first.push({ facilityId: row.id, at: nowMs + drawCapacityUpdateGapMs(this.random, new Date(nowMs), facility.stale) });
    }
    const [fill] = (await this.db.query(
      `SELECT sum(occupied + held)::float / nullif(sum(total - out_of_service), 0) AS fill FROM capacity`,
    )) as { fill: number | null }[];
    this.figures.facilities = rows.length;
    this.figures.stale = [...this.facilities.values()].filter((f) => f.stale).length;
    this.figures.startingFill = fill.fill ?? 0;
    return first;
  }

  /** One facility's report now; returns when it reports next. */
  async reportNow(facilityId: string, nowMs: number): Promise<number> {
    const facility = this.facilities.get(facilityId)!;
    const gapMs = nowMs - facility.lastReportAt;
    if (await this.report(facility, (row) => nextOutsideCount(this.random, facility.outside, facility.target, gapMs, row.type)))
      facility.lastReportAt = nowMs;
    return nowMs + drawCapacityUpdateGapMs(this.random, new Date(nowMs), facility.stale);
  }
}
