/**
 * Shelters' response figures (issue 18): per facility, or per region and kind, how many offers came
 * in, how they were answered (accepted, declined per reason, lapsed) and how long an answer took.
 * Pure: the caller reads one record per offered hold; the same nearest-rank percentiles and
 * small-count suppression as the other planner figures (percentiles.ts, small-counts.ts).
 */
import type { ShelterType } from '../enums';
import { DeclineReason, OfferAnswer } from '../placement/offer-answer';
import { type DurationSummary, summariseDurations } from './percentiles';
import { type CountLine, SMALL_COUNT_THRESHOLD, suppressLinkedCounts } from './small-counts';
import type { PublishedDurationSummary } from './unmet-demand';

/** One offer to one facility (a group's share at another facility is another offer). */
export interface OfferRecord {
  facilityId: string;
  type: ShelterType;
  regionCode: string;
  secretAddress: boolean;
  offeredAt: Date;
  /**
   * null: closed before the facility answered, and not by the clock: the requester cancelled, or
   * another share of a group was declined. Not held against the facility: counted as `withdrawn`.
   * An offer still open is not a record at all.
   */
  answer: OfferAnswer | null;
  /** When it was accepted or declined; null for a lapsed or withdrawn offer. */
  answeredAt: Date | null;
  /** DECLINED only. */
  declineReason: DeclineReason | null;
}

export interface OfferResponseTally {
  offers: number;
  accepted: number;
  declined: number;
  lapsed: number;
  withdrawn: number;
  byReason: { reason: DeclineReason; offers: number }[];
  /** From offer to answer, over the accepted and declined offers (a lapse is counted, not timed). */
  minutesToRespond: DurationSummary;
}

const MINUTE_MS = 60_000;

/** Counts and times the offers as they are: for a facility's own staff, and the input of `publishOfferResponses`. */
export function tallyOfferResponses(records: readonly OfferRecord[]): OfferResponseTally {
  const reasons = new Map<DeclineReason, number>(Object.values(DeclineReason).map((reason) => [reason, 0]));
  const minutes: number[] = [];
  let accepted = 0;
  let declined = 0;
  let lapsed = 0;
  let withdrawn = 0;
  for (const record of records) {
    if (record.answer === OfferAnswer.ACCEPTED) accepted += 1;
    else if (record.answer === OfferAnswer.DECLINED) {
      declined += 1;
      const reason = record.declineReason ?? DeclineReason.NOT_CODED;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    } else if (record.answer === OfferAnswer.LAPSED) lapsed += 1;
    else withdrawn += 1;
    if ((record.answer === OfferAnswer.ACCEPTED || record.answer === OfferAnswer.DECLINED) && record.answeredAt) {
      minutes.push(Math.max(0, record.answeredAt.getTime() - record.offeredAt.getTime()) / MINUTE_MS);
    }
  }
  return {
    offers: records.length,
    accepted,
    declined,
    lapsed,
    withdrawn,
    byReason: [...reasons].map(([reason, offers]) => ({ reason, offers })),
    minutesToRespond: summariseDurations(minutes),
  };
}

/** A tally as it may be shown: a count is null when suppressed. */
export interface PublishedOfferResponses {
  /** True when the whole line is hidden (fewer offers than the threshold). */
  suppressed: boolean;
  offers: number | null;
  accepted: number | null;
  declined: number | null;
  lapsed: number | null;
  withdrawn: number | null;
  byReason: { reason: DeclineReason; offers: number | null; suppressed: boolean }[];
  minutesToRespond: PublishedDurationSummary;
}

/** The tally unchanged, for whoever may see every offer in it (the facility's own staff). */
export function exactOfferResponses(tally: OfferResponseTally): PublishedOfferResponses {
  return {
    suppressed: false,
    offers: tally.offers,
    accepted: tally.accepted,
    declined: tally.declined,
    lapsed: tally.lapsed,
    withdrawn: tally.withdrawn,
    byReason: tally.byReason.map(({ reason, offers }) => ({ reason, offers, suppressed: false })),
    minutesToRespond: { ...tally.minutesToRespond, suppressed: false },
  };
}

const MEASURES = ['offers', 'answered', 'accepted', 'declined', 'lapsed', 'withdrawn'] as const;
const REASON_MEASURES = Object.values(DeclineReason).map((reason) => `reason:${reason}`);

