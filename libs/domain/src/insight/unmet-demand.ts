/**
 * Unmet demand for centrumgemeente planners (issue 6): which requests had to wait and why, for
 * whom the register has no place (the eligibility gaps of domain.md §4: male victims,
 * multiproblematiek, children), how long placement takes, and where the system bends (noodbed
 * stays that overran, people placed outside the region they were found in). Pure: the caller
 * reads the requests; only anonymous facts enter here.
 */
import type { ShelterType } from '../enums';
import { Gender } from '../enums';
import type { AnonymousFacts } from '../placement/anonymous-facts';
import type { WaitingReason } from '../placement/placement-decision';
import { type DurationSummary, summariseDurations } from './percentiles';

/** A kind of person the register often has no place for (domain.md §4). */
export enum UnmetNeed {
  MALE_VICTIM = 'MALE_VICTIM',
  /** LVB, GGZ, addiction or several life domains (multiproblematiek). */
  CARE_NEEDS = 'CARE_NEEDS',
  ACCOMPANYING_CHILDREN = 'ACCOMPANYING_CHILDREN',
  MINOR = 'MINOR',
  /** More than one person at once (an NLA raid). */
  GROUP = 'GROUP',
}

export function needsOf(
  facts: Pick<AnonymousFacts, 'gender' | 'ageBand' | 'careNeeds' | 'withChildren' | 'groupSize'>,
): UnmetNeed[] {
  const needs: UnmetNeed[] = [];
  if (facts.gender === Gender.MALE) needs.push(UnmetNeed.MALE_VICTIM);
  if (facts.careNeeds.length > 0) needs.push(UnmetNeed.CARE_NEEDS);
  if (facts.withChildren) needs.push(UnmetNeed.ACCOMPANYING_CHILDREN);
  if (facts.ageBand === 'MINOR') needs.push(UnmetNeed.MINOR);
  if (facts.groupSize > 1) needs.push(UnmetNeed.GROUP);
  return needs;
}

/** One placement request as the planner's figures see it: no profile, no identity. */
export interface DemandRecord {
  regionCode: string;
  /** The kind asked for or, failing that, the kind it was offered or placed in; null: not known. */
  type: ShelterType | null;
  createdAt: Date;
  /** Every reason it waited for, each once; empty: it never waited. */
  waitedFor: readonly WaitingReason[];
  escalated: boolean;
  firstOfferedAt: Date | null;
  placedAt: Date | null;
  /** The region of the facility it was offered or placed in. */
  placedRegionCode: string | null;
  /** A noodbed stay that ran past its end. */
  noodbedOverstay: boolean;
  needs: readonly UnmetNeed[];
}

export interface UnmetDemandRow {
  regionCode: string;
  type: ShelterType | null;
  reason: WaitingReason;
  requests: number;
}

export interface UnmetDemandSummary {
  /** Every request made in the window: the denominator. */
  requests: number;
  /** Requests that waited at least once. */
  waited: number;
  escalated: number;
  /** Per reason, the requests that waited for it (a request can wait for several reasons). */
  byReason: { reason: WaitingReason; requests: number }[];
  /** Per need, the requests with that need that waited. */
  byNeed: { need: UnmetNeed; requests: number }[];
  rows: UnmetDemandRow[];
  timeToOffer: DurationSummary;
  timeToPlacement: DurationSummary;
  noodbedOverstays: number;
  /** Requests placed in a facility outside the region the request was made for. */
  placedOutsideRegion: number;
}

const MINUTE_MS = 60_000;

function countInto<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function summariseUnmetDemand(records: readonly DemandRecord[]): UnmetDemandSummary {
  const byReason = new Map<WaitingReason, number>();
  const byNeed = new Map<UnmetNeed, number>();
  const rows = new Map<string, UnmetDemandRow>();
  const toOffer: number[] = [];
  const toPlacement: number[] = [];
  let waited = 0;
  let escalated = 0;
  let noodbedOverstays = 0;
  let placedOutsideRegion = 0;

  for (const record of records) {
    if (record.escalated) escalated += 1;
    if (record.noodbedOverstay) noodbedOverstays += 1;
    if (record.firstOfferedAt) toOffer.push((record.firstOfferedAt.getTime() - record.createdAt.getTime()) / MINUTE_MS);
    if (record.placedAt) {
      toPlacement.push((record.placedAt.getTime() - record.createdAt.getTime()) / MINUTE_MS);
      if (record.placedRegionCode !== null && record.placedRegionCode !== record.regionCode) placedOutsideRegion += 1;
    }
    if (record.waitedFor.length === 0) continue;
    waited += 1;
    for (const need of record.needs) countInto(byNeed, need);
    for (const reason of record.waitedFor) {
      countInto(byReason, reason);
      const key = `${record.regionCode}|${record.type ?? ''}|${reason}`;
      const row = rows.get(key) ?? { regionCode: record.regionCode, type: record.type, reason, requests: 0 };
      row.requests += 1;
      rows.set(key, row);
    }
  }

  const byCountThenName =
    <T extends { requests: number }>(name: (item: T) => string) =>
    (a: T, b: T) =>
      b.requests - a.requests || name(a).localeCompare(name(b));
  return {
    requests: records.length,
    waited,
    escalated,
    byReason: [...byReason].map(([reason, requests]) => ({ reason, requests })).sort(byCountThenName((r) => r.reason)),
    byNeed: [...byNeed].map(([need, requests]) => ({ need, requests })).sort(byCountThenName((n) => n.need)),
    rows: [...rows.values()].sort(byCountThenName((r) => `${r.regionCode}|${r.type ?? ''}|${r.reason}`)),
    timeToOffer: summariseDurations(toOffer),
    timeToPlacement: summariseDurations(toPlacement),
    noodbedOverstays,
    placedOutsideRegion,
  };
}
