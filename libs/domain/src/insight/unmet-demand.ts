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
import { type CountLine, SMALL_COUNT_THRESHOLD, suppressLinkedCounts } from './small-counts';

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

/** A count of requests as published: null, and suppressed, when it could point at someone. */
export interface PublishedCount {
  requests: number | null;
  suppressed: boolean;
}

export interface PublishedDurationSummary {
  /** Requests measured; null when suppressed. */
  count: number | null;
  /** Withheld (null) below the threshold: a median of fewer requests is one request's duration. */
  medianMinutes: number | null;
  p90Minutes: number | null;
  suppressed: boolean;
}

/** The summary as planners may see it: every count of requests (that is: of people) small-count suppressed. */
export interface PublishedUnmetDemand {
  suppressionThreshold: number;
  requests: number | null;
  waited: number | null;
  escalated: number | null;
  byReason: ({ reason: WaitingReason } & PublishedCount)[];
  byNeed: ({ need: UnmetNeed } & PublishedCount)[];
  rows: (Omit<UnmetDemandRow, 'requests'> & PublishedCount)[];
  timeToOffer: PublishedDurationSummary;
  timeToPlacement: PublishedDurationSummary;
  noodbedOverstays: number | null;
  placedOutsideRegion: number | null;
}

const rowKey = (row: Pick<UnmetDemandRow, 'regionCode' | 'type' | 'reason'>) =>
  `row:${row.regionCode}|${row.type ?? ''}|${row.reason}`;

/**
 * Applies small-count suppression (small-counts.ts) to the summary. The lines it protects: every
 * request waited or not, was escalated or not, overstayed a noodbed or not, was offered or not,
 * placed or not; a placement was outside the region or not; the waits per reason and per need
 * within those that waited; the rows per region and kind within each reason. What follows by
 * subtraction (requests that did not wait) is protected like what is published.
 */
export function publishUnmetDemand(summary: UnmetDemandSummary, threshold = SMALL_COUNT_THRESHOLD): PublishedUnmetDemand {
  const offered = summary.timeToOffer.count;
  const placed = summary.timeToPlacement.count;
  const counts = new Map<string, number>([
    ['requests', summary.requests],
    ['waited', summary.waited],
    ['escalated', summary.escalated],
    ['noodbedOverstays', summary.noodbedOverstays],
    ['offered', offered],
    ['placed', placed],
    ['placedOutsideRegion', summary.placedOutsideRegion],
    ['~notWaited', summary.requests - summary.waited],
    ['~notEscalated', summary.requests - summary.escalated],
    ['~noOverstay', summary.requests - summary.noodbedOverstays],
    ['~notOffered', summary.requests - offered],
    ['~notPlaced', summary.requests - placed],
    ['~placedInRegion', placed - summary.placedOutsideRegion],
  ]);
  for (const { reason, requests } of summary.byReason) counts.set(`reason:${reason}`, requests);
  for (const { need, requests } of summary.byNeed) counts.set(`need:${need}`, requests);
  for (const row of summary.rows) counts.set(rowKey(row), row.requests);
  const lines: CountLine[] = [
    { total: 'requests', cells: ['waited', '~notWaited'] },
    { total: 'requests', cells: ['escalated', '~notEscalated'] },
    { total: 'requests', cells: ['noodbedOverstays', '~noOverstay'] },
    { total: 'requests', cells: ['offered', '~notOffered'] },
    { total: 'requests', cells: ['placed', '~notPlaced'] },
    { total: 'placed', cells: ['placedOutsideRegion', '~placedInRegion'] },
    { total: 'waited', cells: summary.byReason.map(({ reason }) => `reason:${reason}`) },
    { total: 'waited', cells: summary.byNeed.map(({ need }) => `need:${need}`) },
    ...summary.byReason.map(({ reason }) => ({
      total: `reason:${reason}`,
      cells: summary.rows.filter((row) => row.reason === reason).map(rowKey),
    })),
  ];
  const hidden = suppressLinkedCounts(counts, lines, threshold);
  const shown = (key: string): number | null => (hidden.has(key) ? null : (counts.get(key) ?? 0));
  const cell = (key: string): PublishedCount => ({ requests: shown(key), suppressed: hidden.has(key) });
  const durations = (key: string, raw: DurationSummary): PublishedDurationSummary => {
    // A median beside a hidden count would say it is at least the threshold.
    const enough = raw.count >= threshold && !hidden.has(key);
    return {
      count: shown(key),
      medianMinutes: enough ? raw.medianMinutes : null,
      p90Minutes: enough ? raw.p90Minutes : null,
      suppressed: hidden.has(key),
    };
  };
  // Shown counts largest first; hidden ones after them by name: their order must not rank them.
  const publishedOrder =
    <T extends PublishedCount>(name: (item: T) => string) =>
    (a: T, b: T) =>
      Number(a.suppressed) - Number(b.suppressed) || (b.requests ?? 0) - (a.requests ?? 0) || name(a).localeCompare(name(b));
  return {
    suppressionThreshold: threshold,
    requests: shown('requests'),
    waited: shown('waited'),
    escalated: shown('escalated'),
    byReason: summary.byReason
      .map(({ reason }) => ({ reason, ...cell(`reason:${reason}`) }))
      .sort(publishedOrder((r) => r.reason)),
    byNeed: summary.byNeed.map(({ need }) => ({ need, ...cell(`need:${need}`) })).sort(publishedOrder((n) => n.need)),
    rows: summary.rows
      .map(({ regionCode, type, reason }) => ({ regionCode, type, reason, ...cell(rowKey({ regionCode, type, reason })) }))
      .sort(publishedOrder((r) => rowKey(r))),
    timeToOffer: durations('offered', summary.timeToOffer),
    timeToPlacement: durations('placed', summary.timeToPlacement),
    noodbedOverstays: shown('noodbedOverstays'),
    placedOutsideRegion: shown('placedOutsideRegion'),
  };
}
