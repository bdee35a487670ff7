/* Generated from schema.gql and documents.ts by `npm run codegen`: do not edit. */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
import { gql } from 'urql';
/** Whether a police report (aangifte) was made. */
export type AangifteStatus = 'DECLINED' | 'DONE' | 'NONE';

/** Whom a planned action is for: AVIM, KMar, the NLA or the aandachtsfunctionaris mensenhandel. */
export type ActionPartner = 'AANDACHTSFUNCTIONARIS' | 'AVIM' | 'KMAR' | 'NLA';

/** Advice beside, or instead of, a bed. */
export type AdviceCode =
  'ASYLUM_RECEPTION' | 'BRIDGE_THEN_TRANSFER' | 'ESCALATE_OVD' | 'INFORM_B8' | 'NIDOS' | 'OM_ROUTE_DECISION' | 'YOUTH_CARE';

/** What the asker may do with a place (domain.md §5a): OFFER (yours to place, automatically or as its deciding authority), WORKLIST (decidedBy decides), NEVER (not for you). */
export type AuthorityVerdict = 'NEVER' | 'OFFER' | 'WORKLIST';

/** Whether a place is free, without the count: what a secret-address facility shows to whoever may not locate it (issue 12). */
export type AvailabilityBand = 'AVAILABLE' | 'NONE';

/** Status under chapter B8/3 of the Vreemdelingencirculaire. */
export type B8Status = 'B8_PERMIT' | 'B8_PERMIT_NO_COOPERATION' | 'B9' | 'BEDENKTIJD' | 'NOT_APPLICABLE' | 'NOT_YET_INFORMED';

/** Multiproblematiek: LVB, GGZ, addiction, several life domains. */
export type CareNeed = 'ADDICTION' | 'GGZ' | 'LVB' | 'MULTI_DOMAIN';

/** Why a shelter declined an offer, as a code the response figures count (issue 18). */
export type DeclineReason = 'CONTRA_INDICATION' | 'NOT_CODED' | 'NO_PLACE_FREE' | 'OTHER' | 'OUTSIDE_TARGET_GROUP' | 'SAFETY';

/** Why a request was put on its region's escalation worklist. */
export type EscalationCause = 'HANDED_BACK' | 'INTERIM_STAY_ENDED' | 'NO_PLACE_IN_TIME';

/** Whom an escalation contact reaches: the OvD bevolkingszorg (003:497), the Regionale Tafel / chain director (002:362-364), or another. */
export type EscalationFunction = 'OTHER' | 'OVD_BEVOLKINGSZORG' | 'REGIONALE_TAFEL';

/** Why a facility cannot take this person. */
export type ExclusionCode =
  | 'AANGIFTE'
  | 'AGE'
  | 'B8_STATUS'
  | 'CARE_NEEDS'
  | 'CHILDREN'
  | 'EXPLOITATION_TYPE'
  | 'FOUND_IN_AREA'
  | 'GENDER'
  | 'GROUP_SIZE'
  | 'NO_CAPACITY'
  | 'REGION_EXCLUDED'
  | 'RESIDENCE_STATUS';

/** People expected alike enough to be sheltered alike: counts and codes only, never a name (pseudonymous). */
export type ExpectedPeopleInput = {
  /** How many: 1 to 200. */
  count: number;
  exploitationTypes: Array<ExploitationType>;
  gender: Gender;
  /** Minors (youth care decides their places); default false. */
  minor?: boolean | null | undefined;
  /** When known for all of them; UNKNOWN otherwise. */
  residenceStatus?: ResidenceStatus | null | undefined;
};

export type ExploitationType = 'CRIMINAL' | 'LABOUR' | 'ORGAN_REMOVAL' | 'OTHER' | 'SERIOUS_DISADVANTAGE' | 'SEXUAL';

export type FacilityFilter = {
  /** Only facilities with at least one available place. */
  availableOnly?: boolean | null | undefined;
  /** Only these region codes; omitted or empty = all regions. */
  regionCodes?: Array<string | number> | null | undefined;
  /** Only these kinds; omitted or empty = all kinds. */
  types?: Array<ShelterType> | null | undefined;
};

/** How recently staff vouched for a capacity figure. */
export type Freshness = 'AGING' | 'FRESH' | 'STALE' | 'UNKNOWN';

export type Gender = 'FEMALE' | 'MALE' | 'X';

/** One person of a group found together (003:484): never a name. */
export type GroupMemberInput = {
  /** A short pseudonymous code you use for her, with a digit in it ("M3", "persoon 2"); never a name. */
  label?: string | null | undefined;
  profile: VictimProfileInput;
};

export type HoldState = 'HELD' | 'OCCUPIED' | 'RELEASED';

export type MatchOptionsInput = {
  /** Evaluate at this moment instead of now (a raid planned for Saturday night). */
  at?: string | null | undefined;
  /** Return at most this many excluded facilities; all when omitted. */
  excludedFirst?: number | null | undefined;
  /** Return at most this many matches (best first); all when omitted. */
  first?: number | null | undefined;
  /** The requester's region: nearer places rank higher. Defaults to the caller's first region. */
  requesterRegionCode?: string | number | null | undefined;
};

/** Why a place suits, or what to check there; its values are in MatchReason.params. */
export type MatchReasonCode =
  | 'ANSWERS_QUICKLY'
  | 'BEDENKTIJD_ENDED'
  | 'CAPACITY_AGING'
  | 'CAPACITY_NEVER_CONFIRMED'
  | 'CAPACITY_STALE'
  | 'CRIMINAL_ROUTE_WITH_OM'
  | 'FREE_PLACES'
  | 'GENDER_X_NOT_LISTED'
  | 'GROUP_CHECKED_WHEN_PLACING'
  | 'HOURS_NEVER_MEET'
  | 'INTERIM_ONLY'
  | 'KM_FROM_DANGER'
  | 'KM_FROM_REQUESTER'
  | 'MAX_STAY'
  | 'NO_FREE_PLACE'
  | 'PLACEABLE_FROM'
  | 'PLACEABLE_NOW'
  | 'PLACE_FREE_COUNT_WITHHELD'
  | 'SECRET_ADDRESS_HIGH_THREAT'
  | 'SPECIALISED_KIND';

/** Nationality as the national report groups it. */
export type NationalityGroup = 'DUTCH' | 'EU' | 'NON_EU' | 'UNKNOWN';

export type NoodbedRequestInput = {
  /** Your own reference; a retry returns the same request. */
  clientReference?: string | null | undefined;
  groupSize?: number | null | undefined;
  profile: VictimProfileInput;
  /** Where the person was found. */
  regionCode: string | number;
};

export type OfferResponseInput = {
  accept: boolean;
  /** Required when declining: why (e.g. "contra-indication: active addiction"). */
  declineReason?: string | null | undefined;
  /** When declining: the reason as a code, counted in the shelters' response figures (issue 18); without it the decline counts as NOT_CODED. */
  declineReasonCode?: DeclineReason | null | undefined;
  requestId: string | number;
};

/** What a history step says, as a code; its values are in PlacementEvent.noteParams (libs/domain/src/placement/placement-note.ts). */
export type PlacementNoteCode =
  | 'ACCEPTED'
  | 'ACCEPTED_PLACE_LAPSED'
  | 'BEDENKTIJD_ENDING'
  | 'CANCELLED'
  | 'CANCELLED_BREAK_GLASS'
  | 'CANCELLED_PLACE_NOW_FITS'
  | 'CANCELLED_STAY_ENDED'
  | 'CANCELLED_WITH_INTERIM'
  | 'DECLINED'
  | 'ENDED'
  | 'ESCALATED'
  | 'LEFT'
  | 'MORE_ARRIVED'
  | 'MOVED_ON'
  | 'OFFERED'
  | 'OFFER_LAPSED'
  | 'ONWARD_OPENED'
  | 'OVERSTAY'
  | 'PROFILE_CHANGED'
  | 'RETURNED'
  | 'ROUTE_DECIDED'
  | 'ROUTE_NO_SHELTER'
  | 'SHARE_ACCEPTED'
  | 'SHARE_RELEASED'
  | 'STAY_ENDS'
  | 'TRANSFERRED'
  | 'TRANSFER_CANCELLED'
  | 'TRANSFER_OF'
  | 'TRANSFER_REQUESTED'
  | 'WAITING';

export type PlacementRequestFilter = {
  /** Only requests waiting for this placing authority (a worklist, e.g. COMENSHA). */
  authority?: string | null | undefined;
  escalated?: boolean | null | undefined;
  /** Only requests on a worklist for these kinds (e.g. COSM, not OMM). */
  kinds?: Array<ShelterType> | null | undefined;
  /** true: only the requests you submitted yourself (your token subject), among those you may see; false or absent: all you may see. */
  mine?: boolean | null | undefined;
  /** Default OLDEST_FIRST. */
  order?: RequestOrder | null | undefined;
  regionCodes?: Array<string | number> | null | undefined;
  /** PlacementStatus values. */
  status?: Array<string> | null | undefined;
  /** Only requests of these urgencies. */
  urgency?: Array<Urgency> | null | undefined;
};

export type PlacementRequestInput = {
  /** Your own reference. Submitting again with the same reference returns the same request (safe to retry). */
  clientReference?: string | null | undefined;
  /** Victims placed together (a raid); default 1. Split over the fewest facilities when needed. */
  groupSize?: number | null | undefined;
  /** A group as its members, each with a profile (a mixed group of men, women and a minor is one request). The request is matched in parts: each minor alone for youth care, the adults by gender and status; `groupId` ties the parts together, and `profile` describes the group as a whole. */
  members?: Array<GroupMemberInput> | null | undefined;
  /** Offer to several of the best suitable facilities at once; the first to accept takes her, the others are released. Default: ACUTE yes (PARALLEL_OFFERS_ACUTE), URGENT no; true asks for it on an URGENT request, false asks for one facility at a time. Not for PLANNED requests or groups. */
  parallelOffers?: boolean | null | undefined;
  profile: VictimProfileInput;
  /** The region the request is for; a zorgcoördinator may use only their own regions. */
  regionCode: string | number;
  /** Criminal exploitation: the screeningsoverleg has decided the route with the OM (003:490). Without it such a request waits (AWAITING_ROUTE_DECISION). */
  routeDecided?: boolean | null | undefined;
  /** Only these kinds; any suitable kind when omitted. */
  types?: Array<ShelterType> | null | undefined;
  urgency: Urgency;
};

