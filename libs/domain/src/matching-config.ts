/**
 * Every matching rule the documents leave open, as data (domain.md preamble: "every such default is
 * configuration, never a hard-coded rule"). The platform may override any field; the defaults below
 * say where each comes from.
 */
import { DEFAULT_HOLIDAY_OPTIONS, HolidayCalendarOptions } from './calendar/holidays';
import { OPENING_SEARCH_HORIZON_DAYS } from './calendar/opening-hours';
import { AangifteStatus, B8Status, ExploitationType, Freshness, Gender, ResidenceStatus, ShelterType } from './enums';
import { DEFAULT_FRESHNESS_POLICY, FreshnessPolicy } from './freshness';

export interface EligibilityConfig {
  /**
   * How a profile with neither age nor minor flag is treated. Not in the documents; default ADULT
   * (most registered victims are adults, domain.md:110-111), so an unknown age does not block every
   * adult bed; whoever suspects a minor sets `minor: true`. Set MINOR to be strict.
   */
  unknownAge: 'ADULT' | 'MINOR';
  /**
   * Gender X (transgender / non-binary, 003:771) matches facilities that list X, have no gender
   * restriction, or list one of these genders. Not in the documents; default: any gendered place,
   * with a "confirm the fit" reason on the match, because no facility may be ruled out up front.
   */
  genderXAlsoMatches: Gender[];
  /** Residence statuses that are lawful for VO/MO (002:739-741, 003:657). */
  lawfulResidenceStatuses: ResidenceStatus[];
  /**
   * B8/3 statuses that give a temporary permit and so open VO/MO without lawful residence
   * (000:2131-2134, 003:663). B9 is the former name of the same regulation: a permit, by default.
   */
  regularShelterB8Statuses: B8Status[];
  /**
   * Whether VO/MO may take a victim whose residence is UNKNOWN or not given. Not in the documents;
   * default true: in an acute case the status is often not known yet, and victims of dependency
   * violence get shelter regardless of status (002:730-732, 003:478). The coordinator verifies.
   */
  regularShelterAcceptsUnknownResidence: boolean;
  /** B8/3 statuses COSM takes: the bedenktijd, or not yet informed of it (000:2130-2131). */
  cosmB8Statuses: B8Status[];
  /**
   * Kinds that take people in at any hour in a crisis. An unknown or missing residence status never
   * excludes them ("shelter first, status later", domain.md §5a; victims of dependency violence get
   * shelter "ongeacht een eventuele verblijfstitel", 003:478, 002:726-730): the status is checked after.
   */
  crisisKinds: ShelterType[];
  /**
   * B8/3 statuses with which a victim without lawful residence may stay in VO/MO as an interim place
   * until COSM (000:2136-2139, domain.md §5a): the match says so (`interimFor`), and the workflow
   * opens the onward request to COSM.
   */
  regularShelterInterimB8Statuses: B8Status[];
  /** Whether COSM takes a profile without a B8 status (not recorded yet ≈ not yet informed). Default true. */
  cosmAcceptsMissingB8Status: boolean;
  /** Whether COSM takes a profile whose residence is UNKNOWN. Default false: COSM is for "zonder verblijfstatus" (002:755). */
  cosmAcceptsUnknownResidence: boolean;
  /** Aangifte statuses that rule COSM out; DONE per 000:2131-2134. DECLINED is not in the documents. */
  cosmExcludedAangifte: AangifteStatus[];
  /** NLA crisis shelter is for these exploitation types (000:2168-2175, 003:486). */
  nlaCrisisExploitationTypes: ExploitationType[];
  /** Kinds that take "ernstige benadeling" without trafficking (000:2172-2175): NLA only. */
  seriousDisadvantageKinds: ShelterType[];
  /** OMM only for profiles with at least one care need (000:2143-2149). Default true: 36 scarce places. */
  ommRequiresCareNeed: boolean;
  /** Victims in an asylum procedure belong in an AZC (003:665-667); default: no bed here, advice instead. */
  asylumProcedureGetsBed: boolean;
  /** High threat: never in the home region (000:2108-2110, domain.md:90). */
  highThreatExcludesHomeRegion: boolean;
}

/**
 * Score weights (see `scoreMatch` in matching/score.ts for the formula). Not in the documents:
 * chosen so the order of concerns is kind fit > placeable now > secret address under high threat >
 * free places, freshness and distance.
 */
export interface RankingWeights {
  specialisedKind: number;
  placeableNow: number;
  secretAddressUnderHighThreat: number;
  perFreePlace: number;
  /** Free places beyond this add nothing (a big MO should not outrank a close VO). */
  freePlacesCap: number;
  freshness: Record<Freshness, number>;
  /** Points for distance: full at 0 km (or, under high threat, at `distanceHorizonKm` from danger). */
  distance: number;
  distanceHorizonKm: number;
  /**
   * Points for a shelter that answers offers quickly and lets few lapse (responsiveness.ts; issue
   * 18). Not in the documents; default 0: off, the ranking is unchanged. RANKING_RESPONSE_WEIGHT.
   */
  responsiveness: number;
  /** A median answer at or beyond this many minutes earns no points (default 120: the hold's length). */
  responsivenessHorizonMinutes: number;
  /** Fewer answered or lapsed offers than this earn no points: too few to judge (default 5, the suppression floor). */
  responsivenessMinimumOffers: number;
}

