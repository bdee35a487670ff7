/**
 * What the workflow writes in a request's history, as codes with parameters: a console says them
 * in its own language, and `placementNoteSentence` is the one place that writes the English note
 * the API has always returned beside them (PlacementEvent.note), so the two never drift. What a
 * person typed (a decline reason, a cancellation reason) is the `reason` parameter, kept as typed.
 */
import { PlacingAuthority, Role, ShelterType } from '../enums';
import { WaitingReason } from './placement-decision';
import type { StayOutcome } from './stay-outcome';
import type { TransferReason } from './transfer';

export enum PlacementNoteCode {
  /** Waits for `waitingReason`; escalated at the same time when `escalatedBecause` is set. */
  WAITING = 'WAITING',
  /** Listed on region `regionCode`'s escalation worklist, because of `escalatedBecause`. */
  ESCALATED = 'ESCALATED',
  /** Offered at `offered`; held until `heldUntil` when an intake is closed; assigned by `byOrg` (`byRole`) with `reason` when a decider chose. */
  OFFERED = 'OFFERED',
  /** The facility declined the offer, saying `reason`. */
  DECLINED = 'DECLINED',
  OFFER_LAPSED = 'OFFER_LAPSED',
  ACCEPTED_PLACE_LAPSED = 'ACCEPTED_PLACE_LAPSED',
  /** A facility accepted its share of `places` of a group's offer; the others have not yet. */
  SHARE_ACCEPTED = 'SHARE_ACCEPTED',
  /** Accepted; the place is held until `heldUntil` for her arrival. */
  ACCEPTED = 'ACCEPTED',
  /** `places` more of a group arrived. */
  MORE_ARRIVED = 'MORE_ARRIVED',
  /** `places` accepted places of a group given back: they did not arrive in time. */
  SHARE_RELEASED = 'SHARE_RELEASED',
  /** The stay ended for the `places` still there, with `outcome`, for `reason`. */
  ENDED = 'ENDED',
  /** `places` of a group left, with `outcome`, for `reason`; `stillPlaced` stay. */
  LEFT = 'LEFT',
  /** Cancelled by the requester, for `reason`. */
  CANCELLED = 'CANCELLED',
  /** Cancelled by an administrator (break-glass), for `reason`. */
  CANCELLED_BREAK_GLASS = 'CANCELLED_BREAK_GLASS',
  /** Cancelled with the interim request `requestId` it follows, for `reason`. */
  CANCELLED_WITH_INTERIM = 'CANCELLED_WITH_INTERIM',
  /** Cancelled because the stay of request `requestId` it follows ended with `outcome`: she has gone from the chain. */
  CANCELLED_STAY_ENDED = 'CANCELLED_STAY_ENDED',
  /** Cancelled because her profile changed and the interim place she is in (request `requestId`) now fits as her place. */
  CANCELLED_PLACE_NOW_FITS = 'CANCELLED_PLACE_NOW_FITS',
  /** Handed back by `byOrg` acting as `authority`, for `reason`. */
  RETURNED = 'RETURNED',
  /** The screeningsoverleg with the OM decided on a shelter place (003:490), as `reason` says: she is matched now. */
  ROUTE_DECIDED = 'ROUTE_DECIDED',
  /** The screeningsoverleg with the OM decided on a route without a shelter place (003:490), as `reason` says. */
  ROUTE_NO_SHELTER = 'ROUTE_NO_SHELTER',
  /** The onward request for `kinds`, opened after the interim stay of request `requestId`. */
  ONWARD_OPENED = 'ONWARD_OPENED',
  /** The interim stay ended: she moved on to the onward placement (request `requestId`). */
  MOVED_ON = 'MOVED_ON',
  /** A transfer (request `requestId`) was opened from this stay, for `transferReason`, to region `regionCode`; she stays here until she arrives there. */
  TRANSFER_REQUESTED = 'TRANSFER_REQUESTED',
  /** This request is the transfer from the stay of request `requestId`, for `transferReason` (`reason`: what was said). */
  TRANSFER_OF = 'TRANSFER_OF',
  /** The transfer (request `requestId`) was cancelled: she stays where she is. */
  TRANSFER_CANCELLED = 'TRANSFER_CANCELLED',
  /** She arrived at the place of the transfer (request `requestId`): this stay ended. */
  TRANSFERRED = 'TRANSFERRED',
  /** Her profile changed (version `version`): the `fields` named, never their values (those are sealed in the profile's history). */
  PROFILE_CHANGED = 'PROFILE_CHANGED',
  /** Her bedenktijd ends at `at` (at most three months after it began, 003:661): the next step must be decided. */
  BEDENKTIJD_ENDING = 'BEDENKTIJD_ENDING',
  /** The stay ends at `at`: an onward placement is needed. */
  STAY_ENDS = 'STAY_ENDS',
  /** The stay should have ended at `at`. */
  OVERSTAY = 'OVERSTAY',
}

