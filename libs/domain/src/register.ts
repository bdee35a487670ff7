/**
 * The national shelter register as the domain sees it: regions, facilities and what each kind of
 * shelter is for (domain.md §2). Plain data shapes; persistence maps onto these.
 */
import { B8Status, CareNeed, ExploitationType, Gender, PlacingAuthority, ResidenceStatus, ShelterType } from './enums';

/** One of the 35 centrumgemeente regions that fund VO and MO (domain.md §7). */
export interface Region {
  /** Short stable code used in tokens and filters, e.g. `RR` for Rotterdam Rijnmond. */
  code: string;
  name: string;
  /** The centrumgemeente (central municipality) of the region. */
  centralMunicipality: string;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Weekly opening hours in Europe/Amsterdam wall-clock time. `null` where a schedule is expected
 * means "always open" (24/7).
 */
export interface OpeningHours {
  days: IsoWeekday[];
  /** `HH:MM`, inclusive. */
  opens: string;
  /** `HH:MM`, exclusive. */
  closes: string;
  /** Dutch public holidays count as closed. */
  closedOnPublicHolidays: boolean;
}

/** Who a facility takes. Every list: empty means "any" (api-contract.md). */
export interface Eligibility {
  genders: Gender[];
  minAge: number | null;
  maxAge: number | null;
  exploitationTypes: ExploitationType[];
  residenceStatuses: ResidenceStatus[];
  b8Statuses: B8Status[];
  /**
   * Care needs the facility can handle. Like every list here, empty means "any"; a facility that
   * handles only some lists them, and a profile with a need not listed is excluded.
   */
  acceptsCareNeeds: CareNeed[];
  acceptsChildren: boolean;
  /** The largest group placed together at once (an NLA raid); 1 for individual places. */
  maxGroupSize: number;
  /**
   * Only for victims found in a municipality of these regions (a regional pilot, e.g. the Humanitas
   * noodbedden for Zuid-Holland Zuid and Rotterdam Rijnmond, 002:749-753); empty = found anywhere.
   */
  foundInRegionCodes: string[];
}

/** How often a facility is expected to confirm its capacity; drives freshness. */
export enum UpdateCadence {
  /** Staffed day and night: capacity goes stale within hours. */
  ROUND_THE_CLOCK = 'ROUND_THE_CLOCK',
  /** Confirmed on working days only. */
  WORKING_DAYS = 'WORKING_DAYS',
}

/** A facility as the register describes it, without its live capacity. */
export interface FacilityDefinition {
  /** Stable external key (seed/import identity), e.g. `cosm-amsterdam-women`. */
  key: string;
  name: string;
  type: ShelterType;
  operator: string;
  regionCode: string;
  municipality: string;
  latitude: number;
  longitude: number;
  /** Geheim adres: location must not be disclosed (domain.md §6). */
  secretAddress: boolean;
  address: string;
  /**
   * The intake line to call when a figure needs verifying, in E.164 (`+31101234567`); `null` where
   * the register has none. It locates the facility as well as its address does (domain.md §6).
   */
  intakePhone: string | null;
  placingAuthority: PlacingAuthority;
  /** When the facility itself takes people in; `null` = 24/7. */
  intakeHours: OpeningHours | null;
  eligibility: Eligibility;
  /** Longest stay, in days; `null` = no maximum in the documents. */
  maxStayDays: number | null;
  updateCadence: UpdateCadence;
}

/**
 * Who may place in each kind (domain.md §2, §5 rule 1). COSM and OMM: CoMensha only (000:2130,
 * 000:2150); NLA crisis: NLA (003:486); noodbed: AVIM/KMar (002:761-763); minors: jeugdbescherming.
 */
export const PLACING_AUTHORITY_BY_TYPE: Readonly<Record<ShelterType, PlacingAuthority>> = {
  [ShelterType.VROUWENOPVANG]: PlacingAuthority.ZORGCOORDINATOR,
  [ShelterType.MAATSCHAPPELIJKE_OPVANG]: PlacingAuthority.ZORGCOORDINATOR,
  [ShelterType.COSM]: PlacingAuthority.COMENSHA,
  [ShelterType.OMM]: PlacingAuthority.COMENSHA,
  [ShelterType.NLA_CRISIS]: PlacingAuthority.NLA,
  [ShelterType.NOODBED]: PlacingAuthority.POLICE,
  [ShelterType.JEUGDZORG]: PlacingAuthority.JEUGDBESCHERMING,
};
