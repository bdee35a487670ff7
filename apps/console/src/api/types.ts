/**
 * The shapes the console reads, under the names its screens use. Each is the generated type of the
 * operation or fragment in `documents.ts` that reads it (generated.ts, `npm run codegen`), so a field the
 * console selects has exactly the type schema.gql gives it.
 */
import type * as Generated from './generated';

export type {
  Freshness,
  PlacementStatus,
  PlacingAuthority,
  Role,
  ShelterType,
  StayOutcome,
  TimeBucket,
  TransferReason,
  Urgency,
  AvailabilityBand,
} from './generated';

/** One element of a list the API returns. */
type Item<List> = List extends readonly (infer Element)[] ? Element : never;

/**
 * A list of every member of a generated union, in the order the console offers them: the compiler refuses
 * an unknown member, and a missing one, so a member the schema adds is not silently left off a form.
 */
function everyMemberOf<Union extends string>() {
  return <const List extends readonly Union[]>(
    list: List & ([Exclude<Union, List[number]>] extends [never] ? unknown : { missing: Exclude<Union, List[number]> }),
  ): List => list;
}

export const SHELTER_TYPES = everyMemberOf<Generated.ShelterType>()([
  'VROUWENOPVANG',
  'MAATSCHAPPELIJKE_OPVANG',
  'COSM',
  'OMM',
  'NLA_CRISIS',
  'NOODBED',
  'JEUGDZORG',
]);

export type Viewer = Generated.MeQuery['me'];

/** A region with its public centre (the central municipality), to measure distances from. */
export type RegionWithCentre = Item<Generated.RegionsQuery['regions']>;
export type Region = Pick<RegionWithCentre, 'code' | 'name'>;

type BoardCapacity = NonNullable<Item<Generated.FacilitiesQuery['facilities']>['capacity']>;

/**
 * A facility's figures. The places expected free 24 h / 72 h from now (issue 18) are asked by the board's
 * read (FACILITIES), not by its live feed (CAPACITY_CHANGED): absent on a facility the feed brought.
 */
export type Capacity = NonNullable<Generated.FacilityFieldsFragment['capacity']> &
  Partial<Pick<BoardCapacity, 'expectedFree24h' | 'expectedFree72h'>>;

/** A facility as the board and the desk read it (FacilityFields); `capacity` is null where only `availability` may be seen. */
export type Facility = Omit<Generated.FacilityFieldsFragment, 'capacity'> & { capacity: Capacity | null };

/** When a waiting request may expect a suitable place (issue 18): counts of facilities only. */
export type PlaceExpectation = NonNullable<NonNullable<Generated.PlaceExpectationQuery['placementRequest']>['expectedPlace']>;

/** One reason a place suits, as a code with the values it names (the console words it: i18n/api-words.ts). */
export type MatchReason = Generated.MatchReasonFieldsFragment;

/** One step of a request's history: the English note, and the same as a code with its values (null before codes). */
export type HistoryEvent = Item<Generated.CaseRowFieldsFragment['history']>;
/** The values a history note names; a code that came without values is worded from none (`{}`). */
export type PlacementNoteParams = Partial<NonNullable<HistoryEvent['noteParams']>>;

export type MatchResult = Generated.MatchFacilitiesQuery['matchFacilities'];

/** Advice beside (or instead of) beds: its code, and for BRIDGE_THEN_TRANSFER the places and the moment. */
export type Advice = Item<MatchResult['advice']>;

/** A request as its own page reads it (RequestFields). */
export type PlacementRequest = Generated.RequestFieldsFragment;

/** A facility as a list of requests names it (CaseRowFields): no address, no intake line. */
export type FacilityRef = NonNullable<Generated.CaseRowFieldsFragment['facility']>;

/** What every list of requests reads of one (ListRowFields). */
export type RequestListRow = Generated.ListRowFieldsFragment;

/** An organisation told of a case through its webhook: when, whether its system took it, whether a person saw it. */
export type CaseNotification = Item<Generated.NotificationFieldsFragment['notifications']>;

/** How a stay ended, as endPlacement takes it. */
export const STAY_OUTCOMES = everyMemberOf<Generated.StayOutcome>()([
  'RETURNED_HOME',
  'OWN_HOUSING',
  'HOUSING_WITH_PERMIT',
  'ONWARD_SHELTER',
  'OTHER_SHELTER_KIND',
  'LEFT_WITHOUT_NOTICE',
  'DECEASED',
  'OTHER',
]);

/** The places a deciding authority may choose from (placementCandidates), and one of them. */
export type Candidates = Generated.PlacementCandidatesQuery['placementCandidates'];
export type Candidate = Item<Candidates['matches']>;

export type ProfileSummary = NonNullable<Generated.SummaryFieldsFragment['profileSummary']>;

export type CapacitySummary = Item<Generated.CapacityOverviewQuery['capacityOverview']>;

/** One of the caller's facilities whose figures are AGING, STALE or never confirmed (issue 18). */
export type FiguresNudge = Item<Generated.FiguresNudgesQuery['figuresNudges']>;
export type ConfirmAllCapacityResult = Generated.ConfirmAllCapacityMutation['confirmAllCapacity'];

export type StaleSharePoint = Item<Generated.StaleShareHistoryQuery['staleShareHistory']>;
export type OccupancyPoint = Item<Generated.OccupancyHistoryQuery['occupancyHistory']>;

/** Counts of requests are null, and suppressed, below the API's threshold (issue 12). */
export type UnmetDemand = Generated.UnmetDemandQuery['unmetDemand'];
export type DurationSummary = UnmetDemand['timeToOffer'];

export type StatisticCount = Generated.CountsFragment;
export type PlacementStatistics = Generated.PlacementStatisticsQuery['placementStatistics'];

/** Why she moves from the place she is in to another (requestTransfer's reason). */
export const TRANSFER_REASONS = everyMemberOf<Generated.TransferReason>()([
  'SAFETY',
  'CARE_NEEDS',
  'MOVE_ON',
  'PROFILE_CHANGED',
  'OTHER',
]);

/** The case over time: her profile version and the transfer path, each side when the viewer may see it. */
export type CasePath = Generated.CasePathFieldsFragment;

/** Who signalled her, as registerVictim takes it. */
export const SIGNALLER_KINDS = everyMemberOf<Generated.SignallerKind>()([
  'POLICE',
  'KMAR',
  'NLA',
  'MUNICIPALITY',
  'CARE_PROVIDER',
  'VICTIM_SELF',
  'OTHER',
]);

/** One registration with CoMensha as the list shows it. */
export type VictimRegistrationRow = Item<Generated.VictimRegistrationsQuery['victimRegistrations']['nodes']>;

/** Who carries a planned action out. */
export const ACTION_PARTNERS = everyMemberOf<Generated.ActionPartner>()(['AVIM', 'KMAR', 'NLA', 'AANDACHTSFUNCTIONARIS']);

export type PlannedActionRow = Generated.PlannedActionRowFragment;
/** Planning answered at once: per expected outline the places reserved, and the shortfall with why. */
export type PlannedActionAnswer = Generated.PlanActionMutation['planAction'];

export type FacilityReservation = Item<Generated.FacilityReservationsQuery['facilityReservations']>;

/** One facility's own response figures (myOfferResponses): exact for its own staff. */
export type OwnOfferResponses = Item<Generated.MyOfferResponsesQuery['myOfferResponses']['facilities']>;

/** A line of offerResponses as planners see it: null where suppressed. */
export type PublishedOfferResponseFigures = Generated.OfferResponseFiguresFieldsFragment;
export type OfferResponses = Generated.OfferResponsesQuery['offerResponses'];
