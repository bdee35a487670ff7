/**
 * Who decides a placement in each kind of shelter (domain.md §2 and §5a): the authority table.
 *
 * For every kind the table says which requesters' requests the worker may offer automatically,
 * which authority decides otherwise (the request then waits on that authority's worklist, and the
 * authority acts with `assignPlacement` or `returnRequest`), and whether anyone else may have the
 * kind named to them at all. It is configuration (a table), not code paths: a deployment may
 * replace it, and a test names each row.
 *
 * Pure: no framework, no I/O.
 */
import { ExploitationType, PlacingAuthority, Role, ShelterType } from '../enums';

/**
 * The NLA's places for "ernstige benadeling" without trafficking (000:2172-2175): NLA_CRISIS places
 * that take only that, placed by NLA Toezicht itself (not by CoMensha), at most 14 days.
 */
export const ERNSTIGE_BENADELING = 'ERNSTIGE_BENADELING' as const;

/** What the authority table is keyed by: a kind of shelter, or the ernstige-benadeling places among NLA_CRISIS. */
export type PlacementKind = ShelterType | typeof ERNSTIGE_BENADELING;

/** A facility's row in the authority table: its kind, or ERNSTIGE_BENADELING for an NLA place that takes only that. */
export function placementKindOf(facility: {
  type: ShelterType;
  eligibility: { exploitationTypes: readonly ExploitationType[] };
}): PlacementKind {
  const only = facility.eligibility.exploitationTypes;
  return facility.type === ShelterType.NLA_CRISIS &&
    only.length > 0 &&
    only.every((t) => t === ExploitationType.SERIOUS_DISADVANTAGE)
    ? ERNSTIGE_BENADELING
    : facility.type;
}

/** What the workflow may do with a place of some kind, for some requester. */
export enum AuthorityVerdict {
  /** The requester is (or acts for) the placing authority: the worker offers automatically. */
  OFFER = 'OFFER',
  /** Another authority decides: the request goes on that authority's worklist. */
  WORKLIST = 'WORKLIST',
  /** Never for this requester: no decision, advice or bridge names such a place to them. */
  NEVER = 'NEVER',
}

/**
 * The capacities a requester acts in. One person may act in several (CoMensha is national and also
 * places in VO/MO); a request may act in one its caller does not have (the onward request of a
 * police noodbed acts for the region's zorgcoördinator, who sees it: §5a).
 */
export enum RequesterCapacity {
  /** A zorgcoördinator of the request's region. */
  REGION_ZORGCOORDINATOR = 'REGION_ZORGCOORDINATOR',
  COMENSHA = 'COMENSHA',
  /** AVIM / KMar, asking for a noodbed (requestNoodbed). */
  POLICE = 'POLICE',
  /** The onward request opened after a police noodbed: on behalf of the region's zorgcoördinator (§5a). */
  NOODBED_ONWARD = 'NOODBED_ONWARD',
  /** The Labour Inspectorate (including its Toezicht department, 000:2172-2175). */
  NLA = 'NLA',
  /** Jeugdbescherming / Veilig Thuis. */
  JEUGDBESCHERMING = 'JEUGDBESCHERMING',
  /** Nidos: the guardian of unaccompanied foreign minors (003:683-695). */
  NIDOS = 'NIDOS',
}

export interface AuthorityRow {
  /** Who decides the placement when the requester is not one offered automatically. */
  decidedBy: PlacingAuthority;
  /** Requests from these capacities are offered automatically (the decision is theirs). */
  automaticFor: readonly RequesterCapacity[];
  /** For everyone else: the decider's worklist, or never (no advice or bridge names the kind). */
  otherwise: AuthorityVerdict.WORKLIST | AuthorityVerdict.NEVER;
  /** Who may decide a placement here from the worklist (assignPlacement); default: DECIDERS of `decidedBy`. */
  deciders?: readonly RequesterCapacity[];
  /** The seed lines the row rests on. */
  source: string;
}

export type AuthorityTable = Readonly<Record<PlacementKind, AuthorityRow>>;