/** Why a request was put on its region's escalation worklist. */
export enum EscalationCause {
  /** An acute request without a place after `minutes` minutes. */
  NO_PLACE_IN_TIME = 'NO_PLACE_IN_TIME',
  /** Handed back, and no other authority's place suits her. */
  HANDED_BACK = 'HANDED_BACK',
  /** The interim stay of request `requestId` has ended and the onward request has no place. */
  INTERIM_STAY_ENDED = 'INTERIM_STAY_ENDED',
}

/** One facility's part of an offer, by the name the history may show (a secret facility's anonymous name). */
export interface OfferedShare {
  facilityName: string;
  places: number;
}

/** The values a note names; each code uses the ones its doc comment names. */
export interface PlacementNoteParams {
  waitingReason?: WaitingReason;
  escalatedBecause?: EscalationCause;
  minutes?: number;
  regionCode?: string;
  requestId?: string;
  offered?: OfferedShare[];
  heldUntil?: Date;
  byOrg?: string;
  byRole?: Role;
  authority?: PlacingAuthority;
  /** What a person typed (free text: may hold personal details, so it is sealed at rest). */
  reason?: string;
  /** How a stay (or a group member's part of it) ended: ENDED, LEFT. */
  outcome?: StayOutcome;
  places?: number;
  stillPlaced?: number;
  kinds?: ShelterType[];
  at?: Date;
  transferReason?: TransferReason;
  /** PROFILE_CHANGED: the names of the profile's fields that changed (never their values). */
  fields?: string[];
  version?: number;
}

export interface PlacementNote {
  code: PlacementNoteCode;
  params: PlacementNoteParams;
}

export function placementNote(code: PlacementNoteCode, params: PlacementNoteParams = {}): PlacementNote {
  return { code, params };
}

/** The params that are moments, turned back into dates after a trip through JSON. */
const MOMENTS = ['heldUntil', 'at'] as const;

/** A note's params as they come back from JSON (`JSON.stringify` of PlacementNoteParams). */
export function placementNoteParamsFromJson(json: string): PlacementNoteParams {
  const params = JSON.parse(json) as PlacementNoteParams & Record<(typeof MOMENTS)[number], string | Date | undefined>;
  for (const key of MOMENTS) if (typeof params[key] === 'string') params[key] = new Date(params[key]);
  return params;
}

function outcomeWords(p: PlacementNoteParams): string {
  return p.outcome ? ` (${p.outcome})` : '';
}

function escalationWhy(p: PlacementNoteParams): string {
  switch (p.escalatedBecause) {
    case EscalationCause.NO_PLACE_IN_TIME:
      return `no place after ${p.minutes} minutes`;
    case EscalationCause.HANDED_BACK:
      return "handed back and no other authority's place suits her";
    case EscalationCause.INTERIM_STAY_ENDED:
      return `her interim stay (request ${p.requestId}) has reached its end and this onward request has no place`;
    default:
      return 'escalated';
  }
}

/** It says only what was done (domain.md §5a): where the case is listed, never that anyone was told. */
function escalationSentence(p: PlacementNoteParams): string {
  return (
    `escalated: ${escalationWhy(p)}; listed on region ${p.regionCode}'s escalation worklist (placementRequests with escalated: true) ` +
    `for its coordinators and CoMensha to take to the OvD bevolkingszorg (003:497); its escalation contacts are sent a webhook where the region has them (webhookDeliveries)`
  );
}

function offeredSentence(p: PlacementNoteParams): string {
  const where = (p.offered ?? []).map((share) => `${share.facilityName} (${share.places})`).join(', ');
  const until = p.heldUntil ? `; intake closed now, held until ${p.heldUntil.toISOString()} (from its next opening)` : '';
  const assigned = p.byOrg ? `; assigned by ${p.byOrg} (${p.byRole})${p.reason ? `: ${p.reason}` : ''}` : '';
  return `offered: ${where}${until}${assigned}`;
}