export type PlacementStatus = 'ACCEPTED' | 'CANCELLED' | 'ENDED' | 'MATCHING' | 'OFFERED' | 'PLACED' | 'RECEIVED' | 'WAITING';

/** Who may place in a kind (plaatsingsbevoegd). */
export type PlacingAuthority = 'COMENSHA' | 'JEUGDBESCHERMING' | 'NLA' | 'POLICE' | 'ZORGCOORDINATOR';

export type PlannedActionInput = {
  /** Your own reference. Planning again with the same reference returns the same action (safe to retry). */
  clientReference?: string | null | undefined;
  /** When places not used by then are given back: after startsAt, at most 72 hours later. */
  endsAt: string;
  expected: Array<ExpectedPeopleInput>;
  /** Who carries the action out. */
  onBehalfOf: ActionPartner;
  /** That organisation's code, as in its tokens (e.g. avim-rotterdam): it sees the plan. */
  onBehalfOfOrganisation: string;
  /** The region where the action takes place. */
  regionCode: string | number;
  /** When the first people may need a place: in the future. */
  startsAt: string;
};

export type PlannedActionStatus = 'CANCELLED' | 'ENDED' | 'PLANNED' | 'STARTED';

/** The pseudonymous facts CoMensha's yearly "aard en omvang" report counts (002:803). No name, no date of birth, no free text: the age is kept as its band only. */
export type RegisterVictimInput = {
  /** Kept as its band (MINOR, 18-22, 23-29, 30-39, 40+), never as the age. */
  age?: number | null | undefined;
  exploitationTypes: Array<ExploitationType>;
  gender: Gender;
  /** When the age is not known. */
  minor?: boolean | null | undefined;
  /** Defaults to what residenceStatus implies, else UNKNOWN. */
  nationalityGroup?: NationalityGroup | null | undefined;
  /** The region whose zorgcoördinator reports her. */
  regionCode: string | number;
  /** The placement request she was reported with (a group request takes one registration per person, up to its groupSize); left out for a victim who needs no shelter. */
  requestId?: string | number | null | undefined;
  /** Only to derive the nationality group; not kept. */
  residenceStatus?: ResidenceStatus | null | undefined;
  signalledBy: SignallerKind;
};

/** By when a request was submitted; a page cursor belongs to the order it came from. */
export type RequestOrder = 'NEWEST_FIRST' | 'OLDEST_FIRST';

export type ResidenceStatus = 'ASYLUM_PROCEDURE' | 'DUTCH' | 'EU_CITIZEN' | 'LAWFUL_NON_EU' | 'NO_LAWFUL_RESIDENCE' | 'UNKNOWN';

/** What the caller does; decides what they may see and do. */
export type Role = 'ADMIN' | 'COMENSHA' | 'JEUGDBESCHERMING' | 'NLA' | 'PLANNER' | 'POLICE' | 'SHELTER_STAFF' | 'ZORGCOORDINATOR';

/** Kind of shelter (opvangvorm), domain.md §2. */
export type ShelterType = 'COSM' | 'JEUGDZORG' | 'MAATSCHAPPELIJKE_OPVANG' | 'NLA_CRISIS' | 'NOODBED' | 'OMM' | 'VROUWENOPVANG';

/** Why some expected people have no reserved place. */
export type ShortfallReason =
  'CLOSED_AT_START' | 'NO_CAPACITY' | 'NO_SUITABLE_PLACE' | 'OTHER_AUTHORITY_DECIDES' | 'TAKEN_BEFORE_START';

/** Which kind of organisation signalled her (the "melder"). */
export type SignallerKind = 'CARE_PROVIDER' | 'KMAR' | 'MUNICIPALITY' | 'NLA' | 'OTHER' | 'POLICE' | 'VICTIM_SELF';

/** How a stay ended: where she went, as far as known. */
export type StayOutcome =
  | 'DECEASED'
  | 'HOUSING_WITH_PERMIT'
  | 'LEFT_WITHOUT_NOTICE'
  | 'ONWARD_SHELTER'
  | 'OTHER'
  | 'OTHER_SHELTER_KIND'
  | 'OWN_HOUSING'
  | 'RETURNED_HOME';

export type ThreatLevel = 'HIGH' | 'NORMAL';

/** Buckets of the planners' history: hours, or days and weeks as Amsterdam clocks count them. */
export type TimeBucket = 'DAY' | 'HOUR' | 'WEEK';

/** Why she moves from the place she is in to another (requestTransfer). */
export type TransferReason = 'CARE_NEEDS' | 'MOVE_ON' | 'OTHER' | 'PROFILE_CHANGED' | 'SAFETY';

/** A kind of person the register often has no place for (domain.md §4). */
export type UnmetNeed = 'ACCOMPANYING_CHILDREN' | 'CARE_NEEDS' | 'GROUP' | 'MALE_VICTIM' | 'MINOR';

/** New counts from shelter staff. Places held by open offers are managed by Opvangplek and are not set here. */
export type UpdateCapacityInput = {
  /** The capacity.version these counts were based on. If the counts changed since (another worker, a new offer), the update is refused with CONFLICT instead of silently overwriting them: re-read and try again. */
  expectedVersion: number;
  facilityId: string | number;
  occupied: number;
  outOfService?: number;
  total: number;
};

export type Urgency = 'ACUTE' | 'PLANNED' | 'URGENT';

export type VictimProfileChangeInput = {
  /** Aangifte made (or not, or undecided). */
  aangifte?: AangifteStatus | null | undefined;
  accompanyingChildren?: number | null | undefined;
  /** Her age, when it becomes known; given with minor (null when unknown): the two are checked against each other. */
  age?: number | null | undefined;
  /** BEDENKTIJD (with bedenktijdStart), B8_PERMIT, B8_PERMIT_NO_COOPERATION, …; another status than BEDENKTIJD ends the bedenktijd (its start is cleared). */
  b8Status?: B8Status | null | undefined;
  /** First day of the bedenktijd (at most three months, 003:661). */
  bedenktijdStart?: string | null | undefined;
  /** Care needs found (the whole list as it is now). */
  careNeeds?: Array<CareNeed> | null | undefined;
  /** Regions to keep her away from (the whole list as it is now). */
  excludedRegionCodes?: Array<string | number> | null | undefined;
  homeRegionCode?: string | number | null | undefined;
  /** ISO 639-1 codes. */
  languages?: Array<string> | null | undefined;
  /** Minor yes/no when the age is not known; given with age (null when unknown). */
  minor?: boolean | null | undefined;
  /** Given with b8Status (and b8Status with it, also with bedenktijdStart): the two are checked against each other. */
  residenceStatus?: ResidenceStatus | null | undefined;
  /** The threat level, e.g. raised. */
  threatLevel?: ThreatLevel | null | undefined;
  /** For a minor: false when travelling with a parent or guardian. */
  unaccompanied?: boolean | null | undefined;
};

export type VictimProfileInput = {
  aangifte?: AangifteStatus | null | undefined;
  accompanyingChildren?: number | null | undefined;
  /** Age in whole years, when known. */
  age?: number | null | undefined;
  b8Status?: B8Status | null | undefined;
  /** First day of the bedenktijd (reflection period, at most 3 months). */
  bedenktijdStart?: string | null | undefined;
  careNeeds?: Array<CareNeed> | null | undefined;
  /** Regions where the exploiter operates: never placed there. */
  excludedRegionCodes?: Array<string | number> | null | undefined;
  /** One or more. */
  exploitationTypes: Array<ExploitationType>;
  /** Where she was found: a Dutch municipality of 2026 by name ("Den Haag" and other common names too) or CBS code (GM0599). Decides regional pilots. */
  foundInMunicipality?: string | null | undefined;
  gender: Gender;
  /** Victims to be placed together (a raid); default 1. */
  groupSize?: number | null | undefined;
  homeRegionCode?: string | number | null | undefined;
  /** ISO 639-1 codes, e.g. ["en", "pl"]. */
  languages?: Array<string> | null | undefined;
  /** Minor yes/no when the age is not known; null = unknown. */
  minor?: boolean | null | undefined;
  /** Where she is registered (ingeschreven), if she is: a municipality of 2026 by name or CBS code. Registered, else found, is the responsible municipality. */
  registeredInMunicipality?: string | null | undefined;
  residenceStatus?: ResidenceStatus | null | undefined;
  threatLevel?: ThreatLevel | null | undefined;
  /** For a minor: false when travelling with a parent or guardian. Unknown counts as unaccompanied (Nidos advice). */
  unaccompanied?: boolean | null | undefined;
};

/** Why a request waits. */
export type WaitingReason =
  | 'AUTHORITY_CLOSED'
  | 'AWAITING_AUTHORITY'
  | 'AWAITING_ROUTE_DECISION'
  | 'GROUP_TOO_LARGE'
  | 'INTAKE_CLOSED'
  | 'INTERIM_NOT_ARRIVED'
  | 'NO_CAPACITY'
  | 'NO_SUITABLE_PLACE';

export type WebhookDeliveryStatus = 'DEAD' | 'DELIVERED' | 'PENDING';

/** What an organisation can be told through a webhook. */
export type WebhookEventType =
  | 'BEDENKTIJD_ENDING'
  | 'DECISION_WAITING'
  | 'ESCALATED'
  | 'FIGURES_AGING'
  | 'FIGURES_STALE'
  | 'OFFER_ACCEPTED'
  | 'OFFER_MADE'
  | 'OFFER_WITHDRAWN'
  | 'STAY_ENDING';

export type FacilityFieldsFragment = {
  id: string;
  name: string;
  type: ShelterType;
  secretAddress: boolean;
  municipality: string | null;
  address: string | null;
  intakePhone: string | null;
  latitude: number | null;
  longitude: number | null;
  region: { code: string; name: string; latitude: number; longitude: number };
  intake: { openNow: boolean; alwaysOpen: boolean; description: string };
  capacity: {
    total: number;
    occupied: number;
    held: number;
    outOfService: number;
    available: number;
    updatedAt: string;
    confirmedAt: string | null;
    freshness: Freshness;
    version: number;
  } | null;
  availability: { band: AvailabilityBand; freshness: Freshness };
};

