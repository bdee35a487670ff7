/**
 * The shapes the console reads, as selected by `documents.ts` (a subset of schema.gql). Written by
 * hand: the console selects few fields, and a generator would be one more build step to keep alive.
 */
export type Role = 'ZORGCOORDINATOR' | 'COMENSHA' | 'POLICE' | 'NLA' | 'JEUGDBESCHERMING' | 'SHELTER_STAFF' | 'PLANNER' | 'ADMIN';
/** Who may place in a kind (domain.md §5a): the one a worklist belongs to. */
export type PlacingAuthority = 'COMENSHA' | 'JEUGDBESCHERMING' | 'NLA' | 'POLICE' | 'ZORGCOORDINATOR';
/** What the asker may do with a place: OFFER = theirs to place (or assign), WORKLIST = decidedBy decides, NEVER. */
export type AuthorityVerdict = 'OFFER' | 'WORKLIST' | 'NEVER';
export type ShelterType = 'VROUWENOPVANG' | 'MAATSCHAPPELIJKE_OPVANG' | 'COSM' | 'OMM' | 'NLA_CRISIS' | 'NOODBED' | 'JEUGDZORG';
export const SHELTER_TYPES: ShelterType[] = [
  'VROUWENOPVANG',
  'MAATSCHAPPELIJKE_OPVANG',
  'COSM',
  'OMM',
  'NLA_CRISIS',
  'NOODBED',
  'JEUGDZORG',
];
export type Freshness = 'FRESH' | 'AGING' | 'STALE' | 'UNKNOWN';
export type PlacementStatus = 'RECEIVED' | 'MATCHING' | 'WAITING' | 'OFFERED' | 'ACCEPTED' | 'PLACED' | 'ENDED' | 'CANCELLED';
export type Urgency = 'ACUTE' | 'URGENT' | 'PLANNED';

export interface Viewer {
  sub: string;
  role: Role;
  org: string;
  regions: string[];
  facilityIds: string[];
}

export interface Region {
  code: string;
  name: string;
}

/** A region with its public centre (the central municipality), to measure distances from. */
export interface RegionWithCentre extends Region {
  latitude: number;
  longitude: number;
}

export interface Capacity {
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
  available: number;
  updatedAt: string;
  confirmedAt: string | null;
  freshness: Freshness;
  version: number;
  /** Places expected free 24 h / 72 h from now (issue 18): asked by the board's read, not by its live feed. */
  expectedFree24h?: number | null;
  expectedFree72h?: number | null;
}

/** When a waiting request may expect a suitable place (issue 18): counts of facilities only. */
export interface PlaceExpectation {
  within24h: number;
  within72h: number;
  inRegionWithin24h: number;
  inRegionWithin72h: number;
}

/** Whether a place is free, without the count (issue 12). */
export type AvailabilityBand = 'NONE' | 'AVAILABLE';

export interface Facility {
  id: string;
  name: string;
  type: ShelterType;
  secretAddress: boolean;
  municipality: string | null;
  /** Null for callers who may not see it: the console shows only what the API returned. */
  address: string | null;
  /** The intake line in E.164; shown to exactly those who see the address (a number locates a shelter too). */
  intakePhone: string | null;
  /** Null where the address is secret (unless the caller is its staff): then only its region is known. */
  latitude: number | null;
  longitude: number | null;
  region: RegionWithCentre;
  intake: { openNow: boolean; alwaysOpen: boolean; description: string };
  /** Null for a secret-address facility unless the caller is its staff: then only `availability`. */
  capacity: Capacity | null;
  availability: { band: AvailabilityBand; freshness: Freshness };
}

export interface FacilityRef {
  id: string;
  name: string;
  type: ShelterType;
  region: Region;
  secretAddress: boolean;
  /** Null where the viewer may not locate it (a secret address): then `name` is an anonymous stand-in. */
  address: string | null;
}

/** One reason a place suits, as a code with the values it names (MatchReasonCode, libs/domain/src/matching/match-reason.ts). */
export interface MatchReason {
  code: string;
  params: {
    kind?: ShelterType | null;
    kinds?: ShelterType[] | null;
    at?: string | null;
    authority?: PlacingAuthority | null;
    days?: number | null;
    places?: number | null;
    groupSize?: number | null;
    km?: number | null;
    genders?: string[] | null;
    date?: string | null;
    minutes?: number | null;
  };
}