const { REGION_ZORGCOORDINATOR, COMENSHA, POLICE, NOODBED_ONWARD, NLA } = RequesterCapacity;

/** domain.md §5a, decided 2026-12-04. */
export const DEFAULT_AUTHORITY_TABLE: AuthorityTable = {
  // The zorgcoördinator searches the place with the centrumgemeente (000:883-892, 000:1636). A police
  // noodbed request may take a free 24/7 VO/MO place directly: that place is the one to drive to,
  // instead of a noodbed "when no place is free right away" (002:763-765), on the zorgcoördinator's behalf.
  [ShelterType.VROUWENOPVANG]: {
    decidedBy: PlacingAuthority.ZORGCOORDINATOR,
    automaticFor: [REGION_ZORGCOORDINATOR, COMENSHA, NOODBED_ONWARD, POLICE],
    otherwise: AuthorityVerdict.WORKLIST,
    source: '000:1636, 000:2112-2123, 002:763-765',
  },
  [ShelterType.MAATSCHAPPELIJKE_OPVANG]: {
    decidedBy: PlacingAuthority.ZORGCOORDINATOR,
    automaticFor: [REGION_ZORGCOORDINATOR, COMENSHA, NOODBED_ONWARD, POLICE],
    otherwise: AuthorityVerdict.WORKLIST,
    source: '000:2117-2123, 002:763-765',
  },
  // "CoMensha is plaatsingsbevoegd" (000:2130), "De opvang in een COSM verloopt via CoMensha" (000:2136):
  // CoMensha decides each placement, in its hours.
  [ShelterType.COSM]: {
    decidedBy: PlacingAuthority.COMENSHA,
    automaticFor: [],
    otherwise: AuthorityVerdict.WORKLIST,
    source: '000:2130, 000:2136-2137',
  },
  [ShelterType.OMM]: {
    decidedBy: PlacingAuthority.COMENSHA,
    automaticFor: [],
    otherwise: AuthorityVerdict.WORKLIST,
    source: '000:2150',
  },
  // Crisis places "te allen tijde … geplaatst … door de Arbeidsinspectie" (003:486); CoMensha places
  // "op verzoek of op aandragen van de Nederlandse Arbeidsinspectie" (000:2168-2171).
  [ShelterType.NLA_CRISIS]: {
    decidedBy: PlacingAuthority.NLA,
    automaticFor: [NLA, COMENSHA],
    otherwise: AuthorityVerdict.WORKLIST,
    source: '000:2168-2175, 003:486',
  },
  // "De afdeling Toezicht van de Nederlandse Arbeidsinspectie pakt deze zaken op en plaatst mensen"
  // (000:2172-2175): the NLA alone.
  [ERNSTIGE_BENADELING]: {
    decidedBy: PlacingAuthority.NLA,
    automaticFor: [NLA],
    otherwise: AuthorityVerdict.WORKLIST,
    deciders: [NLA],
    source: '000:2172-2175',
  },
  // "door de AVIM en de KMAR ingezet" (002:761-763): for nobody else.
  [ShelterType.NOODBED]: {
    decidedBy: PlacingAuthority.POLICE,
    automaticFor: [POLICE],
    otherwise: AuthorityVerdict.NEVER,
    source: '002:761-767',
  },
  // Minors "vooral … binnen het kader van de Jeugdwet" (002:771-775); Nidos for unaccompanied foreign
  // minors "bij de geringste indicatie" (003:683-695). The youth-care authority decides each placement.
  [ShelterType.JEUGDZORG]: {
    decidedBy: PlacingAuthority.JEUGDBESCHERMING,
    automaticFor: [],
    otherwise: AuthorityVerdict.WORKLIST,
    source: '002:771-775, 003:683-695',
  },
};

/** The organisation code of Nidos in tokens (`org` claim of a JEUGDBESCHERMING user). */
export const NIDOS_ORGANISATION = 'nidos';

/** The caller of a request, as far as authority goes. */
export interface RequesterIdentity {
  role: Role;
  org: string;
  regions: readonly string[];
}

/**
 * The capacities a request acts in: those of its caller for the request's region, plus
 * NOODBED_ONWARD for the onward request of a police noodbed.
 */