export type SummaryFieldsFragment = {
  profileSummary: {
    gender: Gender;
    ageBand: string;
    careNeeds: Array<CareNeed>;
    accompanyingChildren: number;
    groupSize: number;
    languages: Array<string>;
  } | null;
};

export type ListRowFieldsFragment = {
  id: string;
  status: PlacementStatus;
  urgency: Urgency;
  regionCode: string;
  groupSize: number;
  createdAt: string;
  waitingReason: WaitingReason | null;
  waitingForAuthority: PlacingAuthority | null;
  waitingForOrganisation: string | null;
};

export type CaseRowFieldsFragment = {
  offerExpiresAt: string | null;
  escalated: boolean;
  id: string;
  status: PlacementStatus;
  urgency: Urgency;
  regionCode: string;
  groupSize: number;
  createdAt: string;
  waitingReason: WaitingReason | null;
  waitingForAuthority: PlacingAuthority | null;
  waitingForOrganisation: string | null;
  facility: {
    id: string;
    name: string;
    secretAddress: boolean;
    type: ShelterType;
    region: { code: string; name: string };
  } | null;
  history: Array<{
    status: PlacementStatus;
    at: string;
    by: string;
    note: string | null;
    noteCode: PlacementNoteCode | null;
    noteParams: {
      waitingReason: WaitingReason | null;
      escalatedBecause: EscalationCause | null;
      minutes: number | null;
      regionCode: string | null;
      requestId: string | null;
      heldUntil: string | null;
      byOrg: string | null;
      byRole: Role | null;
      authority: PlacingAuthority | null;
      reason: string | null;
      outcome: StayOutcome | null;
      places: number | null;
      stillPlaced: number | null;
      kinds: Array<ShelterType> | null;
      at: string | null;
      offered: Array<{ facilityName: string; places: number }> | null;
    } | null;
  }>;
};

export type WorklistFieldsFragment = {
  escalated: boolean;
  nextAttemptAt: string | null;
  waitingForAuthorityOpensAt: string | null;
  id: string;
  status: PlacementStatus;
  urgency: Urgency;
  regionCode: string;
  groupSize: number;
  createdAt: string;
  waitingReason: WaitingReason | null;
  waitingForAuthority: PlacingAuthority | null;
  waitingForOrganisation: string | null;
};

