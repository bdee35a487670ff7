import { Role } from '../enums';
import { mayDecide, requesterCapacities } from '../placement/authority';
import { type WebhookNotification, WebhookEventType } from './webhook-event';

/** A receiver as the audience rule needs it: an organisation's endpoint and what it asked for. */
export interface WebhookReceiver {
  organisation: string;
  events: readonly WebhookEventType[];
  /** The shelters whose offers it receives (a shelter's own system). */
  facilityIds: readonly string[];
  /** The regions whose escalations it receives (an escalation contact: OvD bevolkingszorg, 003:497). */
  escalationRegions: readonly string[];
  /**
   * The organisation's part in the chain, as its own tokens say it (role and regions): a worklist's
   * decisions reach it exactly when that token could take them (the authority table, domain.md §5a).
   */
  deciderRole: Role | null;
  deciderRegions: readonly string[];
}

/**
 * Whether `receiver` may be told of `notification`: only an organisation that is part of the case
 * is told anything, however it subscribed — the requester, the shelter the offer concerns, the
 * organisation whose decision is awaited (as the authority table decides who may take it), or (for an
 * escalation) the region's escalation contact.
 * A subscription can narrow what it receives, never widen it.
 */
export function isInAudience(receiver: WebhookReceiver, notification: WebhookNotification): boolean {
  if (!receiver.events.includes(notification.type)) return false;
  const isRequester = notification.requestedByOrg !== null && receiver.organisation === notification.requestedByOrg;
  const isShelter = notification.facilityId !== null && receiver.facilityIds.includes(notification.facilityId);
  switch (notification.type) {
    case WebhookEventType.OFFER_MADE:
    case WebhookEventType.OFFER_ACCEPTED:
    case WebhookEventType.OFFER_WITHDRAWN:
      return isRequester || isShelter;
    case WebhookEventType.DECISION_WAITING:
      return (
        receiver.deciderRole !== null &&
        notification.waitingForAuthority !== null &&
        mayDecide(
          requesterCapacities(
            { role: receiver.deciderRole, org: receiver.organisation, regions: receiver.deciderRegions },
            notification.regionCode,
          ),
          notification.waitingForAuthority,
          notification.waitingForOrganisation,
        )
      );
    case WebhookEventType.ESCALATED:
      return isRequester || receiver.escalationRegions.includes(notification.regionCode);
    case WebhookEventType.STAY_ENDING:
      return isRequester;
    case WebhookEventType.BEDENKTIJD_ENDING:
      return (
        isRequester ||
        (receiver.deciderRole === Role.ZORGCOORDINATOR && receiver.deciderRegions.includes(notification.regionCode))
      );
    case WebhookEventType.FIGURES_AGING:
    case WebhookEventType.FIGURES_STALE:
      // Only the shelter's own system: the figures are its staff's to confirm.
      return isShelter;
  }
}
