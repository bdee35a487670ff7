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
  /** Each answer's minutes, for a sum of lines (a region of its facilities). */
  answerMinutes: readonly number[];
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
    answerMinutes: minutes,
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

/**
 * Small-count suppression of one line of figures (a facility, or the secret-address facilities of
 * a kind together), for CoMensha and planners: each offer is one person's request, so a count of
 * offers from 1 to threshold − 1 points at someone. It protects offers = answered + lapsed +
 * withdrawn, answered = accepted + declined, and declined = the reasons. Fewer offers than the
 * threshold hide the line whole, zeros too ("none of those few was accepted" says something about
 * each of them). A median or p90 is shown only beside a shown count of at least the threshold, as
 * unmetDemand's times are.
 */
export function publishOfferResponses(tally: OfferResponseTally, threshold = SMALL_COUNT_THRESHOLD): PublishedOfferResponses {
  const counts = measuresOf(tally);
  const lines: CountLine[] = [
    { total: 'offers', cells: ['answered', 'lapsed', 'withdrawn'] },
    { total: 'answered', cells: ['accepted', 'declined'] },
    { total: 'declined', cells: REASON_MEASURES },
  ];
  const hidden = suppressLinkedCounts(counts, lines, threshold);
  return published(counts, (measure) => hidden.has(measure), tally.minutesToRespond, threshold);
}

/**
 * The fewest secret-address facilities one kind's line may stand for. With fewer, the line is one
 * or two shelters' own figures, which a region holding only one of them would name (red team F6).
 */
export const MIN_SECRET_FACILITIES_PER_LINE = 3;

/**
 * The secret-address facilities of one kind together, nationally whatever regions were asked: a
 * line over the regions asked could be differenced region by region down to one facility (red
 * team F2). Hidden whole when fewer than MIN_SECRET_FACILITIES_PER_LINE facilities stand behind it.
 */
export function publishSecretOfferResponses(
  tally: OfferResponseTally,
  facilities: number,
  threshold = SMALL_COUNT_THRESHOLD,
): PublishedOfferResponses {
  return publishOfferResponses(tally, facilities < MIN_SECRET_FACILITIES_PER_LINE ? Number.POSITIVE_INFINITY : threshold);
}

/**
 * A region and kind: the sum of its facilities' lines, each published already. A figure is shown
 * only where every facility's is: the region's figure less the shown facilities' would otherwise
 * be a hidden one. So a region's figure never says more than its facilities' shown figures do
 * (coarser than linked suppression, which would hide a busy facility's figures to keep a region
 * total; the facilities are what CoMensha and planners look at).
 */
export function publishOfferResponseSum(
  parts: readonly { tally: OfferResponseTally; published: PublishedOfferResponses }[],
  threshold = SMALL_COUNT_THRESHOLD,
): PublishedOfferResponses {
  const counts = new Map<string, number>();
  const hidden = new Set<string>();
  const minutes: number[] = [];
  for (const part of parts) {
    const shown = measuresShown(part.published);
    for (const [measure, count] of measuresOf(part.tally)) {
      counts.set(measure, (counts.get(measure) ?? 0) + count);
      if (!shown.has(measure)) hidden.add(measure);
    }
    minutes.push(...part.tally.answerMinutes);
  }
  return published(counts, (measure) => hidden.has(measure), summariseDurations(minutes), threshold);
}

function measuresShown(figures: PublishedOfferResponses): Set<string> {
  const shown = new Set<string>();
  const add = (measure: string, value: number | null) => value !== null && shown.add(measure);
  add('offers', figures.offers);
  add('answered', figures.minutesToRespond.count);
  add('accepted', figures.accepted);
  add('declined', figures.declined);
  add('lapsed', figures.lapsed);
  add('withdrawn', figures.withdrawn);
  for (const { reason, offers } of figures.byReason) add(`reason:${reason}`, offers);
  return shown;
}

function published(
  counts: ReadonlyMap<string, number>,
  isHidden: (measure: string) => boolean,
  durations: DurationSummary,
  threshold: number,
): PublishedOfferResponses {
  const shown = (measure: string): number | null => (isHidden(measure) ? null : (counts.get(measure) ?? 0));
  const answered = counts.get('answered') ?? 0;
  const enough = answered >= threshold && !isHidden('answered');
  return {
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
      medianMinutes: enough ? durations.medianMinutes : null,
      p90Minutes: enough ? durations.p90Minutes : null,
      suppressed: isHidden('answered'),
    },
  };
}