/** The values a history note names (PlacementNoteCode, libs/domain/src/placement/placement-note.ts). */
export interface PlacementNoteParams {
  waitingReason?: string | null;
  escalatedBecause?: string | null;
  minutes?: number | null;
  regionCode?: string | null;
  requestId?: string | null;
  offered?: { facilityName: string; places: number }[] | null;
  heldUntil?: string | null;
  byOrg?: string | null;
  byRole?: Role | null;
  authority?: PlacingAuthority | null;
  /** What a person typed: shown as written. */
  reason?: string | null;
  /** ENDED, LEFT: how the stay ended (a StayOutcome), when it was said. */
  outcome?: string | null;
  places?: number | null;
  stillPlaced?: number | null;
  kinds?: ShelterType[] | null;
  at?: string | null;
}

/** One step of a request's history: the English note, and the same as a code with its values (null before codes). */
export interface HistoryEvent {
  status: PlacementStatus;
  at: string;
  by: string;
  note: string | null;
  noteCode: string | null;
  noteParams: PlacementNoteParams | null;
}

export interface MatchResult {
  matchCount: number;
  excludedCount: number;
  matches: {
    facility: FacilityRef;
    score: number;
    placeableNow: boolean;
    placeableAt: string;
    freshness: Freshness;
    reasons: string[];
    reasonCodes: MatchReason[];
  }[];
  excluded: { facility: FacilityRef; reasons: { code: string; message: string }[] }[];
  /** How many facilities each reason excluded (a facility with two reasons counts under both). */
  exclusionSummary: { code: string; facilities: number }[];
  advice: Advice[];
}

/** Advice beside (or instead of) beds: its code, and for BRIDGE_THEN_TRANSFER the places and the moment. */
export interface Advice {
  code: string;
  message: string;
  bridgeFacilityId?: string | null;
  onwardFacilityId?: string | null;
  onwardPlaceableAt?: string | null;
}

export interface PlacementRequest {
  id: string;
  status: PlacementStatus;
  urgency: Urgency;
  regionCode: string;
  groupSize: number;
  createdAt: string;
  offerExpiresAt: string | null;
  /** Offered to several shelters at once: how many others (never which), and for a shelter beaten to it, when. */
  parallelOffer?: { alsoOfferedTo: number; takenElsewhereAt: string | null } | null;
  placedAt: string | null;
  stayEndsAt: string | null;
  waitingReason: string | null;
  /** Who decides next while it waits on a worklist (or for that authority to open). */
  waitingForAuthority: PlacingAuthority | null;
  /** The organisation that decides, when one is named (e.g. nidos). */
  waitingForOrganisation: string | null;
  responsibleMunicipality: string | null;
  routeDecided: boolean;
  nextAttemptAt: string | null;
  escalated: boolean;
  facility: (FacilityRef & { municipality: string | null; intakePhone: string | null }) | null;
  history: HistoryEvent[];
  /**
   * The places it holds or held, with the distance to each (whole km from its region's centre). Read
   * by the status page (RequestFields), not by the rows of Mijn aanvragen (CaseRowFields).
   */
  allocations?: {
    facility: { id: string };
    distanceKm: number | null;
    places: number;
    state: 'HELD' | 'OCCUPIED' | 'RELEASED';
  }[];
  /** Who was told of this case through a webhook (escalations, decisions waiting); on the case page and the escalation list. */
  notifications?: CaseNotification[];
  /** The onward request (after a noodbed or interim stay): where it stands, and who decides next. */
  followUp:
    | (Pick<
        PlacementRequest,
        'id' | 'status' | 'waitingReason' | 'waitingForAuthority' | 'waitingForOrganisation' | 'nextAttemptAt'
      > & { facility: FacilityRef | null })
    | null;
}

/** What every list of requests reads of one (documents.ts: ListRowFields). */
export type RequestListRow = Pick<
  PlacementRequest,
  | 'id'
  | 'status'
  | 'urgency'
  | 'regionCode'
  | 'groupSize'
  | 'createdAt'
  | 'waitingReason'
  | 'waitingForAuthority'
  | 'waitingForOrganisation'