/** The English note of a history step (PlacementEvent.note). */
export function placementNoteSentence({ code, params: p }: PlacementNote): string {
  switch (code) {
    case PlacementNoteCode.WAITING:
      return `waiting: ${p.waitingReason}${p.escalatedBecause ? `; ${escalationSentence(p)}` : ''}`;
    case PlacementNoteCode.ESCALATED:
      return escalationSentence(p);
    case PlacementNoteCode.OFFERED:
      return offeredSentence(p);
    case PlacementNoteCode.DECLINED:
      return `declined: ${p.reason}`;
    case PlacementNoteCode.OFFER_LAPSED:
      return 'offer lapsed: the facility did not answer in time';
    case PlacementNoteCode.ACCEPTED_PLACE_LAPSED:
      return 'accepted place lapsed: she did not arrive in time; matching again';
    case PlacementNoteCode.SHARE_ACCEPTED:
      return `share of ${p.places} accepted; waiting for the other facilities to accept theirs`;
    case PlacementNoteCode.ACCEPTED:
      return `accepted by the facility; held until ${p.heldUntil!.toISOString()} for her arrival`;
    case PlacementNoteCode.MORE_ARRIVED:
      return `${p.places} more arrived`;
    case PlacementNoteCode.SHARE_RELEASED:
      return `${p.places} accepted place(s) released: they did not arrive in time`;
    case PlacementNoteCode.ENDED:
      return `ended${outcomeWords(p)}: ${p.reason}`;
    case PlacementNoteCode.LEFT:
      return `${p.places} left${outcomeWords(p)}: ${p.reason}; ${p.stillPlaced} still placed`;
    case PlacementNoteCode.CANCELLED:
      return `cancelled: ${p.reason}`;
    case PlacementNoteCode.CANCELLED_BREAK_GLASS:
      return `cancelled by an administrator (break-glass): ${p.reason}`;
    case PlacementNoteCode.ROUTE_DECIDED:
      return `route decided by the screeningsoverleg with the OM: a shelter place (003:490): ${p.reason}`;
    case PlacementNoteCode.ROUTE_NO_SHELTER:
      return `cancelled: the screeningsoverleg with the OM decided on a route without a shelter place (003:490): ${p.reason}`;
    case PlacementNoteCode.CANCELLED_WITH_INTERIM:
      return `cancelled with the interim request ${p.requestId} it follows: ${p.reason}`;
    case PlacementNoteCode.CANCELLED_STAY_ENDED:
      return `cancelled: the stay of request ${p.requestId} it follows ended${outcomeWords(p)}, so she has gone from the chain`;
    case PlacementNoteCode.CANCELLED_PLACE_NOW_FITS:
      return `cancelled: her profile changed and the place she is in (request ${p.requestId}) now fits as her place; no onward placement is needed`;
    case PlacementNoteCode.RETURNED:
      return `returned by ${p.byOrg} (${p.authority}): ${p.reason}`;
    case PlacementNoteCode.ONWARD_OPENED:
      return `onward placement (${(p.kinds ?? []).join(', ')}) after the interim stay of request ${p.requestId}`;
    case PlacementNoteCode.MOVED_ON:
      return `moved on to the onward placement (request ${p.requestId})`;
    case PlacementNoteCode.TRANSFER_REQUESTED:
      return `transfer requested (${p.transferReason})${p.regionCode ? ` to region ${p.regionCode}` : ''}: request ${p.requestId}; she stays here until she arrives there`;
    case PlacementNoteCode.TRANSFER_OF:
      return `transfer (${p.transferReason}) from the stay of request ${p.requestId}${p.reason ? `: ${p.reason}` : ''}`;
    case PlacementNoteCode.TRANSFER_CANCELLED:
      return `transfer cancelled (request ${p.requestId}): she stays here`;
    case PlacementNoteCode.TRANSFERRED:
      return `transferred: she arrived at the place of request ${p.requestId}`;
    case PlacementNoteCode.PROFILE_CHANGED:
      return `profile changed (version ${p.version}): ${(p.fields ?? []).join(', ')}`;
    case PlacementNoteCode.BEDENKTIJD_ENDING:
      return `bedenktijd ends at ${p.at!.toISOString()} (003:661): decide on aangifte, B8 permit or return`;
    case PlacementNoteCode.STAY_ENDS:
      return `stay ends at ${p.at!.toISOString()}: an onward placement is needed`;
    case PlacementNoteCode.OVERSTAY:
      return `overstay: the stay should have ended at ${p.at!.toISOString()}`;
  }
}

/** The steps a facility's staff take by answering an offer (the history names them as the facility). */
export function isStaffAnswer(code: PlacementNoteCode | null): boolean {
  return code === PlacementNoteCode.DECLINED || code === PlacementNoteCode.SHARE_ACCEPTED;
}
