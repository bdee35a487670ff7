import { Urgency } from '../enums';

/** How many facilities an offer goes to at once, per urgency (PARALLEL_OFFERS_ACUTE, PARALLEL_OFFERS_URGENT). */
export interface ParallelOfferSettings {
  acute: number;
  urgent: number;
}

export const DEFAULT_PARALLEL_OFFERS: ParallelOfferSettings = { acute: 3, urgent: 1 };

/**
 * How many of the best suitable facilities one offer holds a place at (issue 18). At night a
 * declined or lapsed offer costs up to its two-hour hold, so an ACUTE request goes to several at
 * once and the first acceptance wins. An URGENT one goes one at a time unless the requester asks
 * (`parallelOffers: true`): then as an ACUTE one would. A requester may also ask for one at a
 * time (`false`). A group keeps one offer at a time, each of its parts too (a group given with its
 * members is stored as parts of one or a few people): its shares are accepted each by their own
 * facility (003:484), and holding k places for each member would empty a region in a raid. A
 * request onward from a place she holds (a transfer, or the onward request of an interim stay)
 * keeps one offer too: she may hold the place she is in and the one she moves to, no more
 * (one-place.ts; red team, fifth pass M1).
 */
export function parallelOfferCount(input: {
  urgency: Urgency;
  /** The requester's choice: null = the urgency's default. */
  asked: boolean | null;
  /** Whether she is one of a group: a groupSize above 1, or a part of a group given with its members. */
  group: boolean;
  /** Whether the request moves her on from a place she holds (its bridge: a stay or an interim place). */
  onward: boolean;
  settings: ParallelOfferSettings;
}): number {
  if (input.group || input.onward || input.asked === false) return 1;
  switch (input.urgency) {
    case Urgency.ACUTE:
      return input.settings.acute;
    case Urgency.URGENT:
      return input.asked ? Math.max(input.settings.urgent, input.settings.acute) : input.settings.urgent;
    default:
      return 1;
  }
}

/** Why a request may not ask for parallel offers, or null when it may. */
export function parallelOffersRefusal(input: { urgency: Urgency; asked: boolean | null; group: boolean }): string | null {
  if (input.asked !== true) return null;
  if (input.urgency === Urgency.PLANNED)
    return 'parallelOffers is for ACUTE and URGENT requests; a PLANNED request is offered to one facility at a time';
  if (input.group) return 'parallelOffers is for one person; a group is offered to one facility at a time';
  return null;
}
