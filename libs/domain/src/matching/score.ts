import { Freshness } from '../enums';
import { RankingWeights } from '../matching-config';

export interface ScoreInputs {
  specialised: boolean;
  placeableNow: boolean;
  /** High threat and a secret address. */
  secretUnderHighThreat: boolean;
  freePlaces: number;
  freshness: Freshness;
  /**
   * Normal threat: km from the requester's point. High threat: km from the nearest excluded or
   * home region. `null` when unknown (no distance points).
   */
  distanceKm: number | null;
  /** Whether `distanceKm` is measured from danger (high threat): further is better. */
  awayFromDanger: boolean;
  /** Points for answering offers quickly (responsiveness.ts); 0 when the weight is off. */
  responsivenessPoints?: number;
}

/**
 * The ranking score (higher is better):
 *
 *   score = W.specialisedKind              · [kind is made for this profile]
 *         + W.placeableNow                 · [authority and intake both open now]
 *         + W.secretAddressUnderHighThreat · [threat HIGH and secret address]
 *         + W.perFreePlace                 · min(freePlaces, W.freePlacesCap)
 *         + W.freshness[freshness]                     (FRESH 150, AGING 75, STALE/UNKNOWN 0)
 *         + W.distance · closeness
 *         + responsiveness points               (0 unless RANKING_RESPONSE_WEIGHT is set; responsiveness.ts)
 *
 *   closeness = 1 − min(d, H) / H    with d = km from the requester       (normal threat)
 *             =     min(d, H) / H    with d = km from the nearest danger  (high threat)
 *   H = W.distanceHorizonKm; closeness = 0 when d is unknown.
 *
 * With the default weights (2000, 1000, 500, 10·≤10, 150/75/0, 200) each of the first three terms
 * outweighs the sum of all terms after it; the last three trade off: a fresh, close place can beat
 * a stale one with more beds. Rounded to
 * 0.01 so equal inputs give equal scores; ties are broken by the caller (placeableAt, then id).
 */
export function scoreMatch(input: ScoreInputs, w: RankingWeights): number {
  let closeness = 0;
  if (input.distanceKm !== null && w.distanceHorizonKm > 0) {
    const share = Math.min(input.distanceKm, w.distanceHorizonKm) / w.distanceHorizonKm;
    closeness = input.awayFromDanger ? share : 1 - share;
  }
  const score =
    (input.specialised ? w.specialisedKind : 0) +
    (input.placeableNow ? w.placeableNow : 0) +
    (input.secretUnderHighThreat ? w.secretAddressUnderHighThreat : 0) +
    w.perFreePlace * Math.min(Math.max(0, input.freePlaces), w.freePlacesCap) +
    w.freshness[input.freshness] +
    w.distance * closeness +
    (input.responsivenessPoints ?? 0);
  return Math.round(score * 100) / 100;
}
