/**
 * The contract's enums (shared/api-contract.md "Enums"). Their values are part of the public
 * contract: never rename a value, only add.
 */

export enum ShelterType {
  VROUWENOPVANG = 'VROUWENOPVANG',
  MAATSCHAPPELIJKE_OPVANG = 'MAATSCHAPPELIJKE_OPVANG',
  COSM = 'COSM',
  OMM = 'OMM',
  NLA_CRISIS = 'NLA_CRISIS',
  NOODBED = 'NOODBED',
  JEUGDZORG = 'JEUGDZORG',
}

/** Who may place in a kind of shelter (plaatsingsbevoegd), domain.md §2. */
export enum PlacingAuthority {
  ZORGCOORDINATOR = 'ZORGCOORDINATOR',
  COMENSHA = 'COMENSHA',
  NLA = 'NLA',
  POLICE = 'POLICE',
  JEUGDBESCHERMING = 'JEUGDBESCHERMING',
}

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  X = 'X',
}

export enum ExploitationType {
  SEXUAL = 'SEXUAL',
  LABOUR = 'LABOUR',
  CRIMINAL = 'CRIMINAL',
  ORGAN_REMOVAL = 'ORGAN_REMOVAL',
  OTHER = 'OTHER',
  SERIOUS_DISADVANTAGE = 'SERIOUS_DISADVANTAGE',
}

export enum ResidenceStatus {
  DUTCH = 'DUTCH',
  EU_CITIZEN = 'EU_CITIZEN',
  LAWFUL_NON_EU = 'LAWFUL_NON_EU',
  NO_LAWFUL_RESIDENCE = 'NO_LAWFUL_RESIDENCE',
  ASYLUM_PROCEDURE = 'ASYLUM_PROCEDURE',
  UNKNOWN = 'UNKNOWN',
}

/** Status under chapter B8/3 of the Vreemdelingencirculaire (temporary residence for victims). */
export enum B8Status {
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  NOT_YET_INFORMED = 'NOT_YET_INFORMED',
  /** Reflection period: at most 3 months to decide on aangifte (003:661). */
  BEDENKTIJD = 'BEDENKTIJD',
  B8_PERMIT = 'B8_PERMIT',
  B8_PERMIT_NO_COOPERATION = 'B8_PERMIT_NO_COOPERATION',
  B9 = 'B9',
}

/** Aangifte: the police report against the exploiter. */
export enum AangifteStatus {
  NONE = 'NONE',
  DONE = 'DONE',
  DECLINED = 'DECLINED',
}

/** Multiproblematiek: LVB (mild intellectual disability), GGZ (mental health), addiction, several life domains. */
export enum CareNeed {
  LVB = 'LVB',
  GGZ = 'GGZ',
  ADDICTION = 'ADDICTION',
  MULTI_DOMAIN = 'MULTI_DOMAIN',
}

export enum ThreatLevel {
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
}

export enum Urgency {
  ACUTE = 'ACUTE',
  URGENT = 'URGENT',
  PLANNED = 'PLANNED',
}

export enum Freshness {
  FRESH = 'FRESH',
  AGING = 'AGING',
  STALE = 'STALE',
  UNKNOWN = 'UNKNOWN',
}

export enum PlacementStatus {
  RECEIVED = 'RECEIVED',
  MATCHING = 'MATCHING',
  WAITING = 'WAITING',
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  PLACED = 'PLACED',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
}

/** The roles a token can carry (api-contract.md "Identity"). */
export enum Role {
  ZORGCOORDINATOR = 'ZORGCOORDINATOR',
  COMENSHA = 'COMENSHA',
  POLICE = 'POLICE',
  NLA = 'NLA',
  SHELTER_STAFF = 'SHELTER_STAFF',
  PLANNER = 'PLANNER',
  ADMIN = 'ADMIN',
  /** Jeugdbescherming / Veilig Thuis / Nidos (org `nidos`): decides youth-care placements (002:771-775, 003:683-695). */
  JEUGDBESCHERMING = 'JEUGDBESCHERMING',
}