export function requesterCapacities(
  requester: RequesterIdentity,
  regionCode: string,
  options: { noodbedOnward?: boolean } = {},
): RequesterCapacity[] {
  const capacities: RequesterCapacity[] = [];
  switch (requester.role) {
    case Role.ZORGCOORDINATOR:
      if (requester.regions.includes(regionCode)) capacities.push(REGION_ZORGCOORDINATOR);
      break;
    case Role.COMENSHA:
      capacities.push(COMENSHA);
      break;
    case Role.POLICE:
      capacities.push(POLICE);
      break;
    case Role.NLA:
      capacities.push(NLA);
      break;
    case Role.JEUGDBESCHERMING:
      // Nidos is national; other youth-care organisations act for their own regions.
      if (requester.org === NIDOS_ORGANISATION) capacities.push(RequesterCapacity.NIDOS);
      else if (requester.regions.includes(regionCode)) capacities.push(RequesterCapacity.JEUGDBESCHERMING);
      break;
    // Shelter staff, planners and administrators place nowhere on their own.
    case Role.SHELTER_STAFF:
    case Role.PLANNER:
    case Role.ADMIN:
      break;
    default: {
      const unhandled: never = requester.role;
      throw new Error(`no requester capacity for role ${String(unhandled)}`);
    }
  }
  if (options.noodbedOnward) capacities.push(NOODBED_ONWARD);
  return capacities;
}

/** What the workflow may do with a place of `kind` for a request acting in `capacities`. */
export function authorityVerdict(
  kind: PlacementKind,
  capacities: readonly RequesterCapacity[],
  table: AuthorityTable = DEFAULT_AUTHORITY_TABLE,
): AuthorityVerdict {
  const row = table[kind];
  return row.automaticFor.some((capacity) => capacities.includes(capacity)) ? AuthorityVerdict.OFFER : row.otherwise;
}

/** Which capacities may decide for each authority's worklist (act with assignPlacement / returnRequest). */
export const DECIDERS: Readonly<Record<PlacingAuthority, readonly RequesterCapacity[]>> = {
  [PlacingAuthority.ZORGCOORDINATOR]: [REGION_ZORGCOORDINATOR, COMENSHA],
  [PlacingAuthority.COMENSHA]: [COMENSHA],
  // CoMensha arranges the crisis places on the NLA's request (000:2168-2171, 003:486).
  [PlacingAuthority.NLA]: [NLA, COMENSHA],
  [PlacingAuthority.POLICE]: [POLICE],
  [PlacingAuthority.JEUGDBESCHERMING]: [RequesterCapacity.JEUGDBESCHERMING, RequesterCapacity.NIDOS],
};

/**
 * Whether an actor may decide a request on `authority`'s worklist. A request for an unaccompanied
 * foreign minor waits for Nidos (`organisation` = nidos): only Nidos decides it (003:689-695).
 */
export function mayDecide(
  actorCapacities: readonly RequesterCapacity[],
  authority: PlacingAuthority,
  organisation: string | null,
): boolean {
  if (authority === PlacingAuthority.JEUGDBESCHERMING) {
    // Nidos decides for unaccompanied foreign minors only, jeugdbescherming for the others.
    return actorCapacities.includes(
      organisation === NIDOS_ORGANISATION ? RequesterCapacity.NIDOS : RequesterCapacity.JEUGDBESCHERMING,
    );
  }
  return DECIDERS[authority].some((capacity) => actorCapacities.includes(capacity));
}

/** Whether a place of `kind` may be assigned by an actor: they decide for the kind's authority. */
export function mayAssignKind(
  actorCapacities: readonly RequesterCapacity[],
  kind: PlacementKind,
  table: AuthorityTable = DEFAULT_AUTHORITY_TABLE,
): boolean {
  const verdict = authorityVerdict(kind, actorCapacities, table);
  const deciders = table[kind].deciders ?? DECIDERS[table[kind].decidedBy];
  return verdict === AuthorityVerdict.OFFER || deciders.some((c) => actorCapacities.includes(c));
}