function measuresOf(tally: OfferResponseTally): Map<string, number> {
  const counts = new Map<string, number>([
    ['offers', tally.offers],
    ['answered', tally.accepted + tally.declined],
    ['accepted', tally.accepted],
    ['declined', tally.declined],
    ['lapsed', tally.lapsed],
    ['withdrawn', tally.withdrawn],
  ]);
  for (const reason of Object.values(DeclineReason)) {
    counts.set(`reason:${reason}`, tally.byReason.find((r) => r.reason === reason)?.offers ?? 0);
  }
  return counts;
}

/** A line of a table whose figures are the sums of other lines' (a region and kind of its facilities). */
export interface OfferResponseSum {
  total: string;
  parts: readonly string[];
}

/**
 * Small-count suppression of a table of figures, for CoMensha and planners: each offer is one
 * person's request, so a count of offers from 1 to threshold − 1 points at someone. Per line it
 * protects offers = answered + lapsed + withdrawn, answered = accepted + declined, declined = the
 * reasons; across lines, each `sums` entry (a region and kind = its facilities), measure by
 * measure, so a hidden facility is not the region's figure less the shown ones. A line with fewer
 * offers than the threshold is hidden whole, zeros too ("none of those few was accepted" says
 * something about each of them). A median or p90 is shown only beside a shown count of at least
 * the threshold, as unmetDemand's times are. Each line belongs to at most one sum.
 */
export function publishOfferResponses(
  tallies: ReadonlyMap<string, OfferResponseTally>,
  sums: readonly OfferResponseSum[] = [],
  threshold = SMALL_COUNT_THRESHOLD,
): Map<string, PublishedOfferResponses> {
  // Lines that no sum links are suppressed apart: solving the whole national table as one system
  // of equations would cost seconds, and separate blocks share no equation.
  const published = new Map<string, PublishedOfferResponses>();
  const linked = new Set<string>();
  const pick = (keys: readonly string[]) =>
    new Map(keys.filter((key) => tallies.has(key)).map((key) => [key, tallies.get(key)!] as const));
  for (const sum of sums) {
    const block = [sum.total, ...sum.parts];
    for (const key of block) linked.add(key);
    for (const [key, figures] of publishBlock(pick(block), [sum], threshold)) published.set(key, figures);
  }
  for (const key of tallies.keys()) {
    if (linked.has(key)) continue;
    for (const [line, figures] of publishBlock(pick([key]), [], threshold)) published.set(line, figures);
  }
  return published;
}

function publishBlock(
  tallies: ReadonlyMap<string, OfferResponseTally>,
  sums: readonly OfferResponseSum[],
  threshold: number,
): Map<string, PublishedOfferResponses> {
  const counts = new Map<string, number>();
  const lines: CountLine[] = [];
  const at = (line: string, measure: string) => `${line}/${measure}`;
  for (const [line, tally] of tallies) {
    for (const [measure, count] of measuresOf(tally)) counts.set(at(line, measure), count);
    lines.push(
      { total: at(line, 'offers'), cells: [at(line, 'answered'), at(line, 'lapsed'), at(line, 'withdrawn')] },
      { total: at(line, 'answered'), cells: [at(line, 'accepted'), at(line, 'declined')] },
      { total: at(line, 'declined'), cells: REASON_MEASURES.map((measure) => at(line, measure)) },
    );
  }
  for (const sum of sums) {
    for (const measure of [...MEASURES, ...REASON_MEASURES]) {
      lines.push({ total: at(sum.total, measure), cells: sum.parts.map((part) => at(part, measure)) });
    }
  }
  const hidden = suppressLinkedCounts(counts, lines, threshold);
  const published = new Map<string, PublishedOfferResponses>();
  for (const [line, tally] of tallies) {
    const isHidden = (measure: string) => hidden.has(at(line, measure));
    const shown = (measure: string): number | null => (isHidden(measure) ? null : (counts.get(at(line, measure)) ?? 0));
    const answered = tally.accepted + tally.declined;
    const enough = answered >= threshold && !isHidden('answered');
    published.set(line, {
      suppressed: isHidden('offers'),
      offers: shown('offers'),
      accepted: shown('accepted'),
      declined: shown('declined'),
      lapsed: shown('lapsed'),
      withdrawn: shown('withdrawn'),
      byReason: Object.values(DeclineReason).map((reason) => ({
        reason,
        offers: shown(`reason:${reason}`),
        suppressed: isHidden(`reason:${reason}`),
      })),
      minutesToRespond: {
        count: shown('answered'),
        medianMinutes: enough ? tally.minutesToRespond.medianMinutes : null,
        p90Minutes: enough ? tally.minutesToRespond.p90Minutes : null,
        suppressed: isHidden('answered'),
      },
    });
  }
  return published;
}