>;

/** An organisation told of a case through its webhook: when, whether its system took it, whether a person saw it. */
export interface CaseNotification {
  organisation: string;
  /** The function told as the region's escalation contact; OTHER or null says nothing worth showing. */
  contactFunction?: 'OVD_BEVOLKINGSZORG' | 'REGIONALE_TAFEL' | 'OTHER' | null;
  type: 'ESCALATED' | 'DECISION_WAITING' | string;
  at: string;
  status: 'PENDING' | 'DELIVERED' | 'DEAD';
  deliveredAt: string | null;
  acknowledgedAt: string | null;
}

/** How a stay ended (StayOutcome), as endPlacement takes it. */
export const STAY_OUTCOMES = [
  'RETURNED_HOME',
  'OWN_HOUSING',
  'HOUSING_WITH_PERMIT',
  'ONWARD_SHELTER',
  'OTHER_SHELTER_KIND',
  'LEFT_WITHOUT_NOTICE',
  'DECEASED',
  'OTHER',
] as const;
export type StayOutcome = (typeof STAY_OUTCOMES)[number];

/** One place a deciding authority may choose from (placementCandidates). */
export interface Candidate {
  facility: FacilityRef & { capacity: { available: number } | null; availability: { band: AvailabilityBand } };
  score: number;
  placeableNow: boolean;
  placeableAt: string;
  freshness: Freshness;
  reasons: string[];
  reasonCodes: MatchReason[];
  decision: AuthorityVerdict;
  decidedBy: PlacingAuthority;
  /** Whether `decidedBy` decides now (CoMensha only in office hours); when not, `decidedByOpensAt` says when. */
  decidedByOpenNow: boolean;
  decidedByOpensAt: string | null;
  /** Non-empty when the place suits her only as an interim place: the kinds she moves on to. */
  interimFor: ShelterType[];
}

export interface Candidates {
  matchCount: number;
  matches: Candidate[];
  advice: Advice[];
}

export interface ProfileSummary {
  gender: string;
  ageBand: string;
  careNeeds: string[];
  accompanyingChildren: number;
  groupSize: number;
  languages: string[];
}

export interface CapacitySummary {
  region: Region;
  type: ShelterType;
  facilities: number;
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
  available: number;
  staleShare: number;
  /** Of `facilities`, those with a secret address: counted here, but in none of the sums. */
  secretFacilities: number;
  /** Whether those have a place free between them (NONE when there are none). */
  secretAvailability: AvailabilityBand;
}

export type TimeBucket = 'HOUR' | 'DAY' | 'WEEK';

/** One of the caller's facilities whose figures are AGING, STALE or never confirmed (issue 18). */
export interface FiguresNudge {
  facility: { id: string; name: string };
  freshness: Freshness;
  /** Whole hours since the last confirmation; null when never confirmed. */
  hoursOld: number | null;
}

export interface ConfirmAllCapacityResult {
  confirmed: Facility[];
  refused: { facilityId: string; code: string; message: string }[];
}

/** A region's figures at a bucket's end: how many facilities, how many STALE (or never confirmed), how many AGING. */
export interface StaleSharePoint {
  at: string;
  regionCode: string;
  facilities: number;
  stale: number;
  aging: number;
  staleShare: number;
}

export interface OccupancyPoint {
  at: string;
  regionCode: string;
  type: ShelterType;
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
  available: number;
  /** Facilities of this region and kind, and how many had recorded figures by the bucket's end. */
  facilities: number;
  facilitiesWithHistory: number;
  /** All had: the sums are the region's; otherwise they are partial or nothing (a gap, not a zero). */
  complete: boolean;
}

/** Counts of requests are null, and suppressed, below the API's threshold (issue 12). */
export interface DurationSummary {
  count: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  suppressed: boolean;
}

export interface UnmetDemand {
  requests: number | null;
  waited: number | null;
  escalated: number | null;
  noodbedOverstays: number | null;
  placedOutsideRegion: number | null;
  byReason: { reason: string; requests: number | null; suppressed: boolean }[];
  byNeed: { need: string; requests: number | null; suppressed: boolean }[];
  timeToOffer: DurationSummary;
  timeToPlacement: DurationSummary;
}