export type RequestFieldsFragment = {
  placedAt: string | null;
  stayEndsAt: string | null;
  responsibleMunicipality: string | null;
  routeDecided: boolean;
  nextAttemptAt: string | null;
  offerExpiresAt: string | null;
  escalated: boolean;
  id: string;
  status: PlacementStatus;
  urgency: Urgency;
  regionCode: string;
  groupSize: number;
  createdAt: string;
  waitingReason: WaitingReason | null;
  waitingForAuthority: PlacingAuthority | null;
  waitingForOrganisation: string | null;
  parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
  facility: {
    address: string | null;
    municipality: string | null;
    intakePhone: string | null;
    id: string;
    name: string;
    secretAddress: boolean;
    type: ShelterType;
    region: { code: string; name: string };
  } | null;
  allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
  followUp: {
    id: string;
    status: PlacementStatus;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    nextAttemptAt: string | null;
    facility: {
      id: string;
      name: string;
      type: ShelterType;
      secretAddress: boolean;
      address: string | null;
      region: { code: string; name: string };
    } | null;
  } | null;
  history: Array<{
    status: PlacementStatus;
    at: string;
    by: string;
    note: string | null;
    noteCode: PlacementNoteCode | null;
    noteParams: {
      waitingReason: WaitingReason | null;
      escalatedBecause: EscalationCause | null;
      minutes: number | null;
      regionCode: string | null;
      requestId: string | null;
      heldUntil: string | null;
      byOrg: string | null;
      byRole: Role | null;
      authority: PlacingAuthority | null;
      reason: string | null;
      outcome: StayOutcome | null;
      places: number | null;
      stillPlaced: number | null;
      kinds: Array<ShelterType> | null;
      at: string | null;
      offered: Array<{ facilityName: string; places: number }> | null;
    } | null;
  }>;
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = { me: { sub: string; role: Role; org: string; regions: Array<string>; facilityIds: Array<string> } };

export type RegionsQueryVariables = Exact<{ [key: string]: never }>;

export type RegionsQuery = { regions: Array<{ code: string; name: string; latitude: number; longitude: number }> };

export type FacilitiesQueryVariables = Exact<{
  filter?: FacilityFilter | null | undefined;
}>;

export type FacilitiesQuery = {
  facilities: Array<{
    id: string;
    name: string;
    type: ShelterType;
    secretAddress: boolean;
    municipality: string | null;
    address: string | null;
    intakePhone: string | null;
    latitude: number | null;
    longitude: number | null;
    capacity: {
      expectedFree24h: number | null;
      expectedFree72h: number | null;
      total: number;
      occupied: number;
      held: number;
      outOfService: number;
      available: number;
      updatedAt: string;
      confirmedAt: string | null;
      freshness: Freshness;
      version: number;
    } | null;
    region: { code: string; name: string; latitude: number; longitude: number };
    intake: { openNow: boolean; alwaysOpen: boolean; description: string };
    availability: { band: AvailabilityBand; freshness: Freshness };
  }>;
};

export type FacilityQueryVariables = Exact<{
  id: string | number;
}>;

export type FacilityQuery = {
  facility: {
    id: string;
    name: string;
    type: ShelterType;
    secretAddress: boolean;
    municipality: string | null;
    address: string | null;
    intakePhone: string | null;
    latitude: number | null;
    longitude: number | null;
    region: { code: string; name: string; latitude: number; longitude: number };
    intake: { openNow: boolean; alwaysOpen: boolean; description: string };
    capacity: {
      total: number;
      occupied: number;
      held: number;
      outOfService: number;
      available: number;
      updatedAt: string;
      confirmedAt: string | null;
      freshness: Freshness;
      version: number;
    } | null;
    availability: { band: AvailabilityBand; freshness: Freshness };
  } | null;
};

export type CapacityChangedSubscriptionVariables = Exact<{
  regionCodes?: Array<string | number> | string | number | null | undefined;
  types?: Array<ShelterType> | ShelterType | null | undefined;
  current?: boolean | null | undefined;
}>;

export type CapacityChangedSubscription = {
  capacityChanged: {
    id: string;
    name: string;
    type: ShelterType;
    secretAddress: boolean;
    municipality: string | null;
    address: string | null;
    intakePhone: string | null;
    latitude: number | null;
    longitude: number | null;
    region: { code: string; name: string; latitude: number; longitude: number };
    intake: { openNow: boolean; alwaysOpen: boolean; description: string };
    capacity: {
      total: number;
      occupied: number;
      held: number;
      outOfService: number;
      available: number;
      updatedAt: string;
      confirmedAt: string | null;
      freshness: Freshness;
      version: number;
    } | null;
    availability: { band: AvailabilityBand; freshness: Freshness };
  };
};

export type UpdateCapacityMutationVariables = Exact<{
  input: UpdateCapacityInput;
}>;

export type UpdateCapacityMutation = {
  updateCapacity: {
    id: string;
    name: string;
    type: ShelterType;
    secretAddress: boolean;
    municipality: string | null;
    address: string | null;
    intakePhone: string | null;
    latitude: number | null;
    longitude: number | null;
    region: { code: string; name: string; latitude: number; longitude: number };
    intake: { openNow: boolean; alwaysOpen: boolean; description: string };
    capacity: {
      total: number;
      occupied: number;
      held: number;
      outOfService: number;
      available: number;
      updatedAt: string;
      confirmedAt: string | null;
      freshness: Freshness;
      version: number;
    } | null;
    availability: { band: AvailabilityBand; freshness: Freshness };
  };
};

export type ConfirmCapacityMutationVariables = Exact<{
  facilityId: string | number;
}>;

export type ConfirmCapacityMutation = {
  confirmCapacity: {
    id: string;
    name: string;
    type: ShelterType;
    secretAddress: boolean;
    municipality: string | null;
    address: string | null;
    intakePhone: string | null;
    latitude: number | null;
    longitude: number | null;
    region: { code: string; name: string; latitude: number; longitude: number };
    intake: { openNow: boolean; alwaysOpen: boolean; description: string };
    capacity: {
      total: number;
      occupied: number;
      held: number;
      outOfService: number;
      available: number;
      updatedAt: string;
      confirmedAt: string | null;
      freshness: Freshness;
      version: number;
    } | null;
    availability: { band: AvailabilityBand; freshness: Freshness };
  };
};

export type FiguresNudgesQueryVariables = Exact<{ [key: string]: never }>;

export type FiguresNudgesQuery = {
  figuresNudges: Array<{ freshness: Freshness; hoursOld: number | null; facility: { id: string; name: string } }>;
};

export type ConfirmAllCapacityMutationVariables = Exact<{ [key: string]: never }>;

export type ConfirmAllCapacityMutation = {
  confirmAllCapacity: {
    confirmed: Array<{
      id: string;
      name: string;
      type: ShelterType;
      secretAddress: boolean;
      municipality: string | null;
      address: string | null;
      intakePhone: string | null;
      latitude: number | null;
      longitude: number | null;
      region: { code: string; name: string; latitude: number; longitude: number };
      intake: { openNow: boolean; alwaysOpen: boolean; description: string };
      capacity: {
        total: number;
        occupied: number;
        held: number;
        outOfService: number;
        available: number;
        updatedAt: string;
        confirmedAt: string | null;
        freshness: Freshness;
        version: number;
      } | null;
      availability: { band: AvailabilityBand; freshness: Freshness };
    }>;
    refused: Array<{ facilityId: string; code: string; message: string }>;
  };
};

export type MatchReasonFieldsFragment = {
  code: MatchReasonCode;
  params: {
    kind: ShelterType | null;
    kinds: Array<ShelterType> | null;
    at: string | null;
    authority: PlacingAuthority | null;
    days: number | null;
    places: number | null;
    groupSize: number | null;
    km: number | null;
    genders: Array<Gender> | null;
    date: string | null;
    minutes: number | null;
  };
};

export type MatchFacilitiesQueryVariables = Exact<{
  profile: VictimProfileInput;
  options?: MatchOptionsInput | null | undefined;
}>;

export type MatchFacilitiesQuery = {
  matchFacilities: {
    matchCount: number;
    excludedCount: number;
    exclusionSummary: Array<{ code: ExclusionCode; facilities: number }>;
    matches: Array<{
      score: number;
      placeableNow: boolean;
      placeableAt: string;
      freshness: Freshness;
      reasons: Array<string>;
      reasonCodes: Array<{
        code: MatchReasonCode;
        params: {
          kind: ShelterType | null;
          kinds: Array<ShelterType> | null;
          at: string | null;
          authority: PlacingAuthority | null;
          days: number | null;
          places: number | null;
          groupSize: number | null;
          km: number | null;
          genders: Array<Gender> | null;
          date: string | null;
          minutes: number | null;
        };
      }>;
      facility: {
        id: string;
        name: string;
        secretAddress: boolean;
        address: string | null;
        type: ShelterType;
        region: { code: string; name: string };
      };
    }>;
    excluded: Array<{
      facility: {
        id: string;
        name: string;
        secretAddress: boolean;
        address: string | null;
        type: ShelterType;
        region: { code: string; name: string };
      };
      reasons: Array<{ code: ExclusionCode; message: string }>;
    }>;
    advice: Array<{
      code: AdviceCode;
      message: string;
      bridgeFacilityId: string | null;
      onwardFacilityId: string | null;
      onwardPlaceableAt: string | null;
    }>;
  };
};

export type RequestPlacementMutationVariables = Exact<{
  input: PlacementRequestInput;
}>;

export type RequestPlacementMutation = {
  requestPlacement: {
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type RequestNoodbedMutationVariables = Exact<{
  input: NoodbedRequestInput;
}>;

export type RequestNoodbedMutation = {
  requestNoodbed: {
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type PlaceExpectationQueryVariables = Exact<{
  id: string | number;
}>;

export type PlaceExpectationQuery = {
  placementRequest: {
    id: string;
    status: PlacementStatus;
    expectedPlace: { within24h: number; within72h: number; inRegionWithin24h: number; inRegionWithin72h: number } | null;
  } | null;
};

export type PlacementRequestQueryVariables = Exact<{
  id: string | number;
}>;

export type PlacementRequestQuery = {
  placementRequest: {
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  } | null;
};

export type PlacementRequestUpdatedSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
  after?: string | number | null | undefined;
}>;

export type PlacementRequestUpdatedSubscription = {
  placementRequestUpdated: {
    sequence: string;
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type CaseRowUpdatedSubscriptionVariables = Exact<{
  after?: string | number | null | undefined;
}>;

export type CaseRowUpdatedSubscription = {
  placementRequestUpdated: {
    sequence: string;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    facility: {
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type CancelPlacementRequestMutationVariables = Exact<{
  requestId: string | number;
  reason: string;
}>;

export type CancelPlacementRequestMutation = {
  cancelPlacementRequest: {
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type DeskRequestsQueryVariables = Exact<{
  filter?: PlacementRequestFilter | null | undefined;
}>;

export type DeskRequestsQuery = {
  placementRequests: {
    totalCount: number;
    edges: Array<{
      node: {
        placedAt: string | null;
        stayEndsAt: string | null;
        responsibleMunicipality: string | null;
        routeDecided: boolean;
        nextAttemptAt: string | null;
        offerExpiresAt: string | null;
        escalated: boolean;
        id: string;
        status: PlacementStatus;
        urgency: Urgency;
        regionCode: string;
        groupSize: number;
        createdAt: string;
        waitingReason: WaitingReason | null;
        waitingForAuthority: PlacingAuthority | null;
        waitingForOrganisation: string | null;
        parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
        facility: {
          address: string | null;
          municipality: string | null;
          intakePhone: string | null;
          id: string;
          name: string;
          secretAddress: boolean;
          type: ShelterType;
          region: { code: string; name: string };
        } | null;
        allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
        followUp: {
          id: string;
          status: PlacementStatus;
          waitingReason: WaitingReason | null;
          waitingForAuthority: PlacingAuthority | null;
          waitingForOrganisation: string | null;
          nextAttemptAt: string | null;
          facility: {
            id: string;
            name: string;
            type: ShelterType;
            secretAddress: boolean;
            address: string | null;
            region: { code: string; name: string };
          } | null;
        } | null;
        profileSummary: {
          gender: Gender;
          ageBand: string;
          careNeeds: Array<CareNeed>;
          accompanyingChildren: number;
          groupSize: number;
          languages: Array<string>;
        } | null;
        history: Array<{
          status: PlacementStatus;
          at: string;
          by: string;
          note: string | null;
          noteCode: PlacementNoteCode | null;
          noteParams: {
            waitingReason: WaitingReason | null;
            escalatedBecause: EscalationCause | null;
            minutes: number | null;
            regionCode: string | null;
            requestId: string | null;
            heldUntil: string | null;
            byOrg: string | null;
            byRole: Role | null;
            authority: PlacingAuthority | null;
            reason: string | null;
            outcome: StayOutcome | null;
            places: number | null;
            stillPlaced: number | null;
            kinds: Array<ShelterType> | null;
            at: string | null;
            offered: Array<{ facilityName: string; places: number }> | null;
          } | null;
        }>;
      };
    }>;
  };
};

export type MyCasesQueryVariables = Exact<{
  filter?: PlacementRequestFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type MyCasesQuery = {
  placementRequests: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        offerExpiresAt: string | null;
        escalated: boolean;
        id: string;
        status: PlacementStatus;
        urgency: Urgency;
        regionCode: string;
        groupSize: number;
        createdAt: string;
        waitingReason: WaitingReason | null;
        waitingForAuthority: PlacingAuthority | null;
        waitingForOrganisation: string | null;
        facility: {
          id: string;
          name: string;
          secretAddress: boolean;
          type: ShelterType;
          region: { code: string; name: string };
        } | null;
        history: Array<{
          status: PlacementStatus;
          at: string;
          by: string;
          note: string | null;
          noteCode: PlacementNoteCode | null;
          noteParams: {
            waitingReason: WaitingReason | null;
            escalatedBecause: EscalationCause | null;
            minutes: number | null;
            regionCode: string | null;
            requestId: string | null;
            heldUntil: string | null;
            byOrg: string | null;
            byRole: Role | null;
            authority: PlacingAuthority | null;
            reason: string | null;
            outcome: StayOutcome | null;
            places: number | null;
            stillPlaced: number | null;
            kinds: Array<ShelterType> | null;
            at: string | null;
            offered: Array<{ facilityName: string; places: number }> | null;
          } | null;
        }>;
      };
    }>;
  };
};

export type WorklistQueryVariables = Exact<{
  filter?: PlacementRequestFilter | null | undefined;
  first?: number | null | undefined;
}>;

export type WorklistQuery = {
  placementRequests: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: Array<{
      node: {
        escalated: boolean;
        nextAttemptAt: string | null;
        waitingForAuthorityOpensAt: string | null;
        id: string;
        status: PlacementStatus;
        urgency: Urgency;
        regionCode: string;
        groupSize: number;
        createdAt: string;
        waitingReason: WaitingReason | null;
        waitingForAuthority: PlacingAuthority | null;
        waitingForOrganisation: string | null;
        profileSummary: {
          gender: Gender;
          ageBand: string;
          careNeeds: Array<CareNeed>;
          accompanyingChildren: number;
          groupSize: number;
          languages: Array<string>;
        } | null;
      };
    }>;
  };
};

export type PlacementCandidatesQueryVariables = Exact<{
  requestId: string | number;
  first?: number | null | undefined;
}>;

export type PlacementCandidatesQuery = {
  placementCandidates: {
    matchCount: number;
    matches: Array<{
      score: number;
      placeableNow: boolean;
      placeableAt: string;
      freshness: Freshness;
      reasons: Array<string>;
      decision: AuthorityVerdict;
      decidedByOpenNow: boolean;
      decidedByOpensAt: string | null;
      decidedBy: PlacingAuthority;
      interimFor: Array<ShelterType>;
      reasonCodes: Array<{
        code: MatchReasonCode;
        params: {
          kind: ShelterType | null;
          kinds: Array<ShelterType> | null;
          at: string | null;
          authority: PlacingAuthority | null;
          days: number | null;
          places: number | null;
          groupSize: number | null;
          km: number | null;
          genders: Array<Gender> | null;
          date: string | null;
          minutes: number | null;
        };
      }>;
      facility: {
        id: string;
        name: string;
        secretAddress: boolean;
        address: string | null;
        type: ShelterType;
        region: { code: string; name: string };
        capacity: { available: number } | null;
        availability: { band: AvailabilityBand };
      };
    }>;
    advice: Array<{
      code: AdviceCode;
      message: string;
      bridgeFacilityId: string | null;
      onwardFacilityId: string | null;
      onwardPlaceableAt: string | null;
    }>;
  };
};

export type AssignPlacementMutationVariables = Exact<{
  requestId: string | number;
  facilityId: string | number;
  reason?: string | null | undefined;
}>;

export type AssignPlacementMutation = {
  assignPlacement: {
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type ReturnRequestMutationVariables = Exact<{
  requestId: string | number;
  reason: string;
}>;

export type ReturnRequestMutation = {
  returnRequest: {
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type RespondToOfferMutationVariables = Exact<{
  input: OfferResponseInput;
}>;

export type RespondToOfferMutation = {
  respondToOffer: {
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type ConfirmArrivalMutationVariables = Exact<{
  requestId: string | number;
}>;

export type ConfirmArrivalMutation = {
  confirmArrival: {
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type CapacityOverviewQueryVariables = Exact<{
  regionCodes?: Array<string | number> | string | number | null | undefined;
  types?: Array<ShelterType> | ShelterType | null | undefined;
}>;

export type CapacityOverviewQuery = {
  capacityOverview: Array<{
    type: ShelterType;
    facilities: number;
    total: number;
    occupied: number;
    held: number;
    outOfService: number;
    available: number;
    staleShare: number;
    secretFacilities: number;
    secretAvailability: AvailabilityBand;
    region: { code: string; name: string };
  }>;
};

export type OccupancyHistoryQueryVariables = Exact<{
  from: string;
  to: string;
  bucket: TimeBucket;
  regionCodes?: Array<string | number> | string | number | null | undefined;
}>;

export type OccupancyHistoryQuery = {
  occupancyHistory: Array<{
    at: string;
    regionCode: string;
    type: ShelterType;
    total: number;
    occupied: number;
    held: number;
    outOfService: number;
    available: number;
    facilities: number;
    facilitiesWithHistory: number;
    complete: boolean;
  }>;
};

export type StaleShareHistoryQueryVariables = Exact<{
  from: string;
  to: string;
  bucket: TimeBucket;
  regionCodes?: Array<string | number> | string | number | null | undefined;
}>;

export type StaleShareHistoryQuery = {
  staleShareHistory: Array<{
    at: string;
    regionCode: string;
    facilities: number;
    stale: number;
    aging: number;
    staleShare: number;
  }>;
};

export type UnmetDemandQueryVariables = Exact<{
  from: string;
  to: string;
  regionCodes?: Array<string | number> | string | number | null | undefined;
}>;

export type UnmetDemandQuery = {
  unmetDemand: {
    requests: number | null;
    waited: number | null;
    escalated: number | null;
    noodbedOverstays: number | null;
    placedOutsideRegion: number | null;
    byReason: Array<{ reason: WaitingReason; requests: number | null; suppressed: boolean }>;
    byNeed: Array<{ need: UnmetNeed; requests: number | null; suppressed: boolean }>;
    timeToOffer: { count: number | null; medianMinutes: number | null; p90Minutes: number | null; suppressed: boolean };
    timeToPlacement: { count: number | null; medianMinutes: number | null; p90Minutes: number | null; suppressed: boolean };
  };
};

export type CountsFragment = { key: string; count: number | null; suppressed: boolean };

export type PlacementStatisticsQueryVariables = Exact<{
  year: number;
}>;

export type PlacementStatisticsQuery = {
  placementStatistics: {
    year: number;
    placements: number | null;
    suppressionThreshold: number;
    left: number | null;
    byExploitationType: Array<{ key: string; count: number | null; suppressed: boolean }>;
    byGender: Array<{ key: string; count: number | null; suppressed: boolean }>;
    byAgeBand: Array<{ key: string; count: number | null; suppressed: boolean }>;
    byShelterType: Array<{ key: string; count: number | null; suppressed: boolean }>;
    byRegion: Array<{ key: string; count: number | null; suppressed: boolean }>;
    byOutcome: Array<{ key: string; count: number | null; suppressed: boolean }>;
  };
};

export type NotificationFieldsFragment = {
  notifications: Array<{
    organisation: string;
    contactFunction: EscalationFunction | null;
    type: WebhookEventType;
    at: string;
    status: WebhookDeliveryStatus;
    deliveredAt: string | null;
    acknowledgedAt: string | null;
  }>;
};

export type CaseNotificationsQueryVariables = Exact<{
  id: string | number;
}>;

export type CaseNotificationsQuery = {
  placementRequest: {
    id: string;
    notifications: Array<{
      organisation: string;
      contactFunction: EscalationFunction | null;
      type: WebhookEventType;
      at: string;
      status: WebhookDeliveryStatus;
      deliveredAt: string | null;
      acknowledgedAt: string | null;
    }>;
  } | null;
};

export type EscalationsQueryVariables = Exact<{
  filter?: PlacementRequestFilter | null | undefined;
  first?: number | null | undefined;
}>;

export type EscalationsQuery = {
  placementRequests: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: Array<{
      node: {
        id: string;
        status: PlacementStatus;
        urgency: Urgency;
        regionCode: string;
        groupSize: number;
        createdAt: string;
        waitingReason: WaitingReason | null;
        waitingForAuthority: PlacingAuthority | null;
        waitingForOrganisation: string | null;
        notifications: Array<{
          organisation: string;
          contactFunction: EscalationFunction | null;
          type: WebhookEventType;
          at: string;
          status: WebhookDeliveryStatus;
          deliveredAt: string | null;
          acknowledgedAt: string | null;
        }>;
      };
    }>;
  };
};

export type DeskStaysQueryVariables = Exact<{ [key: string]: never }>;

export type DeskStaysQuery = {
  placementRequests: {
    totalCount: number;
    edges: Array<{
      node: {
        placedAt: string | null;
        stayEndsAt: string | null;
        responsibleMunicipality: string | null;
        routeDecided: boolean;
        nextAttemptAt: string | null;
        offerExpiresAt: string | null;
        escalated: boolean;
        id: string;
        status: PlacementStatus;
        urgency: Urgency;
        regionCode: string;
        groupSize: number;
        createdAt: string;
        waitingReason: WaitingReason | null;
        waitingForAuthority: PlacingAuthority | null;
        waitingForOrganisation: string | null;
        parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
        facility: {
          address: string | null;
          municipality: string | null;
          intakePhone: string | null;
          id: string;
          name: string;
          secretAddress: boolean;
          type: ShelterType;
          region: { code: string; name: string };
        } | null;
        allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
        followUp: {
          id: string;
          status: PlacementStatus;
          waitingReason: WaitingReason | null;
          waitingForAuthority: PlacingAuthority | null;
          waitingForOrganisation: string | null;
          nextAttemptAt: string | null;
          facility: {
            id: string;
            name: string;
            type: ShelterType;
            secretAddress: boolean;
            address: string | null;
            region: { code: string; name: string };
          } | null;
        } | null;
        profileSummary: {
          gender: Gender;
          ageBand: string;
          careNeeds: Array<CareNeed>;
          accompanyingChildren: number;
          groupSize: number;
          languages: Array<string>;
        } | null;
        history: Array<{
          status: PlacementStatus;
          at: string;
          by: string;
          note: string | null;
          noteCode: PlacementNoteCode | null;
          noteParams: {
            waitingReason: WaitingReason | null;
            escalatedBecause: EscalationCause | null;
            minutes: number | null;
            regionCode: string | null;
            requestId: string | null;
            heldUntil: string | null;
            byOrg: string | null;
            byRole: Role | null;
            authority: PlacingAuthority | null;
            reason: string | null;
            outcome: StayOutcome | null;
            places: number | null;
            stillPlaced: number | null;
            kinds: Array<ShelterType> | null;
            at: string | null;
            offered: Array<{ facilityName: string; places: number }> | null;
          } | null;
        }>;
      };
    }>;
  };
};

export type EndPlacementMutationVariables = Exact<{
  requestId: string | number;
  reason: string;
  outcome?: StayOutcome | null | undefined;
  places?: number | null | undefined;
}>;

export type EndPlacementMutation = {
  endPlacement: {
    placedAt: string | null;
    stayEndsAt: string | null;
    responsibleMunicipality: string | null;
    routeDecided: boolean;
    nextAttemptAt: string | null;
    offerExpiresAt: string | null;
    escalated: boolean;
    id: string;
    status: PlacementStatus;
    urgency: Urgency;
    regionCode: string;
    groupSize: number;
    createdAt: string;
    waitingReason: WaitingReason | null;
    waitingForAuthority: PlacingAuthority | null;
    waitingForOrganisation: string | null;
    parallelOffer: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
    facility: {
      address: string | null;
      municipality: string | null;
      intakePhone: string | null;
      id: string;
      name: string;
      secretAddress: boolean;
      type: ShelterType;
      region: { code: string; name: string };
    } | null;
    allocations: Array<{ distanceKm: number | null; places: number; state: HoldState; facility: { id: string } }>;
    followUp: {
      id: string;
      status: PlacementStatus;
      waitingReason: WaitingReason | null;
      waitingForAuthority: PlacingAuthority | null;
      waitingForOrganisation: string | null;
      nextAttemptAt: string | null;
      facility: {
        id: string;
        name: string;
        type: ShelterType;
        secretAddress: boolean;
        address: string | null;
        region: { code: string; name: string };
      } | null;
    } | null;
    history: Array<{
      status: PlacementStatus;
      at: string;
      by: string;
      note: string | null;
      noteCode: PlacementNoteCode | null;
      noteParams: {
        waitingReason: WaitingReason | null;
        escalatedBecause: EscalationCause | null;
        minutes: number | null;
        regionCode: string | null;
        requestId: string | null;
        heldUntil: string | null;
        byOrg: string | null;
        byRole: Role | null;
        authority: PlacingAuthority | null;
        reason: string | null;
        outcome: StayOutcome | null;
        places: number | null;
        stillPlaced: number | null;
        kinds: Array<ShelterType> | null;
        at: string | null;
        offered: Array<{ facilityName: string; places: number }> | null;
      } | null;
    }>;
  };
};

export type CasePathFieldsFragment = {
  id: string;
  status: PlacementStatus;
  waitingReason: WaitingReason | null;
  profileVersion: number;
  transferReason: TransferReason | null;
  transferOf: { id: string; status: PlacementStatus } | null;
  transfer: { id: string; status: PlacementStatus; transferReason: TransferReason | null } | null;
};

export type CasePathQueryVariables = Exact<{
  id: string | number;
}>;

export type CasePathQuery = {
  placementRequest: {
    id: string;
    status: PlacementStatus;
    waitingReason: WaitingReason | null;
    profileVersion: number;
    transferReason: TransferReason | null;
    transferOf: { id: string; status: PlacementStatus } | null;
    transfer: { id: string; status: PlacementStatus; transferReason: TransferReason | null } | null;
  } | null;
};

export type UpdateVictimProfileMutationVariables = Exact<{
  requestId: string | number;
  changes: VictimProfileChangeInput;
  reason: string;
}>;

export type UpdateVictimProfileMutation = {
  updateVictimProfile: {
    id: string;
    status: PlacementStatus;
    waitingReason: WaitingReason | null;
    profileVersion: number;
    transferReason: TransferReason | null;
    transferOf: { id: string; status: PlacementStatus } | null;
    transfer: { id: string; status: PlacementStatus; transferReason: TransferReason | null } | null;
  };
};

export type RecordRouteDecisionMutationVariables = Exact<{
  requestId: string | number;
  shelter: boolean;
  reason: string;
}>;

export type RecordRouteDecisionMutation = {
  recordRouteDecision: {
    id: string;
    status: PlacementStatus;
    waitingReason: WaitingReason | null;
    profileVersion: number;
    transferReason: TransferReason | null;
    transferOf: { id: string; status: PlacementStatus } | null;
    transfer: { id: string; status: PlacementStatus; transferReason: TransferReason | null } | null;
  };
};

export type RequestTransferMutationVariables = Exact<{
  requestId: string | number;
  reason: TransferReason;
  regionCode?: string | number | null | undefined;
  note?: string | null | undefined;
}>;

export type RequestTransferMutation = {
  requestTransfer: {
    id: string;
    status: PlacementStatus;
    waitingReason: WaitingReason | null;
    profileVersion: number;
    transferReason: TransferReason | null;
    transferOf: { id: string; status: PlacementStatus } | null;
    transfer: { id: string; status: PlacementStatus; transferReason: TransferReason | null } | null;
  };
};

export type RegistrationPrefillQueryVariables = Exact<{
  id: string | number;
}>;

export type RegistrationPrefillQuery = {
  placementRequest: { id: string; regionCode: string; profileSummary: { gender: Gender; ageBand: string } | null } | null;
};

export type RegisterVictimMutationVariables = Exact<{
  input: RegisterVictimInput;
}>;

export type RegisterVictimMutation = { registerVictim: { id: string; member: number | null; registeredAt: string } };

export type VictimRegistrationsQueryVariables = Exact<{
  first: number;
}>;

export type VictimRegistrationsQuery = {
  victimRegistrations: {
    totalCount: number;
    nodes: Array<{
      id: string;
      regionCode: string;
      gender: Gender;
      ageBand: string;
      exploitationTypes: Array<ExploitationType>;
      signalledBy: SignallerKind;
      requestId: string | null;
      member: number | null;
      registeredAt: string;
      registeredByOrg: string;
    }>;
  };
};

export type PlannedActionRowFragment = {
  id: string;
  status: PlannedActionStatus;
  regionCode: string;
  startsAt: string;
  endsAt: string;
  onBehalfOf: ActionPartner;
  onBehalfOfOrganisation: string;
  expectedCount: number;
  reservedCount: number;
  shortfallCount: number;
  everyoneSheltered: boolean;
};

export type PlannedActionsQueryVariables = Exact<{
  status?: Array<PlannedActionStatus> | PlannedActionStatus | null | undefined;
}>;

export type PlannedActionsQuery = {
  plannedActions: Array<{
    id: string;
    status: PlannedActionStatus;
    regionCode: string;
    startsAt: string;
    endsAt: string;
    onBehalfOf: ActionPartner;
    onBehalfOfOrganisation: string;
    expectedCount: number;
    reservedCount: number;
    shortfallCount: number;
    everyoneSheltered: boolean;
  }>;
};

export type PlanActionMutationVariables = Exact<{
  input: PlannedActionInput;
}>;

export type PlanActionMutation = {
  planAction: {
    id: string;
    status: PlannedActionStatus;
    regionCode: string;
    startsAt: string;
    endsAt: string;
    onBehalfOf: ActionPartner;
    onBehalfOfOrganisation: string;
    expectedCount: number;
    reservedCount: number;
    shortfallCount: number;
    everyoneSheltered: boolean;
    expected: Array<{
      count: number;
      gender: Gender;
      minor: boolean;
      exploitationTypes: Array<ExploitationType>;
      reserved: Array<{ facilityId: string | null; facilityName: string; facilityType: ShelterType | null; places: number }>;
      shortfall: { count: number; reasons: Array<ShortfallReason> };
    }>;
  };
};

export type CancelPlannedActionMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type CancelPlannedActionMutation = {
  cancelPlannedAction: {
    id: string;
    status: PlannedActionStatus;
    regionCode: string;
    startsAt: string;
    endsAt: string;
    onBehalfOf: ActionPartner;
    onBehalfOfOrganisation: string;
    expectedCount: number;
    reservedCount: number;
    shortfallCount: number;
    everyoneSheltered: boolean;
  };
};

export type FacilityReservationsQueryVariables = Exact<{
  facilityId: string | number;
}>;

export type FacilityReservationsQuery = {
  facilityReservations: Array<{ facilityId: string; places: number; startsAt: string; endsAt: string }>;
};

export type MyOfferResponsesQueryVariables = Exact<{ [key: string]: never }>;

export type MyOfferResponsesQuery = {
  myOfferResponses: {
    from: string;
    to: string;
    facilities: Array<{
      facilityId: string;
      facilityName: string;
      figures: {
        offers: number | null;
        accepted: number | null;
        declined: number | null;
        lapsed: number | null;
        withdrawn: number | null;
        minutesToRespond: { count: number | null; medianMinutes: number | null; p90Minutes: number | null };
      };
    }>;
  };
};

export type OfferResponsesQueryVariables = Exact<{
  from: string;
  to: string;
  regionCodes?: Array<string | number> | string | number | null | undefined;
}>;

export type OfferResponsesQuery = {
  offerResponses: {
    suppressionThreshold: number;
    regions: Array<{
      regionCode: string;
      type: ShelterType;
      figures: {
        suppressed: boolean;
        offers: number | null;
        accepted: number | null;
        declined: number | null;
        lapsed: number | null;
        minutesToRespond: { medianMinutes: number | null; p90Minutes: number | null };
      };
    }>;
    facilities: Array<{
      facilityId: string;
      facilityName: string;
      type: ShelterType;
      regionCode: string;
      figures: {
        suppressed: boolean;
        offers: number | null;
        accepted: number | null;
        declined: number | null;
        lapsed: number | null;
        minutesToRespond: { medianMinutes: number | null; p90Minutes: number | null };
      };
    }>;
    secretFacilities: Array<{
      type: ShelterType;
      figures: {
        suppressed: boolean;
        offers: number | null;
        accepted: number | null;
        declined: number | null;
        lapsed: number | null;
        minutesToRespond: { medianMinutes: number | null; p90Minutes: number | null };
      };
    }>;
  };
};

export type OfferResponseFiguresFieldsFragment = {
  suppressed: boolean;
  offers: number | null;
  accepted: number | null;
  declined: number | null;
  lapsed: number | null;
  minutesToRespond: { medianMinutes: number | null; p90Minutes: number | null };
};

export const FacilityFieldsFragmentDoc = gql`
  fragment FacilityFields on Facility {
    id
    name
    type
    secretAddress
    municipality
    address
    intakePhone
    latitude
    longitude
    region {
      code
      name
      latitude
      longitude
    }
    intake {
      openNow
      alwaysOpen
      description
    }
    capacity {
      total
      occupied
      held
      outOfService
      available
      updatedAt
      confirmedAt
      freshness
      version
    }
    availability {
      band
      freshness
    }
  }
` as unknown as DocumentNode<FacilityFieldsFragment, unknown>;
export const SummaryFieldsFragmentDoc = gql`
  fragment SummaryFields on PlacementRequest {
    profileSummary {
      gender
      ageBand
      careNeeds
      accompanyingChildren
      groupSize
      languages
    }
  }
` as unknown as DocumentNode<SummaryFieldsFragment, unknown>;
export const ListRowFieldsFragmentDoc = gql`
  fragment ListRowFields on PlacementRequest {
    id
    status
    urgency
    regionCode
    groupSize
    createdAt
    waitingReason
    waitingForAuthority
    waitingForOrganisation
  }
` as unknown as DocumentNode<ListRowFieldsFragment, unknown>;
export const WorklistFieldsFragmentDoc = gql`
  fragment WorklistFields on PlacementRequest {
    ...ListRowFields
    escalated
    nextAttemptAt
    waitingForAuthorityOpensAt
  }
  ${ListRowFieldsFragmentDoc}
` as unknown as DocumentNode<WorklistFieldsFragment, unknown>;
export const CaseRowFieldsFragmentDoc = gql`
  fragment CaseRowFields on PlacementRequest {
    ...ListRowFields
    offerExpiresAt
    escalated
    facility {
      id
      name
      secretAddress
      type
      region {
        code
        name
      }
    }
    history {
      status
      at
      by
      note
      noteCode
      noteParams {
        waitingReason
        escalatedBecause
        minutes
        regionCode
        requestId
        offered {
          facilityName
          places
        }
        heldUntil
        byOrg
        byRole
        authority
        reason
        outcome
        places
        stillPlaced
        kinds
        at
      }
    }
  }
  ${ListRowFieldsFragmentDoc}
` as unknown as DocumentNode<CaseRowFieldsFragment, unknown>;
export const RequestFieldsFragmentDoc = gql`
  fragment RequestFields on PlacementRequest {
    ...CaseRowFields
    parallelOffer {
      alsoOfferedTo
      takenElsewhereAt
    }
    facility {
      address
      municipality
      intakePhone
    }
    allocations {
      facility {
        id
      }
      distanceKm
      places
      state
    }
    placedAt
    stayEndsAt
    responsibleMunicipality
    routeDecided
    nextAttemptAt
    followUp {
      id
      status
      waitingReason
      waitingForAuthority
      waitingForOrganisation
      nextAttemptAt
      facility {
        id
        name
        type
        secretAddress
        address
        region {
          code
          name
        }
      }
    }
  }
  ${CaseRowFieldsFragmentDoc}
` as unknown as DocumentNode<RequestFieldsFragment, unknown>;
export const MatchReasonFieldsFragmentDoc = gql`
  fragment MatchReasonFields on MatchReason {
    code
    params {
      kind
      kinds
      at
      authority
      days
      places
      groupSize
      km
      genders
      date
      minutes
    }
  }
` as unknown as DocumentNode<MatchReasonFieldsFragment, unknown>;
export const CountsFragmentDoc = gql`
  fragment Counts on StatisticCount {
    key
    count
    suppressed
  }
` as unknown as DocumentNode<CountsFragment, unknown>;
export const NotificationFieldsFragmentDoc = gql`
  fragment NotificationFields on PlacementRequest {
    notifications {
      organisation
      contactFunction
      type
      at
      status
      deliveredAt
      acknowledgedAt
    }
  }
` as unknown as DocumentNode<NotificationFieldsFragment, unknown>;
export const CasePathFieldsFragmentDoc = gql`
  fragment CasePathFields on PlacementRequest {
    id
    status
    waitingReason
    profileVersion
    transferReason
    transferOf {
      id
      status
    }
    transfer {
      id
      status
      transferReason
    }
  }
` as unknown as DocumentNode<CasePathFieldsFragment, unknown>;
export const PlannedActionRowFragmentDoc = gql`
  fragment PlannedActionRow on PlannedAction {
    id
    status
    regionCode
    startsAt
    endsAt
    onBehalfOf
    onBehalfOfOrganisation
    expectedCount
    reservedCount
    shortfallCount
    everyoneSheltered
  }
` as unknown as DocumentNode<PlannedActionRowFragment, unknown>;
export const OfferResponseFiguresFieldsFragmentDoc = gql`
  fragment OfferResponseFiguresFields on OfferResponseFigures {
    suppressed
    offers
    accepted
    declined
    lapsed
    minutesToRespond {
      medianMinutes
      p90Minutes
    }
  }
` as unknown as DocumentNode<OfferResponseFiguresFieldsFragment, unknown>;
export const MeDocument = gql`
  query Me {
    me {
      sub
      role
      org
      regions
      facilityIds
    }
  }
` as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const RegionsDocument = gql`
  query Regions {
    regions {
      code
      name
      latitude
      longitude
    }
  }
` as unknown as DocumentNode<RegionsQuery, RegionsQueryVariables>;
export const FacilitiesDocument = gql`
  query Facilities($filter: FacilityFilter) {
    facilities(filter: $filter) {
      ...FacilityFields
      capacity {
        expectedFree24h
        expectedFree72h
      }
    }
  }
  ${FacilityFieldsFragmentDoc}
` as unknown as DocumentNode<FacilitiesQuery, FacilitiesQueryVariables>;
export const FacilityDocument = gql`
  query Facility($id: ID!) {
    facility(id: $id) {
      ...FacilityFields
    }
  }
  ${FacilityFieldsFragmentDoc}
` as unknown as DocumentNode<FacilityQuery, FacilityQueryVariables>;
export const CapacityChangedDocument = gql`
  subscription CapacityChanged($regionCodes: [ID!], $types: [ShelterType!], $current: Boolean) {
    capacityChanged(regionCodes: $regionCodes, types: $types, current: $current) {
      ...FacilityFields
    }
  }
  ${FacilityFieldsFragmentDoc}
` as unknown as DocumentNode<CapacityChangedSubscription, CapacityChangedSubscriptionVariables>;
export const UpdateCapacityDocument = gql`
  mutation UpdateCapacity($input: UpdateCapacityInput!) {
    updateCapacity(input: $input) {
      ...FacilityFields
    }
  }
  ${FacilityFieldsFragmentDoc}
` as unknown as DocumentNode<UpdateCapacityMutation, UpdateCapacityMutationVariables>;
export const ConfirmCapacityDocument = gql`
  mutation ConfirmCapacity($facilityId: ID!) {
    confirmCapacity(facilityId: $facilityId) {
      ...FacilityFields
    }
  }
  ${FacilityFieldsFragmentDoc}
` as unknown as DocumentNode<ConfirmCapacityMutation, ConfirmCapacityMutationVariables>;
export const FiguresNudgesDocument = gql`
  query FiguresNudges {
    figuresNudges {
      facility {
        id
        name
      }
      freshness
      hoursOld
    }
  }
` as unknown as DocumentNode<FiguresNudgesQuery, FiguresNudgesQueryVariables>;
export const ConfirmAllCapacityDocument = gql`
  mutation ConfirmAllCapacity {
    confirmAllCapacity {
      confirmed {
        ...FacilityFields
      }
      refused {
        facilityId
        code
        message
      }
    }
  }
  ${FacilityFieldsFragmentDoc}
` as unknown as DocumentNode<ConfirmAllCapacityMutation, ConfirmAllCapacityMutationVariables>;
export const MatchFacilitiesDocument = gql`
  query MatchFacilities($profile: VictimProfileInput!, $options: MatchOptionsInput) {
    matchFacilities(profile: $profile, options: $options) {
      matchCount
      excludedCount
      exclusionSummary {
        code
        facilities
      }
      matches {
        score
        placeableNow
        placeableAt
        freshness
        reasons
        reasonCodes {
          ...MatchReasonFields
        }
        facility {
          id
          name
          secretAddress
          address
          type
          region {
            code
            name
          }
        }
      }
      excluded {
        facility {
          id
          name
          secretAddress
          address
          type
          region {
            code
            name
          }
        }
        reasons {
          code
          message
        }
      }
      advice {
        code
        message
        bridgeFacilityId
        onwardFacilityId
        onwardPlaceableAt
      }
    }
  }
  ${MatchReasonFieldsFragmentDoc}
` as unknown as DocumentNode<MatchFacilitiesQuery, MatchFacilitiesQueryVariables>;
export const RequestPlacementDocument = gql`
  mutation RequestPlacement($input: PlacementRequestInput!) {
    requestPlacement(input: $input) {
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<RequestPlacementMutation, RequestPlacementMutationVariables>;
export const RequestNoodbedDocument = gql`
  mutation RequestNoodbed($input: NoodbedRequestInput!) {
    requestNoodbed(input: $input) {
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<RequestNoodbedMutation, RequestNoodbedMutationVariables>;
export const PlaceExpectationDocument = gql`
  query PlaceExpectation($id: ID!) {
    placementRequest(id: $id) {
      id
      status
      expectedPlace {
        within24h
        within72h
        inRegionWithin24h
        inRegionWithin72h
      }
    }
  }
` as unknown as DocumentNode<PlaceExpectationQuery, PlaceExpectationQueryVariables>;
export const PlacementRequestDocument = gql`
  query PlacementRequest($id: ID!) {
    placementRequest(id: $id) {
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<PlacementRequestQuery, PlacementRequestQueryVariables>;
export const PlacementRequestUpdatedDocument = gql`
  subscription PlacementRequestUpdated($id: ID, $after: ID) {
    placementRequestUpdated(id: $id, after: $after) {
      sequence
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<PlacementRequestUpdatedSubscription, PlacementRequestUpdatedSubscriptionVariables>;
export const CaseRowUpdatedDocument = gql`
  subscription CaseRowUpdated($after: ID) {
    placementRequestUpdated(after: $after) {
      sequence
      ...CaseRowFields
    }
  }
  ${CaseRowFieldsFragmentDoc}
` as unknown as DocumentNode<CaseRowUpdatedSubscription, CaseRowUpdatedSubscriptionVariables>;
export const CancelPlacementRequestDocument = gql`
  mutation CancelPlacementRequest($requestId: ID!, $reason: String!) {
    cancelPlacementRequest(requestId: $requestId, reason: $reason) {
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<CancelPlacementRequestMutation, CancelPlacementRequestMutationVariables>;
export const DeskRequestsDocument = gql`
  query DeskRequests($filter: PlacementRequestFilter) {
    placementRequests(filter: $filter, first: 50) {
      totalCount
      edges {
        node {
          ...RequestFields
          ...SummaryFields
        }
      }
    }
  }
  ${RequestFieldsFragmentDoc}
  ${SummaryFieldsFragmentDoc}
` as unknown as DocumentNode<DeskRequestsQuery, DeskRequestsQueryVariables>;
export const MyCasesDocument = gql`
  query MyCases($filter: PlacementRequestFilter, $first: Int, $after: String) {
    placementRequests(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CaseRowFields
        }
      }
    }
  }
  ${CaseRowFieldsFragmentDoc}
` as unknown as DocumentNode<MyCasesQuery, MyCasesQueryVariables>;
export const WorklistDocument = gql`
  query Worklist($filter: PlacementRequestFilter, $first: Int) {
    placementRequests(filter: $filter, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...WorklistFields
          ...SummaryFields
        }
      }
    }
  }
  ${WorklistFieldsFragmentDoc}
  ${SummaryFieldsFragmentDoc}
` as unknown as DocumentNode<WorklistQuery, WorklistQueryVariables>;
export const PlacementCandidatesDocument = gql`
  query PlacementCandidates($requestId: ID!, $first: Int) {
    placementCandidates(requestId: $requestId, first: $first) {
      matchCount
      matches {
        score
        placeableNow
        placeableAt
        freshness
        reasons
        reasonCodes {
          ...MatchReasonFields
        }
        decision
        decidedByOpenNow
        decidedByOpensAt
        decidedBy
        interimFor
        facility {
          id
          name
          secretAddress
          address
          type
          region {
            code
            name
          }
          capacity {
            available
          }
          availability {
            band
          }
        }
      }
      advice {
        code
        message
        bridgeFacilityId
        onwardFacilityId
        onwardPlaceableAt
      }
    }
  }
  ${MatchReasonFieldsFragmentDoc}
` as unknown as DocumentNode<PlacementCandidatesQuery, PlacementCandidatesQueryVariables>;
export const AssignPlacementDocument = gql`
  mutation AssignPlacement($requestId: ID!, $facilityId: ID!, $reason: String) {
    assignPlacement(requestId: $requestId, facilityId: $facilityId, reason: $reason) {
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<AssignPlacementMutation, AssignPlacementMutationVariables>;
export const ReturnRequestDocument = gql`
  mutation ReturnRequest($requestId: ID!, $reason: String!) {
    returnRequest(requestId: $requestId, reason: $reason) {
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<ReturnRequestMutation, ReturnRequestMutationVariables>;
export const RespondToOfferDocument = gql`
  mutation RespondToOffer($input: OfferResponseInput!) {
    respondToOffer(input: $input) {
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<RespondToOfferMutation, RespondToOfferMutationVariables>;
export const ConfirmArrivalDocument = gql`
  mutation ConfirmArrival($requestId: ID!) {
    confirmArrival(requestId: $requestId) {
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<ConfirmArrivalMutation, ConfirmArrivalMutationVariables>;
export const CapacityOverviewDocument = gql`
  query CapacityOverview($regionCodes: [ID!], $types: [ShelterType!]) {
    capacityOverview(regionCodes: $regionCodes, types: $types) {
      region {
        code
        name
      }
      type
      facilities
      total
      occupied
      held
      outOfService
      available
      staleShare
      secretFacilities
      secretAvailability
    }
  }
` as unknown as DocumentNode<CapacityOverviewQuery, CapacityOverviewQueryVariables>;
export const OccupancyHistoryDocument = gql`
  query OccupancyHistory($from: DateTime!, $to: DateTime!, $bucket: TimeBucket!, $regionCodes: [ID!]) {
    occupancyHistory(from: $from, to: $to, bucket: $bucket, regionCodes: $regionCodes) {
      at
      regionCode
      type
      total
      occupied
      held
      outOfService
      available
      facilities
      facilitiesWithHistory
      complete
    }
  }
` as unknown as DocumentNode<OccupancyHistoryQuery, OccupancyHistoryQueryVariables>;
export const StaleShareHistoryDocument = gql`
  query StaleShareHistory($from: DateTime!, $to: DateTime!, $bucket: TimeBucket!, $regionCodes: [ID!]) {
    staleShareHistory(from: $from, to: $to, bucket: $bucket, regionCodes: $regionCodes) {
      at
      regionCode
      facilities
      stale
      aging
      staleShare
    }
  }
` as unknown as DocumentNode<StaleShareHistoryQuery, StaleShareHistoryQueryVariables>;
export const UnmetDemandDocument = gql`
  query UnmetDemand($from: DateTime!, $to: DateTime!, $regionCodes: [ID!]) {
    unmetDemand(from: $from, to: $to, regionCodes: $regionCodes) {
      requests
      waited
      escalated
      noodbedOverstays
      placedOutsideRegion
      byReason {
        reason
        requests
        suppressed
      }
      byNeed {
        need
        requests
        suppressed
      }
      timeToOffer {
        count
        medianMinutes
        p90Minutes
        suppressed
      }
      timeToPlacement {
        count
        medianMinutes
        p90Minutes
        suppressed
      }
    }
  }
` as unknown as DocumentNode<UnmetDemandQuery, UnmetDemandQueryVariables>;
export const PlacementStatisticsDocument = gql`
  query PlacementStatistics($year: Int!) {
    placementStatistics(year: $year) {
      year
      placements
      suppressionThreshold
      byExploitationType {
        ...Counts
      }
      byGender {
        ...Counts
      }
      byAgeBand {
        ...Counts
      }
      byShelterType {
        ...Counts
      }
      byRegion {
        ...Counts
      }
      left
      byOutcome {
        ...Counts
      }
    }
  }
  ${CountsFragmentDoc}
` as unknown as DocumentNode<PlacementStatisticsQuery, PlacementStatisticsQueryVariables>;
export const CaseNotificationsDocument = gql`
  query CaseNotifications($id: ID!) {
    placementRequest(id: $id) {
      id
      ...NotificationFields
    }
  }
  ${NotificationFieldsFragmentDoc}
` as unknown as DocumentNode<CaseNotificationsQuery, CaseNotificationsQueryVariables>;
export const EscalationsDocument = gql`
  query Escalations($filter: PlacementRequestFilter, $first: Int) {
    placementRequests(filter: $filter, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...ListRowFields
          ...NotificationFields
        }
      }
    }
  }
  ${ListRowFieldsFragmentDoc}
  ${NotificationFieldsFragmentDoc}
` as unknown as DocumentNode<EscalationsQuery, EscalationsQueryVariables>;
export const DeskStaysDocument = gql`
  query DeskStays {
    placementRequests(filter: { status: ["PLACED"], order: NEWEST_FIRST }, first: 50) {
      totalCount
      edges {
        node {
          ...RequestFields
          ...SummaryFields
        }
      }
    }
  }
  ${RequestFieldsFragmentDoc}
  ${SummaryFieldsFragmentDoc}
` as unknown as DocumentNode<DeskStaysQuery, DeskStaysQueryVariables>;
export const EndPlacementDocument = gql`
  mutation EndPlacement($requestId: ID!, $reason: String!, $outcome: StayOutcome, $places: Int) {
    endPlacement(requestId: $requestId, reason: $reason, outcome: $outcome, places: $places) {
      ...RequestFields
    }
  }
  ${RequestFieldsFragmentDoc}
` as unknown as DocumentNode<EndPlacementMutation, EndPlacementMutationVariables>;
export const CasePathDocument = gql`
  query CasePath($id: ID!) {
    placementRequest(id: $id) {
      ...CasePathFields
    }
  }
  ${CasePathFieldsFragmentDoc}
` as unknown as DocumentNode<CasePathQuery, CasePathQueryVariables>;
export const UpdateVictimProfileDocument = gql`
  mutation UpdateVictimProfile($requestId: ID!, $changes: VictimProfileChangeInput!, $reason: String!) {
    updateVictimProfile(requestId: $requestId, changes: $changes, reason: $reason) {
      ...CasePathFields
    }
  }
  ${CasePathFieldsFragmentDoc}
` as unknown as DocumentNode<UpdateVictimProfileMutation, UpdateVictimProfileMutationVariables>;
export const RecordRouteDecisionDocument = gql`
  mutation RecordRouteDecision($requestId: ID!, $shelter: Boolean!, $reason: String!) {
    recordRouteDecision(requestId: $requestId, shelter: $shelter, reason: $reason) {
      ...CasePathFields
    }
  }
  ${CasePathFieldsFragmentDoc}
` as unknown as DocumentNode<RecordRouteDecisionMutation, RecordRouteDecisionMutationVariables>;
export const RequestTransferDocument = gql`
  mutation RequestTransfer($requestId: ID!, $reason: TransferReason!, $regionCode: ID, $note: String) {
    requestTransfer(requestId: $requestId, reason: $reason, regionCode: $regionCode, note: $note) {
      ...CasePathFields
    }
  }
  ${CasePathFieldsFragmentDoc}
` as unknown as DocumentNode<RequestTransferMutation, RequestTransferMutationVariables>;
export const RegistrationPrefillDocument = gql`
  query RegistrationPrefill($id: ID!) {
    placementRequest(id: $id) {
      id
      regionCode
      profileSummary {
        gender
        ageBand
      }
    }
  }
` as unknown as DocumentNode<RegistrationPrefillQuery, RegistrationPrefillQueryVariables>;
export const RegisterVictimDocument = gql`
  mutation RegisterVictim($input: RegisterVictimInput!) {
    registerVictim(input: $input) {
      id
      member
      registeredAt
    }
  }
` as unknown as DocumentNode<RegisterVictimMutation, RegisterVictimMutationVariables>;
export const VictimRegistrationsDocument = gql`
  query VictimRegistrations($first: Int!) {
    victimRegistrations(first: $first) {
      totalCount
      nodes {
        id
        regionCode
        gender
        ageBand
        exploitationTypes
        signalledBy
        requestId
        member
        registeredAt
        registeredByOrg
      }
    }
  }
` as unknown as DocumentNode<VictimRegistrationsQuery, VictimRegistrationsQueryVariables>;
export const PlannedActionsDocument = gql`
  query PlannedActions($status: [PlannedActionStatus!]) {
    plannedActions(status: $status) {
      ...PlannedActionRow
    }
  }
  ${PlannedActionRowFragmentDoc}
` as unknown as DocumentNode<PlannedActionsQuery, PlannedActionsQueryVariables>;
export const PlanActionDocument = gql`
  mutation PlanAction($input: PlannedActionInput!) {
    planAction(input: $input) {
      ...PlannedActionRow
      expected {
        count
        gender
        minor
        exploitationTypes
        reserved {
          facilityId
          facilityName
          facilityType
          places
        }
        shortfall {
          count
          reasons
        }
      }
    }
  }
  ${PlannedActionRowFragmentDoc}
` as unknown as DocumentNode<PlanActionMutation, PlanActionMutationVariables>;
export const CancelPlannedActionDocument = gql`
  mutation CancelPlannedAction($id: ID!, $reason: String!) {
    cancelPlannedAction(id: $id, reason: $reason) {
      ...PlannedActionRow
    }
  }
  ${PlannedActionRowFragmentDoc}
` as unknown as DocumentNode<CancelPlannedActionMutation, CancelPlannedActionMutationVariables>;
export const FacilityReservationsDocument = gql`
  query FacilityReservations($facilityId: ID!) {
    facilityReservations(facilityId: $facilityId) {
      facilityId
      places
      startsAt
      endsAt
    }
  }
` as unknown as DocumentNode<FacilityReservationsQuery, FacilityReservationsQueryVariables>;
export const MyOfferResponsesDocument = gql`
  query MyOfferResponses {
    myOfferResponses {
      from
      to
      facilities {
        facilityId
        facilityName
        figures {
          offers
          accepted
          declined
          lapsed
          withdrawn
          minutesToRespond {
            count
            medianMinutes
            p90Minutes
          }
        }
      }
    }
  }
` as unknown as DocumentNode<MyOfferResponsesQuery, MyOfferResponsesQueryVariables>;
export const OfferResponsesDocument = gql`
  query OfferResponses($from: DateTime!, $to: DateTime!, $regionCodes: [ID!]) {
    offerResponses(from: $from, to: $to, regionCodes: $regionCodes) {
      suppressionThreshold
      regions {
        regionCode
        type
        figures {
          ...OfferResponseFiguresFields
        }
      }
      facilities {
        facilityId
        facilityName
        type
        regionCode
        figures {
          ...OfferResponseFiguresFields
        }
      }
      secretFacilities {
        type
        figures {
          ...OfferResponseFiguresFields
        }
      }
    }
  }
  ${OfferResponseFiguresFieldsFragmentDoc}
` as unknown as DocumentNode<OfferResponsesQuery, OfferResponsesQueryVariables>;
