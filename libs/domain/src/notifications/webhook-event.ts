import type { PlacingAuthority } from '../enums';

/**
 * What an organisation can be told through a webhook (issue 14, "outbound notifications"): for
 * integrations and for people away from the console. A notification carries ids and codes only,
 * never an address or a profile: the receiver fetches what its own token may see.
 */
export enum WebhookEventType {
  /** A place was offered: to the shelter that holds it, and to the requester. */
  OFFER_MADE = 'OFFER_MADE',
  /** The shelter accepted: to the requester (she can go). */
  OFFER_ACCEPTED = 'OFFER_ACCEPTED',
  /** The shelter declined or let the offer lapse: to the requester (the search goes on). */
  OFFER_WITHDRAWN = 'OFFER_WITHDRAWN',
  /** A request waits on an organisation's worklist: to that organisation. */
  DECISION_WAITING = 'DECISION_WAITING',
  /** An acute request found no place in time: to the region's escalation contacts and the requester. */
  ESCALATED = 'ESCALATED',
  /** A stay reaches its end soon: to the requester (an onward place is needed). */
  STAY_ENDING = 'STAY_ENDING',
  /**
   * Her bedenktijd ends soon (at most three months, 003:661; BEDENKTIJD_ALERT_DAYS ahead): to the
   * requester and the coordinators of the request's region (aangifte, B8 permit or return must be decided).
   */
  BEDENKTIJD_ENDING = 'BEDENKTIJD_ENDING',
  /**
   * A facility's capacity figures were not confirmed within the freshness window: to the shelter's
   * own system (an endpoint naming the facility), once per stale period. No request: `requestId` null.
   */
  FIGURES_STALE = 'FIGURES_STALE',
  /**
   * A facility's capacity figures turned AGING (not yet stale, no longer fresh): to the shelter's own
   * system, once per aging period, so its staff confirm before the figures rank lower as STALE.
   */
  FIGURES_AGING = 'FIGURES_AGING',
}

/** One thing that happened, as the outbox records it; `at` as an ISO instant. */
export interface WebhookNotification {
  type: WebhookEventType;
  at: string;
  /** The request it tells of; null for a facility's own event (FIGURES_AGING, FIGURES_STALE). */
  requestId: string | null;
  /** The request's status after the change (a PlacementStatus); for FIGURES_AGING/FIGURES_STALE the figures' Freshness. */
  status: string;
  regionCode: string;
  /** The facility concerned (offered, accepted, withdrawn), when there is one. */
  facilityId: string | null;
  /** A code saying why (a WaitingReason, a PlacingAuthority), never free text. */
  reason: string | null;
  /** Who is involved, for the audience rule; not sent. */
  requestedByOrg: string | null;
  waitingForAuthority: PlacingAuthority | null;
  waitingForOrganisation: string | null;
}

/** What a receiver gets: the notification without the routing facts, and the delivery's id. */
export type WebhookBody = Omit<WebhookNotification, 'requestedByOrg' | 'waitingForAuthority' | 'waitingForOrganisation'> & {
  deliveryId: string;
};

export function webhookBody(deliveryId: string, notification: WebhookNotification): WebhookBody {
  const { type, at, requestId, status, regionCode, facilityId, reason } = notification;
  return { deliveryId, type, at, requestId, status, regionCode, facilityId, reason };
}

/** The figures' freshness levels a facility's staff are nudged at, each with its event. */
export const FIGURES_NUDGE_EVENTS = {
  AGING: WebhookEventType.FIGURES_AGING,
  STALE: WebhookEventType.FIGURES_STALE,
} as const;

export type NudgedFreshness = keyof typeof FIGURES_NUDGE_EVENTS;

/**
 * A facility's figures turned AGING (FIGURES_AGING) or STALE (FIGURES_STALE) — the contract's
 * Freshness in `status`: ids and codes, never an address.
 */
export function figuresNotification(
  facility: { id: string; regionCode: string },
  freshness: NudgedFreshness,
  at: Date,
): WebhookNotification {
  return {
    type: FIGURES_NUDGE_EVENTS[freshness],
    at: at.toISOString(),
    requestId: null,
    status: freshness,
    regionCode: facility.regionCode,
    facilityId: facility.id,
    reason: 'NOT_CONFIRMED',
    requestedByOrg: null,
    waitingForAuthority: null,
    waitingForOrganisation: null,
  };
}

/** A facility's figures went stale (the contract's Freshness STALE). */
export function figuresStaleNotification(facility: { id: string; regionCode: string }, at: Date): WebhookNotification {
  return figuresNotification(facility, 'STALE', at);
}
