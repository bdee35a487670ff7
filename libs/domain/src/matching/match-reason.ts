/**
 * Why a place suits, as codes with parameters (like ExclusionReason and Advice): a console says
 * them in its own language, and `matchReasonSentence` is the one place that writes the English
 * sentence the API has always returned beside them (FacilityMatch.reasons), so the two never drift.
 */
import { Gender, PlacingAuthority, ShelterType } from '../enums';

export enum MatchReasonCode {
  /** A kind made for this profile (`kind`): it ranks first (specialised-kind.ts). */
  SPECIALISED_KIND = 'SPECIALISED_KIND',
  PLACEABLE_NOW = 'PLACEABLE_NOW',
  /** Placeable from `at`, when the `authority`'s hours and the intake hours first meet. */
  PLACEABLE_FROM = 'PLACEABLE_FROM',
  /** The `authority`'s hours and the intake hours do not meet within `days` days. */
  HOURS_NEVER_MEET = 'HOURS_NEVER_MEET',
  /** `places` free: only when the asker may see the facility's counts. */
  FREE_PLACES = 'FREE_PLACES',
  /** At least one place free; the count is withheld (a secret address, issue 12). */
  PLACE_FREE_COUNT_WITHHELD = 'PLACE_FREE_COUNT_WITHHELD',
  NO_FREE_PLACE = 'NO_FREE_PLACE',
  /** A group of `groupSize` shown on a withheld count: whether all fit is checked when placing. */
  GROUP_CHECKED_WHEN_PLACING = 'GROUP_CHECKED_WHEN_PLACING',
  /** The capacity was last confirmed at `at` and is aging. */
  CAPACITY_AGING = 'CAPACITY_AGING',
  /** The capacity was last confirmed at `at` and is stale: call to verify. */
  CAPACITY_STALE = 'CAPACITY_STALE',
  CAPACITY_NEVER_CONFIRMED = 'CAPACITY_NEVER_CONFIRMED',
  /** High threat: about `km` km from the nearest excluded or home region. */
  KM_FROM_DANGER = 'KM_FROM_DANGER',
  /** About `km` km from the requester. */
  KM_FROM_REQUESTER = 'KM_FROM_REQUESTER',
  /** A secret address, for high threat (000:2108-2110). */
  SECRET_ADDRESS_HIGH_THREAT = 'SECRET_ADDRESS_HIGH_THREAT',
  /** A stay of at most `days` days: plan the onward placement. */
  MAX_STAY = 'MAX_STAY',
  /** Gender X, and the facility lists only `genders`: confirm the fit. */
  GENDER_X_NOT_LISTED = 'GENDER_X_NOT_LISTED',
  /** Criminal exploitation: the route is decided with the OM (003:490). */
  CRIMINAL_ROUTE_WITH_OM = 'CRIMINAL_ROUTE_WITH_OM',
  /** The bedenktijd ended on `date` (YYYY-MM-DD): treated as not in bedenktijd (003:661). */
  BEDENKTIJD_ENDED = 'BEDENKTIJD_ENDED',
  /** An interim place only: onward to `kinds` (000:2136-2139). */
  INTERIM_ONLY = 'INTERIM_ONLY',
  /**
   * Ranked up for answering offers quickly (RANKING_RESPONSE_WEIGHT, issue 18): a median of
   * `minutes` minutes, left out when the asker may not see the facility's counts (a secret address).
   */
  ANSWERS_QUICKLY = 'ANSWERS_QUICKLY',
}

/** The values a reason names; each code uses the ones its doc comment names. */
export interface MatchReasonParams {
  kind?: ShelterType;
  kinds?: ShelterType[];
  at?: Date;
  authority?: PlacingAuthority;
  days?: number;
  places?: number;
  groupSize?: number;
  km?: number;
  genders?: Gender[];
  /** A calendar date, YYYY-MM-DD. */
  date?: string;
  minutes?: number;
}

