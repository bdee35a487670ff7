/**
 * The optional ranking weight for shelters that answer offers quickly (issue 18). Not in the
 * documents: at night a shelter that never answers costs the two hours its hold lasts (domain.md
 * §5 rule 3), so a placer may choose to rank a reliable responder first among otherwise equal
 * places. Off by default (weight 0): the ranking is then exactly what it was.
 */
import type { RankingWeights } from '../matching-config';

/** The largest weight that keeps a place placeable now above any place that is not (score.ts). */
export const MAX_RESPONSIVENESS_WEIGHT = 500;

/** A facility's recent answers, from the response figures (offer-responses.ts). */
export interface FacilityResponsiveness {
  /** Offers it accepted or declined. */
  answered: number;
  /** Offers it let lapse. */
  lapsed: number;
  /** Nearest-rank median minutes from offer to answer; null when it answered none. */
  medianMinutes: number | null;
}

/**
 * Points for answering (higher is better), 0 when the weight is off or the facility has too few
 * offers to judge:
 *
 *   points = W.responsiveness · reliability · quickness
 *   reliability = answered / (answered + lapsed)          (an offer let lapse is no answer at all)
 *   quickness   = 1 − min(median, H) / H                  H = W.responsivenessHorizonMinutes
 *
 * A facility with fewer than W.responsivenessMinimumOffers answered or lapsed offers gets no points
 * (and loses none): a new facility is not ranked below one with a slow record. Under high threat
 * the matcher gives none at all (the secret address decides), so with W.responsiveness at most
 * MAX_RESPONSIVENESS_WEIGHT the order of concerns in score.ts still holds: kind fit > placeable
 * now > secret address under high threat > the trade-offs, of which this is one.
 */
export function responsivenessPoints(figures: FacilityResponsiveness | null | undefined, w: RankingWeights): number {
  if (!figures || w.responsiveness <= 0 || w.responsivenessHorizonMinutes <= 0) return 0;
  const judged = figures.answered + figures.lapsed;
  if (judged < Math.max(1, w.responsivenessMinimumOffers) || figures.medianMinutes === null) return 0;
  const reliability = figures.answered / judged;
  const quickness =
    1 - Math.min(Math.max(0, figures.medianMinutes), w.responsivenessHorizonMinutes) / w.responsivenessHorizonMinutes;
  return w.responsiveness * reliability * quickness;
}
