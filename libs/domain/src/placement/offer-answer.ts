/**
 * How a shelter answered one offer to its facility (issue 18, shelters' response figures). Kept on
 * the offer's hold in the clear, like a stay's outcome, so the figures can count it; the reason a
 * person typed beside a decline stays sealed in the request's history.
 */
export enum OfferAnswer {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** Not answered before the hold ran out (domain.md §5 rule 3). */
  LAPSED = 'LAPSED',
}

/**
 * Why a shelter declined, as a code the figures can count. The documents name contra-indications
 * as why regular shelter is often not suitable (002:741-742); the other codes are this service's
 * choice (not in the documents), kept few so a shelter on a phone picks one in a second.
 */
export enum DeclineReason {
  /** The place shown free is not free after all (the figures were behind). */
  NO_PLACE_FREE = 'NO_PLACE_FREE',
  /** Outside the facility's target group (gender, age, residence, kind of exploitation). */
  OUTSIDE_TARGET_GROUP = 'OUTSIDE_TARGET_GROUP',
  /** Care needs the facility cannot meet: addiction, GGZ, LVB (contra-indicaties, 002:741-742). */
  CONTRA_INDICATION = 'CONTRA_INDICATION',
  /** A safety risk for her or the other residents (the exploiter's network is near). */
  SAFETY = 'SAFETY',
  /** Something else, said in the typed reason. */
  OTHER = 'OTHER',
  /** Declined without a code (an older client, or before declines had codes). */
  NOT_CODED = 'NOT_CODED',
}