export interface StatisticCount {
  key: string;
  count: number | null;
  suppressed: boolean;
}

export interface PlacementStatistics {
  year: number;
  placements: number | null;
  suppressionThreshold: number;
  byExploitationType: StatisticCount[];
  byGender: StatisticCount[];
  byAgeBand: StatisticCount[];
  byShelterType: StatisticCount[];
  byRegion: StatisticCount[];
  left: number | null;
  byOutcome: StatisticCount[];
}

/** Why she moves from the place she is in to another (requestTransfer's TransferReason). */
export const TRANSFER_REASONS = ['SAFETY', 'CARE_NEEDS', 'MOVE_ON', 'PROFILE_CHANGED', 'OTHER'] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

/** The case over time: her profile version and the transfer path, each side when the viewer may see it. */
export interface CasePath {
  id: string;
  status: PlacementStatus;
  waitingReason: string | null;
  profileVersion: number;
  transferReason: TransferReason | null;
  transferOf: { id: string; status: PlacementStatus } | null;
  transfer: { id: string; status: PlacementStatus; transferReason: TransferReason | null } | null;
}

/** Who signalled her (SignallerKind), as registerVictim takes it. */
export const SIGNALLER_KINDS = ['POLICE', 'KMAR', 'NLA', 'MUNICIPALITY', 'CARE_PROVIDER', 'VICTIM_SELF', 'OTHER'] as const;

/** One registration with CoMensha as the list shows it. */
export interface VictimRegistrationRow {
  id: string;
  regionCode: string;
  gender: string;
  ageBand: string;
  exploitationTypes: string[];
  signalledBy: string;
  requestId: string | null;
  member: number | null;
  registeredAt: string;
  registeredByOrg: string;
}

/** Who carries a planned action out (ActionPartner). */
export const ACTION_PARTNERS = ['AVIM', 'KMAR', 'NLA', 'AANDACHTSFUNCTIONARIS'] as const;

export interface PlannedActionRow {
  id: string;
  status: 'PLANNED' | 'STARTED' | 'ENDED' | 'CANCELLED';
  regionCode: string;
  startsAt: string;
  endsAt: string;
  onBehalfOf: string;
  onBehalfOfOrganisation: string;
  expectedCount: number;
  reservedCount: number;
  shortfallCount: number;
  everyoneSheltered: boolean;
}

/** One outline of the people expected, as planning answered it. */
export interface ExpectedPeopleAnswer {
  count: number;
  gender: string;
  minor: boolean;
  exploitationTypes: string[];
  reserved: { facilityId: string; facilityName: string; facilityType: string; places: number }[];
  shortfall: { count: number; reasons: string[] };
}

export type PlannedActionAnswer = PlannedActionRow & { expected: ExpectedPeopleAnswer[] };

export interface FacilityReservation {
  facilityId: string;
  places: number;
  startsAt: string;
  endsAt: string;
}

/** One facility's own response figures (myOfferResponses): exact for its own staff. */
export interface OwnOfferResponses {
  facilityId: string;
  facilityName: string;
  figures: {
    offers: number;
    accepted: number;
    declined: number;
    lapsed: number;
    withdrawn: number;
    minutesToRespond: { count: number; medianMinutes: number | null; p90Minutes: number | null };
  };
}

/** A line of offerResponses as planners see it: null where suppressed. */
export interface PublishedOfferResponseFigures {
  suppressed: boolean;
  offers: number | null;
  accepted: number | null;
  declined: number | null;
  lapsed: number | null;
  minutesToRespond: { medianMinutes: number | null; p90Minutes: number | null };
}

export interface OfferResponses {
  suppressionThreshold: number;
  regions: { regionCode: string; type: ShelterType; figures: PublishedOfferResponseFigures }[];
  facilities: {
    facilityId: string;
    facilityName: string;
    type: ShelterType;
    regionCode: string;
    figures: PublishedOfferResponseFigures;
  }[];
  secretFacilities: { type: ShelterType; figures: PublishedOfferResponseFigures }[];
}