export interface MatchingConfig {
  eligibility: EligibilityConfig;
  ranking: RankingWeights;
  /** Kinds that can serve as the interim place while the best kind is closed (domain.md:81-83). */
  bridgeKinds: ShelterType[];
  /**
   * Residence statuses of a minor that trigger Nidos advice (unaccompanied foreign minors, 003:689-695).
   * UNKNOWN included: Nidos acts "bij de geringste indicatie" (003:695).
   */
  nidosResidenceStatuses: ResidenceStatus[];
  freshness: FreshnessPolicy;
  holidays: HolidayCalendarOptions;
  /** How far ahead placeability is searched. */
  openingSearchHorizonDays: number;
}

export const DEFAULT_ELIGIBILITY_CONFIG: Readonly<EligibilityConfig> = {
  unknownAge: 'ADULT',
  genderXAlsoMatches: [Gender.FEMALE, Gender.MALE],
  lawfulResidenceStatuses: [ResidenceStatus.DUTCH, ResidenceStatus.EU_CITIZEN, ResidenceStatus.LAWFUL_NON_EU],
  regularShelterB8Statuses: [B8Status.B8_PERMIT, B8Status.B8_PERMIT_NO_COOPERATION, B8Status.B9],
  regularShelterAcceptsUnknownResidence: true,
  cosmB8Statuses: [B8Status.BEDENKTIJD, B8Status.NOT_YET_INFORMED],
  crisisKinds: [
    ShelterType.VROUWENOPVANG,
    ShelterType.MAATSCHAPPELIJKE_OPVANG,
    ShelterType.NOODBED,
    ShelterType.NLA_CRISIS,
    ShelterType.JEUGDZORG,
  ],
  regularShelterInterimB8Statuses: [B8Status.BEDENKTIJD, B8Status.NOT_YET_INFORMED],
  cosmAcceptsMissingB8Status: true,
  cosmAcceptsUnknownResidence: false,
  cosmExcludedAangifte: [AangifteStatus.DONE],
  nlaCrisisExploitationTypes: [ExploitationType.LABOUR, ExploitationType.SERIOUS_DISADVANTAGE],
  seriousDisadvantageKinds: [ShelterType.NLA_CRISIS],
  ommRequiresCareNeed: true,
  asylumProcedureGetsBed: false,
  highThreatExcludesHomeRegion: true,
};

export const DEFAULT_RANKING_WEIGHTS: Readonly<RankingWeights> = {
  specialisedKind: 2000,
  placeableNow: 1000,
  secretAddressUnderHighThreat: 500,
  perFreePlace: 10,
  freePlacesCap: 10,
  freshness: {
    [Freshness.FRESH]: 150,
    [Freshness.AGING]: 75,
    [Freshness.STALE]: 0,
    [Freshness.UNKNOWN]: 0,
  },
  distance: 200,
  distanceHorizonKm: 300,
  responsiveness: 0,
  responsivenessHorizonMinutes: 120,
  responsivenessMinimumOffers: 5,
};

export const DEFAULT_MATCHING_CONFIG: Readonly<MatchingConfig> = {
  eligibility: DEFAULT_ELIGIBILITY_CONFIG,
  ranking: DEFAULT_RANKING_WEIGHTS,
  bridgeKinds: [ShelterType.NOODBED, ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG],
  nidosResidenceStatuses: [
    ResidenceStatus.LAWFUL_NON_EU,
    ResidenceStatus.NO_LAWFUL_RESIDENCE,
    ResidenceStatus.ASYLUM_PROCEDURE,
    ResidenceStatus.UNKNOWN,
  ],
  freshness: DEFAULT_FRESHNESS_POLICY,
  holidays: DEFAULT_HOLIDAY_OPTIONS,
  openingSearchHorizonDays: OPENING_SEARCH_HORIZON_DAYS,
};

/** Overrides for some fields, one level deep per section. */
export interface MatchingConfigOverrides {
  eligibility?: Partial<EligibilityConfig>;
  ranking?: Partial<RankingWeights>;
  bridgeKinds?: ShelterType[];
  nidosResidenceStatuses?: ResidenceStatus[];
  freshness?: Partial<FreshnessPolicy>;
  holidays?: Partial<HolidayCalendarOptions>;
  openingSearchHorizonDays?: number;
}

/** The defaults with some fields replaced (for the platform config and for tests). */
export function matchingConfig(overrides: MatchingConfigOverrides = {}): MatchingConfig {
  const base = DEFAULT_MATCHING_CONFIG;
  return {
    eligibility: { ...base.eligibility, ...overrides.eligibility },
    ranking: { ...base.ranking, ...overrides.ranking },
    bridgeKinds: overrides.bridgeKinds ?? base.bridgeKinds,
    nidosResidenceStatuses: overrides.nidosResidenceStatuses ?? base.nidosResidenceStatuses,
    freshness: { ...base.freshness, ...overrides.freshness },
    holidays: { ...base.holidays, ...overrides.holidays },
    openingSearchHorizonDays: overrides.openingSearchHorizonDays ?? base.openingSearchHorizonDays,
  };
}