export interface MatchReason {
  code: MatchReasonCode;
  params: MatchReasonParams;
}

export function matchReason(code: MatchReasonCode, params: MatchReasonParams = {}): MatchReason {
  return { code, params };
}

/** Why a kind is made for this profile, with the rule's source. */
const SPECIALISED_KIND_SENTENCE: Partial<Record<ShelterType, string>> = {
  [ShelterType.JEUGDZORG]: 'youth care: the place for a minor (002:771-775)',
  [ShelterType.COSM]: 'COSM: the specialised place in the bedenktijd (000:2130-2131)',
  [ShelterType.OMM]: 'OMM: specialised for multiproblematiek (000:2143-2149)',
  [ShelterType.NLA_CRISIS]: 'NLA crisis shelter: specialised for labour exploitation (003:486)',
  [ShelterType.VROUWENOPVANG]: 'vrouwenopvang: the place for sexual exploitation with lawful residence (003:466)',
};

/** The English sentence of a reason (FacilityMatch.reasons). */
export function matchReasonSentence({ code, params: p }: MatchReason): string {
  switch (code) {
    case MatchReasonCode.SPECIALISED_KIND:
      return SPECIALISED_KIND_SENTENCE[p.kind!] ?? `${p.kind}: specialised for this profile`;
    case MatchReasonCode.PLACEABLE_NOW:
      return 'placeable now';
    case MatchReasonCode.PLACEABLE_FROM:
      return `placeable from ${p.at!.toISOString()} (${p.authority} hours and intake hours)`;
    case MatchReasonCode.HOURS_NEVER_MEET:
      return `${p.authority} hours and intake hours do not meet within ${p.days} days: check the opening hours`;
    case MatchReasonCode.FREE_PLACES:
      return `${p.places} free place${p.places === 1 ? '' : 's'}`;
    case MatchReasonCode.PLACE_FREE_COUNT_WITHHELD:
      return 'a place free (count withheld: secret address)';
    case MatchReasonCode.NO_FREE_PLACE:
      return 'no free place';
    case MatchReasonCode.GROUP_CHECKED_WHEN_PLACING:
      return `a group of ${p.groupSize}: whether all fit here is checked when placing`;
    case MatchReasonCode.CAPACITY_AGING:
      return `capacity last confirmed ${p.at?.toISOString()}: aging`;
    case MatchReasonCode.CAPACITY_STALE:
      return `capacity last confirmed ${p.at?.toISOString()}: stale, call to verify`;
    case MatchReasonCode.CAPACITY_NEVER_CONFIRMED:
      return 'capacity never confirmed: call to verify';
    case MatchReasonCode.KM_FROM_DANGER:
      return `about ${p.km} km from the nearest excluded or home region`;
    case MatchReasonCode.KM_FROM_REQUESTER:
      return `about ${p.km} km from the requester`;
    case MatchReasonCode.SECRET_ADDRESS_HIGH_THREAT:
      return 'secret address, for high threat (000:2108-2110)';
    case MatchReasonCode.MAX_STAY:
      return `stay at most ${p.days} days: plan the onward placement`;
    case MatchReasonCode.GENDER_X_NOT_LISTED:
      return `gender X; the facility lists ${p.genders!.join(', ')}: confirm the fit with the facility`;
    case MatchReasonCode.CRIMINAL_ROUTE_WITH_OM:
      return 'criminal exploitation: route to be decided with the OM (003:490)';
    case MatchReasonCode.BEDENKTIJD_ENDED:
      return `bedenktijd ended on ${p.date}: treated as not in bedenktijd (003:661)`;
    case MatchReasonCode.INTERIM_ONLY:
      return `interim place only: onward to ${p.kinds!.join(', ')} (000:2136-2139)`;
    case MatchReasonCode.ANSWERS_QUICKLY:
      return p.minutes === undefined ? 'answers offers quickly' : `answers offers quickly: median ${p.minutes} min`;
  }
}
